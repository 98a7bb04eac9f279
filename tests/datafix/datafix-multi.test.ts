// A data fix with several changes on two tables (DELETE, UPDATE, INSERT) against the lab, in
// process through the real sqlplus transport: one transaction (a failing guard in the middle
// leaves every table as it was), a before-image per table, and a rollback that restores all of
// them byte-identical and removes the inserted row; also UPDATE then DELETE of the same row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDataFix, imageCsv, planDataFix, rollbackDataFix, sha256, type DataFixSession } from '../../src/datafix/index.js';
import type { DataFix } from '../../src/model/index.js';
import { hasTransactions } from '../../src/transport/oracle.js';
import { connectLabCopy, labCopy, type LabConnection, type LabCopy } from '../support/lab-repo.js';
import type { LabRow } from '../reconcile/support.js';

const NOW = new Date('2026-12-03T10:00:00+08:00');
const DUP = '313020261000000027';
const SHORT = '313020261000000054';
const MISSING = '313020261000000077';

describe('a data fix of several changes on several tables (lab, in process)', () => {
  let copy: LabCopy;
  let c: LabConnection;
  let s: DataFixSession;
  let fix: DataFix;
  let n = 0;
  const opts = (): { env: string; vault: string; now: Date } => ({ env: 'lab', vault: join(copy.root, '.opsctl', 'datafix'), now: new Date(NOW.getTime() + 1000 * n++) });
  const table = (name: string): LabRow[] => copy.store.read().databases['coredb']!.tables[name]!.rows;
  const rk = (): LabRow[] => table('SBF.SBF_RK').filter((r) => [DUP, SHORT, MISSING].includes(String(r.VOUCHER_NO))).sort((a, b) => String(a.FEEDBACK_ID).localeCompare(String(b.FEEDBACK_ID)));
  const jk = (): LabRow[] => table('SBF.SBF_JK').filter((r) => r.VOUCHER_NO === SHORT);
  const approved = (f: DataFix): DataFix => ({ ...f, approvals: f.requiredApprovals.map((role, i) => ({ role, name: `审批人${i}`, date: '2026-12-03' })) });

  beforeAll(async () => {
    copy = labCopy('datafix-multi', NOW);
    c = await connectLabCopy(copy, NOW);
    const session = await c.conn.context.oracle('coredb');
    if (!hasTransactions(session)) throw new Error('no transactions');
    s = session as unknown as DataFixSession;
    fix = approved(copy.model.dataFixes.find((f) => f.name === 'treasury-2026-10-corrections')!);
  }, 60_000);
  afterAll(async () => c?.close());

  it('plans: every change counted, a before-image per table (masked), the rollback of all of them', async () => {
    const run = await planDataFix(fix, s, opts());
    expect(run.message).toBe('ready to apply: counts as expected, approvals complete');
    expect(run.tables).toEqual(['SBF.SBF_RK', 'SBF.SBF_JK']);
    expect(run.changes.map((x) => [x.verb, x.table, x.expectRows, x.affected])).toEqual([['DELETE', 'SBF.SBF_RK', 1, 1], ['UPDATE', 'SBF.SBF_JK', 1, 1], ['INSERT', 'SBF.SBF_RK', 1, 1]]);
    expect(run.rows!.map((t) => [t.table, t.count])).toEqual([['SBF.SBF_RK', 1], ['SBF.SBF_JK', 1]]);
    expect(String(run.rows![1]!.rows[0]!.ID_NO)).toMatch(/^\S\*+\S$/);
    expect(run.rollback.statements).toBe(3);
    expect(run.rollback.example).toMatch(/^INSERT INTO SBF\.SBF_RK /);
  }, 60_000);

  it('one transaction: a guard failing at the third change leaves both tables as they were', async () => {
    const [rkBefore, jkBefore] = [rk(), jk()];
    // Someone inserts the missing feedback between the read and the transaction.
    const racing: DataFixSession = {
      query: (sql, binds) => s.query(sql, binds),
      transaction: async (statements) => {
        copy.store.update((st) => { st.databases['coredb']!.tables['SBF.SBF_RK']!.rows.push({ ...rkBefore.find((r) => r.VOUCHER_NO === DUP)!, FEEDBACK_ID: 'RK90000001', VOUCHER_NO: MISSING }); });
        return s.transaction(statements);
      },
    };
    const run = await applyDataFix(fix, racing, opts());
    expect(run.outcome).toBe('failed');
    expect(run.message).toBe('rolled back, nothing changed: a count check inside the transaction failed');
    expect(jk()).toEqual(jkBefore);
    expect(rk().filter((r) => r.FEEDBACK_ID !== 'RK90000001')).toEqual(rkBefore);
    copy.store.update((st) => { const t = st.databases['coredb']!.tables['SBF.SBF_RK']!; t.rows = t.rows.filter((r) => r.FEEDBACK_ID !== 'RK90000001'); });
  }, 60_000);

  it('a row that entered a change\'s WHERE after the read is outside the before-image: refused inside the transaction', async () => {
    const jkBefore = jk();
    const twoRows = approved({ ...fix, name: 'rk-two', preCheck: { sql: 'SELECT COUNT(*) FROM SBF.SBF_RK WHERE VOUCHER_NO = :v', binds: { v: DUP }, expectCount: 2 },
      changes: [{ table: fix.changes[0]!.table, sql: 'UPDATE SBF.SBF_RK SET TREASURY_CODE = :t WHERE VOUCHER_NO = :v', binds: { v: DUP, t: '0000000000' }, expectRows: 2 }, fix.changes[1]!],
      postCheck: { sql: 'SELECT COUNT(*) FROM SBF.SBF_RK WHERE TREASURY_CODE = :t', binds: { t: '0000000000' }, expectCount: 2 } });
    // Between the read and the transaction one imaged row goes and another with the voucher comes: the count is still 2.
    const swapping: DataFixSession = {
      query: (sql, binds) => s.query(sql, binds),
      transaction: async (statements) => {
        copy.store.update((st) => {
          const t = st.databases['coredb']!.tables['SBF.SBF_RK']!;
          const i = t.rows.findIndex((r) => r.FEEDBACK_ID === 'RK00001044');
          t.rows[i] = { ...t.rows[i]!, FEEDBACK_ID: 'RK90000002' };
        });
        return s.transaction(statements);
      },
    };
    const run = await applyDataFix(twoRows, swapping, opts());
    expect(run.message).toBe('rolled back, nothing changed: a count check inside the transaction failed');
    expect(jk()).toEqual(jkBefore);
    copy.store.update((st) => { const r = st.databases['coredb']!.tables['SBF.SBF_RK']!.rows.find((x) => x.FEEDBACK_ID === 'RK90000002')!; r.FEEDBACK_ID = 'RK00001044'; });
  }, 60_000);

  it('applies all three changes in one transaction, then rolls every table back byte-identical', async () => {
    const [rkBefore, jkBefore] = [rk(), jk()];
    const applied = await applyDataFix(fix, s, opts());
    expect(applied.outcome, applied.message).toBe('applied');
    expect(applied.changes.map((x) => x.rowsAffected)).toEqual([1, 1, 1]);
    expect(rk().filter((r) => r.VOUCHER_NO === DUP).map((r) => r.FEEDBACK_ID)).toEqual(['RK00000963']);
    expect(rk().find((r) => r.VOUCHER_NO === MISSING)).toMatchObject({ FEEDBACK_ID: 'RK90000001', AMOUNT_FEN: 374952, TXN_TYPE: '入库' });
    expect(jk()[0]!.AMOUNT_FEN).toBe(2994580);
    // The vault: one canonical CSV per table, each sha256 in the run; the CSVs hold the exact values.
    const image = applied.beforeImage!;
    expect(image.tables.map((t) => [t.table, t.rows, t.inserted])).toEqual([['SBF.SBF_RK', 1, 1], ['SBF.SBF_JK', 1, 0]]);
    const jkCsv = readFileSync(join(image.vault, 'SBF.SBF_JK.csv'), 'utf8');
    expect(sha256(jkCsv)).toBe(image.tables[1]!.sha256);
    expect(jkCsv).toBe(imageCsv({ columns: Object.keys(jkBefore[0]!), rows: jkBefore as never }));
    expect(JSON.stringify(applied.rows)).not.toContain(String(jkBefore[0]!.ID_NO));

    const back = await rollbackDataFix(fix, s, opts());
    expect(back.outcome, back.message).toBe('rolled-back');
    expect(back.message).toMatch(/^rolled back: 2 rows in 2 table\(s\) byte-identical to the before-image, 1 inserted row\(s\) removed/);
    expect(back.beforeImage!.sha256).toBe(image.sha256);
    expect(rk()).toEqual(rkBefore);
    expect(jk()).toEqual(jkBefore);
  }, 120_000);

  it('an UPDATE then a DELETE of the same row: the rollback puts the row back as it was before both', async () => {
    const rkBefore = rk();
    const same = approved({ ...fix, name: 'rk-update-delete', preCheck: fix.preCheck,
      changes: [
        { table: fix.changes[0]!.table, sql: 'UPDATE SBF.SBF_RK SET TREASURY_CODE = :t WHERE FEEDBACK_ID = :f', binds: { f: 'RK00001044', t: '0000000000' }, expectRows: 1 },
        { table: fix.changes[0]!.table, sql: 'DELETE FROM SBF.SBF_RK WHERE FEEDBACK_ID = :f', binds: { f: 'RK00001044' }, expectRows: 1 },
      ],
      postCheck: { sql: 'SELECT COUNT(*) FROM SBF.SBF_RK WHERE VOUCHER_NO = :v', binds: { v: DUP }, expectCount: 1 } });
    const planned = await planDataFix(same, s, opts());
    expect(planned.rows![0]!.count).toBe(1);
    expect(planned.rollback.statements).toBe(1);
    expect(planned.rollback.example).toMatch(/^INSERT INTO SBF\.SBF_RK /);
    expect((await applyDataFix(same, s, opts())).outcome).toBe('applied');
    expect(rk().some((r) => r.FEEDBACK_ID === 'RK00001044')).toBe(false);
    const back = await rollbackDataFix(same, s, opts());
    expect(back.outcome, back.message).toBe('rolled-back');
    expect(rk()).toEqual(rkBefore);
  }, 120_000);
});
