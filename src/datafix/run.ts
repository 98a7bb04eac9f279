/**
 * Executing a data fix against its database through an Oracle session with transactions:
 * plan (read only), apply (approvals → pre-check and every change's affected rows → the
 * before-image of every changed table to the vault → ALL changes in ONE transaction, each
 * guarded by count checks, the post-check before COMMIT → counts after) and rollback (every
 * table's before-image restored in one transaction, re-read and proved byte-identical by
 * sha256). Outcomes are values; nothing prints here.
 */
import type { DataFix } from '../model/index.js';
import { OracleError } from '../transport/errors.js';
import type { OracleBinds, OracleRow, OracleStatement } from '../transport/oracle.js';
import { approvalStatus, type ApprovalStatus } from './approvals.js';
import { tableName, type DataFixTable } from './change.js';
import { imageCsv, imageOf, imagesDigest, sha256, type TableImage } from './image.js';
import { changeRuns, count, masked, readState, tablesOf, type ChangeRun, type DataFixSession, type ReadState, type TableRows } from './read.js';
import { changeGuards, guardStatement, keyText, postCheckOf, postGuard, restoreStatements, rowsByKeySelect } from './sql.js';
import { readImage, writeImage, type VaultTable } from './vault.js';

export type { ChangeRun, DataFixSession, TableRows } from './read.js';
export type DataFixOutcome = 'planned' | 'applied' | 'rolled-back' | 'refused' | 'failed';

export interface DataFixRun {
  kind: 'plan' | 'apply' | 'rollback';
  fix: string;
  env: string;
  database: string;
  /** The changed tables (SCHEMA.TABLE), in order of first appearance. */
  tables: string[];
  ticket: string;
  at: string;
  outcome: DataFixOutcome;
  message: string;
  approvals: ApprovalStatus;
  preCheck?: ReadState['preCheck'];
  /** The change statements in order, with their expected, affected and changed row counts. */
  changes: ChangeRun[];
  /** Per table: the before-image's rows (plan, apply) or the rows re-read after a rollback; personal columns masked. */
  rows?: TableRows[];
  rollback: { statements: number; example?: string };
  beforeImage?: { sha256: string; rows: number; vault: string; tables: VaultTable[] };
  after?: { sql: string; expected: number; actual: number };
}

export interface DataFixOptions {
  env: string;
  vault: string;
  now: Date;
}

const stampOf = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** The run's frame; parsing every change and the post-check here refuses a malformed fix (DataFixError) before anything is read. */
function base(fix: DataFix, o: DataFixOptions, kind: DataFixRun['kind']): DataFixRun {
  postGuard(fix);
  return {
    kind, fix: fix.name, env: o.env, database: fix.database, tables: tablesOf(fix).map(tableName), ticket: fix.ticket, at: o.now.toISOString(),
    outcome: 'planned', message: '', approvals: approvalStatus(fix), changes: changeRuns(fix), rollback: { statements: 0 },
  };
}

function fill(run: DataFixRun, fix: DataFix, state: ReadState): void {
  Object.assign(run, { preCheck: state.preCheck, changes: state.changes, rows: masked(fix, state.images), rollback: state.rollback });
}

function mismatch(run: DataFixRun): string | undefined {
  if (run.preCheck && run.preCheck.actual !== run.preCheck.expected) return `pre-check counts ${run.preCheck.actual} rows, the file expects ${run.preCheck.expected}: the data changed since the fix was written`;
  for (const [n, c] of run.changes.entries()) {
    if (c.affected === c.expectRows) continue;
    if (c.verb === 'INSERT') return `change ${n + 1} (INSERT into ${c.table}): a row with its key exists already`;
    return `change ${n + 1} (${c.verb} ${c.table}) would touch ${c.affected} rows, the file expects ${c.expectRows}`;
  }
  return undefined;
}

export async function planDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions): Promise<DataFixRun> {
  const run = base(fix, o, 'plan');
  fill(run, fix, await readState(fix, s));
  const wrong = mismatch(run);
  const missing = run.approvals.missing;
  run.message = wrong ?? (missing.length ? `ready, but approvals missing: ${missing.join(', ')}` : 'ready to apply: counts as expected, approvals complete');
  return run;
}

/** The whole transaction: pre-check guard; per change its guards then the change; post-check guard. Returns the statements and each change's index. */
function transaction(fix: DataFix, images: readonly TableImage[], binds: readonly OracleBinds[]): { statements: OracleStatement[]; at: number[] } {
  const statements: OracleStatement[] = [guardStatement(fix.preCheck.sql, fix.preCheck.binds, fix.preCheck.expectCount)];
  const at: number[] = [];
  fix.changes.forEach((c, n) => {
    statements.push(...changeGuards(c, images.find((i) => i.table === tableName(c.table))!.rows));
    at.push(statements.length);
    statements.push({ sql: c.sql, binds: binds[n]! });
  });
  statements.push(postGuard(fix));
  return { statements, at };
}

const tableOfImage = (i: TableImage): DataFixTable => ({ schema: i.table.split('.')[0]!, name: i.table.split('.')[1]!, key: i.key });

