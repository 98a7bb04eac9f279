/**
 * One reader per database check: catalogue SQL (health-checks.md §2, exact text) through the
 * OracleSession → measurements. Conventions of each value are those the database assessor
 * (health/assess-db.ts) documents.
 */
import type { Measurement } from '../health/index.js';
import type { OracleDatabase } from '../model/index.js';
import { parseOraErrors } from '../parsers/index.js';
import type { OracleSession } from '../providers/context.js';
import { catalogueQuery as q, cellNum, cellText, intervalMinutes, oracleTime } from './sql.js';

export interface DbReadContext {
  session: OracleSession;
  db: OracleDatabase;
  base: string;
  now: Date;
}

export type DbReader = (c: DbReadContext) => Promise<Measurement[]>;

const instance: DbReader = async ({ session, base, now, db }) => {
  const rows = await q(session, 'instance');
  return rows.map((r) => {
    const started = oracleTime(cellText(r, 'STARTUP_TIME'));
    return {
      checkId: 'db.instance', target: `${base}/instance:${cellText(r, 'INSTANCE_NAME')}`, value: cellText(r, 'STATUS'), unit: 'state' as const,
      detail: {
        archiver: cellText(r, 'ARCHIVER'), logins: cellText(r, 'LOGINS'), databaseStatus: cellText(r, 'DATABASE_STATUS'), standby: db.role === 'physical-standby',
        startupHoursAgo: started && /\d\d[:.]\d\d/.test(cellText(r, 'STARTUP_TIME')) ? Math.round((now.getTime() - started.getTime()) / 3600_000) : null,
      },
    };
  });
};

const role: DbReader = async ({ session, base }) => (await q(session, 'database')).slice(0, 1).map((r) => ({
  checkId: 'db.role', target: base, value: `${cellText(r, 'DATABASE_ROLE')}/${cellText(r, 'OPEN_MODE')}`, unit: 'state' as const,
  detail: { logMode: cellText(r, 'LOG_MODE'), dbUniqueName: cellText(r, 'DB_UNIQUE_NAME') },
}));

const tablespace: DbReader = async ({ session, base }) => (await q(session, 'tablespace-metrics'))
  .filter((r) => cellText(r, 'CONTENTS') !== 'TEMPORARY')
  .map((r) => ({
    checkId: 'db.tablespace', target: `${base}/tablespace:${cellText(r, 'TABLESPACE_NAME')}`, value: cellNum(r, 'USED_PCT'), unit: '%' as const,
    detail: { contents: cellText(r, 'CONTENTS'), usedMb: cellNum(r, 'USED_MB'), maxMb: cellNum(r, 'MAX_MB') },
  }));

/**
 * Temp as % of its maximum (DBA_TABLESPACE_USAGE_METRICS covers temp, §2.3): DBA_TEMP_FREE_SPACE
 * measures against the allocated tempfiles, which an autoextend temp keeps small — that would
 * alarm on a healthy temp. Its figures are kept as detail.
 */
const temp: DbReader = async ({ session, base }) => {
  const free = new Map((await q(session, 'temp-free')).map((r) => [cellText(r, 'TABLESPACE_NAME'), r]));
  return (await q(session, 'tablespace-metrics')).filter((r) => cellText(r, 'CONTENTS') === 'TEMPORARY').map((r) => {
    const f = free.get(cellText(r, 'TABLESPACE_NAME'));
    return {
      checkId: 'db.temp', target: `${base}/tablespace:${cellText(r, 'TABLESPACE_NAME')}`, value: cellNum(r, 'USED_PCT'), unit: '%' as const,
      detail: { contents: 'TEMPORARY', usedMb: cellNum(r, 'USED_MB'), maxMb: cellNum(r, 'MAX_MB'), allocatedMb: cellNum(f, 'SIZE_MB'), allocatedUsedPct: cellNum(f, 'USED_PCT') },
    };
  });
};

const undo: DbReader = async ({ session, base }) => (await q(session, 'undostat')).slice(0, 1).map((r) => {
  const nospace = cellNum(r, 'NOSPACE_COUNT') ?? 0;
  const ora1555 = cellNum(r, 'ORA1555_COUNT') ?? 0;
  return { checkId: 'db.undo', target: base, value: nospace + ora1555, unit: 'count' as const, detail: { nospace, ora1555, maxQuerySeconds: cellNum(r, 'MAX_QUERY_S') } };
});

const fra: DbReader = async ({ session, base }) => (await q(session, 'fra-dest')).map((r) => ({
  checkId: 'db.fra', target: `${base}/fra`, value: cellNum(r, 'NONRECLAIMABLE_PCT') ?? 0, unit: '%' as const,
  detail: { name: cellText(r, 'NAME'), limitMb: cellNum(r, 'LIMIT_MB'), usedMb: cellNum(r, 'USED_MB'), reclaimableMb: cellNum(r, 'RECLAIMABLE_MB'), files: cellNum(r, 'NUMBER_OF_FILES') },
}));

const alertLog: DbReader = async ({ session, base }) => {
  const rows = await q(session, 'alert-log');
  const codes = rows.flatMap((r) => parseOraErrors(cellText(r, 'MESSAGE_TEXT')).filter((e) => e.facility === 'ORA').map((e) => e.code));
  return [{ checkId: 'db.alert-log', target: base, value: codes.length, unit: 'count', detail: { codes: codes.join(','), messages: rows.length } }];
};

