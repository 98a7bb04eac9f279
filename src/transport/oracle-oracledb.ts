/**
 * Oracle through node-oracledb from the ops host. Thin mode by default (pure JavaScript, needs
 * Oracle Database 12.1+); `thick: true` calls initOracleClient() first — required for 11.2
 * databases (and 10G password verifiers, native network encryption), with Oracle Client 19+
 * installed on the ops host. The library is imported lazily, only when a session is made, so
 * the CLI does not load it unless a database uses `connect.via: oracledb`.
 *
 * `driver` is the boundary tests replace with a fake: the few calls used here. Binds go to
 * the driver as binds; driver errors carrying `ORA-nnnnn` become OracleError.
 */
import { OracleError, TransportTimeoutError } from './errors.js';
import { OracleScriptError, type OracleBinds, type OracleRow, type OracleScriptResult, type OracleScriptRun, type OracleSqlSession, type OracleStatement } from './oracle.js';
import { parseSqlplusScript } from './sqlplus-script.js';
import type { Secret } from './secrets.js';

/** The part of a node-oracledb Connection this module uses. */
export interface OracledbConnection {
  execute(sql: string, binds: OracleBinds, options: { outFormat?: number; autoCommit?: boolean }): Promise<{ rows?: unknown[]; rowsAffected?: number }>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
  callTimeout?: number;
}

/** The part of the node-oracledb module this module uses. */
export interface OracledbDriver {
  OUT_FORMAT_OBJECT: number;
  getConnection(attrs: { user: string; password: string; connectString: string; connectTimeout?: number }): Promise<OracledbConnection>;
  initOracleClient?(options?: Record<string, unknown>): void;
}

export interface OracledbSessionOptions {
  /** Easy Connect: `host:port/service` (a bare name would be a TNS alias). */
  connectString: string;
  user: string;
  password: Secret;
  /** Thick mode (Oracle Client libraries): needed for 11.2. Default thin. */
  thick?: boolean;
  /** Seconds to establish the connection (default 15). */
  connectTimeoutSeconds?: number;
  /** Per round-trip limit in ms (connection.callTimeout; default 60000). */
  callTimeoutMs?: number;
  /** Injected driver (tests); default: `await import('oracledb')`. */
  driver?: OracledbDriver;
}

let thickDone = false;

async function loadDriver(o: OracledbSessionOptions): Promise<OracledbDriver> {
  if (o.driver) return o.driver;
  // No bundled types (@types/oracledb is not a dependency): the driver is used through OracledbDriver.
  const specifier = 'oracledb';
  const mod = (await import(specifier)) as { default?: OracledbDriver } & OracledbDriver;
  const driver = mod.default ?? mod;
  if (o.thick && !thickDone) {
    driver.initOracleClient?.();
    thickDone = true;
  }
  return driver;
}

/** A driver error as OracleError when it names an ORA- code; other errors pass unchanged. */
export function toOracleError(err: unknown, host?: string): unknown {
  if (err instanceof OracleError) return err;
  const e = err as { message?: string; errorNum?: number; code?: string } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const m = /\b(ORA-\d{5})\b/.exec(message) ?? (e?.code && /^ORA-\d{5}$/.test(e.code) ? [e.code, e.code] : null);
  if (m) return new OracleError(m[1] as string, message.split('\n')[0] ?? message, { cause: err, ...(host ? { host } : {}) });
  if (typeof e?.code === 'string' && /^DPI-10(67|80)$/.test(e.code)) return new TransportTimeoutError('Oracle call', 0, { cause: err });
  return err;
}

function hostOf(connectString: string): string | undefined {
  return /^(?:\/\/)?(\[[^\]]+\]|[^:/]+)/.exec(connectString)?.[1];
}

function normalise(row: unknown): OracleRow {
  const out: OracleRow = {};
  for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
    out[k.toUpperCase()] = v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v);
  }
  return out;
}

