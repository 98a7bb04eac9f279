/**
 * What a data fix reads before it changes anything, through the Oracle session: the pre-check
 * count, each change's affected rows (an INSERT: is its key still free?), and per changed table
 * the before-image — every row any change of that table touches, read once more by key so it
 * is in the database's key order — with the keys the fix inserts. Also the rollback those
 * images give when every change did what it says (shown by plan and apply).
 */
import type { DataFix } from '../model/index.js';
import type { OracleBinds, OracleRow, OracleSqlSession } from '../transport/oracle.js';
import { insertedKey, parseChange, tableName, usedBinds, type DataFixTable } from './change.js';
import { imageOf, type TableImage } from './image.js';
import { maskRow } from './mask.js';
import { affectedSelect, keyText, restoreStatements, rowsByKeySelect } from './sql.js';

export type DataFixSession = Pick<OracleSqlSession, 'query' | 'transaction'>;

export interface ChangeRun {
  table: string;
  verb: 'UPDATE' | 'DELETE' | 'INSERT';
  sql: string;
  binds: OracleBinds;
  expectRows: number;
  /** Rows it would change, read before the transaction (an INSERT: 1 while its key is free, else 0). */
  affected?: number;
  /** Rows it changed, as the database reported them. */
  rowsAffected?: number;
}

/** Rows of one table as shown (personal columns masked). */
export interface TableRows {
  table: string;
  columns: string[];
  count: number;
  rows: OracleRow[];
}

export interface ReadState {
  preCheck: { sql: string; binds: OracleBinds; expected: number; actual: number };
  changes: ChangeRun[];
  images: TableImage[];
  /** The rollback when every change did what it says: how many statements, and the first. */
  rollback: { statements: number; example?: string };
}

export function changeRuns(fix: DataFix): ChangeRun[] {
  return fix.changes.map((c) => ({ table: tableName(c.table), verb: parseChange(c).verb, sql: c.sql, binds: usedBinds(c.sql, c.binds), expectRows: c.expectRows }));
}

/** The changed tables in order of first appearance, each with its declared key. */
export function tablesOf(fix: DataFix): DataFixTable[] {
  const seen = new Map<string, DataFixTable>();
  for (const c of fix.changes) if (!seen.has(tableName(c.table))) seen.set(tableName(c.table), c.table);
  return [...seen.values()];
}

export async function count(s: DataFixSession, sql: string, binds: Record<string, unknown> | undefined): Promise<number> {
  const rows = await s.query(sql, usedBinds(sql, binds));
  const v = rows[0] ? Object.values(rows[0])[0] : 0;
  return Number(v ?? 0);
}

export function masked(fix: DataFix, images: readonly TableImage[]): TableRows[] {
  return images.map((i) => ({ table: i.table, columns: i.columns, count: i.rows.length, rows: i.rows.map((r) => maskRow(r, fix.personalColumns ?? [])) }));
}

/** The rollback of `images` if every change did what it says: rows deleted come back by INSERT, the others by UPDATE, inserted rows go. */
function expectedRollback(fix: DataFix, images: readonly TableImage[], touched: readonly OracleRow[][]): ReadState['rollback'] {
  const statements = tablesOf(fix).flatMap((t) => {
    const image = images.find((i) => i.table === tableName(t))!;
    const gone = new Set<string>();
    fix.changes.forEach((c, n) => {
      if (tableName(c.table) !== image.table) return;
      const verb = parseChange(c).verb;
      for (const r of touched[n]!) {
        if (verb === 'DELETE') gone.add(keyText(t, r));
        else gone.delete(keyText(t, r));
      }
    });
    return restoreStatements(t, image.columns, image.rows, (r) => !gone.has(keyText(t, r)), image.inserted);
  });
  return { statements: statements.length, ...(statements[0] ? { example: statements[0].sql } : {}) };
}

export async function readState(fix: DataFix, s: DataFixSession): Promise<ReadState> {
  const actual = await count(s, fix.preCheck.sql, fix.preCheck.binds);
  const preCheck = { sql: fix.preCheck.sql, binds: usedBinds(fix.preCheck.sql, fix.preCheck.binds), expected: fix.preCheck.expectCount, actual };
  const changes = changeRuns(fix);
  const touched: OracleRow[][] = [];
  for (const [n, c] of fix.changes.entries()) {
    const sel = affectedSelect(c);
    const rows = await s.query(sel.sql, sel.binds);
    const insert = changes[n]!.verb === 'INSERT';
    changes[n]!.affected = insert ? (rows.length === 0 ? 1 : 0) : rows.length;
    touched.push(insert ? [] : rows);
  }
  const images: TableImage[] = [];
  for (const t of tablesOf(fix)) {
    const keys = new Map<string, OracleRow>();
    fix.changes.forEach((c, n) => {
      if (tableName(c.table) === tableName(t)) for (const r of touched[n]!) keys.set(keyText(t, r), r);
    });
    const sel = rowsByKeySelect(t, [...keys.values()]);
    const rows = keys.size > 0 ? await s.query(sel.sql, sel.binds) : [];
    const inserted = fix.changes.filter((c) => tableName(c.table) === tableName(t) && parseChange(c).verb === 'INSERT').map(insertedKey);
    images.push({ table: tableName(t), key: [...t.key], inserted, ...imageOf(rows) });
  }
  return { preCheck, changes, images, rollback: expectedRollback(fix, images, touched) };
}
