/**
 * Fixture-driven plans, one case per folder under tests/fixtures/core/. Each test opens with
 * the situation, asserts the facts that matter, and compares the whole plan with a committed
 * snapshot (plan.json) so any change in output is reviewed.
 */
import { describe, expect, it } from 'vitest';
import { hasChanges, isApplyable } from '../../../src/core/index.js';
import { renderPlanJson } from '../../../src/report/plan-json.js';
import { renderPlanText } from '../../../src/report/plan-text.js';
import { FIXTURES, ancestors, at, planCase, stepIds } from './fixture.js';

const CASES = ['host-tunables', 'oracle-spfile-rac', 'weblogic-rolling', 'ordering', 'prevent-destroy', 'ignore-changes', 'unknown-read', 'secrets'];

describe('plan snapshots', () => {
  for (const name of CASES) {
    it(`${name} matches its snapshot`, async () => {
      const plan = planCase(name);
      await expect(renderPlanJson(plan)).toMatchFileSnapshot(`${FIXTURES}${name}/plan.json`);
      await expect(renderPlanText(plan)).toMatchFileSnapshot(`${FIXTURES}${name}/plan.txt`);
    });
  }
});

describe('host', () => {
  // An AIX host whose `no -o` prints numbers as text; desired YAML has numbers.
  const plan = planCase('host-tunables');
  const change = (suffix: string) => plan.changes.find((c) => c.address.endsWith(suffix))!;

  it('treats "1048576" and 1048576 as equal, but not "0090" and 90', () => {
    expect(change('no.sb_max').action).toBe('noop');
    expect(change('vmo.maxperm').action).toBe('update');
  });
  it('updates the tunable with before → after', () => {
    expect(change('no.tcp_sendspace').attributes).toEqual([
      expect.objectContaining({ name: 'value', before: '131072', after: 262144, effect: 'live' }),
    ]);
  });
  it('creates the cron entry, updates only the changed file attribute, ignores a live-only cron (cron does not prune)', () => {
    expect(change('cron:log-rotate').action).toBe('create');
    expect(change('file:/etc/security/limits').attributes.map((a) => a.name)).toEqual(['sha256']);
    expect(plan.changes.some((c) => c.address.endsWith('old-cleanup'))).toBe(false);
  });
  it('records the live fingerprint of every change that is not noop, and only those', () => {
    const changed = plan.changes.filter((c) => c.action !== 'noop').map((c) => c.address).sort();
    expect(Object.keys(plan.fingerprints).sort()).toEqual(changed);
    expect(plan.fingerprints['lab/host:hall-web-01/cron:log-rotate']).toBe('fp:cron:absent');
  });
  it('has changes and is applyable', () => {
    expect(hasChanges(plan)).toBe(true);
    expect(isApplyable(plan)).toBe(true);
    expect(plan.summary).toEqual({ create: 1, update: 3, delete: 0, replace: 0, restart: 0, noop: 1, unknown: 0 });
  });
});

describe('oracle', () => {
  // RAC core database: processes is ISSYS_MODIFIABLE=FALSE (read live), open_cursors IMMEDIATE.
  const plan = planCase('oracle-spfile-rac');

  it('writes processes to the SPFILE and restarts each RAC instance, one at a time with a health gate', () => {
    const processes = plan.changes.find((c) => c.address.endsWith('parameter:processes'))!;
    expect(processes.takesEffect).toBe('after-restart');
    expect(processes.restart?.scope).toBe('instance');
    const ids = stepIds(plan);
    expect(ids.filter((id) => id.startsWith('restart:'))).toEqual(['restart:lab/oracle:coredb/instance:CORE1', 'restart:lab/oracle:coredb/instance:CORE2']);
    expect(at(plan, 'update:lab/oracle:coredb/parameter:processes')).toBeLessThan(at(plan, 'restart:lab/oracle:coredb/instance:CORE1'));
    const r2 = plan.steps.find((s) => s.id === 'restart:lab/oracle:coredb/instance:CORE2')!;
    expect(r2.dependsOn).toEqual(['gate:lab/oracle:coredb/instance:CORE1']);
    expect(plan.steps.find((s) => s.id === 'update:lab/oracle:coredb/parameter:processes')!.description).toContain('SCOPE=SPFILE');
    expect(r2.downtime).toBe('none — other RAC instances keep serving');
  });
  it('applies open_cursors live with no restart, and compares profile values across number/text', () => {
    expect(plan.changes.find((c) => c.address.endsWith('open_cursors'))!.restart).toBeUndefined();
    const profile = plan.changes.find((c) => c.address.endsWith('profile:SBF_APP'))!;
    expect(profile.attributes.map((a) => a.name)).toEqual(['passwordLifeTime']);
    expect(plan.summary.restart).toBe(2);
  });
});

