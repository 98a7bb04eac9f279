/**
 * Init parameter values: one kind per desired value (boolean, integer, size, string), the
 * normal form core compares (sizes in bytes, booleans TRUE/FALSE, strings as Oracle shows
 * them), and the ALTER SYSTEM literal for a normal value. ALTER SYSTEM cannot take binds, so
 * every literal is validated against a strict pattern of its kind; strings then go through
 * the one `sqlLiteral` (quotes doubled).
 */
import { parseOracleSize } from '../../parsers/units.js';
import { sqlLiteral } from '../../transport/oracle.js';
import type { AttributeValue } from '../../core/index.js';

export type ParameterKind = 'boolean' | 'integer' | 'size' | 'string';

const SIZE_TEXT = /^\d+(\.\d+)?\s*[KMGTP]B?$/i;
const SIZE_NAME = /(_size|_target|_limit|_max_size)$/;

/** The kind of a parameter, decided by its desired value (and, for bare numbers, its name). */
export function parameterKind(name: string, desired: string | number | boolean): ParameterKind {
  if (typeof desired === 'boolean') return 'boolean';
  if (typeof desired === 'number') return SIZE_NAME.test(name) ? 'size' : 'integer';
  if (/^(true|false)$/i.test(desired)) return 'boolean';
  if (SIZE_TEXT.test(desired.trim())) return 'size';
  if (/^\d+$/.test(desired.trim())) return SIZE_NAME.test(name) ? 'size' : 'integer';
  return 'string';
}

/** Normal form of a value (desired or live) of a kind; undefined when it is not of that kind. */
export function normaliseParameter(kind: ParameterKind, value: string | number | boolean | null): AttributeValue | undefined {
  if (value === null) return null;
  const text = String(value).trim();
  switch (kind) {
    case 'boolean':
      return /^(true|false)$/i.test(text) ? text.toUpperCase() : text;
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'size': {
      const r = parseOracleSize(text);
      return r.ok ? r.value : text;
    }
    default:
      return String(value);
  }
}

/** Bytes as the shortest exact K/M/G form Oracle accepts (`68719476736` → `64G`). */
export function sizeLiteral(bytes: number): string {
  for (const [unit, size] of [['G', 2 ** 30], ['M', 2 ** 20], ['K', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/** The ALTER SYSTEM literal of a normalised value, or an error message. */
export function parameterLiteral(kind: ParameterKind, value: AttributeValue): { literal: string } | { error: string } {
  const text = String(value);
  if (kind === 'boolean') return /^(TRUE|FALSE)$/.test(text) ? { literal: text } : { error: `not TRUE/FALSE: ${text}` };
  if (kind === 'integer') return /^\d{1,18}$/.test(text) ? { literal: text } : { error: `not a whole number: ${text}` };
  if (kind === 'size') return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? { literal: sizeLiteral(value) } : { error: `not a size in bytes: ${text}` };
  if (!PRINTABLE.test(text) || text.length > 4000) return { error: 'string parameter values must be printable ASCII, at most 4000 characters' };
  return { literal: sqlLiteral(text) };
}

/** Profile limits: a whole number or UNLIMITED/DEFAULT (numbers as numbers). */
export function normaliseLimit(value: string | number | null | undefined): AttributeValue {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toUpperCase();
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** ACCOUNT_STATUS → OPEN, LOCKED or EXPIRED (what ALTER USER … ACCOUNT can or cannot fix). */
export function normaliseAccountStatus(status: string): string {
  const s = status.toUpperCase();
  if (s.includes('LOCKED')) return 'LOCKED';
  if (s === 'EXPIRED') return 'EXPIRED';
  return 'OPEN';
}

const GB = 2 ** 30;

/**
 * Bytes → GB to one decimal. A tablespace's limit is spread over datafiles in whole MB (or
 * blocks), so the live sum is rarely an exact GB figure (1500 GB over 47 files reads as
 * 1500.01); one decimal absorbs that and still shows any real change of 0.1 GB or more.
 */
export function bytesToGb(bytes: number): number {
  return Math.round((bytes / GB) * 10) / 10;
}
