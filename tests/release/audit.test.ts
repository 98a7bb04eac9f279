/** auditHistory: applies and approvals from git, filtered by address prefix, env, release and date. */
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';
import { approveRelease, auditHistory, commitApplyRecord, type ApplyAuditEntry } from '../../src/release/index.js';
import { at, estateRepo, plan } from './support.js';

const NAME = 'hall-2026.11.1';

async function history(): Promise<string> {
  const root = estateRepo();
  const release = loadRepository(root).model.releases.find((r) => r.name === NAME)!;
  await at('2026-11-20T22:30:00+08:00', () =>
    commitApplyRecord({ root, env: 'preprod', plan: plan('preprod', ['preprod/weblogic:hall/deployment:sbf-hall'], NAME), release, journal: [{ at: '2026-11-20T22:00:00+08:00' }], outcome: 'succeeded', applyId: 'p1' }),
  );
  await at('2026-11-21T10:00:00+08:00', () => approveRelease({ root, release: NAME, role: '主管部门', name: '甲', date: '2026-11-21' }));
  const approved = loadRepository(root).model.releases.find((r) => r.name === NAME)!;
  await at('2026-11-28T22:40:00+08:00', () =>
    commitApplyRecord({
      root, env: 'prod', plan: plan('prod', ['prod/weblogic:hall/deployment:sbf-hall', 'prod/host:hall-web-01/tunable:no.tcp_sendspace'], NAME), release: approved,
      journal: [{ at: '2026-11-28T22:00:00+08:00' }], outcome: 'succeeded', applyId: 'q1', breakGlass: '批扣故障',
    }),
  );
  return root;
}

describe('auditHistory', () => {
  it('answers who changed an address, when and why', async () => {
    const root = await history();
    const all = await auditHistory(root);
    expect(all.map((e) => e.kind)).toEqual(['apply', 'approval', 'apply']);
    const hall = (await auditHistory(root, { address: 'prod/weblogic:hall' })) as ApplyAuditEntry[];
    expect(hall).toHaveLength(1);
    expect(hall[0]).toMatchObject({
      kind: 'apply', env: 'prod', release: NAME, outcome: 'succeeded', breakGlass: '批扣故障', record: 'reports/prod/applies/2026-11-28-q1',
      matched: ['prod/weblogic:hall/deployment:sbf-hall'], author: { name: '运维 Tester', email: 'tester@opsctl.invalid' },
    });
    expect(hall[0]?.date).toBe('2026-11-28T22:40:00+08:00');
    expect(hall[0]?.approvals).toEqual([{ role: '主管部门', name: '甲' }]);
    expect(hall[0]?.detail?.plan.sha256).toBe(hall[0]?.planSha256);
    // an attribute address finds the apply that changed its object
    expect(await auditHistory(root, { address: 'prod/weblogic:hall/deployment:sbf-hall#version' })).toHaveLength(1);
    expect(await auditHistory(root, { address: 'prod/weblogic:hall2' })).toHaveLength(0);
  });

  it('filters by since (a Shanghai day), env and release', async () => {
    const root = await history();
    expect((await auditHistory(root, { since: '2026-11-21' })).map((e) => e.kind)).toEqual(['apply', 'approval']);
    expect(await auditHistory(root, { since: '2026-11-29' })).toEqual([]);
    const pre = await auditHistory(root, { env: 'preprod' });
    expect(pre.filter((e) => e.kind === 'apply').map((e) => (e as ApplyAuditEntry).env)).toEqual(['preprod']);
    expect(await auditHistory(root, { release: 'hall-2026.10.1' })).toEqual([]);
  });
});
