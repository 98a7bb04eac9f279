/**
 * Live reads of one database: one batched query per kind (all managed parameters in one
 * SELECT with binds, all tablespaces in one, …). The parameter query runs first and doubles as
 * the probe: when it fails (ORA-01034, listener down, host unreachable) every address of the
 * database is `unknown` with that reason; otherwise the other kinds run concurrently and a
 * failing kind makes only its own addresses unknown.
 */
import type { Attributes, LiveRead } from '../../core/index.js';
import type { Address } from '../../model/address.js';
import type { OracleDatabase } from '../../model/schema/index.js';
import type { OracleRow, OracleSession } from '../context.js';
import { absent, childAddress, inList, present, reasonOf, splitAddress, unknown } from './common.js';
import { parameterRule, type SysModifiable } from './rules.js';
import { bytesToGb, normaliseAccountStatus, normaliseLimit, normaliseParameter, parameterKind } from './values.js';

type Reader = (env: string, db: OracleDatabase, names: string[], s: OracleSession) => Promise<LiveRead[]>;

const FRA_PARAMETER = 'db_recovery_file_dest_size';

export async function parameterRows(s: OracleSession, names: readonly string[]): Promise<Map<string, OracleRow>> {
  const list = inList('p', names);
  const rows = await s.query(`SELECT NAME, VALUE, ISSYS_MODIFIABLE FROM V$PARAMETER WHERE NAME IN ${list.sql}`, list.binds);
  return new Map(rows.map((r) => [String(r.NAME), r]));
}

/** A live parameter in the normal form of its desired kind. */
export function liveParameterValue(db: OracleDatabase, name: string, row: OracleRow): Attributes {
  const desired = db.initParameters?.[name];
  const raw = row.VALUE === null || row.VALUE === undefined ? null : String(row.VALUE);
  return { value: desired === undefined ? raw : normaliseParameter(parameterKind(name, desired), raw) ?? null };
}

function parameterReads(env: string, db: OracleDatabase, names: string[], rows: Map<string, OracleRow>): LiveRead[] {
  return names.map((name) => {
    const address = childAddress(env, db.name, 'parameter', name);
    const row = rows.get(name);
    if (!row) return unknown(address, `database ${db.name}: no parameter ${name} in V$PARAMETER`);
    const modifiable = (String(row.ISSYS_MODIFIABLE ?? 'FALSE').toUpperCase() as SysModifiable);
    return present(address, liveParameterValue(db, name, row), { rules: { value: parameterRule(modifiable, db.instances.length) } });
  });
}

const readTablespaces: Reader = async (env, db, names, s) => {
  const list = inList('t', names);
  const ts = await s.query(`SELECT TABLESPACE_NAME, CONTENTS, BIGFILE FROM DBA_TABLESPACES WHERE TABLESPACE_NAME IN ${list.sql}`, list.binds);
  const files = [
    ...(await s.query(`SELECT TABLESPACE_NAME, FILE_NAME, BYTES, MAXBYTES, AUTOEXTENSIBLE FROM DBA_DATA_FILES WHERE TABLESPACE_NAME IN ${list.sql}`, list.binds)),
    ...(await s.query(`SELECT TABLESPACE_NAME, FILE_NAME, BYTES, MAXBYTES, AUTOEXTENSIBLE FROM DBA_TEMP_FILES WHERE TABLESPACE_NAME IN ${list.sql}`, list.binds)),
  ];
  const known = new Set(ts.map((r) => String(r.TABLESPACE_NAME)));
  return names.map((name) => {
    const address = childAddress(env, db.name, 'tablespace', name);
    if (!known.has(name)) return absent(address);
    const own = files.filter((f) => f.TABLESPACE_NAME === name);
    const autoextend = own.some((f) => f.AUTOEXTENSIBLE === 'YES');
    const max = own.reduce((sum, f) => sum + (f.AUTOEXTENSIBLE === 'YES' ? Math.max(Number(f.MAXBYTES), Number(f.BYTES)) : Number(f.BYTES)), 0);
    return present(address, { autoextend, maxSizeGb: bytesToGb(max) });
  });
};

export const PROFILE_RESOURCES: Record<string, string> = {
  passwordLifeTime: 'PASSWORD_LIFE_TIME',
  failedLoginAttempts: 'FAILED_LOGIN_ATTEMPTS',
  passwordGraceTime: 'PASSWORD_GRACE_TIME',
  passwordReuseMax: 'PASSWORD_REUSE_MAX',
};

