/**
 * An application release end to end against the lab (built CLI, in-process lab, temp git
 * repository): `plan --release hall-2026.11.1` plans sbf-hall's deploy to 2026.11.1; apply stages
 * the committed WAR on the admin host by SFTP (binary-safe, checksum verified) and redeploys,
 * keeping 2026.10.1 as `previous`; `rollback --release` brings 2026.10.1 back.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import { fileBytes } from '../../src/lab/shell/vfs.js';
import { CLI, ROOT, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const RELEASE = 'hall-2026.11.1';
const WAR = readFileSync(join(ROOT, 'releases', RELEASE, 'sbf-hall-2026.11.1.war'));
const SHA = /sha256: ([0-9a-f]{64})/.exec(readFileSync(join(ROOT, 'releases', RELEASE, 'release.yaml'), 'utf8'))?.[1];
const TARGET = '/weblogic/releases/hall/sbf-hall-2026.11.1.war';

describe.skipIf(!existsSync(CLI))('application release against the lab', () => {
  let lab: Lab;
  const hall = () => openLabStore(lab.dir).read().domains.hall!;

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('the manifest sha256 is the committed WAR\'s', () => {
    expect(createHash('sha256').update(WAR).digest('hex')).toBe(SHA);
  });

  it('an unknown release: exit 1 naming it', async () => {
    const r = await lab.cli('plan', '--env', 'lab', '--release', 'no-such-release');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/release "no-such-release" has no manifest/);
  }, 60_000);

  it('plan, apply (archive staged with its sha256), then rollback to 2026.10.1', async () => {
    const file = join(lab.dir, 'release.plan.json');
    const p = await lab.cli('plan', '--env', 'lab', '--release', RELEASE, '--out', file);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/sbf-hall/);
    expect(p.stdout).toMatch(/2026\.11\.1/);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    expect(plan.release).toBe(RELEASE);
    const change = plan.changes.filter((c) => c.action !== 'noop');
    expect(change.map((c) => c.address)).toEqual(['lab/weblogic:hall/deployment:sbf-hall']);
    expect(JSON.stringify(change[0]?.attributes)).toMatch(/2026\.11\.1/);
    expect(hall().deployments['sbf-hall']?.version).toBe('2026.10.1');

    const a = await lab.cli('--now', IN_WINDOW, 'apply', file, '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    const d = hall();
    expect(d.deployments['sbf-hall']?.version).toBe('2026.11.1');
    expect(d.deployments['sbf-hall']?.sourcePath).toBe(TARGET);
    expect(d.deployments['sbf-hall']?.previous?.version).toBe('2026.10.1');
    const staged = openLabStore(lab.dir).read().hosts[d.adminHost]?.files[TARGET];
    expect(staged).toBeDefined();
    expect(fileBytes(staged!).equals(WAR)).toBe(true);
    expect(createHash('sha256').update(fileBytes(staged!)).digest('hex')).toBe(SHA);
    expect(d.deployments['sbf-hall']?.sha256).toBe(SHA);
    const leftovers = Object.keys(openLabStore(lab.dir).read().hosts[d.adminHost]?.files ?? {}).filter((f) => f.includes('.opsctl-'));
    expect(leftovers).toEqual([]);

    const rb = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    expect(hall().deployments['sbf-hall']?.version).toBe('2026.10.1');
    expect(hall().deployments['sbf-hall']?.sourcePath).toBe('/weblogic/releases/hall/sbf-hall-2026.10.1.war');
  }, 240_000);
});
