/**
 * One sqlplus run: settings, bind variables, WHENEVER SQLERROR, the connection and its
 * transaction (DML applies to a private copy of the tables at once and is replayed on the
 * shared state at COMMIT; EXIT and DDL commit, ROLLBACK discards), and the output lines.
 * Schema DDL (tables, columns, indexes, comments) is ddl.ts.
 */
import type { LabDatabase, LabTable } from '../state/types.js';
import type { ShellContext } from '../shell/types.js';
import { runAlter } from './admin.js';
import { matchCatalogue } from './catalogue.js';
import { isSchemaDdl, runDdl } from './ddl.js';
import type { Connection, PasswordCheck } from './connect.js';
import { isDown } from './connect.js';
import type { QueryCtx } from './context.js';
import { applyDml, parseDml } from './dml.js';
import type { DmlEnv, DmlStmt } from './dml.js';
import { OraError, ora } from './errors.js';
import { DEFAULT_OUTPUT, dmlFeedback, formatResult } from './format.js';
import type { OutputSettings } from './format.js';
import { Cursor, tokenize } from './lexer.js';
import { runBlock } from './plsql.js';
import { parseSelect, runSelect } from './select.js';
import { DEFAULT_NLS } from './values.js';
import type { NlsFormats, SqlValue } from './values.js';

export class ExitSignal {
  constructor(readonly code: number) {}
}

export interface Whenever {
  /** Exit spec (SQL.SQLCODE, FAILURE, SUCCESS, WARNING, n, :bind) or undefined = CONTINUE. */
  exit?: string;
  rollback: boolean;
}

export class Session {
  out: string[] = [];
  settings: OutputSettings = { ...DEFAULT_OUTPUT };
  nls: NlsFormats = { ...DEFAULT_NLS };
  binds: Record<string, SqlValue> = {};
  declared = new Set<string>();
  whenever: Whenever = { rollback: false };
  conn: Connection | undefined;
  lastSqlcode = 0;
  private ops: Array<{ stmt: DmlStmt; env: DmlEnv }> = [];
  private working: Record<string, LabTable> | undefined;

  constructor(readonly ctx: ShellContext, readonly passwordCheck?: PasswordCheck) {}

  feedback(line: string): void {
    if (this.settings.feedback > 0) this.out.push(line);
  }

  exitCode(spec: string | undefined): number {
    const s = (spec ?? 'SUCCESS').toUpperCase();
    let n: number;
    if (s === 'SQL.SQLCODE') n = this.lastSqlcode;
    else if (s === 'SUCCESS') n = 0;
    else if (s === 'FAILURE') n = 1;
    else if (s === 'WARNING') n = 2;
    else if (s.startsWith(':')) n = Number(this.binds[s.slice(1)] ?? 0);
    else n = Number(s);
    return Number.isFinite(n) ? ((n % 256) + 256) % 256 : 0;
  }

  /** EXIT: commit (or roll back) and stop. */
  exit(code: number, rollback = false): never {
    if (rollback) this.rollback();
    else this.commit();
    throw new ExitSignal(code);
  }

  private db(): LabDatabase {
    const conn = this.conn!;
    const state = this.ctx.store.read();
    const db = state.databases[conn.dbName];
    if (conn.idle || !db || isDown(db, state, conn.remote ? undefined : conn.sid)) throw ora.notAvailable(conn.remote);
    return db;
  }

  private queryCtx(db: LabDatabase): QueryCtx {
    const state = this.ctx.store.read();
    return { state, db, sid: this.conn!.sid, host: this.ctx.host, now: this.ctx.now, tables: this.working ?? db.tables, binds: this.binds };
  }

  commit(): void {
    if (this.ops.length > 0 && this.conn) {
      const { dbName } = this.conn;
      const ops = this.ops;
      this.ctx.store.update((state) => {
        const db = state.databases[dbName];
        if (db) for (const op of ops) applyDml(op.stmt, db.tables, op.env);
      });
    }
    this.rollback();
  }

  rollback(): void {
    this.ops = [];
    this.working = undefined;
  }

