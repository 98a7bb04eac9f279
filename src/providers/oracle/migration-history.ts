/**
 * The migration history table, pure: its layout and DDL, the statements that record and erase
 * a script, rows as values, and the one decision the provider makes from them — is a script
 * pending, already applied (same checksum: skipped), or in conflict (applied with another
 * checksum: refused, never re-run) — plus the messages that say what happened when a script
 * fails part-way. No I/O; the provider (migration.ts) runs what this returns.
 */
import { oracleIdentifier } from '../../transport/quote.js';
import type { OracleStatement } from '../../transport/oracle.js';
import type { ScriptUnit } from '../../transport/sqlplus-script.js';
import type { OracleRow } from '../context.js';

/** The history table's columns, in order. SCRIPT_ID is the key: an id is applied once per schema. */
export const HISTORY_COLUMNS = ['SCRIPT_ID', 'CHECKSUM', 'RELEASE_NAME', 'PLAN_ID', 'APPLY_ID', 'APPLIED_BY', 'APPLIED_AT', 'ROLLBACK_CHECKSUM'] as const;

export interface HistoryRow {
  scriptId: string;
  checksum: string;
  release: string;
  planId: string | null;
  applyId: string | null;
  appliedBy: string | null;
  appliedAt: string;
  rollbackChecksum: string | null;
}

/** The primary-key constraint's name: `<TABLE>_PK`, within 30 bytes (11g's identifier limit). */
export function historyKeyName(table: string): string {
  return `${table.slice(0, 27)}_PK`;
}

/** CREATE TABLE for the history table, in the session user's schema. Times are ISO-8601 text with offset (the run's clock). */
export function createHistorySql(table: string): string {
  return [
    `CREATE TABLE ${oracleIdentifier(table, 30)} (`,
    '  SCRIPT_ID VARCHAR2(200) NOT NULL,',
    '  CHECKSUM VARCHAR2(64) NOT NULL,',
    '  RELEASE_NAME VARCHAR2(200) NOT NULL,',
    '  PLAN_ID VARCHAR2(100),',
    '  APPLY_ID VARCHAR2(100),',
    '  APPLIED_BY VARCHAR2(200),',
    '  APPLIED_AT VARCHAR2(40) NOT NULL,',
    '  ROLLBACK_CHECKSUM VARCHAR2(64),',
    `  CONSTRAINT ${oracleIdentifier(historyKeyName(table), 30)} PRIMARY KEY (SCRIPT_ID)`,
    ')',
  ].join('\n');
}

/** The probe that tells absent (ORA-00942), another layout (ORA-00904) and present apart, reading no rows. */
export function probeHistorySql(table: string): string {
  return `SELECT ${HISTORY_COLUMNS.join(', ')} FROM ${oracleIdentifier(table)} WHERE 1 = 0`;
}

export function selectHistorySql(table: string, ids: readonly string[]): OracleStatement {
  const binds: Record<string, string> = {};
  ids.forEach((id, i) => (binds[`s${i}`] = id));
  const list = ids.map((_, i) => `:s${i}`).join(', ') || 'NULL';
  return { sql: `SELECT ${HISTORY_COLUMNS.join(', ')} FROM ${oracleIdentifier(table)} WHERE SCRIPT_ID IN (${list}) ORDER BY SCRIPT_ID`, binds };
}

export function countHistorySql(table: string): string {
  return `SELECT COUNT(*) AS N FROM ${oracleIdentifier(table)}`;
}

export function dropHistorySql(table: string): string {
  return `DROP TABLE ${oracleIdentifier(table)} PURGE`;
}

export function insertHistory(table: string, row: HistoryRow): OracleStatement {
  return {
    sql: `INSERT INTO ${oracleIdentifier(table)} (${HISTORY_COLUMNS.join(', ')}) VALUES (:script_id, :checksum, :release_name, :plan_id, :apply_id, :applied_by, :applied_at, :rollback_checksum)`,
    binds: {
      script_id: row.scriptId, checksum: row.checksum, release_name: row.release, plan_id: row.planId, apply_id: row.applyId,
      applied_by: row.appliedBy, applied_at: row.appliedAt, rollback_checksum: row.rollbackChecksum,
    },
  };
}

