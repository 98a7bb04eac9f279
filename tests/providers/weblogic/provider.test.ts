// The WebLogic provider against the lab: hall/query over REST (12.2.1.4), core/bridge/receive
// through generated WLST scripts over real SSH on loopback (10.3.6). A fresh lab plans to no
// changes; each drift scenario shows up with its before/after and restart classification; a
// 500ing domain reads unknown on its own; apply of a live and a restart change converges; a
// failing activation leaves the domain as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Change, Plan } from '../../../src/core/index.js';
import { NOW, startWlsLab, type WlsLab } from './lab-fixture.js';

let lab: WlsLab;
beforeAll(async () => { lab = await startWlsLab(); }, 60_000);
afterAll(async () => { await lab?.stop(); });
afterEach(() => lab.clear());

const changed = (p: Plan, domain: string): Change[] => p.changes.filter((c) => c.action !== 'noop' && c.address.startsWith(`lab/weblogic:${domain}/`));

/** Releases stage their archives on the admin host before a deploy (the release engine's job). */
function stageArtifacts(domain: string): void {
  const d = lab.env.domains.find((x) => x.name === domain)!;
  lab.store.update((s) => {
    for (const app of d.deployments ?? []) s.hosts[d.admin.host]!.files[app.artifact.path] = { content: `archive ${app.name}\n`, mode: '0644', owner: 'weblogic', group: 'weblogic', mtime: NOW.toISOString() };
  });
}

async function applyPlan(p: Plan): Promise<string[]> {
  const outcomes: string[] = [];
  for (const step of p.steps) {
    const req = { env: 'lab', model: lab.env, step, fingerprints: p.fingerprints };
    await lab.provider.prepareInverse(req);
    const r = await lab.provider.apply(req);
    outcomes.push(`${step.id} ${r.outcome} ${r.message}`);
    if (r.outcome === 'failed') break;
  }
  return outcomes;
}

describe('read', () => {
  it('a fresh lab reads equal to desired for all five domains', async () => {
    const p = await lab.plan();
    expect(p.unknown).toEqual([]);
    expect(p.changes.filter((c) => c.action !== 'noop')).toEqual([]);
    for (const d of ['hall', 'core', 'bridge', 'receive', 'query']) expect(p.changes.some((c) => c.address.startsWith(`lab/weblogic:${d}/server:`))).toBe(true);
  }, 60_000);

  it('wls-500 makes only that domain unknown, with the reason', async () => {
    lab.scenario('wls-500', 'hall');
    const p = await lab.plan();
    expect(p.unknown.length).toBeGreaterThan(0);
    expect(p.unknown.every((u) => u.address.startsWith('lab/weblogic:hall/'))).toBe(true);
    expect(p.unknown[0]!.reason).toMatch(/500/);
    expect(p.changes.some((c) => c.address.startsWith('lab/weblogic:query/'))).toBe(true);
  }, 60_000);
});

describe.each([['hall', 'REST'], ['core', 'WLST']])('drift scenarios on %s (%s)', (domain) => {
  it('datasource-capacity: maxCapacity before/after, applied live', async () => {
    lab.scenario('datasource-capacity', domain);
    const [c] = changed(await lab.plan(), domain);
    expect(c?.type).toBe('datasource');
    const a = c!.attributes.find((x) => x.name === 'maxCapacity')!;
    expect(a.before).toBeLessThan(a.after as number);
    expect(c!.takesEffect).toBe('immediately');
  }, 60_000);

  it('jvm-heap: heapMaxMb before/after, needs a rolling restart', async () => {
    lab.scenario('jvm-heap', domain);
    const p = await lab.plan();
    const [c] = changed(p, domain);
    expect(c?.type).toBe('server');
    expect(c!.attributes.find((x) => x.name === 'heapMaxMb')).toBeDefined();
    expect(c!.takesEffect).toBe('after-restart');
    expect(p.steps.some((s) => s.action === 'restart' && s.address === c!.address)).toBe(true);
  }, 60_000);

  it('app-version: version before/after as a deploy step', async () => {
    lab.scenario('app-version', domain);
    const p = await lab.plan();
    const [c] = changed(p, domain);
    expect(c?.type).toBe('deployment');
    expect(String(c!.attributes.find((x) => x.name === 'version')!.before)).toMatch(/-hotfix1$/);
    expect(p.steps.find((s) => s.address === c!.address)?.action).toBe('deploy');
  }, 60_000);

  it('server-down: state SHUTDOWN → RUNNING, a start without restart', async () => {
    lab.scenario('server-down', domain);
    const [c] = changed(await lab.plan(), domain);
    expect(c!.attributes).toEqual([expect.objectContaining({ name: 'state', before: 'SHUTDOWN', after: 'RUNNING' })]);
    expect(c!.restart).toBeUndefined();
  }, 60_000);
});

describe.each([['hall'], ['core']])('apply on %s', (domain) => {
  it.each(['datasource-capacity', 'jvm-heap', 'server-down', 'app-version'])('%s: plan, apply every step, plan again = no changes', async (scenario) => {
    lab.scenario(scenario, domain);
    if (scenario === 'app-version') stageArtifacts(domain);
    const p = await lab.plan([`lab/weblogic:${domain}`]);
    expect(p.steps.length).toBeGreaterThan(0);
    const outcomes = await applyPlan(p);
    expect(outcomes.filter((o) => / failed /.test(o))).toEqual([]);
    if (scenario === 'jvm-heap') expect(outcomes.some((o) => o.startsWith('gate:'))).toBe(true);
    // The drift's record stays in the lab's list; what matters is the live state now equals desired.
    const again = await lab.plan([`lab/weblogic:${domain}`]);
    expect(changed(again, domain)).toEqual([]);
  }, 60_000);

  it('activation-fails: the step fails and the domain is left as it was', async () => {
    lab.scenario('datasource-capacity', domain);
    lab.scenario('activation-fails', domain);
    const before = structuredClone(lab.store.read().domains[domain]!.dataSources);
    const p = await lab.plan([`lab/weblogic:${domain}`]);
    const outcomes = await applyPlan(p);
    expect(outcomes[0]).toMatch(/ failed .*activation failed/);
    const d = lab.store.read().domains[domain]!;
    expect(d.dataSources).toEqual(before);
    expect(d.edit).toEqual({ lockedBy: null, pending: [] });
  }, 60_000);
});

describe('adopt', () => {
  it('proposes YAML edits that set the live value', async () => {
    lab.scenario('datasource-capacity', 'core');
    const desired = lab.provider.desired({ env: 'lab', model: lab.env }).resources;
    const p = await lab.plan(['lab/weblogic:core']);
    const c = changed(p, 'core')[0]!;
    const read = (await lab.provider.read({ env: 'lab', model: lab.env, addresses: [c.address] })).reads[0]!;
    const edits = lab.provider.adopt(read, desired.find((r) => r.address === c.address));
    expect(edits).toEqual([{ env: 'lab', kind: 'WeblogicDomain', name: 'core', path: ['dataSources', { key: 'name', value: c.address.split(':').at(-1) }, 'maxCapacity'], value: c.attributes[0]!.before }]);
  }, 60_000);
});
