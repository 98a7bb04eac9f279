/**
 * The SQL of a data fix, derived from its file (pure): the binds a statement uses, the change
 * parsed (UPDATE … SET … WHERE … or DELETE FROM … WHERE … on the declared table), the SELECT of
 * the affected rows (the before-image), the count guard run inside the change's transaction,
 * and the statements that restore a before-image (UPDATE every column back by key, or INSERT
 * the deleted rows). Values travel only as binds.
 */
import type { DataFix } from '../model/index.js';
import type { OracleBinds, OracleRow, OracleStatement } from '../transport/oracle.js';

export class DataFixError extends Error {
  override readonly name = 'DataFixError';
}

const COLUMN = /^[A-Z][A-Z0-9_$#]*$/;

export function tableOf(fix: DataFix): string {
  return `${fix.table.schema}.${fix.table.name}`;
}

/** Only the binds the statement names (`:name`), so no driver complains of an unused one. */
export function usedBinds(sql: string, binds: Record<string, unknown> | undefined): OracleBinds {
  const names = new Set([...sql.replace(/'(?:[^']|'')*'/g, "''").matchAll(/:([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  const out: OracleBinds = {};
  for (const [k, v] of Object.entries(binds ?? {})) if (names.has(k)) out[k] = typeof v === 'boolean' ? (v ? 'Y' : 'N') : (v as string | number | null);
  for (const n of names) if (!(n in out)) throw new DataFixError(`the statement names :${n}, which has no bind value in the file`);
  return out;
}

export interface ParsedChange {
  verb: 'UPDATE' | 'DELETE';
  /** SET clause (UPDATE only), as written. */
  set?: string;
  where: string;
}

export function parseChange(fix: DataFix): ParsedChange {
  const sql = fix.change.sql.trim().replace(/;\s*$/, '');
  const table = tableOf(fix).replace('.', '\\s*\\.\\s*');
  const upd = new RegExp(`^UPDATE\\s+${table}\\s+SET\\s+([\\s\\S]+?)\\s+WHERE\\s+([\\s\\S]+)$`, 'i').exec(sql);
  if (upd) return { verb: 'UPDATE', set: upd[1]!, where: upd[2]! };
  const del = new RegExp(`^DELETE\\s+(?:FROM\\s+)?${table}\\s+WHERE\\s+([\\s\\S]+)$`, 'i').exec(sql);
  if (del) return { verb: 'DELETE', where: del[1]! };
  throw new DataFixError(`change.sql must be "UPDATE ${tableOf(fix)} SET … WHERE …" or "DELETE FROM ${tableOf(fix)} WHERE …" (no alias, a WHERE clause)`);
}

/** The affected rows, all columns, in key order: what the change will touch. */
export function affectedSelect(fix: DataFix): OracleStatement {
  const c = parseChange(fix);
  const sql = `SELECT * FROM ${tableOf(fix)} WHERE ${c.where} ORDER BY ${fix.table.key.join(', ')}`;
  return { sql, binds: usedBinds(sql, fix.change.binds) };
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

/** The in-transaction check after the change: postCheck, else the pre-check expecting count − rows. */
export function postGuard(fix: DataFix): OracleStatement {
  if (fix.postCheck) return guardStatement(fix.postCheck.sql, fix.postCheck.binds, fix.postCheck.expectCount);
  return guardStatement(fix.preCheck.sql, fix.preCheck.binds, Math.max(0, fix.preCheck.expectCount - fix.change.expectRows));
}

function checkColumns(columns: readonly string[], fix: DataFix): void {
  for (const c of columns) if (!COLUMN.test(c)) throw new DataFixError(`column name not usable in SQL: ${JSON.stringify(c)}`);
  for (const k of fix.table.key) if (!columns.includes(k)) throw new DataFixError(`key column ${k} is not a column of ${tableOf(fix)}`);
}

/** `K1 = :k0_0 AND K2 = :k0_1` for row i, with its binds. */
function keyPredicate(fix: DataFix, row: OracleRow, i: number, binds: OracleBinds): string {
  return fix.table.key.map((k, j) => {
    const v = row[k];
    if (v === null || v === undefined) throw new DataFixError(`row ${i + 1} has no value for key column ${k}`);
    binds[`k${i}_${j}`] = v;
    return `${k} = :k${i}_${j}`;
  }).join(' AND ');
}

/** Statements that put the before-image back: UPDATE every non-key column by key, or INSERT deleted rows. */
export function restoreStatements(fix: DataFix, columns: readonly string[], rows: readonly OracleRow[]): OracleStatement[] {
  checkColumns(columns, fix);
  const verb = parseChange(fix).verb;
  return rows.map((row, i) => {
    const binds: OracleBinds = {};
    if (verb === 'DELETE') {
      columns.forEach((c, j) => { binds[`v${j}`] = row[c] ?? null; });
      return { sql: `INSERT INTO ${tableOf(fix)} (${columns.join(', ')}) VALUES (${columns.map((_, j) => `:v${j}`).join(', ')})`, binds };
    }
    const set = columns.filter((c) => !fix.table.key.includes(c)).map((c) => {
      const j = columns.indexOf(c);
      binds[`v${j}`] = row[c] ?? null;
      return `${c} = :v${j}`;
    });
    return { sql: `UPDATE ${tableOf(fix)} SET ${set.join(', ')} WHERE ${keyPredicate(fix, row, i, binds)}`, binds };
  });
}

/** One SELECT of the rows with these keys (all columns, key order): proves a restore. */
export function rowsByKeySelect(fix: DataFix, rows: readonly OracleRow[]): OracleStatement {
  const binds: OracleBinds = {};
  const where = rows.map((r, i) => `(${keyPredicate(fix, r, i, binds)})`).join(' OR ');
  return { sql: `SELECT * FROM ${tableOf(fix)} WHERE ${where || '1 = 0'} ORDER BY ${fix.table.key.join(', ')}`, binds };
}
