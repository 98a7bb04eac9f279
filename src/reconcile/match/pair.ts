/**
 * One playbook's comparison from the collected rows: normalise both sides, match, classify and
 * total them (PairResult); and the unpaid list when the playbook declares 应征 (arrears).
 */
import type { ReconciliationPlaybook, ReconciliationSide } from '../../model/schema/playbook.js';
import { unpaidList } from './arrears.js';
import { sumFen } from './amount.js';
import { matchRecords } from './classify.js';
import { ReconError, indexBy, toRecords, type SideSpec } from './normalize.js';
import { groupTotals } from './totals.js';
import type { PairResult, SourceRow, UnpaidResult } from './types.js';

/** What the collector read for one playbook (personal columns already masked). */
export interface CollectedPair {
  playbook: ReconciliationPlaybook;
  left: SourceRow[];
  right: SourceRow[];
  payers?: SourceRow[];
  due?: SourceRow[];
}

function sideSpec(p: ReconciliationPlaybook, side: ReconciliationSide, which: 'left' | 'right', payers: ReadonlyMap<string, SourceRow> | undefined): SideSpec {
  return {
    label: `${p.name}/${which} (${side.name})`,
    matchKeys: p.matchKeys,
    groupBy: p.groupBy,
    amountColumn: p.amountColumn,
    amountUnit: p.amountUnit ?? 'yuan',
    refund: side.refund,
    timeColumn: which === 'left' ? p.inTransitColumn : undefined,
    lookup: payers,
    lookupKey: p.payers?.key,
  };
}

/** Personal columns may not be match keys: they are masked before matching. */
export function checkPlaybook(p: ReconciliationPlaybook): void {
  const personal = new Set(p.personalColumns ?? []);
  const bad = p.matchKeys.filter((k) => personal.has(k));
  if (bad.length) throw new ReconError(`reconciliation ${p.name}: personal column(s) ${bad.join(', ')} cannot be match keys (they are masked before matching)`);
}

export function reconcilePair(c: CollectedPair, now: Date): PairResult {
  const p = c.playbook;
  checkPlaybook(p);
  const payers = c.payers && p.payers ? indexBy(c.payers, p.payers.key) : undefined;
  const left = toRecords(c.left, sideSpec(p, p.left, 'left', payers));
  const right = toRecords(c.right, sideSpec(p, p.right, 'right', payers));
  const { matched, exceptions } = matchRecords(left, right, { now: now.getTime(), inTransitDays: p.inTransitDays });
  const sideOf = (s: ReconciliationSide, rows: typeof left): PairResult['left'] => ({
    name: s.name, title: s.title, database: s.database, count: rows.length, amountFen: sumFen(rows.map((r) => r.amountFen)),
  });
  return {
    playbook: p.name, title: p.title, compares: p.compares ?? null,
    left: sideOf(p.left, left), right: sideOf(p.right, right),
    matchKeys: p.matchKeys, groupBy: p.groupBy, inTransitDays: p.inTransitDays,
    matched, exceptions, totals: groupTotals(left, right, p.groupBy),
  };
}

export function unpaidOf(c: CollectedPair): UnpaidResult | undefined {
  const p = c.playbook;
  if (!p.arrears || !c.due) return undefined;
  const payers = c.payers && p.payers ? indexBy(c.payers, p.payers.key) : undefined;
  return unpaidList(c.due, c.left, {
    playbook: p.name, keys: p.arrears.keys, dueColumn: p.arrears.dueColumn, amountColumn: p.amountColumn,
    unit: p.amountUnit ?? 'yuan', refund: p.left.refund, payers, payerKey: p.payers?.key ?? 'PAYER_ID',
  });
}
