/**
 * The PL/SQL the providers run: anonymous blocks (and EXEC) made of bind assignments
 * (`:b := 'x'`), DBMS_SCHEDULER.ENABLE / DISABLE / RUN_JOB / STOP_JOB and NULL. Anything else
 * fails as Oracle does for an undeclared identifier (ORA-06550 / PLS-00201).
 */
import type { LabStore } from '../state/store.js';
import { OraError } from './errors.js';
import { evaluate, parseExpr } from './expr.js';
import { Cursor, tokenize } from './lexer.js';
import type { SqlValue } from './values.js';

export interface PlsqlCtx {
  store: LabStore;
  dbName: string;
  user: string;
  now: Date;
  binds: Record<string, SqlValue>;
  /** Declared bind variables (VARIABLE) — assignment to an undeclared one fails. */
  declared: ReadonlySet<string>;
}

function location(sql: string, pos: number): string {
  const before = sql.slice(0, pos).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}:`;
}

function undeclared(sql: string, pos: number, name: string): OraError {
  const at = location(sql, pos);
  return new OraError(6550, at, pos, [`PLS-00201: identifier '${name}' must be declared`, `ORA-06550: ${at}`, 'PL/SQL: Statement ignored']);
}

function scheduler(c: Cursor, p: PlsqlCtx, proc: string): void {
  c.expect('(');
  const arg = parseExpr(c);
  while (c.accept(',')) parseExpr(c);
  c.expect(')');
  const raw = evaluate(arg, {}, { binds: p.binds, now: p.now, columns: new Set(), qualifiers: new Set() });
  const name = String(raw ?? '').toUpperCase();
  const [owner, job] = name.includes('.') ? name.split('.') as [string, string] : [p.user, name];
  p.store.update((state) => {
    const db = state.databases[p.dbName];
    const found = db && Object.values(db.schedulerJobs).find((j) => j.owner.toUpperCase() === owner && j.name.toUpperCase() === job);
    if (!found) throw new OraError(27476, `"${owner}"."${job}" does not exist`, undefined, ['ORA-06512: at "SYS.DBMS_ISCHED", line 4810', 'ORA-06512: at "SYS.DBMS_SCHEDULER", line 3082', 'ORA-06512: at line 1']);
    if (proc === 'ENABLE') found.enabled = true;
    else if (proc === 'DISABLE') found.enabled = false;
    else if (proc === 'RUN_JOB') Object.assign(found, { lastRun: p.now.toISOString(), lastStatus: 'SUCCEEDED', failureCount: 0 });
    else if (proc === 'STOP_JOB') found.lastStatus = 'STOPPED';
  });
}

function statement(c: Cursor, p: PlsqlCtx): void {
  const t = c.peek();
  if (t.type === 'bind') {
    c.next();
    c.expect(':=');
    const v = evaluate(parseExpr(c), {}, { binds: p.binds, now: p.now, columns: new Set(), qualifiers: new Set() });
    if (!p.declared.has(t.value)) throw new OraError(6550, location(c.sql, t.pos), t.pos, [`PLS-00049: bad bind variable '${t.value}'`]);
    p.binds[t.value] = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
    return;
  }
  if (c.accept('NULL')) return;
  const name = c.name();
  if (name.value === 'DBMS_SCHEDULER' && c.accept('.')) {
    const proc = c.name();
    if (['ENABLE', 'DISABLE', 'RUN_JOB', 'STOP_JOB'].includes(proc.value)) return scheduler(c, p, proc.value);
    throw undeclared(c.sql, proc.pos, `DBMS_SCHEDULER.${proc.value}`);
  }
  if (name.value === 'DBMS_LOCK' || name.value === 'DBMS_SESSION') {
    c.expect('.');
    c.name();
    c.expect('(');
    while (!c.is(')') && !c.atEnd()) c.next();
    c.expect(')');
    return;
  }
  throw undeclared(c.sql, name.pos, name.value);
}

/** Runs an anonymous block (text from BEGIN to END;). */
export function runBlock(sql: string, p: PlsqlCtx): void {
  const c = new Cursor(tokenize(sql), sql);
  if (c.accept('DECLARE')) while (!c.is('BEGIN') && !c.atEnd()) c.next();
  c.expect('BEGIN');
  while (!c.is('END') && !c.atEnd()) {
    statement(c, p);
    if (!c.accept(';')) throw new OraError(6550, location(sql, c.peek().pos), c.peek().pos, [`PLS-00103: Encountered the symbol "${c.peek().value || 'end-of-file'}" when expecting one of the following:`]);
  }
  c.expect('END');
  c.accept(';');
}
