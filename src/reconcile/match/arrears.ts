/**
 * 应征 vs 实征: the payers not fully paid (应缴未缴 / 未足额), for the bureau to follow up.
 * Per arrears key (payer × 险种 × 费款所属期): due = Σ 应征 of the period (saved rows only, as
 * the playbook's SQL selects them); paid = net Σ 征收 on the tax side for the same key (refunds
 * are negative, in-transit payments count as paid). paid ≤ 0 → unpaid 应缴未缴; 0 < paid < due →
 * underpaid 未足额. Overpayment and fully paid keys are not listed.
 */
import { toFen } from './amount.js';
import { isRefundRow, type RefundSpec } from './normalize.js';
import type { Cell, SourceRow, UnpaidEntry, UnpaidResult } from './types.js';

export interface ArrearsSpec {
  playbook: string;
  keys: readonly string[];
  dueColumn: string;
  amountColumn: string;
  unit: 'fen' | 'yuan';
  refund?: RefundSpec | undefined;
  payers?: ReadonlyMap<string, SourceRow> | undefined;
  payerKey: string;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c));

interface Account { row: SourceRow; due: bigint; paid: bigint; refunded: boolean }

function keyOf(row: SourceRow, keys: readonly string[]): string {
  return keys.map((k) => text(row[k])).join('|');
}

function entry(a: Account, spec: ArrearsSpec): UnpaidEntry | undefined {
  if (a.due <= 0n || a.paid >= a.due) return undefined;
  const payerId = text(a.row[spec.payerKey]);
  const payer = spec.payers?.get(payerId);
  const pick = (c: string): string => text(a.row[c]) || text(payer?.[c]);
  return {
    keys: Object.fromEntries(spec.keys.map((k) => [k, text(a.row[k])])),
    payerId,
    payerType: pick('PAYER_TYPE'),
    taxOffice: pick('TAX_OFFICE'),
    nameMasked: text(payer?.['NAME']) || null,
    idNoMasked: text(payer?.['ID_NO']) || null,
    phoneMasked: text(payer?.['PHONE']) || null,
    dueFen: a.due,
    paidFen: a.paid,
    owedFen: a.due - a.paid,
    status: a.paid <= 0n ? 'unpaid' : 'underpaid',
    refunded: a.refunded,
  };
}

export function unpaidList(due: readonly SourceRow[], collected: readonly SourceRow[], spec: ArrearsSpec): UnpaidResult {
  const accounts = new Map<string, Account>();
  for (const row of due) {
    const k = keyOf(row, spec.keys);
    const a = accounts.get(k) ?? { row, due: 0n, paid: 0n, refunded: false };
    a.due += toFen(row[spec.dueColumn], spec.unit, `应征 ${spec.dueColumn}`);
    accounts.set(k, a);
  }
  for (const row of collected) {
    const a = accounts.get(keyOf(row, spec.keys));
    if (!a) continue;
    a.paid += toFen(row[spec.amountColumn], spec.unit, `征收 ${spec.amountColumn}`);
    if (isRefundRow(row, spec.refund)) a.refunded = true;
  }
  const entries = [...accounts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .flatMap(([, a]) => entry(a, spec) ?? []);
  let dueFen = 0n;
  let paidFen = 0n;
  for (const e of entries) {
    dueFen += e.dueFen;
    paidFen += e.paidFen;
  }
  return { playbook: spec.playbook, entries, dueFen, paidFen, owedFen: dueFen - paidFen };
}
