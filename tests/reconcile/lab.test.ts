// THE ACCEPTANCE TEST of reconciliation (issue 7 item 1): against a fresh lab (clock after
// 2026-11), through the real transports, each of 2026-01, 2026-06 and 2026-11 finds exactly the
// manifest's injected mismatches (class, side, voucher, counts, amounts) — nothing more, nothing
// less; group totals, side totals and the unpaid list equal sums computed independently from the
// lab's tables; the written outputs hold no unmasked personal data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNo } from '../../src/lab/oracle/business/index.js';
import { reconcile, writeReconciliation, yuan, type ReconciliationReport } from '../../src/reconcile/index.js';
import { leaks, personalValues, totalsOf, unpaidOf } from './independent.js';
import { labRepo, type LabRepo } from './support.js';

const PERIODS = ['2026-01', '2026-06', '2026-11'];
const PAIR_OF: Record<string, string> = { 'collection-vs-treasury': 'treasury', 'collection-vs-hrss': 'hrss' };

let repo: LabRepo;
const reports = new Map<string, ReconciliationReport>();

beforeAll(async () => {
  repo = labRepo();
  const { conn, close } = await repo.connect();
  try {
    for (const period of PERIODS) reports.set(period, await reconcile({ ctx: conn.context, playbooks: repo.playbooks, period, revision: null }));
  } finally {
    await close();
  }
}, 180_000);

afterAll(() => repo?.remove());

describe.each(PERIODS)('reconciliation of the lab period %s', (period) => {
  it('finds exactly the injected mismatches, with their sides, counts and amounts', () => {
    const r = reports.get(period)!;
    expect(r.pairs.map((p) => PAIR_OF[p.playbook]).sort()).toEqual(['hrss', 'treasury']);
    for (const p of r.pairs) {
      const found = p.exceptions.map((e) => ({
        class: e.class, side: e.side, voucherNo: e.key, taxCount: e.taxCount, taxAmountFen: e.taxAmountFen === null ? null : Number(e.taxAmountFen),
        otherCount: e.otherCount, otherAmountFen: e.otherAmountFen === null ? null : Number(e.otherAmountFen),
      }));
      const expected = repo.manifest.injectedMismatches.filter((m) => m.period === period && m.pair === PAIR_OF[p.playbook])
        .map(({ period: _p, pair: _q, ...m }) => m);
      const order = (a: { voucherNo: string; class: string }, b: { voucherNo: string; class: string }): number => `${a.class}${a.voucherNo}`.localeCompare(`${b.class}${b.voucherNo}`);
      expect(found.sort(order)).toEqual(expected.sort(order));
    }
  });

  it('counts in-transit records and refunds both sides agree on as not mismatched', () => {
    const r = reports.get(period)!;
    const injected = repo.manifest.injectedMismatches.filter((m) => m.period === period);
    const real = injected.filter((m) => m.class !== 'in-transit' && m.class !== 'reversal-refund');
    expect(r.summary.mismatches).toBe(real.length);
    expect(r.summary.inTransit).toBe(injected.filter((m) => m.class === 'in-transit').length);
    expect(r.summary.balanced).toBe(false);
    const refund = r.pairs.flatMap((p) => p.exceptions).filter((e) => e.class === 'reversal-refund');
    for (const e of refund) expect(e).toMatchObject({ counted: false, originalFound: true });
    expect(period === '2026-11' ? r.summary.inTransit : 0).toBe(period === '2026-11' ? 6 : 0);
  });

  it('totals per payer type × 险种 × 费款所属期 × tax office equal independent sums of the lab tables', () => {
    const r = reports.get(period)!;
    const jk = repo.rows('coredb', 'SBF.SBF_JK');
    const payers = new Map(repo.rows('coredb', 'SBF.SBF_PAYER').map((p) => [String(p.PAYER_ID), p]));
    const expected = {
      'collection-vs-treasury': totalsOf(jk, repo.rows('coredb', 'SBF.SBF_RK'), period),
      'collection-vs-hrss': totalsOf(jk, repo.rows('frontdb', 'SBFQZ.SBF_SB_DZ'), period, payers),
    };
    for (const p of r.pairs) {
      const want = expected[p.playbook as keyof typeof expected];
      const got = new Map(p.totals.map((t) => [p.groupBy.map((c) => t.group[c]).join('|'), { tc: t.taxCount, ta: t.taxAmountFen, oc: t.otherCount, oa: t.otherAmountFen }]));
      expect(got).toEqual(want);
      for (const t of p.totals) expect(t.differenceFen).toBe(t.taxAmountFen - t.otherAmountFen);
      expect(p.left.amountFen).toBe([...want.values()].reduce((s, t) => s + t.ta, 0n));
      expect(p.right.count).toBe([...want.values()].reduce((s, t) => s + t.oc, 0));
      expect([...got.keys()].every((k) => !k.split('|').includes(''))).toBe(true);
    }
  });

  it('lists the payers not fully paid exactly as 应征 minus net 征收 says', () => {
    const r = reports.get(period)!;
    const want = unpaidOf(repo.rows('coredb', 'SBF.SBF_YZ'), repo.rows('coredb', 'SBF.SBF_JK'), period);
    expect(want.size).toBeGreaterThan(0);
    const got = new Map(r.unpaid!.entries.map((e) => [`${e.payerId}|${e.keys.XZ_CODE}|${e.keys.PERIOD}`, { due: e.dueFen, paid: e.paidFen }]));
    expect(got).toEqual(want);
    for (const e of r.unpaid!.entries) expect(e.status).toBe(e.paidFen <= 0n ? 'unpaid' : 'underpaid');
  });
});

