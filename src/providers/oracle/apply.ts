/**
 * The statements that make one Oracle object equal to the attributes given. Identifiers go
 * through oracleIdentifier; DBMS_SCHEDULER takes its job name as a bind. DDL cannot bind, so
 * the values it carries are validated first: numbers and keywords against strict patterns,
 * ALTER SYSTEM values by kind (values.ts), datafile names (read live, never from YAML)
 * against a path pattern — and then quoted by the one sqlLiteral.
 */
import type { Attributes } from '../../core/index.js';
import type { OracleDatabase } from '../../model/schema/index.js';
import { oracleIdentifier } from '../../transport/quote.js';
import { sqlLiteral } from '../../transport/oracle.js';
import type { OracleRow, OracleSession } from '../context.js';
import { parameterRows, PROFILE_RESOURCES } from './read.js';
import { parameterKind, parameterLiteral, type ParameterKind } from './values.js';

export class ApplyRefused extends Error {
  override readonly name = 'ApplyRefused';
}

const PARAMETER_NAME = /^[a-z_][a-z0-9_]*$/;

export async function setParameter(s: OracleSession, db: OracleDatabase, name: string, value: Attributes[string]): Promise<string> {
  if (!PARAMETER_NAME.test(name)) throw new ApplyRefused(`not a parameter name: ${name}`);
  const desired = db.initParameters?.[name];
  const kind: ParameterKind = desired !== undefined ? parameterKind(name, desired) : typeof value === 'number' ? 'integer' : 'string';
  const lit = parameterLiteral(kind, value);
  if ('error' in lit) throw new ApplyRefused(`${name}: ${lit.error}`);
  const row = (await parameterRows(s, [name])).get(name);
  if (!row) throw new ApplyRefused(`${db.name} has no parameter ${name}`);
  const modifiable = String(row.ISSYS_MODIFIABLE ?? 'FALSE').toUpperCase();
  const scope = modifiable === 'FALSE' ? 'SPFILE' : 'BOTH';
  await s.execute(`ALTER SYSTEM SET ${name} = ${lit.literal}${modifiable === 'DEFERRED' ? ' DEFERRED' : ''} SCOPE=${scope} SID='*'`);
  return scope === 'SPFILE' ? `${name} set in the SPFILE; takes effect when the instances restart` : `${name} set (SCOPE=BOTH${modifiable === 'DEFERRED' ? ', new sessions' : ''})`;
}

