/**
 * Oracle over SQL*Plus on a database host, through the pooled SSH connection:
 *
 *   /bin/sh  ← stdin: ORACLE_SID='SID' [ORACLE_HOME='…'] sqlplus -s /nolog <<'OPSCTL_SQL'
 *   SET …; WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK; CONNECT user@//host:port/service
 *   <password line>   VARIABLE/BEGIN :b := '…'; END; for every bind   <statement> /   EXIT
 *
 * The password travels on stdin only (never on a command line, never in an error). Values
 * reach the statement only as binds; SQL*Plus itself receives them as assignments built with
 * `sqlLiteral` (the documented exception). Output is CSV markup (`parseSqlplusCsv`); any
 * ORA-/SP2- line rejects with OracleError.
 */
import { parseSqlplusCsv } from '../parsers/sqlplus.js';
import { OracleError, QuotingError, RemoteCommandError } from './errors.js';
import { checkBindName, isPlsql, oracleErrorOf, OracleScriptError, sqlLiteral, type OracleBinds, type OracleRow, type OracleScriptResult, type OracleScriptRun, type OracleSqlSession, type OracleStatement } from './oracle.js';
import { completedStatements } from './sqlplus-script.js';
import { shellQuote } from './quote.js';
import type { Secret } from './secrets.js';
import type { ExecOptions, SshCommand } from './ssh.js';
import type { ExecResult } from './ssh-channel.js';

/** What the session needs of the SSH layer (providers' HostRunner satisfies it). */
export interface SqlplusHostRunner {
  exec(host: string, command: SshCommand, opts?: ExecOptions): Promise<ExecResult>;
}

export interface SqlplusTarget {
  hosts: SqlplusHostRunner;
  /** Inventory host that runs sqlplus. */
  host: string;
  /** ORACLE_SID of the instance on that host. */
  sid: string;
  /** When set, `$ORACLE_HOME/bin/sqlplus` is run (else `sqlplus` from the PATH). */
  oracleHome?: string;
  timeoutMs?: number;
}

export interface SqlplusSessionOptions extends SqlplusTarget {
  /** Network logon as this user; absent: `/ as sysdba` by OS authentication on the host. */
  connect?: {
    user: string;
    password: Secret;
    service: string;
    port: number;
    /** Listener host as seen from the database host (default localhost). */
    listenerHost?: string;
  };
}

const PREAMBLE = ['SET MARKUP CSV ON', 'SET FEEDBACK OFF', 'SET DEFINE OFF', 'SET SQLBLANKLINES ON', 'SET PAGESIZE 50000', 'SET LINESIZE 32767'];
/**
 * Dates and timestamps in one unambiguous form whatever the database's NLS defaults: the
 * default DD-MON-RR drops the time of day (an RMAN backup of 23:00 yesterday would read as
 * midnight). Times are the database's local time (Asia/Shanghai on the estate).
 */
const SESSION_FORMATS = [
  "ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD HH24:MI:SS';",
  "ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS';",
];
const USER = /^[A-Za-z][A-Za-z0-9_$#]*$/;
const SERVICE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const HOSTNAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$|^\[[0-9A-Fa-f:.]+\]$/;

/** `VARIABLE` declarations and one PL/SQL block assigning every bind. */
export function bindLines(binds: OracleBinds = {}): string[] {
  const names = Object.keys(binds);
  if (names.length === 0) return [];
  const declare = names.map((n) => {
    const v = binds[n];
    const type = typeof v === 'number' ? 'NUMBER' : `VARCHAR2(${Math.min(32767, Math.max(1, Buffer.byteLength(String(v ?? ''))))})`;
    return `VARIABLE ${checkBindName(n)} ${type}`;
  });
  const assign = names.map((n) => {
    const v = binds[n];
    if (v === null || v === undefined) return `  :${n} := NULL;`;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new QuotingError(`bind :${n} is not a finite number`);
      return `  :${n} := ${String(v)};`;
    }
    return `  :${n} := ${sqlLiteral(v)};`;
  });
  return [...declare, 'BEGIN', ...assign, 'END;', '/'];
}

/** A statement as a SQL*Plus buffer ended by `/` (a trailing `;` of SQL removed: `/` runs it). */
export function statementLines(sql: string): string[] {
  const text = sql.replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '' && l.trim() !== '/').join('\n').trim();
  const body = isPlsql(text) ? text : text.replace(/;\s*$/, '');
  return [body, '/'];
}

