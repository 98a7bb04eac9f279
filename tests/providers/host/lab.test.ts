// The host provider against the lab over real SSH (ssh2 servers on 127.0.0.1): a reset lab reads
// equal to desired state; the kernel-param and file-content drifts are changes with the right
// before/after; each host is read in one exec (one batch script), and a failing section of it is
// unknown naming host and command while the rest is read; a host that is down is unknown with
// its name while the rest is read; applying a tunable, a file and cron changes, then re-reading,
// gives no changes; files are backed up first and undo puts the drifted values back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../src/core/index.js';
import type { Address } from '../../../src/model/address.js';
import { createConnections } from '../../../src/engine/connections.js';
import { applyScenario, clearScenarios, labEndpointsOf } from '../../../src/lab/index.js';
import { createHostProvider } from '../../../src/providers/host/index.js';
import { execCounter } from './exec-counter.js';
import { changed, planHosts } from './plan-helpers.js';
import { NOW, startHostLab, type HostLab } from './lab-fixture.js';

let lab: HostLab;
const plan = () => planHosts(lab.provider, 'lab', lab.env);
const request = (step: Step) => ({ env: 'lab', model: lab.env, step, fingerprints: {} });
const OVERRIDES = '/weblogic/domains/hall_domain/bin/setUserOverrides.sh';

beforeAll(async () => {
  lab = await startHostLab();
}, 60_000);
afterAll(async () => lab?.stop());

function drift(name: string, target?: string): void {
  lab.store.update((s) => applyScenario(s, name, { env: lab.env, ...(target ? { target } : {}) }));
}
function clear(): void {
  lab.store.update((s) => clearScenarios(s));
}

async function applyAll(steps: Step[]): Promise<Array<Record<string, unknown> | undefined>> {
  const undo: Array<Record<string, unknown> | undefined> = [];
  for (const step of steps) {
    const inv = await lab.provider.prepareInverse(request(step));
    expect(inv.diagnostics).toEqual([]);
    undo.push(inv.undo);
    const res = await lab.provider.apply(request(step));
    expect(res.outcome, res.message).toBe('applied');
    expect(await lab.provider.verify(request(step))).toMatchObject({ status: 'healthy' });
  }
  return undo;
}

