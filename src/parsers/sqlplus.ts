/**
 * SQL*Plus output: `SET MARKUP CSV ON` result sets and the error lines Oracle tools print
 * (`ORA-nnnnn: …`, `SP2-nnnn: …`, `TNS-nnnnn: …`, `PLS-nnnnn: …`, with `ERROR at line N:`).
 * CSV: a header row, then rows; strings quoted with `""` escapes (a quoted value may span lines),
 * numbers bare, NULL empty; blank lines and `n rows selected.` / `no rows selected` feedback are
 * read, not returned as rows. Any ORA-/SP2- line anywhere makes the whole result an `OraFailure`:
 * a half-read result set is not trusted.
 */
import { fail, toLines } from './result.js';
import type { Failed, Line, ParseFailure, ParseNote, ParseResult } from './result.js';

export interface OraError {
  kind: 'ora';
  /** `ORA-00942` */
  code: string;
  facility: string;
  number: number;
  message: string;
  /** 1-based line of the output. */
  line: number;
  /** From a preceding `ERROR at line N:` (the SQL line), when printed. */
  sqlLine?: number;
}

export interface OraFailure {
  kind: 'ora';
  /** The first error; `errors` has all of them (ORA-01034 is followed by ORA-27101, …). */
  code: string;
  message: string;
  line: number;
  errors: OraError[];
}

const ERROR_RE = /^\s*((ORA|SP2|TNS|PLS|RMAN|IMP|EXP|LRM|NNL|KUP|DRG|CRS|PRCR|PRVF)-(\d{4,5}))[:\s]\s*(.*)$/;

/** Every Oracle-style error line in a text, in order. */
export function parseOraErrors(text: string): OraError[] {
  const out: OraError[] = [];
  let sqlLine: number | undefined;
  for (const line of toLines(text)) {
    const at = /^ERROR at line (\d+):/.exec(line.text.trim());
    if (at) {
      sqlLine = Number(at[1]);
      continue;
    }
    const m = ERROR_RE.exec(line.text);
    if (!m) continue;
    out.push({
      kind: 'ora', code: m[1]!, facility: m[2]!, number: Number(m[3]), message: m[4]!.trim(), line: line.n,
      ...(sqlLine !== undefined ? { sqlLine } : {}),
    });
  }
  return out;
}

export type SqlCell = string | number | null;

export interface SqlResult {
  columns: string[];
  rows: SqlCell[][];
  /** Rows keyed by column name (the header as printed). */
  records: Record<string, SqlCell>[];
  /** From `n rows selected.` when SQL*Plus printed it. */
  feedbackRows: number | null;
}

export interface CsvOptions {
  delimiter?: string;
  /** QUOTE OFF: every cell is text, and an empty cell is ''. */
  quote?: boolean;
}

interface Cell {
  text: string;
  quoted: boolean;
}

/** Splits one CSV record; returns null when a quote is still open at the end. */
function splitRecord(s: string, d: string): Cell[] | null {
  const cells: Cell[] = [];
  let i = 0;
  for (;;) {
    if (s[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= s.length) return null;
        if (s[i] === '"' && s[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (s[i] === '"') break;
        else text += s[i++];
      }
      i++;
      const next = s.indexOf(d, i);
      // Text between a closing quote and the delimiter is not CSV, but keep it rather than drop it.
      cells.push({ text: text + (next < 0 ? s.slice(i) : s.slice(i, next)), quoted: true });
      if (next < 0) return cells;
      i = next + d.length;
    } else {
      const next = s.indexOf(d, i);
      cells.push({ text: next < 0 ? s.slice(i) : s.slice(i, next), quoted: false });
      if (next < 0) return cells;
      i = next + d.length;
    }
  }
}

const BARE_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function cellValue(c: Cell, quote: boolean): SqlCell {
  if (c.quoted || !quote) return c.text;
  if (c.text === '') return null;
  if (!BARE_NUMBER.test(c.text)) return c.text;
  const n = Number(c.text);
  // NUMBER(38) and SCNs may exceed 2^53: keep the digits rather than round them.
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? c.text : n;
}

const FEEDBACK = /^(\d+) rows? selected\.$|^no rows selected$/;

function oraFailure(errors: OraError[]): Failed<OraFailure> {
  const first = errors[0]!;
  return { ok: false, error: { kind: 'ora', code: first.code, message: first.message, line: first.line, errors } };
}

/** Reads physical lines into CSV records (joining lines inside an open quote). */
function records(lines: Line[], d: string): { line: Line; cells: Cell[] }[] | ParseFailure {
  const out: { line: Line; cells: Cell[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i]!;
    if (start.text.trim() === '') continue;
    let text = start.text;
    let cells = splitRecord(text, d);
    while (cells === null && i + 1 < lines.length) {
      text += `\n${lines[++i]!.text}`;
      cells = splitRecord(text, d);
    }
    if (cells === null) return { kind: 'parse', parser: 'sqlplus-csv', line: start.n, message: 'quoted value not closed (truncated output?)', text: start.text };
    out.push({ line: start, cells });
  }
  return out;
}

export function parseSqlplusCsv(text: string, options: CsvOptions = {}): ParseResult<SqlResult, ParseFailure | OraFailure> {
  const d = options.delimiter ?? ',';
  const quote = options.quote ?? true;
  const errors = parseOraErrors(text);
  if (errors.length > 0) return oraFailure(errors);
  const notes: ParseNote[] = [];
  let feedbackRows: number | null = null;
  const body: Line[] = [];
  for (const line of toLines(text)) {
    const t = line.text.trim();
    const fb = FEEDBACK.exec(t);
    if (fb) feedbackRows = fb[1] === undefined ? 0 : Number(fb[1]);
    else if (t !== '' || body.length > 0) body.push(line);
  }
  const recs = records(body, d);
  if (!Array.isArray(recs)) return { ok: false, error: recs };
  if (recs.length === 0) return { ok: true, value: { columns: [], rows: [], records: [], feedbackRows }, notes };
  const columns = recs[0]!.cells.map((c) => c.text);
  const rows: SqlCell[][] = [];
  for (const r of recs.slice(1)) {
    if (r.cells.length !== columns.length) {
      return fail('sqlplus-csv', r.line.n, `row has ${r.cells.length} values for ${columns.length} columns`, r.line.text);
    }
    rows.push(r.cells.map((c) => cellValue(c, quote)));
  }
  if (feedbackRows !== null && feedbackRows !== rows.length) {
    return fail('sqlplus-csv', 0, `SQL*Plus reported ${feedbackRows} rows, ${rows.length} were read (truncated output?)`);
  }
  const recordsOut = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
  return { ok: true, value: { columns, rows, records: recordsOut, feedbackRows }, notes };
}

