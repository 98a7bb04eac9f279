/**
 * One lab Oracle database at reset: instances open, init parameters as desired over typical
 * defaults (with their real ISSYS_MODIFIABLE), tablespaces used below their warning, FRA,
 * profiles, users, scheduler jobs, patches and config tables as desired; and on its hosts the
 * ora_* background processes, the listener and the alert log.
 */
import type { ConfigTable, OracleDatabase } from '../../model/index.js';
import { alertStamp, iso, minus } from './clock.js';
import { labFile } from './build-host.js';
import { defaultParameterValues, isSysModifiable } from './oracle-defaults.js';
import { addProcess, type ProcessContext } from './processes.js';
import type { Rng } from './random.js';
import type { LabDatabase, LabHost, LabTable, LabTablespace } from './types.js';

const SMALLFILE_MAX_MB = 32767;

export function oracleHome(version: string): string {
  const v = version.startsWith('11.2') ? '11.2.0' : version.startsWith('12.1') ? '12.1.0' : version.startsWith('12.2') ? '12.2.0' : version.startsWith('18') ? '18.0.0' : '19.0.0';
  return `/oracle/app/oracle/product/${v}/dbhome_1`;
}

function isRac(db: OracleDatabase): boolean {
  return db.instances.filter((i) => i.role === 'rac-node').length > 1;
}

interface TsSpec { name: string; contents: LabTablespace['contents']; autoextend: boolean; bigfile: boolean; maxMb: number; maxUsedPercent: number }

function tablespace(db: OracleDatabase, t: TsSpec, rnd: Rng): LabTablespace {
  const usedPct = rnd.int(Math.max(5, t.maxUsedPercent - 35), Math.max(6, t.maxUsedPercent));
  const usedMb = Math.round((t.maxMb * usedPct) / 100);
  const sizeMb = t.autoextend ? Math.min(t.maxMb, Math.round(usedMb * (1.05 + rnd.next() * 0.2))) : t.maxMb;
  const n = t.bigfile ? 1 : Math.max(1, Math.ceil(t.maxMb / SMALLFILE_MAX_MB));
  const dir = isRac(db) ? `+DATA/${db.dbName}/datafile` : `/oradata/${db.dbName}`;
  const datafiles = Array.from({ length: n }, (_, i) => ({
    path: `${dir}/${t.name.toLowerCase()}${t.contents === 'TEMPORARY' ? '_temp' : ''}_${String(i + 1).padStart(2, '0')}.dbf`,
    sizeMb: Math.round(sizeMb / n),
    maxMb: Math.round(t.maxMb / n),
    autoextend: t.autoextend,
  }));
  return { name: t.name, contents: t.contents, autoextend: t.autoextend, bigfile: t.bigfile, sizeMb, usedMb, maxMb: t.maxMb, datafiles };
}

function tablespaces(db: OracleDatabase, rnd: Rng): Record<string, LabTablespace> {
  const specs: TsSpec[] = [
    { name: 'SYSTEM', contents: 'PERMANENT', autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 20 },
    { name: 'SYSAUX', contents: 'PERMANENT', autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 30 },
    { name: 'UNDOTBS1', contents: 'UNDO', autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 25 },
    ...(isRac(db) ? [{ name: 'UNDOTBS2', contents: 'UNDO' as const, autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 25 }] : []),
    { name: 'TEMP', contents: 'TEMPORARY', autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 10 },
    { name: 'USERS', contents: 'PERMANENT', autoextend: true, bigfile: false, maxMb: 32767, maxUsedPercent: 5 },
  ];
  for (const t of db.tablespaces ?? []) {
    const spec: TsSpec = {
      name: t.name,
      contents: (t.contents ?? 'permanent').toUpperCase() as LabTablespace['contents'],
      autoextend: t.autoextend,
      bigfile: t.bigfile ?? false,
      maxMb: Math.round(t.maxSizeGb * 1024),
      maxUsedPercent: Math.floor(t.warningPercent) - 8,
    };
    const at = specs.findIndex((s) => s.name === t.name);
    if (at >= 0) specs[at] = spec;
    else specs.push(spec);
  }
  return Object.fromEntries(specs.map((s) => [s.name, tablespace(db, s, rnd)]));
}

const DEFAULT_PROFILE: Record<string, string> = {
  COMPOSITE_LIMIT: 'UNLIMITED', SESSIONS_PER_USER: 'UNLIMITED', CPU_PER_SESSION: 'UNLIMITED', CPU_PER_CALL: 'UNLIMITED',
  LOGICAL_READS_PER_SESSION: 'UNLIMITED', LOGICAL_READS_PER_CALL: 'UNLIMITED', IDLE_TIME: 'UNLIMITED', CONNECT_TIME: 'UNLIMITED',
  PRIVATE_SGA: 'UNLIMITED', FAILED_LOGIN_ATTEMPTS: '10', PASSWORD_LIFE_TIME: '180', PASSWORD_REUSE_TIME: 'UNLIMITED',
  PASSWORD_REUSE_MAX: 'UNLIMITED', PASSWORD_VERIFY_FUNCTION: 'NULL', PASSWORD_LOCK_TIME: '1', PASSWORD_GRACE_TIME: '7',
};

