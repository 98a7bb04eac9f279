// The pure core of reconciliation: exact amounts (sums that drift in floating point stay exact),
// masking, the classification rules on small hand-made records, totals and the unpaid list.
import { describe, expect, it } from 'vitest';
import { isValidIdNo } from '../../src/lab/oracle/business/index.js';
import {
  AmountError, buildReport, groupTotals, maskRow, maskValue, matchRecords, renderMarkdown, toFen, toJson, unpaidCsv, unpaidList, yuan, yuanGrouped,
  type ReconRecord, type SourceRow,
} from '../../src/reconcile/index.js';
import type { ReconciliationPlaybook } from '../../src/model/schema/playbook.js';
import { leaks } from './independent.js';

const NOW = Date.parse('2026-12-03T10:00:00+08:00');
const rec = (key: string, fen: number, extra: Partial<ReconRecord> = {}): ReconRecord => ({
  key, amountFen: BigInt(fen), group: { PAYER_TYPE: '21', XZ_CODE: '110' }, refund: false, originalKey: null, at: NOW - 5 * 86_400_000, payerId: 'P1', idNoMasked: null, ...extra,
});

describe('amounts', () => {
  it('are exact where floating point drifts', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(yuan(toFen('0.1', 'yuan') + toFen('0.2', 'yuan'))).toBe('0.30');
    const tenths = Array.from({ length: 10 }, () => toFen(0.1, 'yuan'));
    expect(tenths.reduce((s, v) => s + v, 0n)).toBe(100n);
    expect(Array.from({ length: 10 }, () => 0.1).reduce((s, v) => s + v, 0)).not.toBe(1);
    expect(yuan(toFen('90071992547409.93', 'yuan') + toFen('0.08', 'yuan'))).toBe('90071992547410.01');
    expect(yuan(toFen('9007199254740993', 'fen'))).toBe('90071992547409.93');
    expect(yuanGrouped(-123456789n)).toBe('-1,234,567.89');
    expect(yuan(-5n)).toBe('-0.05');
    expect(toFen('.08', 'yuan')).toBe(8n);
  });

  it('refuse what is not an exact amount', () => {
    expect(() => toFen('1.005', 'yuan')).toThrow(AmountError);
    expect(() => toFen('12.5', 'fen')).toThrow(AmountError);
    expect(() => toFen(2 ** 60, 'fen')).toThrow(AmountError);
    expect(() => toFen(null, 'fen')).toThrow(AmountError);
    expect(() => toFen('1e3', 'fen')).toThrow(AmountError);
  });

  it('sum a yuan-denominated pair exactly through the whole report', () => {
    const playbook = {
      apiVersion: 'opsctl/v1', kind: 'ReconciliationPlaybook', name: 'yuan-pair', title: { zh: '元', en: 'yuan' },
      left: { name: 'l', title: 'L', database: 'coredb', sql: 'x' }, right: { name: 'r', title: 'R', database: 'coredb', sql: 'y' },
      matchKeys: ['V'], groupBy: ['G'], amountColumn: 'JE', inTransitDays: 1,
    } as unknown as ReconciliationPlaybook;
    const left: SourceRow[] = [{ V: 'a', G: 'x', JE: 0.1 }, { V: 'b', G: 'x', JE: 0.2 }, { V: 'c', G: 'x', JE: '0.7' }];
    const right: SourceRow[] = [{ V: 'a', G: 'x', JE: '0.10' }, { V: 'b', G: 'x', JE: 0.2 }, { V: 'c', G: 'x', JE: 0.7 }];
    const r = buildReport([{ playbook, left, right }], { env: 'lab', period: '2026-06', now: new Date(NOW), revision: null });
    expect(r.summary.balanced).toBe(true);
    expect(r.pairs[0]!.left.amountFen).toBe(100n);
    expect(r.pairs[0]!.totals).toEqual([{ group: { G: 'x' }, taxCount: 3, taxAmountFen: 100n, otherCount: 3, otherAmountFen: 100n, differenceFen: 0n }]);
    expect(JSON.parse(toJson(r)).pairs[0].left).toMatchObject({ amountFen: '100', amountYuan: '1.00' });
    expect(renderMarkdown(r, 'en')).toContain('Balanced: no exceptions');
  });
});

