/**
 * Answers for the operational checks of the catalogue (health-checks.md §2.7–2.18): alert log,
 * invalid objects, blocking, long SQL, limits, RMAN, Data Guard, scheduler, parameters,
 * patches, datafiles, log switches and accounts.
 */
import type { Answer } from './catalogue-db.js';
import { archiveDests, rs } from './catalogue-db.js';
import { stableNumber } from './context.js';
import type { Row } from './expr.js';
import { date } from './values.js';
import { jobState, parameterRow, versionOf } from './views.js';

const DAY = 86_400_000;

function classify(text: string): { level: number; type: number } {
  if (/ORA-00600|ORA-07445/.test(text)) return { level: 1, type: 2 };
  if (/ORA-04031|ORA-00257|ORA-16038|ORA-01578|ORA-27048/.test(text)) return { level: 1, type: 3 };
  if (/ORA-|TNS-/.test(text)) return { level: 16, type: 3 };
  return { level: 16, type: 1 };
}

const alertLog: Answer = (q) => {
  const since = q.now.getTime() - DAY;
  const rows = q.db.alertLog
    .filter((l) => Date.parse(l.time) > since && Date.parse(l.time) <= q.now.getTime())
    .map((l) => ({ ...classify(l.text), l }))
    .filter((x) => /ORA-|TNS-/.test(x.l.text) || x.level <= 2 || x.type === 2 || x.type === 3)
    .sort((a, b) => Date.parse(a.l.time) - Date.parse(b.l.time))
    .map((x) => ({ ORIGINATING_TIMESTAMP: date(x.l.time, 'timestamptz'), MESSAGE_LEVEL: x.level, MESSAGE_TYPE: x.type, MESSAGE_TEXT: x.l.text.slice(0, 500) }));
  return rs(['ORIGINATING_TIMESTAMP', 'MESSAGE_LEVEL', 'MESSAGE_TYPE', 'MESSAGE_TEXT'], rows);
};

const invalidObjects: Answer = (q) => {
  const counts = new Map<string, Row>();
  for (const o of q.db.invalidObjects) {
    const key = `${o.owner}\u0000${o.type}`;
    const row = counts.get(key) ?? { OWNER: o.owner, OBJECT_TYPE: o.type, CNT: 0 };
    row.CNT = (row.CNT as number) + 1;
    counts.set(key, row);
  }
  return rs(['OWNER', 'OBJECT_TYPE', 'CNT'], [...counts.values()].sort((a, b) => (b.CNT as number) - (a.CNT as number)));
};

function sessionOf(sid: number): { serial: number; inst: number } {
  return { serial: 10_000 + stableNumber(`serial:${sid}`, 50_000), inst: 1 };
}

const blockedSessions: Answer = (q) => rs(
  ['INST_ID', 'SID', 'SERIAL#', 'USERNAME', 'PROGRAM', 'MACHINE', 'EVENT', 'WAITED_S', 'BLOCKING_INSTANCE', 'BLOCKING_SESSION', 'SQL_ID'],
  [...q.db.blockingSessions].sort((a, b) => b.secondsInWait - a.secondsInWait).map((s) => ({
    INST_ID: 1, SID: s.sid, 'SERIAL#': sessionOf(s.sid).serial, USERNAME: s.username, PROGRAM: 'JDBC Thin Client', MACHINE: 'hall-web-01',
    EVENT: s.event, WAITED_S: s.secondsInWait, BLOCKING_INSTANCE: 1, BLOCKING_SESSION: s.blockingSid, SQL_ID: `${stableNumber(`sql:${s.sid}`, 1e9).toString(36).padStart(13, '0')}`,
  })));

const rootBlockers: Answer = (q) => {
  const blocked = new Set(q.db.blockingSessions.map((s) => s.sid));
  const roots = [...new Set(q.db.blockingSessions.map((s) => s.blockingSid))].filter((sid) => !blocked.has(sid));
  return rs(['INST_ID', 'SID', 'SERIAL#', 'USERNAME', 'PROGRAM', 'STATUS', 'LAST_CALL_ET'], roots.map((sid) => {
    const victims = q.db.blockingSessions.filter((s) => s.blockingSid === sid);
    return { INST_ID: 1, SID: sid, 'SERIAL#': sessionOf(sid).serial, USERNAME: victims[0]?.username ?? null, PROGRAM: 'JDBC Thin Client', STATUS: 'INACTIVE', LAST_CALL_ET: Math.max(...victims.map((v) => v.secondsInWait)) + 7 };
  }));
};