function profiles(db: OracleDatabase): LabDatabase['profiles'] {
  const out: LabDatabase['profiles'] = { DEFAULT: { ...DEFAULT_PROFILE } };
  for (const p of db.profiles ?? []) {
    const base = p.name === 'DEFAULT' ? { ...DEFAULT_PROFILE } : Object.fromEntries(Object.keys(DEFAULT_PROFILE).map((k) => [k, 'DEFAULT']));
    base.PASSWORD_LIFE_TIME = String(p.passwordLifeTime);
    base.FAILED_LOGIN_ATTEMPTS = String(p.failedLoginAttempts);
    if (p.passwordGraceTime !== undefined) base.PASSWORD_GRACE_TIME = String(p.passwordGraceTime);
    if (p.passwordReuseMax !== undefined) base.PASSWORD_REUSE_MAX = String(p.passwordReuseMax);
    out[p.name] = base;
  }
  return out;
}

function users(db: OracleDatabase, profs: LabDatabase['profiles'], rnd: Rng): LabDatabase['users'] {
  const lifeOf = (profile: string): number => {
    const v = profs[profile]?.PASSWORD_LIFE_TIME;
    const n = Number(v === 'DEFAULT' ? profs.DEFAULT?.PASSWORD_LIFE_TIME : v);
    return Number.isFinite(n) ? n : 365;
  };
  const user = (profile: string, defaultTablespace: string, accountStatus: string) => ({
    profile, defaultTablespace, accountStatus, passwordChangedDaysAgo: rnd.int(1, Math.max(1, lifeOf(profile) - 20)),
  });
  const out: LabDatabase['users'] = {
    SYS: user('DEFAULT', 'SYSTEM', 'OPEN'),
    SYSTEM: user('DEFAULT', 'SYSTEM', 'OPEN'),
    DBSNMP: user('DEFAULT', 'SYSAUX', 'EXPIRED & LOCKED'),
    [db.connect.user.toUpperCase()]: user('DEFAULT', 'USERS', 'OPEN'),
  };
  for (const u of db.users ?? []) out[u.name] = user(u.profile, u.defaultTablespace, u.accountStatus);
  return out;
}

export function configTable(t: ConfigTable): LabTable {
  const columns = [...new Set([...t.key, ...t.columns])];
  return { columns, key: [...t.key], rows: t.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))) };
}

export function buildDatabase(db: OracleDatabase, tables: ConfigTable[], rnd: Rng, resetAt: Date): LabDatabase {
  const standby = db.role === 'physical-standby';
  const fraSizeGb = db.archive?.fraSizeGb ?? 100;
  const values = { ...defaultParameterValues(db, fraSizeGb) };
  for (const [k, v] of Object.entries(db.initParameters ?? {})) values[k] = String(v);
  const parameters = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, isSysModifiable: isSysModifiable(k) }]));
  const fraWarn = db.archive?.fraWarningPercent ?? 80;
  const fraMb = Math.round(fraSizeGb * 1024);
  const fraUsed = Math.round((fraMb * rnd.int(Math.max(5, fraWarn - 45), Math.max(6, fraWarn - 12))) / 100);
  const profs = profiles(db);
  const started = minus(resetAt, rnd.int(10, 120) * 86400);
  const limit = (name: string): { current: number; max: number; limit: number } => {
    const l = Number(values[name] ?? 1000);
    return { current: Math.round(l * (0.1 + rnd.next() * 0.2)), max: Math.round(l * (0.35 + rnd.next() * 0.2)), limit: l };
  };
  return {
    name: db.name,
    dbName: db.dbName,
    version: db.version,
    role: standby ? 'PHYSICAL STANDBY' : 'PRIMARY',
    openMode: standby ? 'MOUNTED' : 'READ WRITE',
    logMode: db.archive?.logMode ?? 'ARCHIVELOG',
    service: db.service,
    listenerPort: db.listenerPort,
    listenerUp: true,
    instances: db.instances.map((i) => ({ host: i.host, sid: i.sid, status: standby ? 'MOUNTED' : 'OPEN', startupTime: iso(started) })),
    parameters,
    tablespaces: tablespaces(db, rnd),
    fra: { sizeMb: fraMb, usedMb: fraUsed, reclaimableMb: Math.round(fraUsed * rnd.next() * 0.5) },
    profiles: profs,
    users: users(db, profs, rnd),
    schedulerJobs: Object.fromEntries((db.schedulerJobs ?? []).map((j) => [`${j.owner}.${j.name}`, {
      owner: j.owner, name: j.name, enabled: j.enabled, repeatInterval: j.repeatInterval,
      lastStatus: j.enabled ? ('SUCCEEDED' as const) : null, failureCount: 0, lastRun: j.enabled ? iso(minus(resetAt, rnd.int(600, 20 * 3600))) : null,
    }])),
    patches: (db.patches ?? []).map((p) => ({ id: p.id, description: p.description ?? `Patch ${p.id}`, status: 'SUCCESS', actionTime: iso(minus(started, 3600)) })),
    alertLog: alertLines(db, started, rnd),
    invalidObjects: [],
    blockingSessions: [],
    resourceLimits: { processes: limit('processes'), sessions: limit('sessions') },
    rmanJobs: standby ? [] : rmanJobs(resetAt, rnd),
    ...(standby ? { dataGuard: { transportLagSeconds: rnd.int(0, 5), applyLagSeconds: rnd.int(0, 30) } } : {}),
    tables: Object.fromEntries(tables.filter((t) => t.database === db.name).map((t) => [`${t.schema}.${t.table}`, configTable(t)])),
  };
}

