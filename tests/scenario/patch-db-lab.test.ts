/**
 * An Oracle patch release end to end against the lab: coredb-dpbp-2026.11 plans the standby's host,
 * then the two RAC instances, then datapatch; apply shuts each instance down (OPatch refuses while
 * it runs), patches, starts it (the standby MOUNTED) and registers the SQL once on the primary;
 * re-plan is clean; `rollback --release` runs `datapatch -rollback … -force` and rolls the homes
 * back in reverse, the instances running again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import { runShell } from '../../src/lab/shell/index.js';
import { parseOpatchLsinventory } from '../../src/parsers/index.js';
import { CLI, startScenarioLab, type Lab } from './support.js';

const OH = '/oracle/app/oracle/product/19.0.0/dbhome_1';
const HOSTS = ['coredb-stby-01', 'coredb-01', 'coredb-02'];

describe.skipIf(!existsSync(CLI))('Oracle patch release against the lab', () => {
  let lab: Lab;
  const state = () => openLabStore(lab.dir).read();
  const ids = async (host: string): Promise<string[]> => {
    const r = await runShell(`${OH}/OPatch/opatch lsinventory`, { store: openLabStore(lab.dir), host, user: 'oracle', now: new Date(), env: {}, cwd: '/tmp' });
    const inv = parseOpatchLsinventory(r.stdout);
    if (!inv.ok) throw new Error(inv.error.message);
    return inv.value.patches.map((p) => p.id);
  };
  const instances = () => [...state().databases.coredb!.instances, ...state().databases['coredb-stby']!.instances].map((i) => `${i.sid}=${i.status}`);
  const registry = () => state().databases.coredb!.patches.filter((p) => p.id === '35787077').map((p) => p.action ?? 'APPLY');

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('plan, apply host by host and datapatch, re-plan clean, roll back', async () => {
    const file = join(lab.dir, 'db.plan.json');
    const p = await lab.cli('plan', '--env', 'lab', '--release', 'coredb-dpbp-2026.11', '--out', file);
    expect(p.code, p.stderr).toBe(0);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    expect(plan.steps.map((s) => s.address)).toEqual([
      ...HOSTS.map((h) => `lab/oracle:${h === 'coredb-stby-01' ? 'coredb-stby' : 'coredb'}/host:${h}/patch:35787077`), 'lab/oracle:coredb/patch:35787077',
    ]);
    expect(plan.steps.map((s) => s.disruption)).toEqual(['outage', 'brief', 'brief', 'none']);

    const a = await lab.cli('--now', '2026-11-28T22:00:00+08:00', 'apply', file, '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    for (const h of HOSTS) expect(await ids(h), h).toContain('35787077');
    expect(registry()).toEqual(['APPLY']);
    expect(instances()).toEqual(['SBFCORE1=OPEN', 'SBFCORE2=OPEN', 'SBFCORESB=MOUNTED']);
    expect(state().databases['coredb-stby']!.listenerUp).toBe(true);
    expect((await lab.cli('plan', '--env', 'lab', '--release', 'coredb-dpbp-2026.11', '--detailed-exitcode')).code).toBe(0);

    const rb = await lab.cli('--now', '2026-11-28T23:30:00+08:00', 'rollback', '--env', 'lab', '--release', 'coredb-dpbp-2026.11');
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    for (const h of HOSTS) expect(await ids(h), h).not.toContain('35787077');
    expect(registry()).toEqual(['APPLY', 'ROLLBACK']);
    expect(instances()).toEqual(['SBFCORE1=OPEN', 'SBFCORE2=OPEN', 'SBFCORESB=MOUNTED']);
  }, 300_000);
});