const invalid: DbReader = async ({ session, base }) => {
  const objects = await q(session, 'invalid-objects');
  const indexes = await q(session, 'unusable-indexes');
  const registry = await q(session, 'registry');
  const count = objects.reduce((n, r) => n + (cellNum(r, 'CNT') ?? 0), 0);
  return [{ checkId: 'db.invalid-objects', target: base, value: count, unit: 'count', detail: { unusableIndexes: indexes.length, registryInvalid: registry.length, owners: [...new Set(objects.map((r) => cellText(r, 'OWNER')))].join(',') } }];
};

const blocking: DbReader = async ({ session, base }) => {
  const rows = await q(session, 'blocked-sessions');
  const longest = rows.reduce((n, r) => Math.max(n, cellNum(r, 'WAITED_S') ?? 0), 0);
  return [{ checkId: 'db.blocking', target: base, value: longest, unit: 'seconds', detail: { blocked: rows.length } }];
};

const limits: DbReader = async ({ session, base }) => (await q(session, 'resource-limit')).flatMap((r) => {
  const limit = cellNum(r, 'LIMIT_VALUE');
  const current = cellNum(r, 'CURRENT_UTILIZATION') ?? 0;
  if (!limit) return [];
  return [{ checkId: 'db.resource-limits', target: `${base}/resource:${cellText(r, 'RESOURCE_NAME')}`, value: Math.round(current * 10000 / limit) / 100, unit: '%' as const, detail: { current, max: cellNum(r, 'MAX_UTILIZATION'), limit } }];
});

const rman: DbReader = async ({ session, base, now, db }) => {
  const rows = await q(session, 'rman');
  // Backups run on the primary; a standby without RMAN jobs is not a finding (one with jobs is judged).
  if (rows.length === 0 && db.role === 'physical-standby') return [];
  const good = rows.filter((r) => cellText(r, 'STATUS').startsWith('COMPLETED')).map((r) => oracleTime(cellText(r, 'END_TIME')) ?? oracleTime(cellText(r, 'START_TIME'))).filter((d): d is Date => d !== null);
  const last = good.sort((a, b) => b.getTime() - a.getTime())[0];
  return [{
    checkId: 'db.rman', target: base, value: last ? Math.max(0, Math.round((now.getTime() - last.getTime()) / 3600_000)) : null, unit: 'hours',
    detail: { latestStatus: cellText(rows[0], 'STATUS'), latestType: cellText(rows[0], 'INPUT_TYPE'), jobs: rows.length },
  }];
};

const dataguard: DbReader = async ({ session, base, db }) => {
  if (db.role !== 'physical-standby') return [];
  const rows = await q(session, 'dataguard-stats');
  const apply = rows.find((r) => cellText(r, 'NAME').toLowerCase() === 'apply lag');
  const transport = rows.find((r) => cellText(r, 'NAME').toLowerCase() === 'transport lag');
  return [{ checkId: 'db.dataguard-lag', target: base, value: apply ? intervalMinutes(cellText(apply, 'VALUE')) : null, unit: 'minutes', detail: { transportLagMinutes: transport ? intervalMinutes(cellText(transport, 'VALUE')) : null } }];
};

async function schedulerFigures(session: OracleSession): Promise<{ failed: number; broken: number; jobs: string }> {
  const runs = await q(session, 'scheduler-runs');
  const jobs = await q(session, 'scheduler-jobs');
  const names = [...new Set([...runs, ...jobs].map((r) => `${cellText(r, 'OWNER')}.${cellText(r, 'JOB_NAME')}`))];
  return { failed: runs.length, broken: jobs.length, jobs: names.join(',') };
}

const scheduler: DbReader = async ({ session, base }) => {
  const s = await schedulerFigures(session);
  return [{ checkId: 'db.scheduler', target: base, value: s.failed, unit: 'count', detail: { broken: s.broken, jobs: s.jobs } }];
};

const etl: DbReader = async ({ session, base, db }) => {
  if (db.purpose !== 'etl') return [];
  const s = await schedulerFigures(session);
  return [{ checkId: 'etl.jobs', target: base, value: s.failed, unit: 'count', detail: { broken: s.broken, jobs: s.jobs } }];
};

const patches: DbReader = async ({ session, base, db }) => {
  if (!db.patches?.length) return [];
  const rows = await q(session, 'sqlpatch');
  const ok = new Set(rows.filter((r) => cellText(r, 'STATUS') === 'SUCCESS' && cellText(r, 'ACTION') === 'APPLY').map((r) => cellText(r, 'PATCH_ID')));
  const missing = db.patches.map((p) => p.id).filter((id) => !ok.has(id));
  return [{ checkId: 'db.patch-level', target: base, value: missing.length, unit: 'count', detail: { missing: missing.join(',') } }];
};

const parameters: DbReader = async ({ session, base }) => {
  const rows = await q(session, 'spparameter-diff');
  return [{ checkId: 'db.parameters', target: base, value: rows.length, unit: 'count', detail: { names: rows.map((r) => cellText(r, 'NAME')).join(',') } }];
};

export const DB_READERS: Record<string, DbReader> = {
  'db.instance': instance, 'db.role': role, 'db.tablespace': tablespace, 'db.temp': temp, 'db.undo': undo, 'db.fra': fra,
  'db.alert-log': alertLog, 'db.invalid-objects': invalid, 'db.blocking': blocking, 'db.resource-limits': limits, 'db.rman': rman,
  'db.dataguard-lag': dataguard, 'db.scheduler': scheduler, 'db.patch-level': patches, 'db.parameters': parameters, 'etl.jobs': etl,
};
