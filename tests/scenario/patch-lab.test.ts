/**
 * WebLogic patch releases end to end against the lab (built CLI, in-process lab, temp git
 * repository). hall-wlspsu-2026.11 (OPatch, 12.2.1.4): plan one step per hall host → apply,
 * host by host with servers stopped and started (the admin host last) → `opatch lsinventory`
 * shows 31537019 on every host, servers RUNNING, re-plan has no changes → `rollback --release`
 * removes it again. A process left running from the home on the second host makes OPatch refuse
 * there: the apply fails (exit 1) and the first host is rolled back. core-wlspsu-2026.11 (BSU,
 * 10.3.6): the old PSU GFWX is replaced by B47X and comes back on rollback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import { runShell } from '../../src/lab/shell/index.js';
import { parseBsuView, parseOpatchLsinventory } from '../../src/parsers/index.js';
import { CLI, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const LATER = '2026-11-28T23:30:00+08:00';
const OH = '/weblogic/Oracle/Middleware/Oracle_Home';
const MW = '/weblogic/Oracle/Middleware';
const HALL_HOSTS = ['hall-web-01', 'hall-web-02', 'hall-web-03', 'hall-web-04', 'hall-web-05', 'hall-web-06', 'wls-admin-01'];

describe.skipIf(!existsSync(CLI))('WebLogic patch releases against the lab', () => {
  let lab: Lab;
  const store = () => openLabStore(lab.dir);
  const on = async (host: string, line: string) => runShell(line, { store: store(), host, user: 'weblogic', now: new Date(), env: {}, cwd: '/tmp' });
  const opatchIds = async (host: string): Promise<string[]> => {
    const inv = parseOpatchLsinventory((await on(host, `${OH}/OPatch/opatch lsinventory`)).stdout);
    if (!inv.ok) throw new Error(inv.error.message);
    return inv.value.patches.map((p) => p.id);
  };
  const bsuIds = async (host: string): Promise<string[]> => {
    const v = parseBsuView((await on(host, `cd ${MW}/utils/bsu && ./bsu.sh -prod_dir=${MW}/wlserver_10.3 -status=applied -verbose -view`)).stdout);
    if (!v.ok) throw new Error(v.error.message);
    return v.value.patches.map((p) => p.id);
  };
  const serverStates = (domain: string) => Object.values(store().read().domains[domain]!.servers).map((s) => `${s.name}=${s.state}/${s.health}`);
  const allRunning = (domain: string) => serverStates(domain).every((s) => s.endsWith('=RUNNING/HEALTH_OK'));
  const plan = async (release: string, name: string): Promise<Plan> => {
    const file = join(lab.dir, name);
    const p = await lab.cli('plan', '--env', 'lab', '--release', release, '--out', file);
    expect(p.code, p.stderr).toBe(0);
    return JSON.parse(readFileSync(file, 'utf8')) as Plan;
  };

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('OPatch on hall: one host at a time, every home patched, servers back; re-plan clean; rollback removes it', async () => {
    const p = await plan('hall-wlspsu-2026.11', 'hall.plan.json');
    expect(p.changes.filter((c) => c.action !== 'noop').map((c) => c.address)).toEqual(HALL_HOSTS.map((h) => `lab/weblogic:hall/host:${h}/patch:31537019`));
    expect(p.steps.map((s) => s.address)).toEqual(HALL_HOSTS.map((h) => `lab/weblogic:hall/host:${h}/patch:31537019`));
    expect(p.steps.at(-1)?.dependsOn).toHaveLength(6);
    expect(p.steps.at(-1)?.disruption).toBe('outage');
    expect(p.steps[0]?.disruption).toBe('brief');

    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'hall.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    for (const h of HALL_HOSTS) expect(await opatchIds(h), h).toContain('31537019');
    expect(allRunning('hall'), serverStates('hall').join(' ')).toBe(true);
    expect(store().read().hosts['hall-web-01']!.files[`${MW}/patches/p31537019_122140_Generic.zip`]).toBeDefined();

    const again = await lab.cli('plan', '--env', 'lab', '--release', 'hall-wlspsu-2026.11', '--detailed-exitcode');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/No changes/);

    const rb = await lab.cli('--now', LATER, 'rollback', '--env', 'lab', '--release', 'hall-wlspsu-2026.11');
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    for (const h of HALL_HOSTS) expect(await opatchIds(h), h).not.toContain('31537019');
    expect(allRunning('hall'), serverStates('hall').join(' ')).toBe(true);
  }, 300_000);

  it('OPatch refuses on the second host (a process runs from its home): exit 1, the first host rolled back', async () => {
    const fault = await lab.cli('lab', 'fault', 'home-busy', '--target', `hall-web-02:${OH}`);
    expect(fault.code, fault.stderr).toBe(0);
    await plan('hall-wlspsu-2026.11', 'hall-fail.plan.json');
    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'hall-fail.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(1);
    expect(`${a.stdout}\n${a.stderr}`).toMatch(/CheckActiveFilesAndExecutables/);
    expect(`${a.stdout}\n${a.stderr}`).toMatch(/error code 73/);
    expect(await opatchIds('hall-web-01')).not.toContain('31537019');
    expect(await opatchIds('hall-web-02')).not.toContain('31537019');
    expect(await opatchIds('hall-web-03')).not.toContain('31537019');
    expect(allRunning('hall'), serverStates('hall').join(' ')).toBe(true);
    expect((await lab.cli('lab', 'clear', 'home-busy')).code).toBe(0);
  }, 300_000);

  it('BSU on core: GFWX replaced by B47X on every host, restored by rollback', async () => {
    const hosts = ['core-svc-01', 'core-svc-02', 'core-svc-03', 'core-svc-04', 'core-svc-05', 'core-svc-06', 'wls-admin-01'];
    for (const h of hosts) expect(await bsuIds(h)).toEqual(['GFWX']);
    await plan('core-wlspsu-2026.11', 'core.plan.json');
    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'core.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    for (const h of hosts) expect(await bsuIds(h), h).toEqual(['B47X']);
    expect(allRunning('core'), serverStates('core').join(' ')).toBe(true);
    expect((await lab.cli('plan', '--env', 'lab', '--release', 'core-wlspsu-2026.11', '--detailed-exitcode')).code).toBe(0);

    const rb = await lab.cli('--now', LATER, 'rollback', '--env', 'lab', '--release', 'core-wlspsu-2026.11');
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    for (const h of hosts) expect(await bsuIds(h), h).toEqual(['GFWX']);
    expect(allRunning('core'), serverStates('core').join(' ')).toBe(true);
  }, 300_000);
});