describe('weblogic rolling restart', () => {
  // HallCluster has 6 servers; all need a heap change, which is non-dynamic.
  const plan = planCase('weblogic-rolling');
  const restarts = plan.steps.filter((s) => s.action === 'restart');

  it('produces 6 restart steps, each followed by a health gate, strictly serialized', () => {
    expect(restarts).toHaveLength(6);
    for (let i = 1; i <= 6; i++) {
      const member = `lab/weblogic:hall/server:HallServer${i}`;
      const r = plan.steps[at(plan, `restart:${member}`)]!;
      const gate = plan.steps[at(plan, `restart:${member}`) + 1]!;
      expect(gate).toMatchObject({ id: `gate:${member}`, action: 'run', description: 'health gate: wait until RUNNING and HEALTH_OK', dependsOn: [r.id] });
      expect(r.restart).toMatchObject({ kind: 'cluster', index: i, count: 6, size: 6, rolling: true });
      if (i > 1) expect(r.dependsOn).toEqual([`gate:lab/weblogic:hall/server:HallServer${i - 1}`]);
    }
    expect(restarts[0]!.description).toBe('restart: HallServer1 (rolling, HallCluster 1/6)');
    expect(restarts[0]!.downtime).toBe('none — cluster keeps serving');
  });
  it('never has two restarts of the cluster without a dependency path between them', () => {
    for (let i = 1; i < restarts.length; i++) expect(ancestors(plan, restarts[i]!.id).has(restarts[i - 1]!.id)).toBe(true);
  });
  it('restarts after the server config and deploys after the last health gate', () => {
    const first = at(plan, 'restart:lab/weblogic:hall/server:HallServer1');
    for (let i = 1; i <= 6; i++) expect(at(plan, `update:lab/weblogic:hall/server:HallServer${i}`)).toBeLessThan(first);
    const deploy = 'deploy:lab/weblogic:hall/deployment:sbf-hall';
    expect(ancestors(plan, deploy).has('gate:lab/weblogic:hall/server:HallServer6')).toBe(true);
    expect(plan.steps.find((s) => s.id === deploy)!.inverse).toEqual({ action: 'update', attributes: { sha256: 'd'.repeat(64), version: '3.1.4' } });
  });
  it('estimates each step and the total', () => {
    expect(plan.estimatedSeconds).toBe(plan.steps.reduce((s, x) => s + x.estimatedSeconds, 0));
    expect(plan.estimatedSeconds).toBeGreaterThan(6 * (240 + 120));
    expect(plan.criticalPathSeconds).toBeLessThanOrEqual(plan.estimatedSeconds);
  });
});

