/**
 * The SQL of a data fix, derived from its file (pure): the SELECT of each change's affected rows
 * (the before-image), the count guards run inside the changes' transaction (before each change:
 * it touches exactly its expectRows rows, all of them in the before-image — an INSERT's key is
 * still free; after the last: the post-check), and the statements that put a table's
 * before-image back (UPDATE every non-key column by key of a row still there, INSERT a row that
 * is gone, DELETE a row the fix inserted). Values travel only as binds.
 */
import type { DataFix } from '../model/index.js';
import type { OracleBinds, OracleRow, OracleStatement } from '../transport/oracle.js';
import { COLUMN, DataFixError, insertedKey, parseChange, tableName, usedBinds, type DataFixChange, type DataFixTable } from './change.js';

export { DataFixError, insertedKey, parseChange, splitTopLevel, tableName, usedBinds, type DataFixChange, type DataFixTable, type ParsedChange } from './change.js';

/** `K1 = :p0_0 AND K2 = :p0_1` for row i, its values added to `binds` (prefix keeps names apart). */
function keyPredicate(table: DataFixTable, row: OracleRow, i: number, binds: OracleBinds, prefix = 'k'): string {
  return table.key.map((k, j) => {
    const v = row[k];
    if (v === null || v === undefined) throw new DataFixError(`row ${i + 1} of ${tableName(table)} has no value for key column ${k}`);
    binds[`${prefix}${i}_${j}`] = v;
    return `${k} = :${prefix}${i}_${j}`;
  }).join(' AND ');
}

/** `(K = :a) OR (K = :b)` over the rows (`1 = 0` for none). */
function keysPredicate(table: DataFixTable, rows: readonly OracleRow[], binds: OracleBinds, prefix: string): string {
  return rows.map((r, i) => `(${keyPredicate(table, r, i, binds, prefix)})`).join(' OR ') || '1 = 0';
}

/** One change's affected rows, all columns, in key order (an INSERT: the row with its key — none yet). */
export function affectedSelect(c: DataFixChange): OracleStatement {
  const p = parseChange(c);
  if (p.verb === 'INSERT') return rowsByKeySelect(c.table, [insertedKey(c)]);
  const sql = `SELECT * FROM ${tableName(c.table)} WHERE ${p.where} ORDER BY ${c.table.key.join(', ')}`;
  return { sql, binds: usedBinds(sql, c.binds) };
}

const COUNT = /^\s*SELECT\s+COUNT\s*\(\s*\*\s*\)\s+(?:AS\s+[A-Za-z_][A-Za-z0-9_]*\s+|[A-Za-z_][A-Za-z0-9_]*\s+)?FROM\s+([\s\S]+?);?\s*$/i;

/**
 * A count check as a statement that fails (ORA-01476, divisor is equal to zero) unless the count
 * is `expect`: run under WHENEVER SQLERROR EXIT ROLLBACK it undoes the transaction.
 */
export function guardStatement(countSql: string, binds: Record<string, unknown> | undefined, expect: number): OracleStatement {
  const m = COUNT.exec(countSql);
  if (!m) throw new DataFixError(`a count check must be "SELECT COUNT(*) FROM …", got: ${countSql.slice(0, 80)}`);
  const sql = `SELECT 1 / ROUND(1 / (1 + 2 * ABS(COUNT(*) - :opsctl_expect))) AS OPSCTL_GUARD FROM ${m[1]}`;
  return { sql, binds: { ...usedBinds(countSql, binds), opsctl_expect: expect } };
}

/**
 * The guards run right before change `c` inside the transaction. UPDATE/DELETE: its WHERE
 * selects expectRows rows, none outside `imaged` (the keys of its table's before-image) — so
 * the rollback restores everything it touched, also when an earlier change moved rows into its
 * WHERE. INSERT: no row has its key yet.
 */
