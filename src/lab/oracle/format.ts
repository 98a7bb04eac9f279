/**
 * How SQL*Plus prints a result set: CSV markup (SET MARKUP CSV ON / sqlplus -M "CSV ON") —
 * header row and rows, strings and dates quoted ("a ""b"""), numbers bare, NULL empty — or
 * the classic column layout (padded columns under a dashed heading), plus feedback lines.
 */
import type { ResultSet } from './context.js';
import { displayValue } from './values.js';
import type { NlsFormats, SqlValue } from './values.js';

export interface OutputSettings {
  csv: boolean;
  csvQuote: boolean;
  csvDelimiter: string;
  heading: boolean;
  pagesize: number;
  /** 0 = OFF; n = print "n rows selected." when at least n rows. */
  feedback: number;
  colsep: string;
}

export const DEFAULT_OUTPUT: OutputSettings = {
  csv: false, csvQuote: true, csvDelimiter: ',', heading: true, pagesize: 14, feedback: 6, colsep: ' ',
};

function csvCell(v: SqlValue, s: OutputSettings, nls: NlsFormats): string {
  if (v === null) return '';
  const text = displayValue(v, nls);
  if (typeof v === 'number' || !s.csvQuote) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

function classic(r: ResultSet, s: OutputSettings, nls: NlsFormats): string[] {
  const cells = r.rows.map((row) => row.map((v) => displayValue(v, nls)));
  const numeric = r.columns.map((_, i) => r.rows.length > 0 && r.rows.every((row) => row[i] === null || typeof row[i] === 'number'));
  const widths = r.columns.map((h, i) => Math.max(numeric[i] ? h.length : h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[], header = false): string =>
    values.map((v, i) => (numeric[i] && !header ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(s.colsep).trimEnd();
  const out: string[] = [];
  const heading = s.heading && s.pagesize > 0;
  if (heading) {
    out.push('', line(r.columns.map((h, i) => (numeric[i] ? h.padStart(widths[i]!) : h)), true), widths.map((w) => '-'.repeat(w)).join(s.colsep));
  }
  for (const row of cells) out.push(line(row));
  return out;
}

/** Lines SQL*Plus prints for a query result (without a trailing newline). */
export function formatResult(r: ResultSet, s: OutputSettings, nls: NlsFormats): string[] {
  const out: string[] = [];
  if (r.rows.length > 0) {
    if (s.csv) {
      if (s.heading) out.push(r.columns.map((c) => (s.csvQuote ? `"${c}"` : c)).join(s.csvDelimiter));
      for (const row of r.rows) out.push(row.map((v) => csvCell(v, s, nls)).join(s.csvDelimiter));
    } else {
      out.push(...classic(r, s, nls));
    }
  }
  if (r.rows.length === 0) {
    if (s.feedback > 0) out.push('', 'no rows selected');
  } else if (s.feedback > 0 && r.rows.length >= s.feedback) {
    out.push('', `${r.rows.length} ${r.rows.length === 1 ? 'row' : 'rows'} selected.`);
  }
  return out;
}

export function dmlFeedback(verb: 'insert' | 'update' | 'delete', n: number): string {
  const past = { insert: 'created', update: 'updated', delete: 'deleted' }[verb];
  return `${n} ${n === 1 ? 'row' : 'rows'} ${past}.`;
}