/** Deletes exactly the row the apply wrote (same id and checksum): a row of another checksum stays. */
export function deleteHistory(table: string, scriptId: string, checksum: string): OracleStatement {
  return { sql: `DELETE FROM ${oracleIdentifier(table)} WHERE SCRIPT_ID = :script_id AND CHECKSUM = :checksum`, binds: { script_id: scriptId, checksum } };
}

const text = (v: OracleRow[string] | undefined): string | null => (v === null || v === undefined ? null : String(v));

export function historyRow(r: OracleRow): HistoryRow {
  return {
    scriptId: String(r.SCRIPT_ID ?? ''), checksum: String(r.CHECKSUM ?? ''), release: String(r.RELEASE_NAME ?? ''),
    planId: text(r.PLAN_ID), applyId: text(r.APPLY_ID), appliedBy: text(r.APPLIED_BY), appliedAt: String(r.APPLIED_AT ?? ''), rollbackChecksum: text(r.ROLLBACK_CHECKSUM),
  };
}

export type ScriptState =
  | { state: 'pending' }
  | { state: 'applied'; row: HistoryRow }
  | { state: 'conflict'; row: HistoryRow };

/** Pending (no row), applied (a row with the same checksum, whatever release wrote it) or conflict (another checksum). */
export function scriptState(script: { id: string; sha256: string }, rows: readonly HistoryRow[]): ScriptState {
  const row = rows.find((r) => r.scriptId === script.id);
  if (!row) return { state: 'pending' };
  return row.checksum.toLowerCase() === script.sha256.toLowerCase() ? { state: 'applied', row } : { state: 'conflict', row };
}

export function conflictMessage(db: string, table: string, script: { id: string; sha256: string }, release: string, row: HistoryRow): string {
  return `migration ${script.id} on ${db} was applied with checksum ${row.checksum} (release ${row.release || '?'}, ${row.appliedAt || 'time unknown'}; ${table}), `
    + `but release ${release} has it with checksum ${script.sha256}: an applied script is never run again. `
    + 'Restore the script as it was applied, or put the change in a new script with a new id.';
}

const DDL = /^\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME|COMMENT|GRANT|REVOKE|ANALYZE|AUDIT|NOAUDIT|PURGE|FLASHBACK)\b/i;

function headline(u: ScriptUnit): string {
  const first = u.text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('--')) ?? '';
  return first.length > 70 ? `${first.slice(0, 70)}…` : first;
}

/**
 * What a failed script left behind, from how many of its statements completed: statements that
 * completed and are DDL are committed (Oracle commits before and after each DDL) and stay;
 * DML since the last DDL was rolled back (WHENEVER SQLERROR EXIT … ROLLBACK); no history row.
 */
export function failureReport(scriptId: string, statements: readonly ScriptUnit[], completed: number, oraMessage: string, rollbackFile: string | undefined): string {
  const total = statements.length;
  const failing = statements[completed];
  const at = failing ? `statement ${completed + 1} of ${total} (line ${failing.line}: ${headline(failing)})` : `after its ${total} statement(s)`;
  const kept = statements.slice(0, completed).map((u, i) => ({ u, i })).filter(({ u }) => DDL.test(u.text));
  const head = `migration ${scriptId} failed at ${at}: ${oraMessage}.`;
  if (kept.length === 0) {
    return `${head} No DDL of it had completed: the schema is as before (uncommitted DML rolled back); no history row was written.`;
  }
  const list = kept.map(({ u, i }) => `${i + 1} (${headline(u)})`).join('; ');
  return `${head} PARTIAL: statement(s) ${list} completed and are committed (DDL commits) and were NOT undone; `
    + `DML since the last DDL was rolled back; no history row was written. Undo them by hand${rollbackFile ? ` (see ${rollbackFile}, which assumes the whole script ran)` : ''} or fix forward, then plan again.`;
}
