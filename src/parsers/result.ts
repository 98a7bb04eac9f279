/**
 * The result shape every parser returns, and the small text helpers they share. A parser never
 * throws: odd input becomes a `ParseFailure` (with the 1-based line that broke it) or a `note`
 * on a line it skipped.
 */

/** Why a whole output could not be read. */
export interface ParseFailure {
  kind: 'parse';
  parser: string;
  /** 1-based line of the input; 0 when the input as a whole is wrong (e.g. empty). */
  line: number;
  message: string;
  text?: string;
}

/** A line the parser skipped (banner, placeholder row, unknown label) — kept for the evidence. */
export interface ParseNote {
  line: number;
  text: string;
  reason: string;
}

export interface Parsed<T> {
  ok: true;
  value: T;
  notes: ParseNote[];
}

export interface Failed<E> {
  ok: false;
  error: E;
}

export type ParseResult<T, E = ParseFailure> = Parsed<T> | Failed<E>;

export function ok<T>(value: T, notes: ParseNote[] = []): Parsed<T> {
  return { ok: true, value, notes };
}

export function fail(parser: string, line: number, message: string, text?: string): Failed<ParseFailure> {
  return { ok: false, error: { kind: 'parse', parser, line, message, ...(text !== undefined ? { text } : {}) } };
}

export interface Line {
  /** 1-based. */
  n: number;
  text: string;
}

/** Splits on LF or CRLF; drops the empty string after a final newline. */
export function toLines(text: string): Line[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const raw = text.split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((t, i) => ({ n: i + 1, text: t }));
}

/** Non-blank lines only. */
export function contentLines(text: string): Line[] {
  return toLines(text).filter((l) => l.text.trim() !== '');
}

export function words(s: string): string[] {
  const t = s.trim();
  return t === '' ? [] : t.split(/\s+/);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A plain decimal number, or null (never NaN). */
export function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** `33%` → 33; `-` → null. */
export function percent(s: string | undefined): number | null {
  if (s === undefined) return null;
  return num(s.trim().replace(/%$/, ''));
}

export function isNumeric(s: string): boolean {
  return num(s) !== null;
}

export function note(line: Line, reason: string): ParseNote {
  return { line: line.n, text: line.text, reason };
}

/** Rounds to 2 decimals (MB figures derived from pages). */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
