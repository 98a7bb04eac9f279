// The Oracle and config-table providers against the lab's sqlplus over real SSH on 127.0.0.1:
// a fresh lab plans no changes; drifts are seen with the right effect; apply then re-read
// equals desired; db-down makes only that database unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScenario, clearScenarios } from '../../../src/lab/index.js';
import { applyPlan, planOf, startTestLab, type TestLab } from './lab-support.js';

let lab: TestLab;
beforeAll(async () => {
  lab = await startTestLab();
}, 60_000);
afterAll(async () => {
  await lab?.stop();
});

const changed = (plan: Awaited<ReturnType<typeof planOf>>) => plan.changes.filter((c) => c.action !== 'noop');

describe('fresh lab', () => {
  it('reads every database and config table equal to desired', async () => {
    const { context } = lab.connections();
    const plan = await planOf(context);
    expect(plan.unknown).toEqual([]);
    expect(changed(plan)).toEqual([]);
    expect(plan.steps).toEqual([]);
    expect(plan.complete).toBe(true);
    const addresses = plan.changes.map((c) => c.address);
    expect(addresses).toContain('lab/oracle:coredb/parameter:open_cursors');
    expect(addresses).toContain('lab/oracle:coredb-stby/parameter:processes');
    expect(addresses).toContain('lab/oracle:opsdb/tablespace:OPS_DATA');
    expect(addresses).toContain('lab/oracle:opsdb/scheduler-job:JOB_PURGE_HISTORY');
    expect(addresses).toContain('lab/config-table:code-parameter/row:CSBM=PK_ZDBS_MAX');
  }, 120_000);
});

