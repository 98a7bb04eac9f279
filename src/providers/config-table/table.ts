/**
 * SQL of one config table: the SELECT of key + managed columns (identifiers through
 * oracleIdentifier, no values), and the INSERT/UPDATE/DELETE of one row with every value and
 * key as a bind (`:v0…`, `:k0…`).
 */
import type { AttributeValue, Attributes } from '../../core/index.js';
import type { ConfigTable } from '../../model/schema/index.js';
import type { OracleBinds, OracleRow } from '../context.js';
import { oracleIdentifier } from '../../transport/quote.js';
import type { KeyValues } from './rows.js';
import { keyText } from './rows.js';

export interface RowStatement {
  sql: string;
  binds: OracleBinds;
}

export function qualified(t: ConfigTable): string {
  return `${oracleIdentifier(t.schema)}.${oracleIdentifier(t.table)}`;
}

/** Managed columns that are not key columns. */
export function managedColumns(t: ConfigTable): string[] {
  return t.columns.filter((c) => !t.key.includes(c));
}

export function selectSql(t: ConfigTable, where = false): string {
  const cols = [...t.key, ...managedColumns(t)].map((c) => oracleIdentifier(c)).join(', ');
  const filter = where ? ` WHERE ${t.key.map((k, i) => `${oracleIdentifier(k)} = :k${i}`).join(' AND ')}` : '';
  return `SELECT ${cols} FROM ${qualified(t)}${filter}`;
}

export function keyBinds(t: ConfigTable, key: KeyValues): OracleBinds {
  return Object.fromEntries(t.key.map((k, i) => [`k${i}`, key[k] ?? null]));
}

/** A desired or live cell as a bind value ('' is NULL in Oracle; booleans as text). */
export function cellValue(v: AttributeValue | undefined): string | number | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export function rowAttributes(t: ConfigTable, row: OracleRow | Record<string, unknown>): Attributes {
  return Object.fromEntries(managedColumns(t).map((c) => [c, cellValue(row[c] as AttributeValue | undefined)]));
}

export function rowKey(t: ConfigTable, row: OracleRow | Record<string, unknown>): KeyValues {
  return Object.fromEntries(t.key.map((k) => [k, keyText(row[k])]));
}

export function insertRow(t: ConfigTable, key: KeyValues, attrs: Attributes): RowStatement {
  const cols = [...t.key, ...managedColumns(t).filter((c) => c in attrs)];
  const binds: OracleBinds = {};
  cols.forEach((c, i) => (binds[`v${i}`] = t.key.includes(c) ? key[c] ?? null : cellValue(attrs[c])));
  return { sql: `INSERT INTO ${qualified(t)} (${cols.map((c) => oracleIdentifier(c)).join(', ')}) VALUES (${cols.map((_, i) => `:v${i}`).join(', ')})`, binds };
}

export function updateRow(t: ConfigTable, key: KeyValues, attrs: Attributes): RowStatement | undefined {
  const cols = managedColumns(t).filter((c) => c in attrs);
  if (cols.length === 0) return undefined;
  const binds: OracleBinds = { ...keyBinds(t, key) };
  cols.forEach((c, i) => (binds[`v${i}`] = cellValue(attrs[c])));
  const where = t.key.map((k, i) => `${oracleIdentifier(k)} = :k${i}`).join(' AND ');
  return { sql: `UPDATE ${qualified(t)} SET ${cols.map((c, i) => `${oracleIdentifier(c)} = :v${i}`).join(', ')} WHERE ${where}`, binds };
}

export function deleteRow(t: ConfigTable, key: KeyValues): RowStatement {
  const where = t.key.map((k, i) => `${oracleIdentifier(k)} = :k${i}`).join(' AND ');
  return { sql: `DELETE FROM ${qualified(t)} WHERE ${where}`, binds: keyBinds(t, key) };
}