const FILE_PATH = /^[+/][A-Za-z0-9_.$#/+-]*$/;
const SMALLFILE_MAX_MB = 32767;

function filePath(path: string): string {
  if (!FILE_PATH.test(path)) throw new ApplyRefused(`datafile name not accepted for DDL: ${JSON.stringify(path.slice(0, 80))}`);
  return sqlLiteral(path);
}

function nextFilePath(paths: readonly string[], name: string, n: number): string {
  const last = paths.at(-1) ?? '';
  const m = /^(.*_)(\d+)(\.dbf)$/i.exec(last);
  if (m) return `${m[1]}${String(Number(m[2]) + n).padStart(m[2]!.length, '0')}${m[3]}`;
  return `${last.replace(/\/[^/]*$/, '')}/${name.toLowerCase()}_opsctl_${String(n).padStart(2, '0')}.dbf`;
}

/** Autoextend on/off and MAXSIZE spread over the files, adding files when one cannot hold its share. */
export async function setTablespace(s: OracleSession, name: string, attrs: Attributes): Promise<string> {
  const ident = oracleIdentifier(name);
  const ts = await s.query('SELECT CONTENTS, BIGFILE FROM DBA_TABLESPACES WHERE TABLESPACE_NAME = :t', { t: name });
  if (!ts[0]) throw new ApplyRefused(`tablespace ${name} does not exist; creating tablespaces is a release step`);
  const temp = ts[0].CONTENTS === 'TEMPORARY';
  const files: OracleRow[] = await s.query(`SELECT FILE_NAME, BYTES FROM ${temp ? 'DBA_TEMP_FILES' : 'DBA_DATA_FILES'} WHERE TABLESPACE_NAME = :t ORDER BY FILE_NAME`, { t: name });
  const kind = temp ? 'TEMPFILE' : 'DATAFILE';
  if (attrs.autoextend === false) {
    for (const f of files) await s.execute(`ALTER DATABASE ${kind} ${filePath(String(f.FILE_NAME))} AUTOEXTEND OFF`);
    return `autoextend off on ${files.length} file(s) of ${name}`;
  }
  const totalMb = Math.round(Number(attrs.maxSizeGb) * 1024);
  if (!Number.isFinite(totalMb) || totalMb <= 0) throw new ApplyRefused(`maxSizeGb of ${name} is not a positive number`);
  const perFile = ts[0].BIGFILE === 'YES' ? Number.MAX_SAFE_INTEGER : SMALLFILE_MAX_MB;
  const count = Math.max(files.length, Math.ceil(totalMb / perFile));
  const shares = Array.from({ length: count }, (_, i) => Math.floor(totalMb / count) + (i < totalMb % count ? 1 : 0));
  const paths = files.map((f) => String(f.FILE_NAME));
  for (const [i, f] of files.entries()) {
    const max = Math.max(shares[i]!, Math.ceil(Number(f.BYTES) / 1048576));
    await s.execute(`ALTER DATABASE ${kind} ${filePath(paths[i]!)} AUTOEXTEND ON MAXSIZE ${max}M`);
  }
  for (let i = files.length; i < count; i++) {
    const path = nextFilePath(paths, name, i - files.length + 1);
    await s.execute(`ALTER TABLESPACE ${ident} ADD ${kind} ${filePath(path)} SIZE 100M AUTOEXTEND ON NEXT 100M MAXSIZE ${shares[i]}M`);
  }
  return `${name}: autoextend on, ${count} file(s) up to ${totalMb} MB in all${count > files.length ? ` (${count - files.length} added)` : ''}`;
}

const LIMIT = /^(\d{1,9}|UNLIMITED|DEFAULT)$/;

export async function setProfile(s: OracleSession, name: string, attrs: Attributes): Promise<string> {
  const parts: string[] = [];
  for (const [attr, value] of Object.entries(attrs)) {
    const resource = PROFILE_RESOURCES[attr];
    if (!resource) continue;
    const text = String(value).toUpperCase();
    if (!LIMIT.test(text)) throw new ApplyRefused(`${name}.${attr}: not a limit: ${text}`);
    parts.push(`${resource} ${text}`);
  }
  if (parts.length === 0) return `${name}: nothing to change`;
  const exists = await s.query('SELECT PROFILE FROM DBA_PROFILES WHERE PROFILE = :p', { p: name });
  if (exists.length === 0) throw new ApplyRefused(`profile ${name} does not exist; creating profiles is a release step`);
  await s.execute(`ALTER PROFILE ${oracleIdentifier(name)} LIMIT ${parts.join(' ')}`);
  return `${name}: ${parts.join(', ')}`;
}

export async function setUser(s: OracleSession, name: string, attrs: Attributes): Promise<string> {
  const exists = await s.query('SELECT USERNAME FROM DBA_USERS WHERE USERNAME = :u', { u: name });
  if (exists.length === 0) throw new ApplyRefused(`user ${name} does not exist; creating users (with a password) is a release step`);
  const clauses: string[] = [];
  if (typeof attrs.profile === 'string') clauses.push(`PROFILE ${oracleIdentifier(attrs.profile)}`);
  if (typeof attrs.defaultTablespace === 'string') clauses.push(`DEFAULT TABLESPACE ${oracleIdentifier(attrs.defaultTablespace)}`);
  if (attrs.accountStatus === 'OPEN' || attrs.accountStatus === 'LOCKED') clauses.push(`ACCOUNT ${attrs.accountStatus === 'OPEN' ? 'UNLOCK' : 'LOCK'}`);
  if (clauses.length === 0) return `${name}: nothing to change`;
  await s.execute(`ALTER USER ${oracleIdentifier(name)} ${clauses.join(' ')}`);
  return `${name}: ${clauses.join(', ')}`;
}

export async function setJob(s: OracleSession, owner: string, name: string, enabled: boolean): Promise<string> {
  oracleIdentifier(owner);
  oracleIdentifier(name);
  await s.execute(`BEGIN DBMS_SCHEDULER.${enabled ? 'ENABLE' : 'DISABLE'}(:job); END;`, { job: `${owner}.${name}` });
  return `${owner}.${name} ${enabled ? 'enabled' : 'disabled'}`;
}

/** Archive settings: the FRA size is a parameter; the log mode is a manual, mount-mode procedure. */
export async function setArchive(s: OracleSession, db: OracleDatabase, attrs: Attributes, live: Attributes | undefined): Promise<string> {
  if (attrs.logMode !== undefined && live && attrs.logMode !== live.logMode) {
    throw new ApplyRefused(`${db.name}: changing the log mode to ${String(attrs.logMode)} needs SHUTDOWN, STARTUP MOUNT and ALTER DATABASE ${String(attrs.logMode)}: run it as a release step`);
  }
  if (typeof attrs.fraSizeGb !== 'number') return `${db.name}: nothing to change`;
  const bytes = Math.round(attrs.fraSizeGb * 2 ** 30);
  return setParameter(s, { ...db, initParameters: { ...db.initParameters, db_recovery_file_dest_size: String(bytes) } }, 'db_recovery_file_dest_size', bytes);
}