describe('ordering', () => {
  // New tablespace, user, data source, deployment; a work manager and a config row updated;
  // a data source and a config row removed from desired state.
  const plan = planCase('ordering');
  const pos = (id: string) => at(plan, id);

  it('runs host → database → config-table → data source → work manager → deployment', () => {
    const chain = [
      'update:lab/host:hall-web-01/tunable:no.tcp_recvspace',
      'create:lab/oracle:coredb/tablespace:SBF_DATA',
      'create:lab/oracle:coredb/user:SBF_APP',
      'update:lab/config-table:code-params/row:SBF_MAX_BATCH',
      'create:lab/weblogic:hall/datasource:NewDS',
      'update:lab/weblogic:hall/workmanager:HallWM',
      'deploy:lab/weblogic:hall/deployment:sbf-new',
    ];
    for (let i = 1; i < chain.length; i++) {
      expect(pos(chain[i - 1]!)).toBeLessThan(pos(chain[i]!));
      expect(ancestors(plan, chain[i]!).has(chain[i - 1]!)).toBe(true);
    }
  });
  it('deletes after every create/update, in reverse order: data source before config row', () => {
    const lastForward = pos('deploy:lab/weblogic:hall/deployment:sbf-new');
    expect(pos('delete:lab/weblogic:hall/datasource:OldDS')).toBeGreaterThan(lastForward);
    expect(pos('delete:lab/weblogic:hall/datasource:OldDS')).toBeLessThan(pos('delete:lab/config-table:code-params/row:SBF_OBSOLETE'));
    const del = plan.changes.find((c) => c.address.endsWith('OldDS'))!;
    expect(del.inverse).toEqual({ action: 'create', attributes: { jndiName: 'jdbc/old', maxCapacity: 20 } });
  });
});

describe('prevent-destroy', () => {
  const plan = planCase('prevent-destroy');

  it('errors the plan when a preventDestroy tablespace would be replaced, and gives it no step', () => {
    const ts = plan.changes.find((c) => c.address.endsWith('SBF_DATA'))!;
    expect(ts.action).toBe('replace');
    expect(ts.blocked).toMatch(/prevent-destroy/);
    expect(ts.reversible).toBe(false);
    expect(plan.errored).toBe(true);
    expect(isApplyable(plan)).toBe(false);
    expect(plan.steps.some((s) => s.address.endsWith('SBF_DATA'))).toBe(false);
    expect(plan.diagnostics.filter((d) => d.code === 'prevent-destroy').map((d) => d.address).sort()).toEqual([
      'lab/oracle:coredb/tablespace:SBF_DATA',
      'lab/oracle:coredb/user:LEGACY',
    ]);
  });
  it('keeps type-level protection for a live-only user no longer in the YAML', () => {
    expect(plan.changes.find((c) => c.address.endsWith('user:LEGACY'))).toMatchObject({ action: 'delete', blocked: expect.stringContaining('protected') });
  });
});

describe('ignoreChanges', () => {
  const plan = planCase('ignore-changes');

  it('skips ignored attributes (no restart) and plans the rest; "*" ignores everything', () => {
    const server = plan.changes.find((c) => c.address.endsWith('HallServer1'))!;
    expect(server.attributes.map((a) => a.name)).toEqual(['stuckThreadMaxTimeSeconds']);
    expect(server.restart).toBeUndefined();
    expect(plan.changes.find((c) => c.address.endsWith('HallWM'))!.action).toBe('noop');
    expect(plan.summary.restart).toBe(0);
  });
});

describe('unknown reads', () => {
  const plan = planCase('unknown-read');

  it('marks the plan incomplete and names each unknown address with its reason', () => {
    expect(plan.complete).toBe(false);
    expect(isApplyable(plan)).toBe(false);
    expect(plan.unknown.map((u) => u.address)).toEqual([
      'lab/host:hall-web-02/tunable:no.tcp_sendspace',
      'lab/host:hall-web-03/tunable:no.tcp_sendspace',
    ]);
    expect(plan.unknown[0]!.reason).toContain('unreachable');
    expect(plan.unknown[1]!.reason).toBe('no live read returned for this address');
    expect(plan.summary.unknown).toBe(2);
    expect(renderPlanText(plan)).toContain('INCOMPLETE');
  });
});