function alertLines(db: OracleDatabase, started: Date, rnd: Rng): LabDatabase['alertLog'] {
  const at = (s: number): string => iso(new Date(started.getTime() + s * 1000));
  const seq = rnd.int(1000, 90000);
  return [
    { time: at(0), text: 'Starting ORACLE instance (normal)' },
    { time: at(25), text: `Completed: ALTER DATABASE ${db.role === 'physical-standby' ? 'MOUNT' : 'OPEN'}` },
    { time: at(3600), text: `Thread 1 advanced to log sequence ${seq} (LGWR switch)` },
    { time: at(7200), text: `Thread 1 advanced to log sequence ${seq + 1} (LGWR switch)` },
  ];
}

function rmanJobs(resetAt: Date, rnd: Rng): LabDatabase['rmanJobs'] {
  const jobs: LabDatabase['rmanJobs'] = [];
  for (let day = 7; day >= 1; day--) {
    const start = minus(resetAt, day * 86400 + rnd.int(0, 3600));
    const end = new Date(start.getTime() + rnd.int(1200, 5400) * 1000);
    jobs.push({ type: day === 7 ? 'DB FULL' : 'DB INCR', status: 'COMPLETED', start: iso(start), end: iso(end), outputMb: rnd.int(2000, 60000) });
    jobs.push({ type: 'ARCHIVELOG', status: 'COMPLETED', start: iso(new Date(end.getTime() + 600000)), end: iso(new Date(end.getTime() + 900000)), outputMb: rnd.int(500, 8000) });
  }
  return jobs;
}

/** Adds the database's background processes, listener and alert log to its instance hosts. */
export function placeDatabase(db: OracleDatabase, lab: LabDatabase, hosts: Record<string, LabHost>, ctxOf: (host: string) => ProcessContext): void {
  const home = oracleHome(db.version);
  const rac = isRac(db);
  db.instances.forEach((inst, n) => {
    const host = hosts[inst.host];
    if (!host) return;
    const ctx = ctxOf(inst.host);
    const bg = ['pmon', 'psp0', 'vktm', 'dbw0', 'lgwr', 'ckpt', 'smon', 'reco', 'mmon', 'mmnl', ...(lab.logMode === 'ARCHIVELOG' ? ['arc0', 'arc1'] : []), ...(lab.role === 'PHYSICAL STANDBY' ? ['mrp0'] : [])];
    for (const p of bg) addProcess(host, ctx, 'oracle', `ora_${p}_${inst.sid}`);
    if (rac && !host.processes.some((p) => p.command.startsWith('asm_pmon_'))) addProcess(host, ctx, 'grid', `asm_pmon_+ASM${n + 1}`);
    if (!host.processes.some((p) => p.command.includes('tnslsnr'))) addProcess(host, ctx, rac ? 'grid' : 'oracle', `${home}/bin/tnslsnr LISTENER -inherit`);
    const trace = `/oracle/app/oracle/diag/rdbms/${db.dbName.toLowerCase()}/${inst.sid}/trace`;
    host.dirs.push(home, trace);
    const text = lab.alertLog.map((l) => `${alertStamp(new Date(l.time))}\n${l.text}`).join('\n') + '\n';
    host.files[`${trace}/alert_${inst.sid}.log`] = labFile(text, new Date(lab.alertLog.at(-1)?.time ?? iso(new Date(0))), '0640', 'oracle', 'oinstall');
  });
}