export function createOracledbSession(o: OracledbSessionOptions): OracleSqlSession {
  const host = hostOf(o.connectString);
  let conn: Promise<OracledbConnection> | undefined;
  const connection = (): Promise<OracledbConnection> => {
    conn ??= (async () => {
      const driver = await loadDriver(o);
      const c = await driver.getConnection({ user: o.user, password: o.password.reveal(), connectString: o.connectString, connectTimeout: o.connectTimeoutSeconds ?? 15 });
      c.callTimeout = o.callTimeoutMs ?? 60_000;
      return c;
    })().catch((err: unknown) => {
      conn = undefined;
      throw toOracleError(err, host);
    });
    return conn;
  };
  const guarded = async <T>(work: (c: OracledbConnection, driver: OracledbDriver) => Promise<T>): Promise<T> => {
    const c = await connection();
    try {
      return await work(c, await loadDriver(o));
    } catch (err) {
      throw toOracleError(err, host);
    }
  };
  return {
    query: (sql, binds = {}) => guarded(async (c, d) => ((await c.execute(sql, binds, { outFormat: d.OUT_FORMAT_OBJECT })).rows ?? []).map(normalise)),
    execute: (sql, binds = {}) => guarded(async (c) => ({ rowsAffected: (await c.execute(sql, binds, { autoCommit: true })).rowsAffected ?? 0 })),
    transaction: (statements: readonly OracleStatement[]) => guarded(async (c) => {
      const rowsAffected: number[] = [];
      try {
        for (const s of statements) rowsAffected.push((await c.execute(s.sql, s.binds ?? {}, { autoCommit: false })).rowsAffected ?? 0);
        await c.commit();
      } catch (err) {
        await c.rollback().catch(() => undefined);
        throw err;
      }
      return { rowsAffected };
    }),
    runScript: (r: OracleScriptRun) => guarded((c) => runScript(c, r, host, o.callTimeoutMs ?? 60_000)),
    close: async () => {
      const c = conn;
      conn = undefined;
      if (c) await (await c.catch(() => undefined))?.close();
    },
  };
}

/**
 * A migration script through the driver: split as SQL*Plus splits it (sqlplus-script.ts), each
 * SQL statement without its `;` (PL/SQL blocks whole; EXEC as a block; PROMPT/REM/SET ignored),
 * then `after`, then COMMIT; on the first error ROLLBACK (the uncommitted DML) and reject with
 * OracleScriptError saying how many statements had completed. `callTimeout` is raised to the
 * run's limit for the duration.
 */
async function runScript(c: OracledbConnection, r: OracleScriptRun, host: string | undefined, callTimeoutMs: number): Promise<OracleScriptResult> {
  const units = parseSqlplusScript(r.text).units;
  const done: string[] = [];
  let finished = false;
  if (r.timeoutMs) c.callTimeout = r.timeoutMs;
  try {
    for (const u of units) {
      let sql: string | undefined;
      if (u.kind === 'sql') sql = u.text.replace(/;\s*(--[^\n]*)?\s*$/, '');
      else if (u.kind === 'plsql') sql = u.text;
      else if (/^EXEC(UTE)?\s/i.test(u.text)) sql = `BEGIN ${u.text.replace(/^EXEC(UTE)?\s+/i, '').replace(/;\s*$/, '')}; END;`;
      if (sql === undefined) continue;
      await c.execute(sql, {}, { autoCommit: false });
      done.push(u.text.split('\n')[0]!.slice(0, 80));
    }
    finished = true;
    for (const st of r.after ?? []) await c.execute(st.sql, st.binds ?? {}, { autoCommit: false });
    await c.commit();
    return { completed: done.length, output: done.map((d) => `done: ${d}`).join('\n') };
  } catch (err) {
    await c.rollback().catch(() => undefined);
    const e = toOracleError(err, host);
    if (e instanceof OracleError) throw new OracleScriptError(e.code, e.message, { cause: err, ...(host ? { host } : {}) }, done.length, finished, true);
    throw e;
  } finally {
    c.callTimeout = callTimeoutMs;
  }
}

/** `user/password@//host:port/service` (OPSCTL_ORACLE_CONNECT) split at the last `@` (passwords may hold one). */
export function parseConnectUrl(text: string): { user: string; password: string; connectString: string; host: string } | undefined {
  const t = text.trim();
  const at = t.lastIndexOf('@');
  const slash = t.indexOf('/');
  if (at < 0 || slash < 1 || slash > at) return undefined;
  const m = /^(?:\/\/)?((\[[^\]]+\]|[A-Za-z0-9.-]+)(?::\d+)?\/[A-Za-z0-9_.-]+)$/.exec(t.slice(at + 1));
  if (!m) return undefined;
  return { user: t.slice(0, slash), password: t.slice(slash + 1, at), connectString: m[1]!, host: m[2]!.replace(/^\[|\]$/g, '') };
}