describe('report files', () => {
  it('are written in zh and en, with yuan amounts and no unmasked personal data', () => {
    const values = personalValues(repo.rows('coredb', 'SBF.SBF_PAYER'));
    const names = repo.rows('coredb', 'SBF.SBF_PAYER').filter((p) => p.PAYER_CLASS === '个人').map((p) => String(p.NAME));
    for (const period of PERIODS) {
      for (const lang of ['en', 'zh'] as const) {
        const files = writeReconciliation(repo.root, reports.get(period)!, lang);
        expect(files).toEqual([`reports/lab/reconciliation/${period}/reconciliation.md`, `reports/lab/reconciliation/${period}/reconciliation.json`, `reports/lab/reconciliation/${period}/unpaid.csv`]);
        for (const f of files) {
          const text = readFileSync(join(repo.root, f), 'utf8');
          expect(leaks(text, values, isValidIdNo), f).toEqual([]);
          const cells = text.split(/[,|\r\n"]/).map((c) => c.trim());
          expect(names.filter((n) => cells.includes(n)), f).toEqual([]);
        }
      }
      const md = readFileSync(join(repo.root, `reports/lab/reconciliation/${period}/reconciliation.md`), 'utf8');
      expect(md).toContain('《社保费对账报告》');
      const shortfall = repo.manifest.injectedMismatches.find((m) => m.period === period && m.class === 'amount-mismatch')!;
      expect(md).toContain(shortfall.voucherNo);
      const json = JSON.parse(readFileSync(join(repo.root, `reports/lab/reconciliation/${period}/reconciliation.json`), 'utf8')) as { formatVersion: number; pairs: Array<{ left: { amountFen: string; amountYuan: string } }> };
      expect(json.formatVersion).toBe(1);
      expect(json.pairs[0]!.left.amountYuan).toBe(yuan(BigInt(json.pairs[0]!.left.amountFen)));
      const csv = readFileSync(join(repo.root, `reports/lab/reconciliation/${period}/unpaid.csv`), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('缴费人编号');
      expect(csv).toMatch(/,\d{2}\d*\*+\d{4},/);
      expect(csv).toMatch(/,1[3-9]\d\*{4}\d{4},/);
    }
  });
});