/**
 * The command line: `/bin/sh` reading a script from stdin, whose one command runs sqlplus with
 * quoted ORACLE_SID/ORACLE_HOME assignments and the SQL*Plus input as a quoted here-document.
 * Nothing of the input (password, values) is on a command line: the here-document is data.
 * (Not `sh -c '…'` with stdin: the lab's SSH server gives stdin only to commands it knows read
 * it, and a real `sh -c` would do the same job.)
 */
export function shellScript(t: SqlplusTarget, logon: string, input: string): string {
  const env = [`ORACLE_SID=${shellQuote(t.sid)}`, ...(t.oracleHome ? [`ORACLE_HOME=${shellQuote(t.oracleHome)}`] : [])];
  const bin = t.oracleHome ? shellQuote(`${t.oracleHome.replace(/\/$/, '')}/bin/sqlplus`) : 'sqlplus';
  const lines = input.split('\n');
  let tag = 'OPSCTL_SQL';
  for (let n = 1; lines.includes(tag); n++) tag = `OPSCTL_SQL_${n}`;
  return `${env.join(' ')} ${bin} -s ${logon} <<'${tag}'\n${input.endsWith('\n') ? input : `${input}\n`}${tag}\n`;
}

async function run(t: SqlplusTarget, logon: string, stdin: string, what: string): Promise<string> {
  const result = await t.hosts.exec(t.host, ['/bin/sh'], { stdin: shellScript(t, logon, stdin), ...(t.timeoutMs ? { timeoutMs: t.timeoutMs } : {}) });
  const out = `${result.stdout}\n${result.stderr}`;
  const ora = oracleErrorOf(out, { host: t.host });
  if (ora) throw ora;
  if (result.exitCode !== 0) throw new RemoteCommandError(`sqlplus (${what})`, result.exitCode, result.stderr || result.stdout, { host: t.host });
  return result.stdout;
}

function connectLines(o: SqlplusSessionOptions): string[] {
  const c = o.connect;
  if (!c) return [];
  if (!USER.test(c.user)) throw new QuotingError(`not an Oracle user name: ${JSON.stringify(c.user.slice(0, 40))}`);
  if (!SERVICE.test(c.service)) throw new QuotingError(`not a service name: ${JSON.stringify(c.service.slice(0, 60))}`);
  const raw = c.listenerHost ?? 'localhost';
  const host = raw.includes(':') && !raw.startsWith('[') ? `[${raw}]` : raw;
  if (!HOSTNAME.test(host) || !Number.isInteger(c.port)) throw new QuotingError(`not a listener address: ${host}:${c.port}`);
  const password = c.password.reveal();
  if (/[\r\n\0]/.test(password)) throw new QuotingError(`the password of ${c.user} (${c.password.ref}) contains a line break`);
  return [`CONNECT ${c.user}@//${host}:${c.port}/${c.service}`, password];
}

/** Rows affected from DML feedback lines (`3 rows updated.`), in order. */
function feedbackCounts(text: string): number[] {
  return [...text.matchAll(/^(\d+|no) rows? (?:created|updated|deleted|merged)\.$/gm)].map((m) => (m[1] === 'no' ? 0 : Number(m[1])));
}

export function createSqlplusSession(o: SqlplusSessionOptions): OracleSqlSession {
  const logon = o.connect ? '/nolog' : shellQuote('/ as sysdba');
  const script = (body: string[], feedback: boolean): string =>
    [...PREAMBLE, 'WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK', ...connectLines(o), ...SESSION_FORMATS, ...(feedback ? ['SET FEEDBACK 1'] : []), ...body, 'EXIT', ''].join('\n');
  const many = async (statements: readonly OracleStatement[]): Promise<{ rowsAffected: number[] }> => {
    const body = statements.flatMap((s) => [...bindLines(s.binds), ...statementLines(s.sql)]);
    const out = await run(o, logon, script([...body, 'COMMIT;'], true), `${statements.length} statement(s)`);
    const counts = feedbackCounts(out);
    return { rowsAffected: statements.map((s) => (/^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i.test(s.sql) ? counts.shift() ?? 0 : 0)) };
  };
  return {
    async query(sql: string, binds?: OracleBinds): Promise<OracleRow[]> {
      const out = await run(o, logon, script([...bindLines(binds), ...statementLines(sql)], false), 'query');
      const parsed = parseSqlplusCsv(out);
      if (!parsed.ok) {
        if (parsed.error.kind === 'ora') throw new OracleError(parsed.error.code, parsed.error.message, { host: o.host });
        throw new OracleError('SQLPLUS-OUTPUT', `sqlplus output on ${o.host} not understood: ${parsed.error.message}`, { host: o.host });
      }
      return parsed.value.records as OracleRow[];
    },
    async execute(sql: string, binds?: OracleBinds): Promise<{ rowsAffected: number }> {
      const r = await many([{ sql, ...(binds ? { binds } : {}) }]);
      return { rowsAffected: r.rowsAffected[0] ?? 0 };
    },
    transaction: many,
    close: async () => {},
    runScript: (r) => runScript(o, logon, r),
  };
}

