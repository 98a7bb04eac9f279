/**
 * Masking of personal data (身份证号, names, phones, bank accounts): the values of a DataFix's
 * personalColumns are masked in every output, report and commit; `scrubText` is the second
 * line of defence over whole texts (any 18-character 身份证号 or 16–19 digit card number).
 * Pure.
 */
import type { OracleRow, OracleValue } from '../transport/oracle.js';

/** 130203200008255709 → 130***********5709; 吴平 → 吴*; 13995685794 → 139****5794. */
export function maskValue(value: OracleValue): OracleValue {
  if (value === null) return null;
  const s = String(value);
  const chars = [...s];
  if (chars.length <= 1) return '*';
  if (/^[0-9Xx]{7,}$/.test(s)) return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
  if (chars.length <= 3) return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The row with its personal columns masked (column names compared upper-case). */
export function maskRow(row: OracleRow, personal: readonly string[]): OracleRow {
  const set = new Set(personal.map((c) => c.toUpperCase()));
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, set.has(k.toUpperCase()) ? maskValue(v) : v]));
}

const ID_NO = /(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])/g;
// Letters on either side make it part of a word, e.g. a commit hash or sha256 with a long run of
// digits (bea8d49b…5d00…): never a card number, and masking it would corrupt the checksum.
const CARD = /(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])/g;

/** Any 身份证号 or bank card number left in a text, masked. */
export function scrubText(text: string): string {
  return text.replace(ID_NO, (m) => String(maskValue(m))).replace(CARD, (m) => String(maskValue(m)));
}

/** Does the text still hold an unmasked 18-character 身份证号? (for tests and a last check) */
export function hasUnmaskedId(text: string): boolean {
  return new RegExp(ID_NO.source).test(text);
}

/** Binds with the values of personal columns masked, for showing a statement. */
export function maskBinds(binds: Record<string, OracleValue>, personalBinds: ReadonlySet<string>): Record<string, OracleValue> {
  return Object.fromEntries(Object.entries(binds).map(([k, v]) => [k, personalBinds.has(k) ? maskValue(v) : v]));
}
