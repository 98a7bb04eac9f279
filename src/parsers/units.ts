/**
 * Sizes as Oracle and AIX write them, to exact bytes. Oracle: `64G`, `512M`, `1024K`, `2T`,
 * bare bytes (`8192`), case-insensitive, binary multiples (K = 1024). AIX adds a `B` and may put
 * a space before the unit: `512MB`, `30528MB`, `16 MB`, `4 KB`. Arithmetic is done in bigint so
 * `1.5G` is exactly 1610612736; a size that is not a whole number of bytes, or that is beyond
 * Number.MAX_SAFE_INTEGER (8 PiB), is a failure rather than a rounded guess.
 */
import { fail, ok } from './result.js';
import type { ParseResult } from './result.js';

const POWERS: Record<string, number> = { '': 0, K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };
const SIZE = /^(\d+)(?:\.(\d+))?\s*([KMGTPE]?)(?:I?B)?$/i;

/** Exact bytes as bigint, or null when the text is not a size. */
export function sizeToBigInt(text: string): bigint | null {
  if (typeof text !== 'string') return null;
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const [, whole = '0', frac = '', unit = ''] = m;
  const power = POWERS[unit.toUpperCase()];
  if (power === undefined) return null;
  const scale = 1024n ** BigInt(power);
  const denominator = 10n ** BigInt(frac.length);
  const numerator = (BigInt(whole) * denominator + BigInt(frac === '' ? '0' : frac)) * scale;
  if (numerator % denominator !== 0n) return null;
  return numerator / denominator;
}

/** Oracle/AIX size → bytes (a safe integer). */
export function parseOracleSize(text: string): ParseResult<number> {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return fail('oracle-size', 0, 'empty size');
  const m = SIZE.exec(trimmed);
  if (!m) return fail('oracle-size', 1, `not a size: '${trimmed}' (expected e.g. 64G, 512M, 1024K, 8192, 512MB)`, trimmed);
  const bytes = sizeToBigInt(trimmed);
  if (bytes === null) return fail('oracle-size', 1, `'${trimmed}' is not a whole number of bytes`, trimmed);
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) return fail('oracle-size', 1, `'${trimmed}' exceeds 2^53-1 bytes`, trimmed);
  return ok(Number(bytes));
}

/** Bytes → MB (MiB) as a plain number, for reports. */
export function bytesToMb(bytes: number): number {
  return bytes / 1048576;
}
