/**
 * State-backed virtual views (V$ and DBA_ views) for the generic SELECT engine: each maps the
 * LabDatabase to the columns Oracle documents for that view. The catalogue (catalogue*.ts)
 * reuses these rows for its exact queries.
 */
import type { LabParameter } from '../state/types.js';
import type { QueryCtx } from './context.js';
import { instanceOf, stableNumber } from './context.js';
import type { Row } from './expr.js';
import { date } from './values.js';
import { SCHEMA_VIEWS, schemaObjectRows } from './views-schema.js';

export interface Source {
  name: string;
  columns: string[];
  rows: Row[];
}

const SES_MODIFIABLE = new Set(['open_cursors', 'cursor_sharing', 'optimizer_mode', 'statistics_level', 'nls_date_format', 'db_file_multiblock_read_count', 'timed_statistics']);

function displayValue(name: string, value: string): string {
  if (!/(size|target|limit)$/.test(name) || !/^\d+$/.test(value)) return value;
  const n = Number(value);
  for (const [unit, size] of [['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size}${unit}`;
  }
  return value;
}

export function parameterRow(name: string, p: LabParameter): Row {
  return {
    NAME: name, VALUE: p.value, DISPLAY_VALUE: displayValue(name, p.value), ISDEFAULT: 'FALSE', ISMODIFIED: 'FALSE',
    ISSES_MODIFIABLE: SES_MODIFIABLE.has(name) ? 'TRUE' : 'FALSE', ISSYS_MODIFIABLE: p.isSysModifiable,
    ISINSTANCE_MODIFIABLE: p.isSysModifiable === 'FALSE' ? 'FALSE' : 'TRUE',
  };
}

function parameters(q: QueryCtx): Row[] {
  return Object.entries(q.db.parameters).map(([name, p]) => parameterRow(name, p));
}

function spparameters(q: QueryCtx): Row[] {
  return Object.entries(q.db.parameters).map(([name, p]) => {
    const value = p.spfileValue ?? p.value;
    return { SID: '*', NAME: name, VALUE: value, DISPLAY_VALUE: displayValue(name, value), ISSPECIFIED: 'TRUE', ORDINAL: 1 };
  });
}

export function instanceRow(q: QueryCtx): Row {
  const inst = instanceOf(q);
  return {
    INSTANCE_NUMBER: q.db.instances.indexOf(inst ?? q.db.instances[0]!) + 1,
    INSTANCE_NAME: inst?.sid ?? q.sid, HOST_NAME: q.state.hosts[inst?.host ?? q.host]?.hostname ?? q.host,
    VERSION: versionOf(q.db.version), STARTUP_TIME: date(inst?.startupTime ?? q.state.resetAt),
    STATUS: inst?.status === 'DOWN' ? 'STARTED' : inst?.status ?? 'OPEN', PARALLEL: q.db.instances.length > 1 ? 'YES' : 'NO',
    ARCHIVER: q.db.logMode === 'ARCHIVELOG' ? 'STARTED' : 'STOPPED', LOGINS: 'ALLOWED', SHUTDOWN_PENDING: 'NO',
    DATABASE_STATUS: 'ACTIVE', INSTANCE_ROLE: 'PRIMARY_INSTANCE', ACTIVE_STATE: 'NORMAL', BLOCKED: 'NO',
  };
}

export function versionOf(version: string): string {
  const parts = version.split('.');
  while (parts.length < 5) parts.push('0');
  return parts.slice(0, 5).join('.');
}

export function databaseRow(q: QueryCtx): Row {
  const os = q.state.hosts[q.host]?.os ?? 'linux';
  const standby = q.db.role === 'PHYSICAL STANDBY';
  return {
    DBID: 1_000_000_000 + stableNumber(q.db.dbName, 3_000_000_000), NAME: q.db.dbName.toUpperCase(),
    DB_UNIQUE_NAME: q.db.parameters.db_unique_name?.value ?? q.db.dbName, LOG_MODE: q.db.logMode,
    OPEN_MODE: q.db.openMode, DATABASE_ROLE: q.db.role, PROTECTION_MODE: 'MAXIMUM PERFORMANCE',
    SWITCHOVER_STATUS: standby ? 'NOT ALLOWED' : 'TO STANDBY', FORCE_LOGGING: 'YES', FLASHBACK_ON: 'NO',
    PLATFORM_NAME: os === 'aix' ? 'AIX-Based Systems (64-bit)' : 'Linux x86 64-bit',
  };
}

function versionRows(q: QueryCtx): Row[] {
  const full = versionOf(q.db.version);
  const major = full.split('.')[0] ?? '19';
  const banner = major === '11' || major === '12'
    ? `Oracle Database ${full} Enterprise Edition Release ${full} - 64bit Production`
    : `Oracle Database ${major}c Enterprise Edition Release ${major}.0.0.0.0 - Production`;
  return [{ BANNER: banner, BANNER_FULL: `${banner}\nVersion ${full}`, CON_ID: 0 }];
}

export function limitOf(q: QueryCtx, profile: string, resource: string): string | undefined {
  const own = q.db.profiles[profile]?.[resource];
  return own === 'DEFAULT' || own === undefined ? q.db.profiles.DEFAULT?.[resource] : own;
}

function userRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.users).map(([name, u]) => {
    const life = limitOf(q, u.profile, 'PASSWORD_LIFE_TIME');
    const changed = q.now.getTime() - u.passwordChangedDaysAgo * 86_400_000;
    const expiry = life && /^\d+(\.\d+)?$/.test(life) ? date(changed + Number(life) * 86_400_000) : null;
    return {
      USERNAME: name, ACCOUNT_STATUS: u.accountStatus, LOCK_DATE: null, EXPIRY_DATE: expiry,
      DEFAULT_TABLESPACE: u.defaultTablespace, TEMPORARY_TABLESPACE: 'TEMP', PROFILE: u.profile,
      PASSWORD_CHANGE_DATE: date(changed), PASSWORD_VERSIONS: '11G 12C ',
    };
  });
}

