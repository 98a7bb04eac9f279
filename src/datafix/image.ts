/**
 * The before-image of a data fix as canonical CSV (pure): a header of the columns, then one line
 * per row in key order; strings always quoted (`"a ""b"""`), numbers bare, NULL empty — so the
 * text says each value's type and two images are byte-identical exactly when the rows are.
 * Its sha256 is what goes into git; the CSV itself stays outside git (vault.ts).
 */
import { createHash } from 'node:crypto';
import { parseSqlplusCsv } from '../parsers/sqlplus.js';
import type { OracleRow, OracleValue } from '../transport/oracle.js';
import { DataFixError } from './sql.js';

export interface BeforeImage {
  columns: string[];
  rows: OracleRow[];
}

function cell(v: OracleValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

export function imageCsv(image: BeforeImage): string {
  const lines = [image.columns.join(','), ...image.rows.map((r) => image.columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
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