/** The rows now at the keys of an image (its rows and the inserted ones), in key order. */
async function rowsNow(s: DataFixSession, image: TableImage): Promise<OracleRow[]> {
  const sel = rowsByKeySelect(tableOfImage(image), [...image.rows, ...image.inserted]);
  return s.query(sel.sql, sel.binds);
}

/** Puts every table back to its before-image in ONE transaction, from what is there now (the vault alone decides, not the fix file). */
async function restore(s: DataFixSession, images: readonly TableImage[]): Promise<OracleStatement[]> {
  const statements: OracleStatement[] = [];
  for (const image of images) {
    const t = tableOfImage(image);
    const now = new Set((await rowsNow(s, image)).map((r) => keyText(t, r)));
    statements.push(...restoreStatements(t, image.columns, image.rows, (r) => now.has(keyText(t, r)), image.inserted));
  }
  await s.transaction(statements);
  return statements;
}

export async function applyDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions): Promise<DataFixRun> {
  const run = base(fix, o, 'apply');
  if (run.approvals.missing.length) return { ...run, outcome: 'refused', message: `refused: approvals missing (需审批): ${run.approvals.missing.join(', ')}` };
  const state = await readState(fix, s);
  fill(run, fix, state);
  const wrong = mismatch(run);
  if (wrong) return { ...run, outcome: 'refused', message: `refused: ${wrong}` };
  const entry = writeImage(o.vault, o.env, fix.name, stampOf(o.now), state.images, { fix: fix.name, env: o.env, database: fix.database, takenAt: run.at });
  run.beforeImage = { sha256: entry.sha256, rows: entry.rows, vault: entry.dir, tables: entry.tables };
  const { statements, at } = transaction(fix, state.images, run.changes.map((c) => c.binds));
  try {
    const r = await s.transaction(statements);
    at.forEach((i, n) => { run.changes[n]!.rowsAffected = r.rowsAffected[i] ?? 0; });
  } catch (err) {
    const why = err instanceof OracleError && err.code === 'ORA-01476' ? 'a count check inside the transaction failed' : (err as Error).message;
    return { ...run, outcome: 'failed', message: `rolled back, nothing changed: ${why}` };
  }
  const off = run.changes.findIndex((c) => c.rowsAffected !== c.expectRows);
  if (off >= 0) {
    await restore(s, state.images);
    const c = run.changes[off]!;
    return { ...run, outcome: 'failed', message: `change ${off + 1} (${c.verb} ${c.table}) touched ${c.rowsAffected} rows, not ${c.expectRows}: the before-image was restored` };
  }
  const afterSql = postCheckOf(fix);
  run.after = { sql: afterSql.sql, expected: afterSql.expectCount, actual: await count(s, afterSql.sql, afterSql.binds) };
  const ok = run.after.actual === run.after.expected;
  const changed = run.changes.reduce((a, c) => a + (c.rowsAffected ?? 0), 0);
  return { ...run, outcome: ok ? 'applied' : 'failed', message: ok ? `applied: ${run.changes.length} change(s), ${changed} rows changed and committed in one transaction; counts verified` : `committed, but the count after is ${run.after.actual}, not ${run.after.expected}: check, then roll back` };
}

export async function rollbackDataFix(fix: DataFix, s: DataFixSession, o: DataFixOptions & { stamp?: string }): Promise<DataFixRun> {
  const run = base(fix, o, 'rollback');
  const { entry, images } = readImage(o.vault, o.env, fix.name, o.stamp);
  run.beforeImage = { sha256: entry.sha256, rows: entry.rows, vault: entry.dir, tables: entry.tables };
  let statements: OracleStatement[];
  try {
    statements = await restore(s, images);
  } catch (err) {
    return { ...run, outcome: 'failed', message: `rollback failed and was undone by the database: ${(err as Error).message}` };
  }
  run.rollback = { statements: statements.length, ...(statements[0] ? { example: statements[0].sql } : {}) };
  const reread: TableImage[] = [];
  for (const image of images) reread.push({ ...image, ...imageOf(await rowsNow(s, image), image.columns) });
  run.rows = masked(fix, reread);
  const sums = reread.map((i) => ({ table: i.table, sha256: sha256(imageCsv(i)) }));
  const digest = imagesDigest(sums);
  const differ = sums.filter((x, i) => x.sha256 !== entry.tables[i]?.sha256).map((x) => x.table);
  const rows = reread.reduce((a, i) => a + i.rows.length, 0);
  return differ.length === 0 && digest === entry.sha256
    ? { ...run, outcome: 'rolled-back', message: `rolled back: ${rows} rows in ${reread.length} table(s) byte-identical to the before-image, ${entry.tables.reduce((a, t) => a + t.inserted, 0)} inserted row(s) removed (sha256 ${digest.slice(0, 16)}…)` }
    : { ...run, outcome: 'failed', message: `restored, but ${differ.join(', ') || 'the image'} differ(s) from the before-image: sha256 ${digest} ≠ ${entry.sha256}` };
}
