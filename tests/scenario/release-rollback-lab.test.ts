/**
 * Issue 5, gap 4: `rollback --env lab --release hall-2026.11.1` finds the release's apply in the
 * committed apply records (git history), not in .opsctl/: it works after .opsctl is deleted and
 * from a second `git clone`; it refuses, showing the difference, when the live state is no longer
 * what the apply left; and the rollback is itself recorded (Opsctl-Rollback-Of, rolled-back).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabStore } from '../../src/lab/index.js';
import { CLI, cliIn, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const IN_BLACKOUT = '2026-12-02T10:00:00+08:00';
const RELEASE = 'hall-2026.11.1';

describe.skipIf(!existsSync(CLI))('rollback --release from the committed apply records', () => {
  let lab: Lab;
  let n = 0;
  const deployed = () => openLabStore(lab.dir).read().domains.hall!.deployments['sbf-hall'];
  const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

  /** Plans and applies the release in `dir`; the lab then runs 2026.11.1. */
  async function applyRelease(dir: string): Promise<void> {
    const file = join(dir, `r${++n}.plan.json`);
    expect((await cliIn(dir, lab.outputs, 'plan', '--env', 'lab', '--release', RELEASE, '--out', file)).code).toBe(0);
    const a = await cliIn(dir, lab.outputs, '--now', IN_WINDOW, 'apply', file, '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    expect(deployed()?.version).toBe('2026.11.1');
  }

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('nothing applied yet: refused (exit 3) naming where it looked', async () => {
    const r = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/no committed record of a succeeded apply of hall-2026\.11\.1 in lab under reports\/lab\/applies/);
  }, 60_000);

  it('.opsctl deleted: the rollback is found in git, brings 2026.10.1 back, and is recorded', async () => {
    await applyRelease(lab.dir);
    const applied = git(lab.dir, 'log', '-1', '--format=%(trailers:key=Opsctl-Record,valueonly)').trim();
    rmSync(join(lab.dir, '.opsctl'), { recursive: true, force: true });

    const closed = await lab.cli('--now', IN_BLACKOUT, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(closed.code).toBe(3);
    expect(closed.stdout).toMatch(/no change may run in lab/);
    expect(deployed()?.version).toBe('2026.11.1');

    const rb = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    expect(deployed()?.version).toBe('2026.10.1');
    expect(deployed()?.sourcePath).toBe('/weblogic/releases/hall/sbf-hall-2026.10.1.war');

    const msg = git(lab.dir, 'log', '-1', '--format=%B');
    expect(msg).toMatch(new RegExp(`Opsctl-Rollback-Of: ${applied}`));
    expect(msg).toMatch(/Opsctl-Outcome: rolled-back/);
    expect(msg).toMatch(new RegExp(`Opsctl-Release: ${RELEASE}`));
    const folder = git(lab.dir, 'log', '-1', '--format=%(trailers:key=Opsctl-Record,valueonly)').trim();
    expect(folder).not.toBe(applied);
    const journal = readFileSync(join(lab.dir, folder, 'journal.jsonl'), 'utf8');
    expect(journal).toMatch(/"mode":"rollback-release"/);
    expect(journal).toMatch(/"type":"rolled-back"/);

    const again = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/already rolled back/);
  }, 240_000);

  it('from a second git clone (no .opsctl at all): rollback succeeds', async () => {
    await applyRelease(lab.dir);
    const clone = `${lab.dir}-clone`;
    execFileSync('git', ['clone', '-q', lab.dir, clone]);
    symlinkSync(join(lab.dir, '.lab'), join(clone, '.lab'));
    expect(existsSync(join(clone, '.opsctl'))).toBe(false);
    const rb = await cliIn(clone, lab.outputs, '--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    expect(deployed()?.version).toBe('2026.10.1');
    expect(git(clone, 'log', '-1', '--format=%B')).toMatch(/Opsctl-Outcome: rolled-back/);
  }, 240_000);

  it('changed by hand since the apply: refused (exit 3), each differing attribute shown', async () => {
    await applyRelease(lab.dir);
    expect((await lab.cli('lab', 'drift', 'app-version')).code).toBe(0);
    const hand = deployed()?.version;
    expect(hand).not.toBe('2026.11.1');
    const r = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/changed since release hall-2026\.11\.1 was applied/);
    expect(r.stdout).toContain(`lab/weblogic:hall/deployment:sbf-hall version: the apply left "2026.11.1", live now "${hand}"`);
    expect(deployed()?.version).toBe(hand);
    await lab.cli('lab', 'clear');
  }, 240_000);
});
