/**
 * generateBusinessTables(seed, opts): deterministic business data for periods 2026-01..2026-11 —
 * 应征 (SBF_YZ), 征收 (SBF_JK), 入库/上解 feedback (SBF_RK), 人社/医保 到账 (SBFQZ.SBF_SB_DZ), batch
 * deductions (SBF_PK_BATCH) and the receive queue (SBFJS.JS_RECV_QUEUE) — with known
 * mismatches injected and listed in the manifest. Amounts are integer fen.
 */
import type { LabTable, Scalar } from '../../state/types.js';
import { rand } from './identity.js';
import type { Rand } from './identity.js';
import { addBatches, addReceiveQueue } from './operations.js';
import { XZ_DEPT, amountFen, makePayers } from './payers.js';
import type { Payer } from './payers.js';
import type { BusinessManifest, BusinessTables, GenerateOptions, InjectedMismatch } from './types.js';

type Row = Record<string, Scalar>;

export const DEFAULT_PERIODS = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

/** 'YYYY-MM-DD HH24:MI:SS' in China Standard Time. */
export function localTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

export function periodStart(p: string): number {
  return Date.parse(`${p}-01T00:00:00+08:00`);
}

function periodEnd(p: string): number {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return Date.parse(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01T00:00:00+08:00`) - 1000;
}

export function table(columns: string[], key: string[], rows: Row[]): LabTable {
  return { columns, key, rows };
}

/** `ids`: the last FEEDBACK_ID / DZ_ID number handed out — never reused, also after rows were dropped (they are primary keys). */
interface Ledger { yz: Row[]; jk: Row[]; rk: Row[]; dz: Row[]; mismatches: InjectedMismatch[]; yzErrors: string[]; ids: { rk: number; dz: number } }

const nextId = (l: Ledger, kind: 'rk' | 'dz'): string => `${kind.toUpperCase()}${String(++l.ids[kind]).padStart(8, '0')}`;

function obligations(payers: Payer[], k: number, r: Rand): Array<{ payer: Payer; xz: string; pays: boolean }> {
  const out: Array<{ payer: Payer; xz: string; pays: boolean }> = [];
  payers.forEach((payer, i) => {
    if (payer.type.code === '22' && i % 11 !== k) return;
    for (const xz of payer.type.xz) {
      const pays = payer.type.code === '21' ? r.next() < 0.7 : payer.type.code === '22' ? r.next() < 0.9 : true;
      out.push({ payer, xz, pays });
    }
  });
  return out;
}

function period(p: string, k: number, payers: Payer[], seed: number, now: Date, l: Ledger, latest: boolean): void {
  const r = rand(seed, `period:${p}`);
  const start = periodStart(p);
  const end = Math.max(start + 5 * 86_400_000, Math.min(periodEnd(p), now.getTime() - 2 * 86_400_000));
  const normal: Row[] = [];
  let seq = 0;
  for (const { payer, xz, pays } of obligations(payers, k, r)) {
    const amount = amountFen(r, payer, xz);
    const yzId = `YZ${p.replace('-', '')}${String(l.yz.length + 1).padStart(6, '0')}`;
    l.yz.push({ YZ_ID: yzId, PAYER_ID: payer.id, PAYER_TYPE: payer.type.code, XZ_CODE: xz, PERIOD: p, TAX_OFFICE: payer.taxOffice, DUE_FEN: amount, SOURCE: XZ_DEPT[xz] ?? '人社', SAVE_STATUS: 'OK', ERROR_MSG: null, CREATED_AT: localTime(start + 3_600_000) });
    if (!pays) continue;
    const voucher = `3130${p.replace('-', '')}${String(++seq).padStart(8, '0')}`;
    const paid = start + Math.floor(r.next() * (end - start));
    const jk: Row = {
      VOUCHER_NO: voucher, PAYER_ID: payer.id, PAYER_TYPE: payer.type.code, ID_NO: payer.idNo, XZ_CODE: xz, PERIOD: p, TAX_OFFICE: payer.taxOffice,
      AMOUNT_FEN: amount, PAID_AT: localTime(paid), CHANNEL: payer.type.code === '22' ? '批扣' : r.pick(['柜台', '网上', '银行端']), TXN_TYPE: 'NORMAL', ORIG_VOUCHER_NO: null,
    };
    l.jk.push(jk);
    normal.push(jk);
  }
  for (const jk of normal) mirror(jk, l, r);
  inject(p, normal, l, r, latest ? now : undefined);
  if (latest) {
    for (const yz of l.yz.filter((y) => y.PERIOD === p).slice(-2)) {
      yz.SAVE_STATUS = 'ERROR';
      yz.ERROR_MSG = 'ORA-12899: value too large for column "SBF"."SBF_YZ"."PAYER_NAME" (actual: 120, maximum: 100)';
      l.yzErrors.push(String(yz.YZ_ID));
    }
  }
}

function mirror(jk: Row, l: Ledger, r: Rand, amount = Number(jk.AMOUNT_FEN)): void {
  const paid = Date.parse(`${String(jk.PAID_AT).replace(' ', 'T')}+08:00`);
  const refund = amount < 0;
  l.rk.push({
    FEEDBACK_ID: nextId(l, 'rk'), VOUCHER_NO: (jk.VOUCHER_NO ?? null), PAYER_TYPE: (jk.PAYER_TYPE ?? null), XZ_CODE: (jk.XZ_CODE ?? null), PERIOD: (jk.PERIOD ?? null),
    TAX_OFFICE: (jk.TAX_OFFICE ?? null), AMOUNT_FEN: amount, TREASURY_CODE: `0${String((jk.TAX_OFFICE ?? null)).slice(1, 7)}000`,
    RK_DATE: localTime(paid + 86_400_000).slice(0, 10), SJ_DATE: localTime(paid + 3 * 86_400_000).slice(0, 10), TXN_TYPE: refund ? '退库' : '入库',
  });
  l.dz.push({
    DZ_ID: nextId(l, 'dz'), VOUCHER_NO: (jk.VOUCHER_NO ?? null), PAYER_ID: (jk.PAYER_ID ?? null), ID_NO: (jk.ID_NO ?? null), XZ_CODE: (jk.XZ_CODE ?? null),
    DEPT: XZ_DEPT[String((jk.XZ_CODE ?? null))] ?? '人社', PERIOD: (jk.PERIOD ?? null), AMOUNT_FEN: amount, CONFIRMED_AT: localTime(paid + 2 * 86_400_000 + r.int(0, 36_000) * 1000), STATUS: refund ? '退费' : '到账',
  });
}

function drop(rows: Row[], voucher: Scalar | undefined): void {
  const i = rows.findIndex((x) => x.VOUCHER_NO === voucher);
  if (i >= 0) rows.splice(i, 1);
}

function inject(p: string, normal: Row[], l: Ledger, r: Rand, now?: Date): void {
  const pool = [...normal];
  const take = (): Row => pool.splice(r.int(0, pool.length - 1), 1)[0]!;
  const add = (m: Omit<InjectedMismatch, 'period'>): void => void l.mismatches.push({ period: p, ...m });
  const amt = (x: Row): number => Number(x.AMOUNT_FEN);
  if (now) {
    for (let i = 0; i < 3; i++) {
      const x = take();
      x.PAID_AT = localTime(now.getTime() - (i + 1) * 3_600_000);
      drop(l.rk, x.VOUCHER_NO);
      drop(l.dz, x.VOUCHER_NO);
      for (const pair of ['treasury', 'hrss'] as const) add({ pair, class: 'in-transit', side: 'tax', voucherNo: String(x.VOUCHER_NO), taxAmountFen: amt(x), taxCount: 1, otherAmountFen: null, otherCount: 0 });
    }
  }
  const gap = take();
  drop(l.rk, gap.VOUCHER_NO);
  add({ pair: 'treasury', class: 'one-side-only', side: 'tax', voucherNo: String(gap.VOUCHER_NO), taxAmountFen: amt(gap), taxCount: 1, otherAmountFen: null, otherCount: 0 });
  const orphan = `3130${p.replace('-', '')}9${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  const orphanAmount = r.int(100_00, 3_000_00);
  const base = take();
  mirror({ ...base, VOUCHER_NO: orphan }, { ...l, dz: [] }, r, orphanAmount);
  add({ pair: 'treasury', class: 'one-side-only', side: 'other', voucherNo: orphan, taxAmountFen: null, taxCount: 0, otherAmountFen: orphanAmount, otherCount: 1 });
  const short = take();
  const rk = l.rk.find((x) => x.VOUCHER_NO === short.VOUCHER_NO)!;
  rk.AMOUNT_FEN = amt(short) - Math.min(r.int(1, 500) * 100, Math.floor(amt(short) / 2));
  add({ pair: 'treasury', class: 'amount-mismatch', side: 'both', voucherNo: String(short.VOUCHER_NO), taxAmountFen: amt(short), taxCount: 1, otherAmountFen: Number(rk.AMOUNT_FEN), otherCount: 1 });
  const dup = take();
  const first = l.rk.find((x) => x.VOUCHER_NO === dup.VOUCHER_NO)!;
  l.rk.push({ ...first, FEEDBACK_ID: nextId(l, 'rk') });
  add({ pair: 'treasury', class: 'duplicate', side: 'other', voucherNo: String(dup.VOUCHER_NO), taxAmountFen: amt(dup), taxCount: 1, otherAmountFen: amt(dup) * 2, otherCount: 2 });
  const orig = take();
  const refundAmount = -amt(orig);
  const refund: Row = { ...orig, VOUCHER_NO: `3130${p.replace('-', '')}8${String(r.int(0, 9_999_999)).padStart(7, '0')}`, AMOUNT_FEN: refundAmount, TXN_TYPE: 'REFUND', ORIG_VOUCHER_NO: (orig.VOUCHER_NO ?? null) };
  l.jk.push(refund);
  mirror(refund, l, r);
  for (const pair of ['treasury', 'hrss'] as const) add({ pair, class: 'reversal-refund', side: 'both', voucherNo: String(refund.VOUCHER_NO), taxAmountFen: refundAmount, taxCount: 1, otherAmountFen: refundAmount, otherCount: 1 });
  const unconfirmed = take();
  drop(l.dz, unconfirmed.VOUCHER_NO);
  add({ pair: 'hrss', class: 'one-side-only', side: 'tax', voucherNo: String(unconfirmed.VOUCHER_NO), taxAmountFen: amt(unconfirmed), taxCount: 1, otherAmountFen: null, otherCount: 0 });
  const differs = take();
  const dz = l.dz.find((x) => x.VOUCHER_NO === differs.VOUCHER_NO)!;
  dz.AMOUNT_FEN = amt(differs) + r.int(1, 200) * 100;
  add({ pair: 'hrss', class: 'amount-mismatch', side: 'both', voucherNo: String(differs.VOUCHER_NO), taxAmountFen: amt(differs), taxCount: 1, otherAmountFen: Number(dz.AMOUNT_FEN), otherCount: 1 });
}

export const COLUMNS = {
  payer: ['PAYER_ID', 'PAYER_TYPE', 'PAYER_TYPE_NAME', 'PAYER_CLASS', 'NAME', 'ID_NO', 'PHONE', 'BANK_CODE', 'BANK_ACCOUNT', 'TAX_OFFICE', 'AGREEMENT'],
  yz: ['YZ_ID', 'PAYER_ID', 'PAYER_TYPE', 'XZ_CODE', 'PERIOD', 'TAX_OFFICE', 'DUE_FEN', 'SOURCE', 'SAVE_STATUS', 'ERROR_MSG', 'CREATED_AT'],
  jk: ['VOUCHER_NO', 'PAYER_ID', 'PAYER_TYPE', 'ID_NO', 'XZ_CODE', 'PERIOD', 'TAX_OFFICE', 'AMOUNT_FEN', 'PAID_AT', 'CHANNEL', 'TXN_TYPE', 'ORIG_VOUCHER_NO'],
  rk: ['FEEDBACK_ID', 'VOUCHER_NO', 'PAYER_TYPE', 'XZ_CODE', 'PERIOD', 'TAX_OFFICE', 'AMOUNT_FEN', 'TREASURY_CODE', 'RK_DATE', 'SJ_DATE', 'TXN_TYPE'],
  dz: ['DZ_ID', 'VOUCHER_NO', 'PAYER_ID', 'ID_NO', 'XZ_CODE', 'DEPT', 'PERIOD', 'AMOUNT_FEN', 'CONFIRMED_AT', 'STATUS'],
};

export function generateBusinessTables(seed: number, opts: GenerateOptions): BusinessTables {
  const periods = opts.periods ?? DEFAULT_PERIODS;
  const payers = makePayers(rand(seed, 'payers'));
  const l: Ledger = { yz: [], jk: [], rk: [], dz: [], mismatches: [], yzErrors: [], ids: { rk: 0, dz: 0 } };
  periods.forEach((p, k) => period(p, k, payers, seed, opts.now, l, k === periods.length - 1));
  const manifest: BusinessManifest = { seed, periods, injectedMismatches: l.mismatches, batchAnomalies: [], receiveFailures: [], receiveBacklog: [], yzSaveErrors: l.yzErrors };
  const core: Record<string, LabTable> = {
    'SBF.SBF_PAYER': table(COLUMNS.payer, ['PAYER_ID'], payers.map((x) => x.row)),
    'SBF.SBF_YZ': table(COLUMNS.yz, ['YZ_ID'], l.yz),
    'SBF.SBF_JK': table(COLUMNS.jk, ['VOUCHER_NO'], l.jk),
    'SBF.SBF_RK': table(COLUMNS.rk, ['FEEDBACK_ID'], l.rk),
    'SBF.SBF_PK_BATCH': addBatches(periods, payers, seed, opts.now, manifest),
  };
  const front = { 'SBFQZ.SBF_SB_DZ': table(COLUMNS.dz, ['DZ_ID'], l.dz) };
  const receive = { 'SBFJS.JS_RECV_QUEUE': addReceiveQueue(periods, payers, seed, opts.now, manifest) };
  return { core, front, receive, manifest };
}
