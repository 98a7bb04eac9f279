/**
 * Logging on: parses SQL*Plus logon strings (`/ as sysdba`, `user/pw@//host:port/svc`,
 * `user@svc` with the password on the next input line) and finds the lab database — by the
 * instance on this host (ORACLE_SID picks among several) for bequeath logons, by service for
 * network ones. Honours the `db-down` fault and instance status (ORA-01034/ORA-27101). An
 * account's password is checked against its digest (state/password.ts) when it has one.
 */
import type { LabDatabase, LabState } from '../state/types.js';
import type { ShellContext } from '../shell/types.js';
import { passwordMatches } from '../state/password.js';
import { OraError, ora } from './errors.js';

export interface Connection {
  dbName: string;
  sid: string;
  user: string;
  sysdba: boolean;
  remote: boolean;
  /** Bequeath SYSDBA logon to an instance that is not running ("Connected to an idle instance."). */
  idle: boolean;
}

export interface LogonSpec {
  user: string;
  password?: string;
  connect?: string;
  sysdba: boolean;
}

/** Checks a password for a user of a lab database; absent = any non-empty password is accepted. */
export type PasswordCheck = (user: string, password: string, db: LabDatabase) => boolean;

const unquote = (s: string): string => s.replace(/^"(.*)"$/, '$1');

export function parseLogon(text: string): LogonSpec {
  let rest = text.trim();
  const as = /\s+as\s+(sysdba|sysoper|sysasm|sysdg|sysbackup)\s*$/i.exec(rest);
  if (as) rest = rest.slice(0, as.index).trim();
  const m = /^("[^"]*"|[^/@]*)(?:\/("[^"]*"|[^@]*))?(?:@(.*))?$/.exec(rest);
  const user = unquote(m?.[1] ?? '').toUpperCase();
  return {
    user, sysdba: Boolean(as && /sysdba/i.test(as[1] ?? '')),
    ...(m?.[2] !== undefined ? { password: unquote(m[2]) } : {}),
    ...(m?.[3] ? { connect: m[3].trim() } : {}),
  };
}

export function isDown(db: LabDatabase, state: LabState, sid?: string): boolean {
  if (state.faults.some((f) => f.name === 'db-down' && (f.target === db.name || f.target === db.dbName))) return true;
  const instances = sid ? db.instances.filter((i) => i.sid === sid) : db.instances;
  return instances.length === 0 || instances.every((i) => i.status === 'DOWN');
}

function byService(state: LabState, connect: string): { db: LabDatabase; port?: number } | undefined {
  const m = /^(?:\/\/)?(?:([^:/]+)(?::(\d+))?\/)?([^/:]+)(?::\w+)?(?:\/\w+)?$/.exec(connect);
  const service = (m?.[3] ?? connect).toLowerCase();
  const port = m?.[2] ? Number(m[2]) : undefined;
  const db = Object.values(state.databases).find((d) =>
    [d.service, d.name, d.dbName].some((n) => n.toLowerCase() === service || n.toLowerCase().split('.')[0] === service.split('.')[0]));
  return db ? { db, ...(port !== undefined ? { port } : {}) } : undefined;
}

function checkAccount(db: LabDatabase, spec: LogonSpec, password: string, check?: PasswordCheck): void {
  if (!password) throw new OraError(1005, 'null password given; logon denied');
  const builtin = spec.user === 'SYS' || spec.user === 'SYSTEM';
  const account = db.users[spec.user];
  if (!builtin && !account) throw new OraError(1017, 'invalid username/password; logon denied');
  if (account && !passwordMatches(account.passwordDigest, password)) throw new OraError(1017, 'invalid username/password; logon denied');
  if (check && !check(spec.user, password, db)) throw new OraError(1017, 'invalid username/password; logon denied');
  if (spec.user === 'SYS' && !spec.sysdba) throw new OraError(28009, 'connection as SYS should be as SYSDBA or SYSOPER');
  if (account?.accountStatus.startsWith('LOCKED')) throw new OraError(28000, 'The account is locked.');
  if (account?.accountStatus === 'EXPIRED') throw new OraError(28001, 'the password has expired');
}

function local(spec: LogonSpec, ctx: ShellContext, state: LabState): Connection {
  const here = Object.values(state.databases).flatMap((db) => db.instances.filter((i) => i.host === ctx.host).map((i) => ({ db, i })));
  const sidEnv = ctx.env.ORACLE_SID;
  const pick = sidEnv ? here.find((x) => x.i.sid === sidEnv) : here.length === 1 ? here[0] : undefined;
  if (!sidEnv && !pick) throw new OraError(12162, 'TNS:net service name is incorrectly specified');
  if (!spec.sysdba && !spec.user) throw new OraError(1017, 'invalid username/password; logon denied');
  if (!pick) {
    if (!spec.sysdba) throw ora.notAvailable(true);
    return { dbName: '', sid: sidEnv ?? '', user: 'SYS', sysdba: true, remote: false, idle: true };
  }
  const down = isDown(pick.db, state, pick.i.sid);
  if (spec.sysdba && !spec.user) return { dbName: pick.db.name, sid: pick.i.sid, user: 'SYS', sysdba: true, remote: false, idle: down };
  if (down) throw ora.notAvailable(true);
  return { dbName: pick.db.name, sid: pick.i.sid, user: spec.user, sysdba: spec.sysdba, remote: false, idle: false };
}

/** Resolves a logon; throws the OraError SQL*Plus would print after "ERROR:". */
export function logon(spec: LogonSpec, password: string | undefined, ctx: ShellContext, check?: PasswordCheck): Connection {
  const state = ctx.store.read();
  if (!spec.connect) {
    const conn = local(spec, ctx, state);
    const db = state.databases[conn.dbName];
    if (spec.user && db && !conn.idle) checkAccount(db, spec, password ?? '', check);
    return conn;
  }
  const found = byService(state, spec.connect);
  if (!found) {
    if (/^(\/\/)?[^/]+:\d+\//.test(spec.connect)) throw new OraError(12514, 'TNS:listener does not currently know of service requested in connect descriptor');
    throw new OraError(12154, 'TNS:could not resolve the connect identifier specified');
  }
  const { db } = found;
  if (!db.listenerUp || (found.port !== undefined && found.port !== db.listenerPort)) throw new OraError(12541, 'TNS:no listener');
  if (isDown(db, state)) throw ora.notAvailable(true);
  checkAccount(db, spec, password ?? '', check);
  const inst = db.instances.find((i) => i.status !== 'DOWN') ?? db.instances[0];
  return { dbName: db.name, sid: inst?.sid ?? db.dbName, user: spec.user, sysdba: spec.sysdba, remote: true, idle: false };
}