describe('masking', () => {
  it('keeps 4 + 4 of identity numbers and accounts, 3 + 4 of mobiles, the first character of names', () => {
    expect(maskValue('130102199003071234')).toBe('1301**********1234');
    expect(maskValue('13812345678')).toBe('138****5678');
    expect(maskValue('6222021234567890123')).toBe('6222***********0123');
    expect(maskValue('张三丰')).toBe('张**');
    expect(maskValue('李四')).toBe('李*');
    expect(maskValue(null)).toBeNull();
    expect(maskRow({ ID_NO: '130102199003071234', VOUCHER_NO: '313020260600000001' }, new Set(['ID_NO']))).toEqual({ ID_NO: '1301**********1234', VOUCHER_NO: '313020260600000001' });
  });

  it('the leak detector finds a real 身份证号 and mobile, not voucher numbers', () => {
    const id = '11010519491231002X';
    expect(isValidIdNo(id)).toBe(true);
    expect(leaks(`x ${id} y 13812345678 z 313020260100000019`, [], isValidIdNo)).toEqual([id, '13812345678']);
    expect(leaks(`x ${maskValue(id)} ${maskValue('13812345678')}`, [id], isValidIdNo)).toEqual([]);
  });
});

describe('classification', () => {
  const opts = { now: NOW, inTransitDays: 1 };
  it('tells every class apart and leaves exact matches alone', () => {
    const left = [
      rec('ok', 100), rec('gap', 200), rec('fresh', 300, { at: NOW - 3_600_000 }), rec('short', 400), rec('dup', 500),
      rec('R1', -600, { refund: true, originalKey: 'ok' }), rec('R2', -700, { refund: true, originalKey: 'gone' }), rec('twice', 10), rec('twice', 10),
    ];
    const right = [rec('ok', 100), rec('orphan', 800), rec('short', 390), rec('dup', 500), rec('dup', 500), rec('R1', -600, { refund: true }), rec('R2', -70, { refund: true }), rec('twice', 20)];
    const { matched, exceptions } = matchRecords(left, right, opts);
    expect(matched).toBe(1);
    const brief = exceptions.map((e) => `${e.class}:${e.side}:${e.key}:${e.taxCount}/${e.taxAmountFen}:${e.otherCount}/${e.otherAmountFen}:${e.counted}`);
    expect(brief).toEqual([
      'one-side-only:tax:gap:1/200:0/null:true',
      'one-side-only:other:orphan:0/null:1/800:true',
      'amount-mismatch:both:short:1/400:1/390:true',
      'duplicate:other:dup:1/500:2/1000:true',
      'duplicate:tax:twice:2/20:1/20:true',
      'reversal-refund:both:R1:1/-600:1/-600:false',
      'reversal-refund:both:R2:1/-700:1/-70:true',
      'in-transit:tax:fresh:1/300:0/null:false',
    ]);
    expect(exceptions.find((e) => e.key === 'R1')).toMatchObject({ originalKey: 'ok', originalFound: true });
    expect(exceptions.find((e) => e.key === 'R2')).toMatchObject({ originalKey: 'gone', originalFound: false });
    expect(exceptions.find((e) => e.key === 'fresh')!.ageHours).toBe(1);
  });

  it('a payment older than the allowance, or with no time, is one-side-only', () => {
    const { exceptions } = matchRecords([rec('old', 1, { at: NOW - 86_400_000 }), rec('none', 1, { at: null })], [], opts);
    expect(exceptions.map((e) => e.class)).toEqual(['one-side-only', 'one-side-only']);
    expect(matchRecords([rec('x', 1, { at: NOW - 86_400_000 })], [], { now: NOW, inTransitDays: 2 }).exceptions[0]!.class).toBe('in-transit');
  });

  it('totals every row of each side per group, with the difference', () => {
    const t = groupTotals([rec('a', 5), rec('b', 7, { group: { PAYER_TYPE: '11', XZ_CODE: '110' } })], [rec('a', 5), rec('a', 5)], ['PAYER_TYPE', 'XZ_CODE']);
    expect(t).toEqual([
      { group: { PAYER_TYPE: '11', XZ_CODE: '110' }, taxCount: 1, taxAmountFen: 7n, otherCount: 0, otherAmountFen: 0n, differenceFen: 7n },
      { group: { PAYER_TYPE: '21', XZ_CODE: '110' }, taxCount: 1, taxAmountFen: 5n, otherCount: 2, otherAmountFen: 10n, differenceFen: -5n },
    ]);
  });
});

