/**
 * Executing a data fix against its database through an Oracle session with transactions:
 * plan (read only), apply (approvals → pre-check → before-image to the vault → the change in
 * ONE transaction guarded by count checks before COMMIT → counts after) and rollback (the
 * before-image restored in one transaction, re-read and proved byte-identical by sha256).
 * Outcomes are values; nothing prints here.
 */
import type { DataFix } from '../model/index.js';
import { OracleError } from '../transport/errors.js';
import type { OracleBinds, OracleRow, OracleSqlSession } from '../transport/oracle.js';
import { approvalStatus, type ApprovalStatus } from './approvals.js';
import { imageCsv, imageOf, sha256 } from './image.js';
import { maskRow } from './mask.js';
import { affectedSelect, guardStatement, postGuard, restoreStatements, rowsByKeySelect, tableOf, usedBinds } from './sql.js';
import { readImage, writeImage } from './vault.js';

export type DataFixSession = Pick<OracleSqlSession, 'query' | 'transaction'>;
export type DataFixOutcome = 'planned' | 'applied' | 'rolled-back' | 'refused' | 'failed';

export interface DataFixRun {
  kind: 'plan' | 'apply' | 'rollback';
  fix: string;
  env: string;
  database: string;
  table: string;
  ticket: string;
  at: string;
  outcome: DataFixOutcome;
  message: string;
  approvals: ApprovalStatus;
  preCheck?: { sql: string; binds: OracleBinds; expected: number; actual: number };
  /** The affected rows, personal columns masked. */
  affected?: { expected: number; count: number; columns: string[]; rows: OracleRow[] };
  change: { sql: string; binds: OracleBinds; expectRows: number };
  rollback: { statements: number; example?: string };
  beforeImage?: { sha256: string; rows: number; vault: string };
  rowsAffected?: number;
  after?: { sql: string; expected: number; actual: number };
}

export interface DataFixOptions {
  env: string;
  vault: string;
  now: Date;
}

const stampOf = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

async function count(s: DataFixSession, sql: string, binds: Record<string, unknown> | undefined): Promise<number> {
  const rows = await s.query(sql, usedBinds(sql, binds));
  const v = rows[0] ? Object.values(rows[0])[0] : 0;
  return Number(v ?? 0);
}

function base(fix: DataFix, o: DataFixOptions, kind: DataFixRun['kind']): DataFixRun {
  return {
    kind, fix: fix.name, env: o.env, database: fix.database, table: tableOf(fix), ticket: fix.ticket, at: o.now.toISOString(),
    outcome: 'planned', message: '', approvals: approvalStatus(fix),
    change: { sql: fix.change.sql, binds: usedBinds(fix.change.sql, fix.change.binds), expectRows: fix.change.expectRows },
    rollback: { statements: 0 },
  };
}

/** Reads the pre-check and the affected rows; fills the run (masked) and returns the raw rows. */
async function readState(fix: DataFix, s: DataFixSession, run: DataFixRun): Promise<OracleRow[]> {
  const actual = await count(s, fix.preCheck.sql, fix.preCheck.binds);
  run.preCheck = { sql: fix.preCheck.sql, binds: usedBinds(fix.preCheck.sql, fix.preCheck.binds), expected: fix.preCheck.expectCount, actual };
  const sel = affectedSelect(fix);
  const rows = await s.query(sel.sql, sel.binds);
  const columns = Object.keys(rows[0] ?? {});
  run.affected = { expected: fix.change.expectRows, count: rows.length, columns, rows: rows.map((r) => maskRow(r, fix.personalColumns ?? [])) };
  const restore = rows.length ? restoreStatements(fix, columns, rows.slice(0, 1)) : [];
  run.rollback = { statements: rows.length, ...(restore[0] ? { example: restore[0].sql } : {}) };
  return rows;
}

function mismatch(run: DataFixRun): string | undefined {
  if (run.preCheck && run.preCheck.actual !== run.preCheck.expected) return `pre-check counts ${run.preCheck.actual} rows, the file expects ${run.preCheck.expected}: the data changed since the fix was written`;
  if (run.affected && run.affected.count !== run.affected.expected) return `the change would touch ${run.affected.count} rows, the file expects ${run.affected.expected}`;
  return undefined;
}