const PASSWORD_RESOURCES = new Set(['FAILED_LOGIN_ATTEMPTS', 'PASSWORD_LIFE_TIME', 'PASSWORD_REUSE_TIME', 'PASSWORD_REUSE_MAX', 'PASSWORD_VERIFY_FUNCTION', 'PASSWORD_LOCK_TIME', 'PASSWORD_GRACE_TIME', 'INACTIVE_ACCOUNT_TIME']);

function profileRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.profiles).flatMap(([profile, limits]) =>
    Object.entries(limits).map(([resource, limit]) => ({
      PROFILE: profile, RESOURCE_NAME: resource, RESOURCE_TYPE: PASSWORD_RESOURCES.has(resource) ? 'PASSWORD' : 'KERNEL', LIMIT: limit,
    })));
}

function tablespaceRows(q: QueryCtx): Row[] {
  return Object.values(q.db.tablespaces).map((t) => ({
    TABLESPACE_NAME: t.name, BLOCK_SIZE: 8192, STATUS: 'ONLINE', CONTENTS: t.contents, LOGGING: t.contents === 'TEMPORARY' ? 'NOLOGGING' : 'LOGGING',
    EXTENT_MANAGEMENT: 'LOCAL', ALLOCATION_TYPE: t.contents === 'PERMANENT' ? 'SYSTEM' : 'UNIFORM', SEGMENT_SPACE_MANAGEMENT: 'AUTO', BIGFILE: t.bigfile ? 'YES' : 'NO',
  }));
}

const MB = 1_048_576;