  runSql(text: string, plsql: boolean): void {
    if (!this.conn) {
      this.out.push('SP2-0640: Not connected');
      return;
    }
    try {
      this.dispatch(text, plsql);
    } catch (e) {
      if (!(e instanceof OraError)) throw e;
      this.reportError(text, e);
    }
  }

  reportError(text: string, e: OraError, connectError = false): void {
    if (connectError) this.out.push('ERROR:');
    else {
      const pos = Math.min(e.pos ?? 0, text.length);
      const before = text.slice(0, pos);
      const lineNo = before.split('\n').length;
      if (!/IDENTIFIED\s+BY/i.test(text)) {
        const lineText = text.split('\n')[lineNo - 1] ?? '';
        this.out.push(lineText, `${' '.repeat(pos - (before.lastIndexOf('\n') + 1))}*`);
      }
      this.out.push(`ERROR at line ${lineNo}:`);
    }
    this.out.push(...e.lines(), '');
    this.lastSqlcode = e.code;
    if (this.whenever.exit !== undefined) this.exit(this.exitCode(this.whenever.exit), this.whenever.rollback);
  }

  private dispatch(text: string, plsql: boolean): void {
    const db = this.db();
    const c = new Cursor(tokenize(text), text);
    const first = c.peek().value;
    if (plsql || first === 'BEGIN' || first === 'DECLARE') {
      runBlock(text, { store: this.ctx.store, dbName: db.name, user: this.conn!.user, now: this.ctx.now, binds: this.binds, declared: this.declared });
      this.feedback('PL/SQL procedure successfully completed.');
    } else if (first === 'SELECT' || first === 'WITH') {
      const q = this.queryCtx(db);
      const known = matchCatalogue(text);
      const result = known ? known.answer(q) : runSelect(parseSelect(c), q);
      this.out.push(...formatResult(result, this.settings, this.nls));
    } else if (first === 'INSERT' || first === 'UPDATE' || first === 'DELETE') {
      this.dml(db, c);
    } else if (first === 'COMMIT' || first === 'ROLLBACK') {
      if (first === 'COMMIT') this.commit();
      else this.rollback();
      this.feedback(first === 'COMMIT' ? 'Commit complete.' : 'Rollback complete.');
    } else if (first === 'ALTER' && c.is('SESSION', 1)) {
      this.alterSession(c);
    } else if (isSchemaDdl(c)) {
      this.commit();
      this.feedback(runDdl(c, { store: this.ctx.store, dbName: db.name, now: this.ctx.now, user: this.conn!.user }));
    } else if (first === 'ALTER') {
      this.commit();
      c.next();
      this.feedback(runAlter(c, { store: this.ctx.store, dbName: db.name, now: this.ctx.now, user: this.conn!.user }));
    } else if (['CREATE', 'DROP', 'GRANT', 'REVOKE', 'TRUNCATE', 'MERGE', 'RENAME', 'PURGE'].includes(first)) {
      throw ora.insufficientPrivileges();
    } else {
      throw ora.invalidSql(c.peek().pos);
    }
  }

  private dml(db: LabDatabase, c: Cursor): void {
    if (db.role !== 'PRIMARY' || db.openMode.startsWith('READ ONLY')) throw ora.readOnly();
    if (db.openMode === 'MOUNTED') throw ora.notOpen();
    const stmt = parseDml(c);
    const env: DmlEnv = { binds: { ...this.binds }, now: this.ctx.now };
    this.working ??= structuredClone(db.tables);
    const n = applyDml(stmt, this.working, env);
    this.ops.push({ stmt, env });
    this.feedback(dmlFeedback(stmt.kind, n));
  }

  private alterSession(c: Cursor): void {
    c.next();
    c.next();
    c.expect('SET');
    while (!c.atEnd()) {
      const name = c.name().value;
      c.expect('=');
      const value = c.next().value;
      if (name === 'NLS_DATE_FORMAT') this.nls.date = value;
      else if (name === 'NLS_TIMESTAMP_FORMAT') this.nls.timestamp = value;
      else if (name === 'NLS_TIMESTAMP_TZ_FORMAT') this.nls.timestamptz = value;
    }
    this.feedback('Session altered.');
  }
}