const RESOURCES = ['processes', 'sessions', 'transactions', 'enqueue_locks'];

const resourceLimit: Answer = (q) => rs(['RESOURCE_NAME', 'CURRENT_UTILIZATION', 'MAX_UTILIZATION', 'INITIAL_ALLOCATION', 'LIMIT_VALUE'],
  RESOURCES.filter((n) => q.db.resourceLimits[n]).map((n) => {
    const r = q.db.resourceLimits[n]!;
    return { RESOURCE_NAME: n, CURRENT_UTILIZATION: r.current, MAX_UTILIZATION: r.max, INITIAL_ALLOCATION: String(r.limit), LIMIT_VALUE: r.limit > 0 ? String(r.limit) : 'UNLIMITED' };
  }));

function bytesDisplay(mb: number): string {
  const [v, unit] = mb >= 1024 * 1024 ? [mb / 1024 / 1024, 'T'] : mb >= 1024 ? [mb / 1024, 'G'] : [mb, 'M'];
  return `${v.toFixed(2)}${unit}`.padStart(10);
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

const rman: Answer = (q) => rs(
  ['SESSION_KEY', 'INPUT_TYPE', 'STATUS', 'START_TIME', 'END_TIME', 'OUTPUT_DEVICE_TYPE', 'INPUT_BYTES_DISPLAY', 'OUTPUT_BYTES_DISPLAY', 'TIME_TAKEN_DISPLAY'],
  q.db.rmanJobs.filter((j) => Date.parse(j.start) > q.now.getTime() - 7 * DAY && Date.parse(j.start) <= q.now.getTime())
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
    .map((j) => ({
      SESSION_KEY: 1000 + stableNumber(`${q.db.name}:${j.start}`, 9000), INPUT_TYPE: j.type, STATUS: j.status, START_TIME: date(j.start),
      END_TIME: j.end ? date(j.end) : null, OUTPUT_DEVICE_TYPE: 'DISK', INPUT_BYTES_DISPLAY: bytesDisplay(j.outputMb * 3),
      OUTPUT_BYTES_DISPLAY: bytesDisplay(j.outputMb), TIME_TAKEN_DISPLAY: duration((j.end ? Date.parse(j.end) : q.now.getTime()) - Date.parse(j.start)),
    })));

function interval(seconds: number, fraction = false): string {
  const d = Math.floor(seconds / 86400);
  const rest = duration((seconds % 86400) * 1000);
  return `+${String(d).padStart(2, '0')} ${rest}${fraction ? '.000' : ''}`;
}

function mdy(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const dataguardStats: Answer = (q) => {
  const dg = q.db.dataGuard;
  if (q.db.role !== 'PHYSICAL STANDBY' || !dg) return rs(['NAME', 'VALUE', 'UNIT', 'TIME_COMPUTED', 'DATUM_TIME'], []);
  const now = q.now.getTime();
  const computed = mdy(now);
  const datum = mdy(now - dg.transportLagSeconds * 1000);
  return rs(['NAME', 'VALUE', 'UNIT', 'TIME_COMPUTED', 'DATUM_TIME'], [
    { NAME: 'transport lag', VALUE: interval(dg.transportLagSeconds), UNIT: 'day(2) to second(0) interval', TIME_COMPUTED: computed, DATUM_TIME: datum },
    { NAME: 'apply lag', VALUE: interval(dg.applyLagSeconds), UNIT: 'day(2) to second(0) interval', TIME_COMPUTED: computed, DATUM_TIME: datum },
    { NAME: 'apply finish time', VALUE: interval(Math.max(0, dg.applyLagSeconds - dg.transportLagSeconds), true), UNIT: 'day(2) to second(3) interval', TIME_COMPUTED: computed, DATUM_TIME: null },
  ]);
};

const schedulerRuns: Answer = (q) => rs(['LOG_DATE', 'OWNER', 'JOB_NAME', 'STATUS', 'ERROR#', 'RUN_DURATION', 'ADDITIONAL_INFO'],
  Object.values(q.db.schedulerJobs)
    .filter((j) => j.lastRun && j.lastStatus && j.lastStatus !== 'SUCCEEDED' && Date.parse(j.lastRun) > q.now.getTime() - DAY && Date.parse(j.lastRun) <= q.now.getTime())
    .sort((a, b) => Date.parse(b.lastRun!) - Date.parse(a.lastRun!))
    .map((j) => ({
      LOG_DATE: date(j.lastRun!, 'timestamptz'), OWNER: j.owner, JOB_NAME: j.name, STATUS: j.lastStatus, 'ERROR#': j.lastStatus === 'FAILED' ? 20001 : 0,
      RUN_DURATION: '+000 00:00:12', ADDITIONAL_INFO: j.lastStatus === 'FAILED' ? `ORA-20001: ${j.name} failed\nORA-06512: at "${j.owner}.${j.name}", line 42` : 'REASON="Stop job called by user"',
    })));

const schedulerJobs: Answer = (q) => rs(['OWNER', 'JOB_NAME', 'ENABLED', 'STATE', 'FAILURE_COUNT', 'LAST_START_DATE', 'NEXT_RUN_DATE'],
  Object.values(q.db.schedulerJobs).filter((j) => ['BROKEN', 'FAILED'].includes(jobState(j))).map((j) => ({
    OWNER: j.owner, JOB_NAME: j.name, ENABLED: j.enabled ? 'TRUE' : 'FALSE', STATE: jobState(j), FAILURE_COUNT: j.failureCount,
    LAST_START_DATE: j.lastRun ? date(j.lastRun, 'timestamptz') : null, NEXT_RUN_DATE: date(q.now.getTime() + 3_600_000, 'timestamptz'),
  })));

const CHECKED_PARAMETERS = ['processes', 'sessions', 'open_cursors', 'sga_target', 'sga_max_size', 'pga_aggregate_target', 'memory_target', 'undo_retention', 'db_recovery_file_dest_size', 'log_archive_dest_1', 'audit_trail', 'job_queue_processes', 'db_files', 'control_file_record_keep_time'];

const parameters: Answer = (q) => rs(['NAME', 'VALUE', 'DISPLAY_VALUE', 'ISDEFAULT', 'ISMODIFIED', 'ISSES_MODIFIABLE', 'ISSYS_MODIFIABLE', 'ISINSTANCE_MODIFIABLE'],
  Object.entries(q.db.parameters).filter(([n]) => CHECKED_PARAMETERS.includes(n)).map(([n, p]) => parameterRow(n, p)));

const spparameterDiff: Answer = (q) => rs(['NAME', 'SID', 'SPFILE_VALUE', 'MEMORY_VALUE', 'ISSYS_MODIFIABLE'],
  Object.entries(q.db.parameters).filter(([, p]) => p.spfileValue !== undefined && p.spfileValue !== p.value)
    .map(([n, p]) => ({ NAME: n, SID: '*', SPFILE_VALUE: p.spfileValue ?? null, MEMORY_VALUE: p.value, ISSYS_MODIFIABLE: p.isSysModifiable })));

const spfilePath: Answer = (q) => rs(['SPFILE_PATH'], [{
  SPFILE_PATH: q.db.parameters.spfile?.value ?? (q.db.instances.length > 1 ? `+DATA/${q.db.dbName.toUpperCase()}/PARAMETERFILE/spfile.ora` : `/oracle/app/oracle/product/${versionOf(q.db.version).split('.').slice(0, 2).join('.')}/dbhome_1/dbs/spfile${q.sid}.ora`),
}]);

const sqlpatch: Answer = (q) => rs(['PATCH_ID', 'ACTION', 'STATUS', 'ACTION_TIME', 'DESCRIPTION'],
  [...q.db.patches].sort((a, b) => Date.parse(a.actionTime) - Date.parse(b.actionTime)).map((p) => ({
    PATCH_ID: /^\d+$/.test(p.id) ? Number(p.id) : p.id, ACTION: p.action ?? 'APPLY', STATUS: p.status, ACTION_TIME: date(p.actionTime, 'timestamp'), DESCRIPTION: p.description.slice(0, 100),
  })));

const registryHistory: Answer = (q) => rs(['ACTION_TIME', 'ACTION', 'VERSION', 'ID', 'COMMENTS', 'BUNDLE_SERIES'],
  [...q.db.patches].sort((a, b) => Date.parse(a.actionTime) - Date.parse(b.actionTime)).map((p) => ({
    ACTION_TIME: date(p.actionTime, 'timestamp'), ACTION: 'RU_APPLY', VERSION: versionOf(q.db.version), ID: /^\d+$/.test(p.id) ? Number(p.id) : 0, COMMENTS: p.description.slice(0, 255), BUNDLE_SERIES: 'DBRU',
  })));

const logSwitches: Answer = (q) => {
  const rows: Row[] = [];
  const hour = Math.floor(q.now.getTime() / 3_600_000);
  for (let h = hour - 23; h <= hour; h++) {
    const local = new Date(h * 3_600_000 + 8 * 3_600_000).toISOString();
    rows.push({ HR: `${local.slice(0, 10)} ${local.slice(11, 13)}`, SWITCHES: 1 + stableNumber(`${q.db.name}:${h}`, 6) });
  }
  return rs(['HR', 'SWITCHES'], rows);
};

const usersExpiring: Answer = (q) => rs(['USERNAME', 'ACCOUNT_STATUS', 'EXPIRY_DATE', 'PROFILE'],
  Object.entries(q.db.users).map(([name, u]) => {
    const own = q.db.profiles[u.profile]?.PASSWORD_LIFE_TIME;
    const life = own === undefined || own === 'DEFAULT' ? q.db.profiles.DEFAULT?.PASSWORD_LIFE_TIME : own;
    const expiry = life && /^\d+(\.\d+)?$/.test(life) ? q.now.getTime() + (Number(life) - u.passwordChangedDaysAgo) * DAY : null;
    return { USERNAME: name, ACCOUNT_STATUS: u.accountStatus, EXPIRY_DATE: expiry === null ? null : date(expiry), PROFILE: u.profile, expiry };
  }).filter((r) => r.ACCOUNT_STATUS !== 'OPEN' || (r.expiry !== null && r.expiry < q.now.getTime() + 14 * DAY)));

const empty = (...columns: string[]): Answer => () => rs(columns, []);

export const OPS_ANSWERS: Record<string, Answer> = {
  'alert-log': alertLog, 'invalid-objects': invalidObjects, 'unusable-indexes': empty('OWNER', 'INDEX_NAME', 'STATUS'),
  registry: empty('COMP_ID', 'VERSION', 'STATUS'), 'blocked-sessions': blockedSessions, 'root-blockers': rootBlockers,
  'long-sessions': empty('SID', 'SERIAL#', 'USERNAME', 'SQL_ID', 'STATUS', 'ACTIVE_S', 'EVENT', 'MODULE', 'MACHINE'),
  longops: empty('SID', 'OPNAME', 'TARGET', 'SOFAR', 'TOTALWORK', 'PCT', 'ELAPSED_SECONDS', 'TIME_REMAINING'),
  'resource-limit': resourceLimit, rman, 'dataguard-stats': dataguardStats,
  'archive-dest-standby': (q) => rs(['DEST_ID', 'STATUS', 'ERROR'], archiveDests(q).filter((r) => r.TARGET === 'STANDBY')),
  'scheduler-runs': schedulerRuns, 'scheduler-jobs': schedulerJobs, 'dba-jobs': empty('JOB', 'LOG_USER', 'WHAT', 'BROKEN', 'FAILURES', 'LAST_DATE', 'NEXT_DATE'),
  parameters, 'spparameter-diff': spparameterDiff, 'spfile-path': spfilePath, sqlpatch, 'registry-history': registryHistory,
  'datafile-status': empty('FILE#', 'NAME', 'STATUS'), 'log-switches': logSwitches, 'users-expiring': usersExpiring, 'users-10g': empty('USERNAME'),
};
