/**
 * The Oracle query interface both transports implement (sqlplus over SSH, node-oracledb), the
 * bind rules they share, and ORA- error typing from text. Structurally the same as the
 * `OracleSession` of providers/context.ts (transport may not import providers/), plus
 * `transaction` for several DML statements committed together.
 *
 * Values reach SQL only as bind variables. The ONE exception is `sqlLiteral`, for the few
 * statements Oracle cannot bind (ALTER SYSTEM SET … = value, and SQL*Plus's own bind
 * assignments `:b := '…'`, which is how SQL*Plus hands a value to a bind): it doubles quotes
 * and refuses what a SQL*Plus line cannot carry. Callers validate values against a strict
 * pattern before they get here.
 */
import { parseOraErrors } from '../parsers/sqlplus.js';
import { OracleError, QuotingError, SshConnectError, type TransportErrorOptions } from './errors.js';

export type OracleValue = string | number | null;
/** A row: column name (upper case) → value. */
export type OracleRow = Record<string, OracleValue>;
/** Bind variables by name (without the colon). */
export type OracleBinds = Record<string, OracleValue>;

export interface OracleStatement {
  sql: string;
  binds?: OracleBinds;
}

/** A SQL*Plus script file run as one unit (a release migration), then `after` in the same session. */
export interface OracleScriptRun {
  /** For messages: the script's id. */
  name: string;
  /** The file's text, sent unmodified (sqlplus) or statement by statement as SQL*Plus splits it (oracledb). */
  text: string;
  /** Run after the script in the same session and transaction, then COMMIT (e.g. the history row). */
  after?: readonly OracleStatement[];
  /** Limit for the whole run (an ONLINE index build can take most of a window). */
  timeoutMs?: number;
}

export interface OracleScriptResult {
  /** Statements of the script that reported completion. */
  completed: number;
  /** What SQL*Plus printed for the script (feedback lines), for the journal message. */
  output: string;
}

/**
 * A script stopped at an Oracle error. `completed` statements of the script had reported
 * completion before it (DDL among them is committed: Oracle commits before and after every
 * DDL); `scriptFinished` means every statement of the script ran and the error came from the
 * `after` statements; `started` is false when the session never reached the script (logon).
 */
export class OracleScriptError extends OracleError {
  override readonly name = 'OracleScriptError';
  constructor(code: string, message: string, options: TransportErrorOptions, readonly completed: number, readonly scriptFinished: boolean, readonly started: boolean) {
    super(code, message, options);
  }
}

export interface OracleSqlSession {
  /** One SELECT; rows keyed by upper-case column name. */
  query(sql: string, binds?: OracleBinds): Promise<OracleRow[]>;
  /** One statement, then COMMIT; rows affected for DML (0 otherwise). */
  execute(sql: string, binds?: OracleBinds): Promise<{ rowsAffected: number }>;
  /** Several DML statements in one transaction: all committed, or (on the first error) none. */
  transaction(statements: readonly OracleStatement[]): Promise<{ rowsAffected: number[] }>;
  /** Release the connection (node-oracledb); a no-op for sqlplus (one process per call). */
  close(): Promise<void>;
  /** Run a migration script as one unit (see OracleScriptRun); rejects with OracleScriptError. */
  runScript?(run: OracleScriptRun): Promise<OracleScriptResult>;
}

/** Does the session support `transaction` (both transports here do; test doubles may not)? */
export function hasTransactions(s: object): s is Pick<OracleSqlSession, 'transaction'> {
  return typeof (s as { transaction?: unknown }).transaction === 'function';
}

const BIND_NAME = /^[A-Za-z][A-Za-z0-9_]{0,29}$/;

/** Bind names are plain identifiers (they become SQL*Plus VARIABLE names). */
export function checkBindName(name: string): string {
  if (!BIND_NAME.test(name)) throw new QuotingError(`not a bind variable name: ${JSON.stringify(name.slice(0, 40))}`);
  return name;
}

/**
 * A SQL string literal: `it's` → `'it''s'`. Only for text Oracle cannot bind (see the header);
 * refuses NUL, CR and LF (SQL*Plus reads its input by lines, and a line `/` or `.` inside a
 * value would end the buffer).
 */
export function sqlLiteral(value: string): string {
  if (/[\0\r\n]/.test(value)) throw new QuotingError('a SQL literal for SQL*Plus may not contain NUL, CR or LF');
  return `'${value.replace(/'/g, "''")}'`;
}

/** First word of a statement, upper-cased (SELECT, INSERT, BEGIN, ALTER …). */
export function firstWord(sql: string): string {
  return (/^\s*([A-Za-z]+)/.exec(sql)?.[1] ?? '').toUpperCase();
}

export function isPlsql(sql: string): boolean {
  const w = firstWord(sql);
  return w === 'BEGIN' || w === 'DECLARE';
}

/**
 * The first ORA- (or SP2-/TNS-/PLS-) error in Oracle tool output as an OracleError whose
 * message lists every error line (ORA-01034 is followed by ORA-27101); undefined if none.
 */
export function oracleErrorOf(text: string, options: TransportErrorOptions = {}): OracleError | undefined {
  const errors = parseOraErrors(text);
  const ora = errors.find((e) => e.facility === 'ORA') ?? errors[0];
  if (!ora) return undefined;
  const message = errors.map((e) => `${e.code}: ${e.message}`).join(' / ');
  return new OracleError(ora.code, message, options);
}

/**
 * One session over several candidates (the instance hosts of a database, in order): a call
 * goes to the first candidate that answers; when reaching it fails for a reason other than an
 * Oracle error (SSH refused, host unreachable, timeout), the next one is tried — for changes
 * only when the host could not be reached at all (a timed-out change may have run). An
 * OracleError is the database's answer and is returned as is.
 */
export function withFailover(candidates: ReadonlyArray<() => OracleSqlSession>): OracleSqlSession {
  if (candidates.length === 0) throw new QuotingError('a failover session needs at least one candidate');
  const made = new Map<number, OracleSqlSession>();
  let preferred = 0;
  const attempt = async <T>(call: (s: OracleSqlSession) => Promise<T>, change = false): Promise<T> => {
    let last: unknown;
    for (let k = 0; k < candidates.length; k++) {
      const i = (preferred + k) % candidates.length;
      let s = made.get(i);
      if (!s) made.set(i, (s = candidates[i]!()));
      try {
        const r = await call(s);
        preferred = i;
        return r;
      } catch (err) {
        if (err instanceof OracleError || (change && !(err instanceof SshConnectError))) throw err;
        last = err;
      }
    }
    throw last;
  };
  return {
    query: (sql, binds) => attempt((s) => s.query(sql, binds)),
    execute: (sql, binds) => attempt((s) => s.execute(sql, binds), true),
    transaction: (statements) => attempt((s) => s.transaction(statements), true),
    runScript: (run) => attempt((s) => {
      if (!s.runScript) throw new OracleError('OPSCTL-SCRIPT', 'this Oracle session cannot run migration scripts');
      return s.runScript(run);
    }, true),
    close: async () => {
      await Promise.all([...made.values()].map((s) => s.close()));
    },
  };
}
