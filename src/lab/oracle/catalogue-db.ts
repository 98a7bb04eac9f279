/**
 * Answers for the storage and instance checks of the catalogue (health-checks.md §2.1–2.6):
 * instance, database role, tablespaces (both forms), temp, undo, FRA and archive logs.
 */
import type { QueryCtx, ResultSet } from './context.js';
import { stableNumber } from './context.js';
import type { Row } from './expr.js';
import { date } from './values.js';
import type { SqlValue } from './values.js';
import { databaseRow, instanceRow } from './views.js';

export type Answer = (q: QueryCtx) => ResultSet;

export function rs(columns: string[], rows: Row[]): ResultSet {
  return { columns, rows: rows.map((r) => columns.map((c) => (r[c] ?? null) as SqlValue)) };
}

export const round = (n: number, places = 0): number => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};

function pct(used: number, of: number): number {
  return of > 0 ? round((used * 100) / of, 2) : 0;
}

const instance: Answer = (q) => rs(['INSTANCE_NAME', 'HOST_NAME', 'VERSION', 'STARTUP_TIME', 'STATUS', 'ARCHIVER', 'LOGINS', 'SHUTDOWN_PENDING', 'DATABASE_STATUS', 'INSTANCE_ROLE', 'ACTIVE_STATE', 'BLOCKED'], [instanceRow(q)]);

const database: Answer = (q) => rs(['NAME', 'DB_UNIQUE_NAME', 'DBID', 'LOG_MODE', 'OPEN_MODE', 'DATABASE_ROLE', 'PROTECTION_MODE', 'SWITCHOVER_STATUS', 'FORCE_LOGGING', 'FLASHBACK_ON', 'PLATFORM_NAME'], [databaseRow(q)]);

const tablespaceMetrics: Answer = (q) => {
  const rows = Object.values(q.db.tablespaces).map((t) => {
    const max = t.autoextend ? Math.max(t.maxMb, t.sizeMb) : t.sizeMb;
    return { TABLESPACE_NAME: t.name, CONTENTS: t.contents, USED_MB: round(t.usedMb), MAX_MB: round(max), USED_PCT: pct(t.usedMb, max) };
  });
  rows.sort((a, b) => b.USED_PCT - a.USED_PCT);
  return rs(['TABLESPACE_NAME', 'CONTENTS', 'USED_MB', 'MAX_MB', 'USED_PCT'], rows);
};

const tablespaceClassic: Answer = (q) => {
  const rows = Object.values(q.db.tablespaces).filter((t) => t.contents !== 'TEMPORARY').map((t) => {
    const max = t.datafiles.reduce((s, f) => s + (f.autoextend ? Math.max(f.maxMb, f.sizeMb) : f.sizeMb), 0) || t.sizeMb;
    const free = Math.max(0, t.sizeMb - t.usedMb);
    return {
      TABLESPACE_NAME: t.name, ALLOC_MB: round(t.sizeMb), MAX_MB: round(max), FREE_IN_ALLOC_MB: round(free),
      USED_PCT_OF_MAX: pct(t.sizeMb - free, max), ANY_AUTOEXTEND: t.datafiles.some((f) => f.autoextend) ? 'YES' : 'NO',
    };
  });
  rows.sort((a, b) => b.USED_PCT_OF_MAX - a.USED_PCT_OF_MAX);
  return rs(['TABLESPACE_NAME', 'ALLOC_MB', 'MAX_MB', 'FREE_IN_ALLOC_MB', 'USED_PCT_OF_MAX', 'ANY_AUTOEXTEND'], rows);
};

const tempFree: Answer = (q) => rs(['TABLESPACE_NAME', 'SIZE_MB', 'ALLOCATED_MB', 'FREE_MB', 'USED_PCT'],
  Object.values(q.db.tablespaces).filter((t) => t.contents === 'TEMPORARY').map((t) => ({
    TABLESPACE_NAME: t.name, SIZE_MB: round(t.sizeMb), ALLOCATED_MB: round(t.sizeMb), FREE_MB: round(t.sizeMb - t.usedMb), USED_PCT: pct(t.usedMb, t.sizeMb),
  })));

const undoExtents: Answer = (q) => rs(['TABLESPACE_NAME', 'STATUS', 'MB'],
  Object.values(q.db.tablespaces).filter((t) => t.contents === 'UNDO').flatMap((t) => {
    const active = round(t.usedMb * 0.05);
    const unexpired = round(t.usedMb * 0.35);
    return [['ACTIVE', active], ['UNEXPIRED', unexpired], ['EXPIRED', round(t.usedMb) - active - unexpired]]
      .filter(([, mb]) => (mb as number) > 0).map(([status, mb]) => ({ TABLESPACE_NAME: t.name, STATUS: status as string, MB: mb as number }));
  }));

function alertCount(q: QueryCtx, pattern: RegExp): number {
  const since = q.now.getTime() - 86_400_000;
  return q.db.alertLog.filter((l) => Date.parse(l.time) > since && Date.parse(l.time) <= q.now.getTime() && pattern.test(l.text)).length;
}

