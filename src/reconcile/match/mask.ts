/**
 * Masking personal data (身份证号, names, phones, bank accounts) before it reaches any output:
 * identity numbers and accounts keep the first 4 and last 4 characters (1301**********1234),
 * mobiles keep 3 + 4 (138****5678), names keep the first character (张*). The kind is told by the
 * value's shape, so one rule serves every personal column a playbook lists.
 */
import type { Cell, SourceRow } from './types.js';

const MOBILE = /^1[3-9]\d{9}$/;
const LONG_ID = /^[0-9A-Za-z]{12,}$/;
const PHONE = /^[\d-]{7,}$/;

function stars(n: number): string {
  return '*'.repeat(Math.max(1, n));
}

export function maskIdentifier(v: string): string {
  if (v.length <= 8) return `${v.slice(0, 1)}${stars(v.length - 1)}`;
  return `${v.slice(0, 4)}${stars(v.length - 8)}${v.slice(-4)}`;
}

export function maskPhone(v: string): string {
  const digits = v.replace(/-/g, '');
  if (digits.length < 8) return stars(digits.length);
  return `${digits.slice(0, 3)}${stars(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskName(v: string): string {
  const chars = [...v];
  return chars.length <= 1 ? '*' : `${chars[0]}${stars(chars.length - 1)}`;
}

/** Masks one value of a personal column by its shape. */
export function maskValue(value: Cell): Cell {
  if (value === null) return null;
  const v = String(value).trim();
  if (v === '') return v;
  if (MOBILE.test(v)) return maskPhone(v);
  if (LONG_ID.test(v)) return maskIdentifier(v);
  if (PHONE.test(v)) return maskPhone(v);
  return maskName(v);
}

/** A copy of `row` with every column of `personal` masked (column names are upper case). */
export function maskRow(row: SourceRow, personal: ReadonlySet<string>): SourceRow {
  const out: SourceRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = personal.has(k.toUpperCase()) ? maskValue(v) : v;
  return out;
}
