// Independent computations straight from the lab's tables (no reconcile/ code): group totals and
// the unpaid list, in BigInt fen, to check the reconciliation's numbers against.
import type { LabRow } from './support.js';

const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export interface Tot { tc: number; ta: bigint; oc: number; oa: bigint }

/** "PAYER_TYPE|XZ_CODE|PERIOD|TAX_OFFICE" → counts and sums of both sides. */
export function totalsOf(tax: LabRow[], other: LabRow[], period: string, payers?: Map<string, LabRow>): Map<string, Tot> {
  const m = new Map<string, Tot>();
  const key = (r: LabRow): string => {
    const p = payers?.get(s(r.PAYER_ID));
    return [s(r.PAYER_TYPE ?? p?.PAYER_TYPE), s(r.XZ_CODE), s(r.PERIOD), s(r.TAX_OFFICE ?? p?.TAX_OFFICE)].join('|');
  };
  const at = (k: string): Tot => m.get(k) ?? (m.set(k, { tc: 0, ta: 0n, oc: 0, oa: 0n }), m.get(k)!);
  for (const r of tax.filter((x) => x.PERIOD === period)) {
    const t = at(key(r));
    t.tc++;
    t.ta += BigInt(Number(r.AMOUNT_FEN));
  }
  for (const r of other.filter((x) => x.PERIOD === period)) {
    const t = at(key(r));
    t.oc++;
    t.oa += BigInt(Number(r.AMOUNT_FEN));
  }
  return m;
}

/** payer|xz|period → owed fen, for 应征 (saved) keys whose net 征收 is below the due amount. */
export function unpaidOf(yz: LabRow[], jk: LabRow[], period: string): Map<string, { due: bigint; paid: bigint }> {
  const acc = new Map<string, { due: bigint; paid: bigint }>();
  const k = (r: LabRow): string => `${s(r.PAYER_ID)}|${s(r.XZ_CODE)}|${s(r.PERIOD)}`;
  for (const r of yz.filter((x) => x.PERIOD === period && x.SAVE_STATUS === 'OK')) {
    const a = acc.get(k(r)) ?? { due: 0n, paid: 0n };
    a.due += BigInt(Number(r.DUE_FEN));
    acc.set(k(r), a);
  }
  for (const r of jk.filter((x) => x.PERIOD === period)) {
    const a = acc.get(k(r));
    if (a) a.paid += BigInt(Number(r.AMOUNT_FEN));
  }
  return new Map([...acc].filter(([, a]) => a.due > 0n && a.paid < a.due));
}

/** Every personal value of the payer register that must never appear unmasked. */
export function personalValues(payers: LabRow[]): string[] {
  return payers.flatMap((p) => [s(p.ID_NO), s(p.PHONE), s(p.BANK_ACCOUNT)]).filter((v) => v.length >= 11);
}

const ID18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** A 身份证号 carries a real birth date (YYYYMMDD at 7–14); voucher numbers (3130YYYYMM…) do not. */
function birthDate(id: string): boolean {
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Leaks in `text`: exact personal values, and anything shaped like a valid 身份证号 or a mobile. */
export function leaks(text: string, values: string[], validId: (v: string) => boolean): string[] {
  const found = values.filter((v) => text.includes(v));
  for (const m of text.matchAll(ID18)) if (validId(m[0]) && birthDate(m[0])) found.push(m[0]);
  for (const m of text.matchAll(MOBILE)) found.push(m[0]);
  return found;
}
