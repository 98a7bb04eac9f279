// The generated business tables: deterministic, personal data well-formed, and every injected
// mismatch of the manifest really present (an independent record-level match finds exactly
// the manifest's entries). Also lsnrctl with the listener down.
import { describe, expect, it } from 'vitest';
import { attachBusinessTables, generateBusinessTables } from '../../../src/lab/oracle/index.js';
import { isLuhnValid, isValidIdNo } from '../../../src/lab/oracle/business/index.js';
import type { Scalar } from '../../../src/lab/state/types.js';
import { memoryStore } from '../../../src/lab/state/store.js';
import { NOW, fixtureState } from './fixture-state.js';
import { CSV, lab, lsnrctl, parseCsv, sqlplus } from './helpers.js';

type Row = Record<string, Scalar>;

function reconcile(tax: Row[], other: Row[], period: string, now: Date): string[] {
  const found: string[] = [];
  const group = (rows: Row[]): Map<string, Row[]> => {
    const m = new Map<string, Row[]>();
    for (const r of rows.filter((x) => x.PERIOD === period)) m.set(String(r.VOUCHER_NO), [...(m.get(String(r.VOUCHER_NO)) ?? []), r]);
    return m;
  };
  const t = group(tax);
  const o = group(other);
  for (const v of new Set([...t.keys(), ...o.keys()])) {
    const a = t.get(v) ?? [];
    const b = o.get(v) ?? [];
    const sum = (rows: Row[]): number => rows.reduce((s, r) => s + Number(r.AMOUNT_FEN), 0);
    if (a.some((x) => x.TXN_TYPE === 'REFUND')) found.push(`reversal-refund:${v}:${sum(a)}:${sum(b)}`);
    else if (b.length === 0) {
      const paid = Date.parse(`${String(a[0]!.PAID_AT).replace(' ', 'T')}+08:00`);
      found.push(`${now.getTime() - paid < 86_400_000 ? 'in-transit' : 'one-side-only'}:${v}:${sum(a)}:null`);
    } else if (a.length === 0) found.push(`one-side-only:${v}:null:${sum(b)}`);
    else if (b.length > 1) found.push(`duplicate:${v}:${sum(a)}:${sum(b)}`);
    else if (sum(a) !== sum(b)) found.push(`amount-mismatch:${v}:${sum(a)}:${sum(b)}`);
  }
  return found.sort();
}

describe('business tables', () => {
  const gen = generateBusinessTables(7, { now: NOW });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateBusinessTables(7, { now: NOW })).toEqual(gen);
    expect(generateBusinessTables(8, { now: NOW }).core['SBF.SBF_JK']!.rows).not.toEqual(gen.core['SBF.SBF_JK']!.rows);
  });

  it('stays modest in size, with integer-fen amounts', () => {
    const all = [...Object.values(gen.core), ...Object.values(gen.front), ...Object.values(gen.receive)];
    const rows = all.reduce((s, t) => s + t.rows.length, 0);
    expect(rows).toBeGreaterThan(2000);
    expect(rows).toBeLessThan(8000);
    for (const r of gen.core['SBF.SBF_JK']!.rows) expect(Number.isInteger(r.AMOUNT_FEN)).toBe(true);
  });

  it('generates valid synthetic 身份证号 and bank card numbers', () => {
    const payers = gen.core['SBF.SBF_PAYER']!.rows;
    const persons = payers.filter((p) => p.PAYER_CLASS === '个人');
    expect(persons.length).toBe(80);
    for (const p of persons) expect(isValidIdNo(String(p.ID_NO)), String(p.ID_NO)).toBe(true);
    for (const p of payers) expect(isLuhnValid(String(p.BANK_ACCOUNT))).toBe(true);
  });

  for (const period of ['2026-01', '2026-06', '2026-11']) {
    it(`has exactly the manifest's mismatches in ${period} (treasury and 人社/医保 pairs)`, () => {
      for (const [pair, other] of [['treasury', gen.core['SBF.SBF_RK']!.rows], ['hrss', gen.front['SBFQZ.SBF_SB_DZ']!.rows]] as const) {
        const expected = gen.manifest.injectedMismatches.filter((m) => m.period === period && m.pair === pair)
          .map((m) => `${m.class}:${m.voucherNo}:${m.taxAmountFen}:${m.otherAmountFen}`).sort();
        expect(reconcile(gen.core['SBF.SBF_JK']!.rows, other, period, NOW)).toEqual(expected);
      }
    });
  }

  it('injects in-transit records only in the latest period, and all five classes', () => {
    const classes = new Set(gen.manifest.injectedMismatches.map((m) => m.class));
    expect([...classes].sort()).toEqual(['amount-mismatch', 'duplicate', 'in-transit', 'one-side-only', 'reversal-refund']);
    expect(new Set(gen.manifest.injectedMismatches.filter((m) => m.class === 'in-transit').map((m) => m.period))).toEqual(new Set(['2026-11']));
  });

  it('attaches tables to the primary core database; a stalled batch is visible through sqlplus', async () => {
    const state = fixtureState();
    const manifest = attachBusinessTables(state, 7);
    expect(state.databases['coredb-stby']!.tables['SBF.SBF_JK']).toBeUndefined();
    const stalled = manifest.batchAnomalies.find((b) => b.kind === 'stalled')!;
    const r = await sqlplus(memoryStore(state), `${CSV}VARIABLE s VARCHAR2(10)\nEXEC :s := 'RUNNING'\nSELECT batch_id, updated_at FROM sbf.sbf_pk_batch WHERE status = :s ORDER BY updated_at;\n`);
    const rows = parseCsv(r.stdout);
    expect(rows[1]![0]).toBe(stalled.batchId);
    expect(Date.parse(`${rows[1]![1]!.replace(' ', 'T')}+08:00`)).toBeLessThan(NOW.getTime() - 4 * 3_600_000);
  });

  it('records receive failures and backlog in the latest period', () => {
    const q = gen.receive['SBFJS.JS_RECV_QUEUE']!.rows;
    expect(q.filter((r) => r.STATUS === 'FAILED').map((r) => r.MSG_ID)).toEqual(gen.manifest.receiveFailures);
    expect(q.filter((r) => r.STATUS === 'PENDING').map((r) => r.MSG_ID)).toEqual(gen.manifest.receiveBacklog);
  });
});

describe('lsnrctl', () => {
  it('answers TNS-12541 / TNS-00511 when the listener is down, and start brings it up', async () => {
    const store = lab();
    store.update((s) => void (s.databases.coredb!.listenerUp = false));
    const down = await lsnrctl(store, ['status']);
    expect(down.exitCode).toBe(1);
    expect(down.stdout).toContain('TNS-12541: TNS:no listener\n TNS-12560: TNS:protocol adapter error\n  TNS-00511: No listener\n   IBM/AIX RISC System/6000 Error: 79: Connection refused');
    expect((await lsnrctl(store, ['start'])).exitCode).toBe(0);
    expect((await lsnrctl(store, ['status'])).stdout).toContain('The command completed successfully');
  });

  it('does not list services of a database under the db-down fault', async () => {
    const store = lab();
    store.update((s) => void s.faults.push({ name: 'db-down', target: 'coredb', since: NOW.toISOString() }));
    const r = await lsnrctl(store, ['status']);
    expect(r.stdout).not.toContain('sbfcore1');
    expect(r.stdout).toContain('Instance "sbfqz1", status READY');
  });
});