describe('host provider against the lab', () => {
  it('reads a reset lab as equal to desired state (no changes, complete)', async () => {
    const p = await plan();
    expect(p.unknown).toEqual([]);
    expect(changed(p)).toEqual([]);
    expect(p.summary.noop).toBeGreaterThan(700);
    expect(p.complete).toBe(true);
  }, 60_000);

  it('sees the kernel-param drift with before and after, applied live', async () => {
    drift('kernel-param', 'hall-web-01:tcp_sendspace');
    try {
      const [c, ...rest] = changed(await plan());
      expect(rest).toEqual([]);
      expect(c).toMatchObject({ address: 'lab/host:hall-web-01/tunable:no.tcp_sendspace', action: 'update', takesEffect: 'immediately', reversible: true });
      expect(c?.attributes).toEqual([expect.objectContaining({ name: 'value', before: '524288', after: '262144', effect: 'live' })]);
    } finally {
      clear();
    }
  }, 60_000);

  it('sees the file-content drift as a content change that restarts the cluster members on the host', async () => {
    drift('file-content', `hall-web-01:${OVERRIDES}`);
    try {
      const [c, ...rest] = changed(await plan());
      expect(rest).toEqual([]);
      expect(c).toMatchObject({ address: `lab/host:hall-web-01/file:${OVERRIDES}`, action: 'update', takesEffect: 'after-restart' });
      expect(c?.attributes.map((a) => a.name)).toEqual(['sha256']);
      expect(c?.attributes[0]?.before).not.toEqual(c?.attributes[0]?.after);
      expect(c?.restart?.scope).toBe('server');
      expect(c?.restart?.groups[0]?.group).toBe('lab/weblogic:hall/cluster:HallCluster');
    } finally {
      clear();
    }
  }, 60_000);

  it('reads each host in ONE exec; a failing section is unknown naming host and command, the rest is read', async () => {
    const counter = execCounter();
    const conns = createConnections({ root: lab.root, model: lab.env, endpoints: labEndpointsOf(lab.handle), now: () => NOW, concurrency: 16, poolOptions: { connect: counter.connect } });
    try {
      const provider = createHostProvider(conns.context);
      const desired = provider.desired({ env: 'lab', model: lab.env }).resources.map((r) => r.address);
      // hall-web-01 is AIX: its batch gets a `sysctl` section, which the AIX shell does not know.
      const extra = 'lab/host:hall-web-01/tunable:sysctl.vm.swappiness' as Address;
      const r = await provider.read({ env: 'lab', model: lab.env, addresses: [...desired, extra] });
      const hosts = new Set(desired.map((a) => a.split('/')[1]));
      expect(hosts.size).toBeGreaterThan(20);
      expect(counter.connections.map((c) => c.length)).toEqual([...hosts].map(() => 1));
      const bad = r.reads.find((x) => x.address === extra);
      expect(bad?.status).toBe('unknown');
      expect(bad?.reason).toMatch(/^sysctl on hall-web-01 exited 127: .*not found/);
      expect(r.reads.filter((x) => x.status === 'unknown').map((x) => x.address)).toEqual([extra]);
      expect(r.reads.filter((x) => x.address.startsWith('lab/host:hall-web-01/') && x.status === 'present').length).toBeGreaterThan(10);
    } finally {
      await conns.close();
    }
  }, 60_000);

  it('makes every address of a host that is down unknown, naming it, and reads the others', async () => {
    await lab.conns.close();
    lab.store.update((s) => applyScenario(s, 'host-down', { target: 'hall-web-02' }, 'fault'));
    try {
      const p = await plan();
      expect(p.unknown.length).toBeGreaterThan(10);
      expect(p.unknown.every((u) => u.address.startsWith('lab/host:hall-web-02/') && u.reason.includes('hall-web-02'))).toBe(true);
      expect(p.complete).toBe(false);
      expect(p.changes.filter((c) => c.address.startsWith('lab/host:hall-web-01/')).length).toBeGreaterThan(10);
      expect(changed(p)).toEqual([]);
    } finally {
      clear();
      await lab.conns.close();
    }
  }, 60_000);

  it('applies a tunable and a file change, backs the file up first, and re-reads equal to desired', async () => {
    drift('kernel-param', 'core-svc-01:tcp_sendspace');
    drift('file-content', 'core-svc-01:/etc/motd');
    const before = await plan();
    expect(changed(before).map((c) => c.address)).toEqual(['lab/host:core-svc-01/file:/etc/motd', 'lab/host:core-svc-01/tunable:no.tcp_sendspace']);
    const drifted = lab.store.read().hosts['core-svc-01']!.files['/etc/motd']!.content;
    const undo = await applyAll(before.steps);
    const backup = undo.map((u) => u?.['backup']).find((b) => typeof b === 'string') as string;
    expect(backup).toBe('/etc/motd.opsctl-bak-20261128T140000Z');
    const host = lab.store.read().hosts['core-svc-01']!;
    expect(host.files[backup]?.content).toBe(drifted);
    expect(host.files['/etc/motd']?.mode).toBe('0644');
    expect(host.files['/etc/motd']?.owner).toBe('root');
    expect(Object.keys(host.files).filter((f) => f.includes('opsctl-new') || f.startsWith('/tmp/opsctl-'))).toEqual([]);
    expect(changed(await plan())).toEqual([]);
    lab.store.update((s) => { s.drifts = []; });
  }, 60_000);

  it('rolls back an applied file and tunable change from what prepareInverse captured', async () => {
    drift('kernel-param', 'bridge-01:tcp_sendspace');
    drift('file-content', 'bridge-01:/etc/motd');
    const before = await plan();
    const inverses = [];
    for (const step of before.steps) {
      const inv = await lab.provider.prepareInverse(request(step));
      inverses.push({ step, inv });
      expect((await lab.provider.apply(request(step))).outcome).toBe('applied');
    }
    expect(changed(await plan())).toEqual([]);
    for (const { step, inv } of inverses.reverse()) {
      const rollback = { of: step, ...(inv.inverse ? { inverse: inv.inverse } : {}), ...(inv.undo ? { undo: inv.undo } : {}) };
      const res = await lab.provider.rollback({ ...request({ ...step, id: `rollback:${step.id}` }), rollback });
      expect(res.outcome, res.message).toBe('applied');
    }
    const again = await plan();
    expect(changed(again).map((c) => [c.address, c.attributes.map((a) => a.before)])).toEqual(changed(before).map((c) => [c.address, c.attributes.map((a) => a.before)]));
    clear();
  }, 60_000);

  it('updates a hand-edited cron entry and prunes a stale marked one', async () => {
    lab.store.update((s) => {
      const tab = s.hosts['receive-01']!.crontab['root']!;
      const i = tab.indexOf('# opsctl: skulker');
      tab[i + 1] = '30 4 * * * /usr/sbin/skulker >/dev/null 2>&1';
      tab.push('# opsctl: old-report', '0 5 * * * /usr/local/bin/old-report.sh');
    });
    const before = changed(await plan());
    expect(before.map((c) => [c.address, c.action])).toEqual([
      ['lab/host:receive-01/cron:old-report', 'delete'],
      ['lab/host:receive-01/cron:skulker', 'update'],
    ]);
    expect(before[1]?.attributes).toEqual([expect.objectContaining({ name: 'schedule', before: '30 4 * * *', after: '0 3 * * *' })]);
    await applyAll((await plan()).steps);
    expect(changed(await plan())).toEqual([]);
    const tab = lab.store.read().hosts['receive-01']!.crontab['root']!;
    expect(tab).toContain('0 3 * * * /usr/sbin/skulker >/dev/null 2>&1');
    expect(tab.some((l) => l.includes('old-report'))).toBe(false);
    expect(tab).toContain('0 3 * * * /usr/sbin/skulker >/dev/null 2>&1');
  }, 60_000);
});