describe('unpaid list', () => {
  it('lists 应缴未缴 and 未足额 from 应征 minus net 征收, masked, as CSV', () => {
    const due: SourceRow[] = [
      { PAYER_ID: 'A', XZ_CODE: '110', PERIOD: '2026-06', PAYER_TYPE: '21', TAX_OFFICE: 'T', DUE_FEN: 1000 },
      { PAYER_ID: 'B', XZ_CODE: '110', PERIOD: '2026-06', PAYER_TYPE: '21', TAX_OFFICE: 'T', DUE_FEN: 1000 },
      { PAYER_ID: 'C', XZ_CODE: '110', PERIOD: '2026-06', PAYER_TYPE: '21', TAX_OFFICE: 'T', DUE_FEN: 1000 },
      { PAYER_ID: 'D', XZ_CODE: '110', PERIOD: '2026-06', PAYER_TYPE: '21', TAX_OFFICE: 'T', DUE_FEN: 1000 },
    ];
    const paid: SourceRow[] = [
      { PAYER_ID: 'B', XZ_CODE: '110', PERIOD: '2026-06', AMOUNT_FEN: 400, TXN_TYPE: 'NORMAL' },
      { PAYER_ID: 'C', XZ_CODE: '110', PERIOD: '2026-06', AMOUNT_FEN: 1000, TXN_TYPE: 'NORMAL' },
      { PAYER_ID: 'D', XZ_CODE: '110', PERIOD: '2026-06', AMOUNT_FEN: 1000, TXN_TYPE: 'NORMAL' },
      { PAYER_ID: 'D', XZ_CODE: '110', PERIOD: '2026-06', AMOUNT_FEN: -1000, TXN_TYPE: 'REFUND' },
    ];
    const payers = new Map<string, SourceRow>([['A', maskRow({ PAYER_ID: 'A', NAME: '王小明', ID_NO: '130102199003071234', PHONE: '13812345678' }, new Set(['NAME', 'ID_NO', 'PHONE']))]]);
    const u = unpaidList(due, paid, { playbook: 'p', keys: ['PAYER_ID', 'XZ_CODE', 'PERIOD'], dueColumn: 'DUE_FEN', amountColumn: 'AMOUNT_FEN', unit: 'fen', refund: { column: 'TXN_TYPE', values: ['REFUND'] }, payers, payerKey: 'PAYER_ID' });
    expect(u.entries.map((e) => `${e.payerId}:${e.status}:${e.owedFen}:${e.refunded}`)).toEqual(['A:unpaid:1000:false', 'B:underpaid:600:false', 'D:unpaid:1000:true']);
    expect(u.owedFen).toBe(2600n);
    const csv = unpaidCsv(u, 'zh');
    expect(csv).toContain('A,王**,1301**********1234,138****5678,21 个人-灵活就业,110 企业职工基本养老保险,2026-06,T,10.00,0.00,10.00,应缴未缴,');
    expect(csv).toContain('D,,,,21 个人-灵活就业,110 企业职工基本养老保险,2026-06,T,10.00,0.00,10.00,应缴未缴,是');
  });
});