export async function planDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions): Promise<DataFixRun> {
  const run = base(fix, o, 'plan');
  await readState(fix, s, run);
  const wrong = mismatch(run);
  const missing = run.approvals.missing;
  run.message = wrong ?? (missing.length ? `ready, but approvals missing: ${missing.join(', ')}` : 'ready to apply: counts as expected, approvals complete');
  return run;
}

export async function applyDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions): Promise<DataFixRun> {
  const run = base(fix, o, 'apply');
  if (run.approvals.missing.length) return { ...run, outcome: 'refused', message: `refused: approvals missing (需审批): ${run.approvals.missing.join(', ')}` };
  const rows = await readState(fix, s, run);
  const wrong = mismatch(run);
  if (wrong) return { ...run, outcome: 'refused', message: `refused: ${wrong}` };
  const image = imageOf(rows, run.affected!.columns);
  const entry = writeImage(o.vault, o.env, fix.name, stampOf(o.now), image, { fix: fix.name, env: o.env, database: fix.database, table: tableOf(fix), key: fix.table.key, takenAt: run.at });
  run.beforeImage = { sha256: entry.sha256, rows: entry.rows, vault: entry.dir };
  const pre = guardStatement(fix.preCheck.sql, fix.preCheck.binds, fix.preCheck.expectCount);
  const post = postGuard(fix);
  try {
    const r = await s.transaction([pre, { sql: fix.change.sql, binds: run.change.binds }, post]);
    run.rowsAffected = r.rowsAffected[1] ?? 0;
  } catch (err) {
    const why = err instanceof OracleError && err.code === 'ORA-01476' ? 'a count check inside the transaction failed' : (err as Error).message;
    return { ...run, outcome: 'failed', message: `rolled back, nothing changed: ${why}` };
  }
  if (run.rowsAffected !== fix.change.expectRows) {
    await s.transaction(restoreStatements(fix, image.columns, image.rows));
    return { ...run, outcome: 'failed', message: `the change touched ${run.rowsAffected} rows, not ${fix.change.expectRows}: the before-image was restored` };
  }
  const afterSql = fix.postCheck ?? { ...fix.preCheck, expectCount: Math.max(0, fix.preCheck.expectCount - fix.change.expectRows) };
  run.after = { sql: afterSql.sql, expected: afterSql.expectCount, actual: await count(s, afterSql.sql, afterSql.binds) };
  const ok = run.after.actual === run.after.expected;
  return { ...run, outcome: ok ? 'applied' : 'failed', message: ok ? `applied: ${run.rowsAffected} rows changed and committed; counts verified` : `committed, but the count after is ${run.after.actual}, not ${run.after.expected}: check, then roll back` };
}

export async function rollbackDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions & { stamp?: string }): Promise<DataFixRun> {
  const run = base(fix, o, 'rollback');
  const { entry, image } = readImage(o.vault, o.env, fix.name, o.stamp);
  run.beforeImage = { sha256: entry.sha256, rows: entry.rows, vault: entry.dir };
  const statements = restoreStatements(fix, image.columns, image.rows);
  run.rollback = { statements: statements.length, ...(statements[0] ? { example: statements[0].sql } : {}) };
  try {
    const r = await s.transaction(statements);
    run.rowsAffected = r.rowsAffected.reduce((a, b) => a + b, 0);
  } catch (err) {
    return { ...run, outcome: 'failed', message: `rollback failed and was undone by the database: ${(err as Error).message}` };
  }
  const sel = rowsByKeySelect(fix, image.rows);
  const reread = imageOf(await s.query(sel.sql, sel.binds), image.columns);
  run.affected = { expected: image.rows.length, count: reread.rows.length, columns: image.columns, rows: reread.rows.map((r) => maskRow(r, fix.personalColumns ?? [])) };
  const sum = sha256(imageCsv(reread));
  const same = sum === entry.sha256;
  return { ...run, outcome: same ? 'rolled-back' : 'failed', message: same ? `rolled back: ${reread.rows.length} rows byte-identical to the before-image (sha256 ${sum.slice(0, 16)}…)` : `restored, but the rows differ from the before-image: sha256 ${sum} ≠ ${entry.sha256}` };
}
