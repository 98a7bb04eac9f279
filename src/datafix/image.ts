/**
 * The before-image of a data fix (pure): per changed table, its affected rows as canonical CSV —
 * a header of the columns, then one line per row in key order; strings always quoted
 * (`"a ""b"""`), numbers bare, NULL empty — so the text says each value's type and two images
 * are byte-identical exactly when the rows are — plus the keys of the rows the fix inserts. The
 * sha256 of each table's CSV, and of the list of them (`imagesDigest`), is what goes into git;
 * the CSVs stay outside git (vault.ts).
 */
import { createHash } from 'node:crypto';
import { parseSqlplusCsv } from '../parsers/sqlplus.js';
import type { OracleRow, OracleValue } from '../transport/oracle.js';
import { DataFixError } from './change.js';

export interface BeforeImage {
  columns: string[];
  rows: OracleRow[];
}

function cell(v: OracleValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

/** One changed table's part of the before-image. */
export interface TableImage extends BeforeImage {
  /** SCHEMA.TABLE */
  table: string;
  key: string[];
  /** Keys (key columns only) of the rows the fix inserts: absent before, deleted by the rollback. */
  inserted: OracleRow[];
}

export function imageCsv(image: BeforeImage): string {
  const lines = [image.columns.join(','), ...image.rows.map((r) => image.columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The digest of a whole before-image: sha256 of one `SCHEMA.TABLE <sha256 of its CSV>` line per table, in order. */
export function imagesDigest(tables: ReadonlyArray<Pick<TableImage, 'table'> & { sha256: string }>): string {
  return sha256(tables.map((t) => `${t.table} ${t.sha256}\n`).join(''));
}

/** Columns as the database returned them (the first row's order), rows as they are. */
export function imageOf(rows: readonly OracleRow[], columns?: readonly string[]): BeforeImage {
  return { columns: [...(columns ?? Object.keys(rows[0] ?? {}))], rows: [...rows] };
}

/** Reads an image written by imageCsv back, with the same value types. */
export function parseImageCsv(text: string): BeforeImage {
  const parsed = parseSqlplusCsv(text);
  if (!parsed.ok) throw new DataFixError(`the before-image does not parse: ${parsed.error.message}`);
  const header = text.split('\n', 1)[0] ?? '';
  const columns = header === '' ? [] : header.split(',');
  return { columns, rows: parsed.value.records as OracleRow[] };
}