const readProfiles: Reader = async (env, db, names, s) => {
  const list = inList('p', [...new Set([...names, 'DEFAULT'])]);
  const rows = await s.query(`SELECT PROFILE, RESOURCE_NAME, LIMIT FROM DBA_PROFILES WHERE PROFILE IN ${list.sql}`, list.binds);
  const limit = (profile: string, resource: string): string | undefined => {
    const r = rows.find((x) => x.PROFILE === profile && x.RESOURCE_NAME === resource);
    return r?.LIMIT === null || r?.LIMIT === undefined ? undefined : String(r.LIMIT);
  };
  return names.map((name) => {
    const address = childAddress(env, db.name, 'profile', name);
    if (!rows.some((r) => r.PROFILE === name)) return absent(address);
    const attrs: Attributes = {};
    for (const [attr, resource] of Object.entries(PROFILE_RESOURCES)) {
      const own = limit(name, resource);
      // DEFAULT means "as the DEFAULT profile says": compare the effective limit.
      attrs[attr] = normaliseLimit(own === 'DEFAULT' ? limit('DEFAULT', resource) : own);
    }
    return present(address, attrs);
  });
};

const readUsers: Reader = async (env, db, names, s) => {
  const list = inList('u', names);
  const rows = await s.query(`SELECT USERNAME, ACCOUNT_STATUS, DEFAULT_TABLESPACE, PROFILE FROM DBA_USERS WHERE USERNAME IN ${list.sql}`, list.binds);
  return names.map((name) => {
    const address = childAddress(env, db.name, 'user', name);
    const r = rows.find((x) => x.USERNAME === name);
    if (!r) return absent(address);
    return present(address, { profile: String(r.PROFILE), defaultTablespace: String(r.DEFAULT_TABLESPACE), accountStatus: normaliseAccountStatus(String(r.ACCOUNT_STATUS)) });
  });
};

const readJobs: Reader = async (env, db, names, s) => {
  const list = inList('j', names);
  const rows = await s.query(`SELECT OWNER, JOB_NAME, ENABLED FROM DBA_SCHEDULER_JOBS WHERE JOB_NAME IN ${list.sql}`, list.binds);
  return names.map((name) => {
    const address = childAddress(env, db.name, 'scheduler-job', name);
    const owner = db.schedulerJobs?.find((j) => j.name === name)?.owner;
    const r = rows.find((x) => x.JOB_NAME === name && (owner === undefined || x.OWNER === owner));
    return r ? present(address, { enabled: String(r.ENABLED).toUpperCase() === 'TRUE' }) : absent(address);
  });
};

const readPatches: Reader = async (env, db, names, s) => {
  const rows = await s.query('SELECT PATCH_ID, ACTION, STATUS FROM DBA_REGISTRY_SQLPATCH ORDER BY ACTION_TIME');
  return names.map((id) => {
    const address = childAddress(env, db.name, 'patch', id);
    const last = rows.filter((r) => String(r.PATCH_ID) === id).at(-1);
    return last && last.ACTION === 'APPLY' && last.STATUS === 'SUCCESS' ? present(address, { present: true }) : absent(address);
  });
};

function archiveReader(fra: OracleRow | undefined): Reader {
  return async (env, db, names, s) => {
    const rows = await s.query('SELECT LOG_MODE FROM V$DATABASE');
    const bytes = Number(normaliseParameter('size', fra?.VALUE === undefined || fra.VALUE === null ? '0' : String(fra.VALUE)));
    return names.map((name) => present(childAddress(env, db.name, 'archive', name), {
      logMode: String(rows[0]?.LOG_MODE ?? 'UNKNOWN'),
      fraSizeGb: bytesToGb(Number.isFinite(bytes) ? bytes : 0),
    }));
  };
}

const READERS: Record<string, Reader> = { tablespace: readTablespaces, profile: readProfiles, user: readUsers, 'scheduler-job': readJobs, patch: readPatches };

/** Reads the requested addresses of one database (all of them belong to it). */
export async function readDatabase(env: string, db: OracleDatabase, addresses: readonly Address[], session: () => Promise<OracleSession>): Promise<LiveRead[]> {
  const byKind = new Map<string, string[]>();
  for (const a of addresses) {
    const p = splitAddress(a);
    if (p) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.name]);
  }
  const params = byKind.get('parameter') ?? [];
  let s: OracleSession;
  let rows: Map<string, OracleRow>;
  try {
    s = await session();
    rows = await parameterRows(s, [...new Set([...params, FRA_PARAMETER])]);
  } catch (err) {
    return addresses.map((a) => unknown(a, reasonOf(db.name, err)));
  }
  const reads: LiveRead[] = parameterReads(env, db, params, rows);
  const readers: Record<string, Reader> = { ...READERS, archive: archiveReader(rows.get(FRA_PARAMETER)) };
  const others = [...byKind].filter(([kind]) => kind !== 'parameter');
  const results = await Promise.all(others.map(async ([kind, names]) => {
    const reader = readers[kind];
    const of = (n: string): Address => childAddress(env, db.name, kind, n);
    if (!reader) return names.map((n) => unknown(of(n), `database ${db.name}: opsctl does not read ${kind} objects`));
    try {
      return await reader(env, db, names, s);
    } catch (err) {
      return names.map((n) => unknown(of(n), reasonOf(db.name, err)));
    }
  }));
  return [...reads, ...results.flat()];
}
