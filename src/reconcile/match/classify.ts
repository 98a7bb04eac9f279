/**
 * Record-level matching of the tax side (left) against the other side (right) on the match key,
 * and the classification of every key that does not simply match, in this order (the lab's
 * manifest semantics, docs/reconciliation.md):
 *   1. reversal-refund — a refund row on either side; not a mismatch when both sides hold exactly
 *      one refund row with the same amount;
 *   2. in-transit — tax side only, collected less than inTransitDays before the clock;
 *   3. one-side-only — tax side only (older), or other side only;
 *   4. duplicate — the key more than once on a side;
 *   5. amount-mismatch — one record each, different amounts.
 */
import { sumFen } from './amount.js';
import type { ExceptionClass, ReconException, ReconRecord, Side } from './types.js';

export interface MatchOptions {
  /** The clock, epoch ms. */
  now: number;
  inTransitDays: number;
}

export interface MatchResult {
  matched: number;
  exceptions: ReconException[];
}

const ORDER: ExceptionClass[] = ['one-side-only', 'amount-mismatch', 'duplicate', 'reversal-refund', 'in-transit'];
const DAY_MS = 86_400_000;

function byKey(records: readonly ReconRecord[]): Map<string, ReconRecord[]> {
  const m = new Map<string, ReconRecord[]>();
  for (const r of records) {
    const list = m.get(r.key);
    if (list) list.push(r);
    else m.set(r.key, [r]);
  }
  return m;
}

function exception(cls: ExceptionClass, side: Side, key: string, a: ReconRecord[], b: ReconRecord[], counted: boolean): ReconException {
  const first = a[0] ?? b[0];
  return {
    class: cls, side, key,
    taxCount: a.length, taxAmountFen: a.length ? sumFen(a.map((r) => r.amountFen)) : null,
    otherCount: b.length, otherAmountFen: b.length ? sumFen(b.map((r) => r.amountFen)) : null,
    counted,
    group: first?.group ?? {},
    payerId: a[0]?.payerId ?? b[0]?.payerId ?? null,
    idNoMasked: a[0]?.idNoMasked ?? b[0]?.idNoMasked ?? null,
  };
}

function refundException(key: string, a: ReconRecord[], b: ReconRecord[], leftKeys: ReadonlySet<string>): ReconException {
  const agreed = a.length === 1 && b.length === 1 && a[0]!.amountFen === b[0]!.amountFen;
  const side: Side = a.length && b.length ? 'both' : a.length ? 'tax' : 'other';
  const originalKey = a.find((r) => r.originalKey)?.originalKey ?? null;
  return { ...exception('reversal-refund', side, key, a, b, !agreed), originalKey, originalFound: originalKey !== null && leftKeys.has(originalKey) };
}

/** Classifies one key; undefined when it matches exactly. */
function classifyKey(key: string, a: ReconRecord[], b: ReconRecord[], opts: MatchOptions, leftKeys: ReadonlySet<string>): ReconException | undefined {
  if (a.some((r) => r.refund) || b.some((r) => r.refund)) return refundException(key, a, b, leftKeys);
  if (b.length === 0) {
    const at = a[0]?.at ?? null;
    const age = at === null ? null : opts.now - at;
    if (age !== null && age >= 0 && age < opts.inTransitDays * DAY_MS) {
      return { ...exception('in-transit', 'tax', key, a, b, false), ageHours: Math.round(age / 360_000) / 10 };
    }
    return exception('one-side-only', 'tax', key, a, b, true);
  }
  if (a.length === 0) return exception('one-side-only', 'other', key, a, b, true);
  if (a.length > 1 || b.length > 1) return exception('duplicate', a.length > 1 && b.length > 1 ? 'both' : a.length > 1 ? 'tax' : 'other', key, a, b, true);
  if (a[0]!.amountFen !== b[0]!.amountFen) return exception('amount-mismatch', 'both', key, a, b, true);
  return undefined;
}

export function matchRecords(left: readonly ReconRecord[], right: readonly ReconRecord[], opts: MatchOptions): MatchResult {
  const l = byKey(left);
  const r = byKey(right);
  const leftKeys = new Set(l.keys());
  const exceptions: ReconException[] = [];
  let matched = 0;
  for (const key of new Set([...l.keys(), ...r.keys()])) {
    const found = classifyKey(key, l.get(key) ?? [], r.get(key) ?? [], opts, leftKeys);
    if (found) exceptions.push(found);
    else matched++;
  }
  exceptions.sort((x, y) => ORDER.indexOf(x.class) - ORDER.indexOf(y.class) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { matched, exceptions };
}