export function changeGuards(c: DataFixChange, imaged: readonly OracleRow[]): OracleStatement[] {
  const p = parseChange(c);
  const t = tableName(c.table);
  if (p.verb === 'INSERT') {
    const binds: OracleBinds = {};
    return [guardStatement(`SELECT COUNT(*) FROM ${t} WHERE ${keyPredicate(c.table, insertedKey(c), 0, binds, 'opsctl_k')}`, binds, 0)];
  }
  const keys: OracleBinds = {};
  const outside = `SELECT COUNT(*) FROM ${t} WHERE (${p.where}) AND NOT (${keysPredicate(c.table, imaged, keys, 'opsctl_k')})`;
  return [guardStatement(`SELECT COUNT(*) FROM ${t} WHERE ${p.where}`, c.binds, c.expectRows), guardStatement(outside, { ...c.binds, ...keys }, 0)];
}

/** The count after the changes: postCheck, else (one UPDATE/DELETE) the pre-check expecting count − rows. */
export function postCheckOf(fix: DataFix): NonNullable<DataFix['postCheck']> {
  if (fix.postCheck) return fix.postCheck;
  const [only, ...more] = fix.changes;
  if (!only || more.length > 0 || parseChange(only).verb === 'INSERT') throw new DataFixError(`data fix ${fix.name}: several changes or an INSERT need an explicit postCheck`);
  return { ...fix.preCheck, expectCount: Math.max(0, fix.preCheck.expectCount - only.expectRows) };
}

/** The in-transaction check after the last change (postCheckOf as a guard). */
export function postGuard(fix: DataFix): OracleStatement {
  const post = postCheckOf(fix);
  return guardStatement(post.sql, post.binds, post.expectCount);
}

export function checkColumns(columns: readonly string[], table: DataFixTable): void {
  for (const c of columns) if (!COLUMN.test(c)) throw new DataFixError(`column name not usable in SQL: ${JSON.stringify(c)}`);
  if (columns.length > 0) for (const k of table.key) if (!columns.includes(k)) throw new DataFixError(`key column ${k} is not a column of ${tableName(table)}`);
}

/** A row's key as one comparable text. */
export function keyText(table: DataFixTable, row: OracleRow): string {
  return JSON.stringify(table.key.map((k) => row[k] ?? null));
}

/**
 * Statements that put a table back to its before-image: each imaged row UPDATEd back (every
 * non-key column, by key) when `present`, else INSERTed; each row the fix inserted DELETEd.
 */
export function restoreStatements(table: DataFixTable, columns: readonly string[], before: readonly OracleRow[], present: (row: OracleRow) => boolean, inserted: readonly OracleRow[] = []): OracleStatement[] {
  checkColumns(columns, table);
  const t = tableName(table);
  const back = before.map((row, i): OracleStatement => {
    const binds: OracleBinds = {};
    if (!present(row)) {
      columns.forEach((c, j) => { binds[`v${j}`] = row[c] ?? null; });
      return { sql: `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map((_, j) => `:v${j}`).join(', ')})`, binds };
    }
    const set = columns.filter((c) => !table.key.includes(c)).map((c) => {
      const j = columns.indexOf(c);
      binds[`v${j}`] = row[c] ?? null;
      return `${c} = :v${j}`;
    });
    return { sql: `UPDATE ${t} SET ${set.join(', ')} WHERE ${keyPredicate(table, row, i, binds)}`, binds };
  });
  const drop = inserted.map((row, i): OracleStatement => {
    const binds: OracleBinds = {};
    return { sql: `DELETE FROM ${t} WHERE ${keyPredicate(table, row, i, binds)}`, binds };
  });
  return [...back, ...drop];
}

/** One SELECT of the rows with these keys (all columns, key order): the image, and the proof of a restore. */
export function rowsByKeySelect(table: DataFixTable, rows: readonly OracleRow[]): OracleStatement {
  const binds: OracleBinds = {};
  const where = keysPredicate(table, rows, binds, 'k');
  return { sql: `SELECT * FROM ${tableName(table)} WHERE ${where} ORDER BY ${table.key.join(', ')}`, binds };
}