describe('drift, apply, re-read', () => {
  it('init-parameter open_cursors: a live change, applied with SCOPE=BOTH, then no changes', async () => {
    lab.store.update((s) => applyScenario(s, 'init-parameter', { target: 'coredb', now: new Date() }));
    const { context } = lab.connections();
    const plan = await planOf(context, ['lab/oracle:coredb']);
    const [c] = changed(plan);
    expect(c).toMatchObject({ address: 'lab/oracle:coredb/parameter:open_cursors', action: 'update', takesEffect: 'immediately', attributes: [{ name: 'value', before: 500, after: 1000, effect: 'live' }] });
    expect(plan.steps.map((s) => s.id)).toEqual(['update:lab/oracle:coredb/parameter:open_cursors']);
    await applyPlan(context, plan);
    expect(changed(await planOf(context))).toEqual([]);
    lab.store.update((s) => clearScenarios(s, { name: 'init-parameter' }));
  }, 120_000);

  it('init-parameter processes on RAC: SCOPE=SPFILE and each instance restarted in turn', async () => {
    lab.store.update((s) => applyScenario(s, 'init-parameter', { target: 'coredb/processes', now: new Date() }));
    const { context } = lab.connections();
    const plan = await planOf(context, ['lab/oracle:coredb']);
    const [c] = changed(plan);
    expect(c).toMatchObject({ address: 'lab/oracle:coredb/parameter:processes', takesEffect: 'after-restart', attributes: [{ name: 'value', before: 1500, after: 3000, effect: 'restart' }] });
    expect(plan.steps.map((s) => s.id)).toEqual([
      'update:lab/oracle:coredb/parameter:processes',
      'restart:lab/oracle:coredb/instance:SBFCORE1', 'gate:lab/oracle:coredb/instance:SBFCORE1',
      'restart:lab/oracle:coredb/instance:SBFCORE2', 'gate:lab/oracle:coredb/instance:SBFCORE2',
    ]);
    expect(plan.steps[1]).toMatchObject({ downtime: 'none — other RAC instances keep serving', restart: { index: 1, count: 2, rolling: true } });
    const log = await applyPlan(context, plan);
    expect(log[0]).toMatch(/set in the SPFILE/);
    expect(log.join('\n')).toMatch(/gate:lab\/oracle:coredb\/instance:SBFCORE2: verify healthy SBFCORE2 is OPEN; processes as desired/);
    expect(changed(await planOf(context))).toEqual([]);
    lab.store.update((s) => clearScenarios(s, { name: 'init-parameter' }));
  }, 120_000);

  it('tablespace-full (autoextend switched off, files 97% full): autoextend is planned back on and applied live', async () => {
    lab.store.update((s) => applyScenario(s, 'tablespace-full', { target: 'coredb', now: new Date() }));
    const { context } = lab.connections();
    const plan = await planOf(context, ['lab/oracle:coredb']);
    expect(plan.unknown).toEqual([]);
    expect(changed(plan).map((c) => [c.address, c.attributes.filter((a) => a.name === 'autoextend').map((a) => [a.before, a.after, a.effect])])).toEqual([
      ['lab/oracle:coredb/tablespace:SBF_DATA', [[false, true, 'live']]],
    ]);
    await applyPlan(context, plan);
    expect(changed(await planOf(context, ['lab/oracle:coredb']))).toEqual([]);
    expect(lab.store.read().databases.coredb!.tablespaces.SBF_DATA!.datafiles.every((f) => f.autoextend)).toBe(true);
    lab.store.update((s) => clearScenarios(s, { name: 'tablespace-full' }));
  }, 120_000);

  it('a config-table row edited by hand is seen and applied back', async () => {
    lab.store.update((s) => {
      const t = s.databases.coredb!.tables['SBF.T_XT_DMCS']!;
      t.rows.find((r) => r.CSBM === 'PK_SFKQ')!.CSZ = '0';
    });
    const { context } = lab.connections();
    const plan = await planOf(context, ['lab/config-table:code-parameter']);
    expect(changed(plan)).toMatchObject([{ address: 'lab/config-table:code-parameter/row:CSBM=PK_SFKQ', action: 'update', attributes: [{ name: 'CSZ', before: '0', after: '1' }] }]);
    await applyPlan(context, plan);
    expect(changed(await planOf(context, ['lab/config-table:code-parameter']))).toEqual([]);
  }, 120_000);

  it("a value with quotes and SQL in it round-trips exactly through binds", async () => {
    const { context } = lab.connections();
    const evil = "'; DROP TABLE x; -- & 50% \"q\" :k0";
    const table = context.model.configTables.find((t) => t.name === 'code-parameter')!;
    table.rows.find((r) => r.CSBM === 'ZNJ_BL')!.BZ = evil;
    table.rows.push({ CSBM: 'A/B,C=D #1', CSMC: "it's new", CSZ: '7', YXBZ: 'Y', BZ: null });
    const plan = await planOf(context, ['lab/config-table:code-parameter']);
    expect(changed(plan).map((c) => `${c.action} ${c.address}`)).toEqual([
      'create lab/config-table:code-parameter/row:CSBM=A%2FB%2CC%3DD%20%231',
      'update lab/config-table:code-parameter/row:CSBM=ZNJ_BL',
    ]);
    await applyPlan(context, plan);
    expect(changed(await planOf(context, ['lab/config-table:code-parameter']))).toEqual([]);
    const rows = lab.store.read().databases.coredb!.tables['SBF.T_XT_DMCS']!.rows;
    expect(rows.find((r) => r.CSBM === 'ZNJ_BL')!.BZ).toBe(evil);
    expect(rows.find((r) => r.CSBM === 'A/B,C=D #1')!.CSMC).toBe("it's new");
  }, 120_000);
});

describe('db-down', () => {
  it('makes only that database unknown, naming ORA-01034', async () => {
    lab.store.update((s) => applyScenario(s, 'db-down', { target: 'querydb', now: new Date() }));
    try {
      const { context } = lab.connections();
      const plan = await planOf(context);
      expect(plan.complete).toBe(false);
      expect(plan.unknown.length).toBeGreaterThan(0);
      expect(new Set(plan.unknown.map((u) => u.address.split('/')[1]))).toEqual(new Set(['oracle:querydb']));
      for (const u of plan.unknown) expect(u.reason).toMatch(/^database querydb: ORA-01034: ORACLE not available/);
      expect(plan.changes.some((c) => c.address.startsWith('lab/oracle:coredb/'))).toBe(true);
    } finally {
      lab.store.update((s) => clearScenarios(s, { name: 'db-down' }));
    }
  }, 120_000);
});
