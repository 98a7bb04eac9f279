/**
 * Value comparison and canonical forms, shared by diff, plan and the renderers.
 *
 * Equality rules (documented in docs/plan-format.md §Equality):
 *  1. JSON deep equality: arrays are ordered, objects compare key sets and values, null = null.
 *  2. Numeric strings: a number equals a string that is its canonical decimal form, because
 *     AIX `no -o`, `lsattr`, sysctl and Oracle V$PARAMETER print numbers as text:
 *     262144 = "262144", 1.5 = "1.5"; but "0262144", " 262144", "262144.0" and "2.62e5" are NOT
 *     equal to 262144 — providers must normalise before core (a leading zero can be octal).
 *  3. Nothing else is coerced: true ≠ "TRUE" ≠ "true", "abc" ≠ "ABC". Providers normalise
 *     booleans and case (Oracle returns identifiers upper-case) before core sees them.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue } from './resource.js';

const CANONICAL_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;

function numericEqual(n: number, s: string): boolean {
  return CANONICAL_DECIMAL.test(s) && Number.isFinite(n) && String(n) === s;
}

export function valuesEqual(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a === 'number' && typeof b === 'string') return numericEqual(a, b);
  if (typeof a === 'string' && typeof b === 'number') return numericEqual(b, a);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => valuesEqual(v, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) => valuesEqual(a[k], b[k]));
  }
  return false;
}

/** JSON with object keys sorted at every level: the one serialisation used for plans. */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent || undefined);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * The marker stored instead of a sensitive value: `sha256:` + 16 hex digits of a digest salted
 * with the address and attribute, so equal secrets on two addresses do not look equal. It lets
 * a reviewer see "changed" without the value; it is not a safe store for weak passwords, which is
 * why desired state holds only secret references and providers should not read secrets back.
 */
export function sensitiveMarker(address: string, attribute: string, value: AttributeValue): string {
  const digest = createHash('sha256').update(`opsctl-sensitive/v1\n${address}\n${attribute}\n${canonicalJson(value)}`).digest('hex');
  return `sha256:${digest.slice(0, 16)}`;
}

/** Short one-line rendering of a value for text output. */
export function formatValue(value: AttributeValue | undefined): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value);
}
