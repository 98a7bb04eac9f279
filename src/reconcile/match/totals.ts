/**
 * Summary level (总账): counts and amounts of both sides per group (payer type × 险种 × 费款所属期 ×
 * tax office, or whatever the playbook's groupBy says) and their difference. Every row of each
 * side counts, exceptions included: the totals are what each side's table says.
 */
import type { GroupTotal, ReconRecord } from './types.js';

const SEP = '\u0000';

export function groupTotals(left: readonly ReconRecord[], right: readonly ReconRecord[], groupBy: readonly string[]): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  const add = (r: ReconRecord, tax: boolean): void => {
    const id = groupBy.map((c) => r.group[c] ?? '').join(SEP);
    let t = totals.get(id);
    if (!t) {
      t = { group: Object.fromEntries(groupBy.map((c) => [c, r.group[c] ?? ''])), taxCount: 0, taxAmountFen: 0n, otherCount: 0, otherAmountFen: 0n, differenceFen: 0n };
      totals.set(id, t);
    }
    if (tax) {
      t.taxCount++;
      t.taxAmountFen += r.amountFen;
    } else {
      t.otherCount++;
      t.otherAmountFen += r.amountFen;
    }
    t.differenceFen = t.taxAmountFen - t.otherAmountFen;
  };
  for (const r of left) add(r, true);
  for (const r of right) add(r, false);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
}