function dataFileRows(q: QueryCtx, temp: boolean): Row[] {
  let fileId = 0;
  return Object.values(q.db.tablespaces).filter((t) => (t.contents === 'TEMPORARY') === temp).flatMap((t) =>
    t.datafiles.map((f) => ({
      FILE_NAME: f.path, FILE_ID: ++fileId, TABLESPACE_NAME: t.name, BYTES: f.sizeMb * MB, BLOCKS: (f.sizeMb * MB) / 8192,
      STATUS: 'AVAILABLE', AUTOEXTENSIBLE: f.autoextend ? 'YES' : 'NO', MAXBYTES: f.autoextend ? f.maxMb * MB : 0,
      MAXBLOCKS: f.autoextend ? (f.maxMb * MB) / 8192 : 0, INCREMENT_BY: f.autoextend ? 12800 : 0, USER_BYTES: (f.sizeMb - 1) * MB,
      ONLINE_STATUS: t.contents === 'PERMANENT' && t.name === 'SYSTEM' ? 'SYSTEM' : 'ONLINE',
    })));
}

export function jobState(j: QueryCtx['db']['schedulerJobs'][string]): string {
  if (!j.enabled) return 'DISABLED';
  if (j.failureCount >= 16) return 'BROKEN';
  if (j.lastStatus === 'FAILED') return 'FAILED';
  return 'SCHEDULED';
}

function jobRows(q: QueryCtx): Row[] {
  return Object.values(q.db.schedulerJobs).map((j) => ({
    OWNER: j.owner, JOB_NAME: j.name, ENABLED: j.enabled ? 'TRUE' : 'FALSE', STATE: jobState(j), FAILURE_COUNT: j.failureCount,
    LAST_START_DATE: j.lastRun ? date(j.lastRun, 'timestamptz') : null,
    NEXT_RUN_DATE: j.enabled ? date(q.now.getTime() + 3_600_000, 'timestamptz') : null, REPEAT_INTERVAL: j.repeatInterval,
  }));
}

function patchRows(q: QueryCtx): Row[] {
  return q.db.patches.map((p) => ({
    PATCH_ID: /^\d+$/.test(p.id) ? Number(p.id) : p.id, ACTION: p.action ?? 'APPLY', STATUS: p.status,
    ACTION_TIME: date(p.actionTime, 'timestamp'), DESCRIPTION: p.description,
  }));
}

function resourceRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.resourceLimits).map(([name, r]) => ({
    RESOURCE_NAME: name, CURRENT_UTILIZATION: r.current, MAX_UTILIZATION: r.max,
    INITIAL_ALLOCATION: String(r.limit).padStart(10), LIMIT_VALUE: (r.limit > 0 ? String(r.limit) : 'UNLIMITED').padStart(10),
  }));
}

function objectRows(q: QueryCtx): Row[] {
  const invalid = q.db.invalidObjects.map((o) => ({ OWNER: o.owner, OBJECT_NAME: o.name, OBJECT_TYPE: o.type, STATUS: 'INVALID', CREATED: null }));
  return [...invalid, ...schemaObjectRows(q)];
}

type ViewDef = [columns: string[], rows: (q: QueryCtx) => Row[]];