const BEGIN_MARK = 'opsctl-script-begin';
const END_MARK = 'opsctl-script-end';

/**
 * The script file as SQL*Plus reads it from a file, unmodified, between two PROMPT markers,
 * after the session setup (WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK, logon, NLS formats,
 * FEEDBACK 1 so every statement reports completion); then the `after` statements with their
 * binds, COMMIT, EXIT. An error anywhere exits at once and rolls back the uncommitted DML.
 */
export function scriptInput(o: SqlplusSessionOptions, r: OracleScriptRun): string {
  const text = r.text.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  const after = (r.after ?? []).flatMap((st) => [...bindLines(st.binds), ...statementLines(st.sql)]);
  return [...PREAMBLE, 'WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK', ...connectLines(o), ...SESSION_FORMATS, 'SET FEEDBACK 1', `PROMPT ${BEGIN_MARK}`, text, `PROMPT ${END_MARK}`, ...after, 'COMMIT;', 'EXIT', ''].join('\n');
}

async function runScript(o: SqlplusSessionOptions, logon: string, r: OracleScriptRun): Promise<OracleScriptResult> {
  const timeoutMs = r.timeoutMs ?? o.timeoutMs;
  const result = await o.hosts.exec(o.host, ['/bin/sh'], { stdin: shellScript(o, logon, scriptInput(o, r)), ...(timeoutMs ? { timeoutMs } : {}) });
  const out = `${result.stdout}\n${result.stderr}`.replace(/\r\n/g, '\n');
  const begin = out.split('\n').findIndex((l) => l.trim() === BEGIN_MARK);
  const lines = out.split('\n');
  const endAt = lines.findIndex((l) => l.trim() === END_MARK);
  const scriptOut = begin < 0 ? '' : lines.slice(begin + 1, endAt < 0 ? undefined : endAt).join('\n');
  const completed = completedStatements(scriptOut);
  const ora = oracleErrorOf(out, { host: o.host });
  if (ora) throw new OracleScriptError(ora.code, ora.message, { host: o.host }, completed, endAt >= 0, begin >= 0);
  if (result.exitCode !== 0) throw new RemoteCommandError(`sqlplus (script ${r.name})`, result.exitCode, result.stderr || result.stdout, { host: o.host });
  if (begin < 0 || endAt < 0) throw new OracleScriptError('OPSCTL-SCRIPT', `sqlplus on ${o.host} did not run script ${r.name} to its end (no ${begin < 0 ? 'start' : 'end'} marker in its output)`, { host: o.host }, completed, false, begin >= 0);
  return { completed, output: scriptOut.trim() };
}

/**
 * SQL*Plus commands as SYSDBA by OS authentication (`/ as sysdba`) on the instance's host —
 * for SHUTDOWN/STARTUP, which no network session can do. `lines` are SQL*Plus commands
 * (`SHUTDOWN IMMEDIATE`, `STARTUP`); they take no values. Returns the output.
 */
export async function runSqlplusSysdba(t: SqlplusTarget, lines: readonly string[]): Promise<string> {
  for (const l of lines) if (!/^[A-Z][A-Z ]*$/.test(l)) throw new QuotingError(`not a plain SQL*Plus command: ${JSON.stringify(l.slice(0, 40))}`);
  const stdin = ['WHENEVER SQLERROR EXIT SQL.SQLCODE', ...lines, 'EXIT', ''].join('\n');
  return run(t, shellQuote('/ as sysdba'), stdin, lines.join('; '));
}