const undostat: Answer = (q) => rs(['MAX_QUERY_S', 'TUNED_RETENTION_S', 'ORA1555_COUNT', 'NOSPACE_COUNT'], [{
  MAX_QUERY_S: 1260, TUNED_RETENTION_S: Math.max(Number(q.db.parameters.undo_retention?.value ?? 900), 2160),
  ORA1555_COUNT: alertCount(q, /ORA-01555/), NOSPACE_COUNT: alertCount(q, /ORA-30036/),
}]);

function fraFiles(q: QueryCtx): number {
  return 12 + Math.round(q.db.fra.usedMb / 512);
}

const fraDest: Answer = (q) => {
  const f = q.db.fra;
  return rs(['NAME', 'LIMIT_MB', 'USED_MB', 'RECLAIMABLE_MB', 'NUMBER_OF_FILES', 'NONRECLAIMABLE_PCT'], [{
    NAME: q.db.parameters.db_recovery_file_dest?.value ?? '+FRA', LIMIT_MB: round(f.sizeMb), USED_MB: round(f.usedMb),
    RECLAIMABLE_MB: round(f.reclaimableMb), NUMBER_OF_FILES: fraFiles(q), NONRECLAIMABLE_PCT: f.sizeMb > 0 ? pct(f.usedMb - f.reclaimableMb, f.sizeMb) : null,
  }]);
};

const FRA_SHARES: Array<[string, number, number, number]> = [
  // file type, share of used space, share of reclaimable space, share of files
  ['CONTROL FILE', 0.002, 0, 0.02], ['REDO LOG', 0.048, 0, 0.1], ['ARCHIVED LOG', 0.65, 0.7, 0.6],
  ['BACKUP PIECE', 0.3, 0.3, 0.28], ['IMAGE COPY', 0, 0, 0], ['FLASHBACK LOG', 0, 0, 0],
  ['FOREIGN ARCHIVED LOG', 0, 0, 0], ['AUXILIARY DATAFILE COPY', 0, 0, 0],
];

const fraUsage: Answer = (q) => {
  const f = q.db.fra;
  const files = fraFiles(q);
  return rs(['FILE_TYPE', 'PERCENT_SPACE_USED', 'PERCENT_SPACE_RECLAIMABLE', 'NUMBER_OF_FILES'], FRA_SHARES.map(([type, used, recl, n]) => ({
    FILE_TYPE: type, PERCENT_SPACE_USED: f.sizeMb > 0 ? pct(f.usedMb * used, f.sizeMb) : 0,
    PERCENT_SPACE_RECLAIMABLE: f.sizeMb > 0 ? pct(f.reclaimableMb * recl, f.sizeMb) : 0, NUMBER_OF_FILES: Math.round(files * n),
  })));
};

/** The standby this primary ships redo to (same DB_NAME, PHYSICAL STANDBY role), if any. */
function standbyOf(q: QueryCtx): QueryCtx['db'] | undefined {
  if (q.db.role !== 'PRIMARY') return undefined;
  return Object.values(q.state.databases).find((d) => d.role === 'PHYSICAL STANDBY' && d.dbName.toUpperCase() === q.db.dbName.toUpperCase());
}

export function archiveDests(q: QueryCtx): Row[] {
  const rows: Row[] = [{ DEST_ID: 1, DEST_NAME: 'LOG_ARCHIVE_DEST_1', STATUS: 'VALID', ERROR: null, DESTINATION: 'USE_DB_RECOVERY_FILE_DEST', TARGET: 'PRIMARY' }];
  const stby = standbyOf(q);
  if (stby) {
    const down = !stby.listenerUp || q.state.faults.some((f) => f.name === 'db-down' && f.target === stby.name);
    rows.push({ DEST_ID: 2, DEST_NAME: 'LOG_ARCHIVE_DEST_2', STATUS: down ? 'ERROR' : 'VALID', ERROR: down ? 'ORA-12541: TNS:no listener' : null, DESTINATION: stby.service, TARGET: 'STANDBY' });
  }
  return rows;
}

const archiveDest: Answer = (q) => rs(['DEST_ID', 'DEST_NAME', 'STATUS', 'ERROR', 'DESTINATION'], archiveDests(q));

const archivedLog: Answer = (q) => {
  if (q.db.logMode !== 'ARCHIVELOG') return rs(['DAY', 'LOGS', 'MB'], []);
  const rows: Row[] = [];
  const today = Math.floor((q.now.getTime() + 8 * 3_600_000) / 86_400_000);
  for (let d = 7; d >= 0; d--) {
    const day = (today - d) * 86_400_000 - 8 * 3_600_000;
    const logs = 20 + stableNumber(`${q.db.name}:${today - d}`, 25);
    rows.push({ DAY: date(day), LOGS: logs, MB: logs * 512 });
  }
  return rs(['DAY', 'LOGS', 'MB'], rows);
};

export const DB_ANSWERS: Record<string, Answer> = {
  instance, database, 'tablespace-metrics': tablespaceMetrics, 'tablespace-classic': tablespaceClassic,
  'temp-free': tempFree, 'temp-users': () => rs(['SID', 'SERIAL#', 'USERNAME', 'SQL_ID', 'TABLESPACE', 'SEGTYPE', 'USED_MB'], []),
  'undo-extents': undoExtents, undostat, 'fra-dest': fraDest, 'fra-usage': fraUsage, 'archive-dest': archiveDest, 'archived-log': archivedLog,
};
