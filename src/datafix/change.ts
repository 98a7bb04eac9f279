/**
 * One change statement of a data fix, parsed (pure): UPDATE … SET … WHERE …, DELETE FROM … WHERE
 * …, or INSERT INTO … (cols) VALUES (…) on its declared table, no alias. An UPDATE may not set
 * a key column and an INSERT must give its key columns as binds or literals: the before-image
 * and the rollback find rows by key. The binds a statement uses, and the key of an INSERT's row.
 */
import type { DataFix } from '../model/index.js';
import type { OracleBinds, OracleRow, OracleValue } from '../transport/oracle.js';

export class DataFixError extends Error {
  override readonly name = 'DataFixError';
}

export type DataFixChange = DataFix['changes'][number];
export type DataFixTable = DataFixChange['table'];

export const COLUMN = /^[A-Z][A-Z0-9_$#]*$/;

export const tableName = (t: DataFixTable): string => `${t.schema}.${t.name}`;

/** Only the binds the statement names (`:name`), so no driver complains of an unused one. */
export function usedBinds(sql: string, binds: Record<string, unknown> | undefined): OracleBinds {
  const names = new Set([...sql.replace(/'(?:[^']|'')*'/g, "''").matchAll(/:([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
  const out: OracleBinds = {};
  for (const [k, v] of Object.entries(binds ?? {})) if (names.has(k)) out[k] = typeof v === 'boolean' ? (v ? 'Y' : 'N') : (v as string | number | null);
  for (const n of names) if (!(n in out)) throw new DataFixError(`the statement names :${n}, which has no bind value in the file`);
  return out;
}

export interface ParsedChange {
  verb: 'UPDATE' | 'DELETE' | 'INSERT';
  /** UPDATE: the SET clause as written. */
  set?: string;
  /** UPDATE, DELETE: the WHERE clause as written (selects the affected rows). */
  where?: string;
  /** INSERT: the columns and their value expressions, in order. */
  columns?: string[];
  values?: string[];
}

/** `a, f(b, c), 'x,y'` → [`a`, `f(b, c)`, `'x,y'`]: commas outside quotes and brackets. */
export function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

function shape(c: DataFixChange): string {
  const t = tableName(c.table);
  return `"UPDATE ${t} SET … WHERE …", "DELETE FROM ${t} WHERE …" or "INSERT INTO ${t} (columns) VALUES (values)" (no alias; UPDATE and DELETE with a WHERE clause)`;
}

function parseInsert(c: DataFixChange, cols: string, vals: string): ParsedChange {
  const columns = splitTopLevel(cols).map((x) => x.toUpperCase());
  const values = splitTopLevel(vals);
  if (columns.some((x) => !COLUMN.test(x))) throw new DataFixError(`INSERT into ${tableName(c.table)}: a column name is not usable: ${cols.trim()}`);
  if (values.length !== columns.length) throw new DataFixError(`INSERT into ${tableName(c.table)}: ${columns.length} columns but ${values.length} values`);
  if (c.expectRows !== 1) throw new DataFixError(`INSERT into ${tableName(c.table)} inserts one row: expectRows must be 1, not ${c.expectRows}`);
  return { verb: 'INSERT', columns, values };
}

export function parseChange(c: DataFixChange): ParsedChange {
  const sql = c.sql.trim().replace(/;\s*$/, '');
  const table = tableName(c.table).replace('.', '\\s*\\.\\s*');
  const upd = new RegExp(`^UPDATE\\s+${table}\\s+SET\\s+([\\s\\S]+?)\\s+WHERE\\s+([\\s\\S]+)$`, 'i').exec(sql);
  if (upd) {
    const setting = splitTopLevel(upd[1]!).map((a) => (/^([A-Za-z][A-Za-z0-9_$#]*)\s*=/.exec(a)?.[1] ?? '').toUpperCase());
    const key = setting.find((x) => c.table.key.includes(x));
    if (key) throw new DataFixError(`UPDATE of ${tableName(c.table)} sets the key column ${key}: the before-image and the rollback find rows by key`);
    return { verb: 'UPDATE', set: upd[1]!, where: upd[2]! };
  }
  const del = new RegExp(`^DELETE\\s+(?:FROM\\s+)?${table}\\s+WHERE\\s+([\\s\\S]+)$`, 'i').exec(sql);
  if (del) return { verb: 'DELETE', where: del[1]! };
  const ins = new RegExp(`^INSERT\\s+INTO\\s+${table}\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([\\s\\S]*)\\)$`, 'i').exec(sql);
  if (ins) return parseInsert(c, ins[1]!, ins[2]!);
  throw new DataFixError(`a change must be ${shape(c)}, got: ${sql.slice(0, 80)}`);
}

function literal(expr: string, binds: OracleBinds): OracleValue | undefined {
  const bind = /^:([A-Za-z][A-Za-z0-9_]*)$/.exec(expr);
  if (bind) return binds[bind[1]!];
  if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
  const str = /^'((?:[^']|'')*)'$/.exec(expr);
  return str ? str[1]!.replace(/''/g, "'") : undefined;
}

/** The key (key columns → values) of the row an INSERT creates. */
export function insertedKey(c: DataFixChange): OracleRow {
  const p = parseChange(c);
  if (p.verb !== 'INSERT') throw new DataFixError(`not an INSERT: ${c.sql.slice(0, 60)}`);
  const binds = usedBinds(c.sql, c.binds);
  const key: OracleRow = {};
  for (const k of c.table.key) {
    const i = p.columns!.indexOf(k);
    const v = i < 0 ? undefined : literal(p.values![i]!, binds);
    if (v === undefined || v === null) throw new DataFixError(`INSERT into ${tableName(c.table)} must give key column ${k} as a bind or a literal (the rollback deletes the row by key)`);
    key[k] = v;
  }
  return key;
}