const VIEWS: Record<string, ViewDef> = {
  DUAL: [['DUMMY'], () => [{ DUMMY: 'X' }]],
  V$PARAMETER: [Object.keys(parameterRow('x', { value: '', isSysModifiable: 'FALSE' })), parameters],
  V$SYSTEM_PARAMETER: [Object.keys(parameterRow('x', { value: '', isSysModifiable: 'FALSE' })), parameters],
  V$SPPARAMETER: [['SID', 'NAME', 'VALUE', 'DISPLAY_VALUE', 'ISSPECIFIED', 'ORDINAL'], spparameters],
  V$INSTANCE: [Object.keys(instanceRowShape()), (q) => [instanceRow(q)]],
  V$DATABASE: [['DBID', 'NAME', 'DB_UNIQUE_NAME', 'LOG_MODE', 'OPEN_MODE', 'DATABASE_ROLE', 'PROTECTION_MODE', 'SWITCHOVER_STATUS', 'FORCE_LOGGING', 'FLASHBACK_ON', 'PLATFORM_NAME'], (q) => [databaseRow(q)]],
  V$VERSION: [['BANNER', 'BANNER_FULL', 'CON_ID'], versionRows],
  DBA_USERS: [['USERNAME', 'ACCOUNT_STATUS', 'LOCK_DATE', 'EXPIRY_DATE', 'DEFAULT_TABLESPACE', 'TEMPORARY_TABLESPACE', 'PROFILE', 'PASSWORD_CHANGE_DATE', 'PASSWORD_VERSIONS'], userRows],
  DBA_PROFILES: [['PROFILE', 'RESOURCE_NAME', 'RESOURCE_TYPE', 'LIMIT'], profileRows],
  DBA_TABLESPACES: [['TABLESPACE_NAME', 'BLOCK_SIZE', 'STATUS', 'CONTENTS', 'LOGGING', 'EXTENT_MANAGEMENT', 'ALLOCATION_TYPE', 'SEGMENT_SPACE_MANAGEMENT', 'BIGFILE'], tablespaceRows],
  DBA_DATA_FILES: [DATA_FILE_COLUMNS(), (q) => dataFileRows(q, false)],
  DBA_TEMP_FILES: [DATA_FILE_COLUMNS(), (q) => dataFileRows(q, true)],
  DBA_SCHEDULER_JOBS: [['OWNER', 'JOB_NAME', 'ENABLED', 'STATE', 'FAILURE_COUNT', 'LAST_START_DATE', 'NEXT_RUN_DATE', 'REPEAT_INTERVAL'], jobRows],
  DBA_REGISTRY_SQLPATCH: [['PATCH_ID', 'ACTION', 'STATUS', 'ACTION_TIME', 'DESCRIPTION'], patchRows],
  V$RESOURCE_LIMIT: [['RESOURCE_NAME', 'CURRENT_UTILIZATION', 'MAX_UTILIZATION', 'INITIAL_ALLOCATION', 'LIMIT_VALUE'], resourceRows],
  DBA_OBJECTS: [['OWNER', 'OBJECT_NAME', 'OBJECT_TYPE', 'STATUS', 'CREATED'], objectRows],
  ...SCHEMA_VIEWS,
  V$RECOVER_FILE: [['FILE#', 'ONLINE', 'ONLINE_STATUS', 'ERROR', 'CHANGE#', 'TIME'], () => []],
};

function DATA_FILE_COLUMNS(): string[] {
  return ['FILE_NAME', 'FILE_ID', 'TABLESPACE_NAME', 'BYTES', 'BLOCKS', 'STATUS', 'AUTOEXTENSIBLE', 'MAXBYTES', 'MAXBLOCKS', 'INCREMENT_BY', 'USER_BYTES', 'ONLINE_STATUS'];
}

function instanceRowShape(): Row {
  return Object.fromEntries(['INSTANCE_NUMBER', 'INSTANCE_NAME', 'HOST_NAME', 'VERSION', 'STARTUP_TIME', 'STATUS', 'PARALLEL', 'ARCHIVER', 'LOGINS', 'SHUTDOWN_PENDING', 'DATABASE_STATUS', 'INSTANCE_ROLE', 'ACTIVE_STATE', 'BLOCKED'].map((c) => [c, null]));
}

/** Fixed views (V$/GV$) answer even when the database is only mounted. */
export function isFixedView(name: string): boolean {
  return /^G?V\$/.test(name) || name === 'DUAL';
}

/** A virtual view by (possibly SYS.-qualified) name, or undefined. */
export function virtualView(name: string, q: QueryCtx): Source | undefined {
  const bare = name.replace(/^(SYS|PUBLIC)\./, '');
  const def = VIEWS[bare];
  if (!def) return undefined;
  return { name: bare, columns: def[0], rows: def[1](q) };
}
