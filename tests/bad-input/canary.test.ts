/**
 * Bad input (issue 8 item 3): the canary sweep. The scenario lab (tests/scenario/support.ts)
 * plants canary passwords in .lab/secrets (WebLogic, Oracle) and an env: reference (CoreDS's
 * credential); every command an engineer runs against the lab is run once — validate, plan in
 * every format and --out, drift, apply (a drift repaired), inspect --commit, reconcile --commit,
 * the password-rotation runbook (dry), the monthly report, audit — and then every stdout/stderr,
 * every file under reports/ and .opsctl/, and the whole `git log -p --all` are searched for each
 * canary (verbatim, and base64/hex encoded). None may appear.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY, CLI, startScenarioLab, type Lab, type Run } from '../scenario/support.js';
import { filesUnder, leakFinder } from '../support/leaks.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const AFTER_PERIOD = '2026-12-03T10:00:00+08:00';

const leaks = leakFinder(CANARY);

describe.skipIf(!existsSync(CLI))('canary secrets never leave the secret store (built CLI, in-process lab, temp git repository)', () => {
  let lab: Lab;
  const runs: Array<{ args: string[]; run: Run }> = [];
  async function cli(...args: string[]): Promise<Run> {
    const run = await lab.cli(...args);
    runs.push({ args, run });
    return run;
  }
  const show = (r: Run) => `${r.stdout}\n${r.stderr}`;

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('every command runs (so the sweep is not vacuous)', async () => {
    expect((await cli('validate')).code).toBe(0);
    // A drift on the data source whose credential is the env: canary, so plan/apply handle it.
    expect((await cli('lab', 'drift', 'datasource-capacity')).code).toBe(0);

    const text = await cli('plan', '--env', 'lab', '--detailed-exitcode');
    expect(text.code, show(text)).toBe(2);
    expect(text.stdout).toMatch(/datasource:CoreDS/);
    const json = await cli('plan', '--env', 'lab', '--format', 'json');
    expect(json.code, show(json)).toBe(0);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    const md = await cli('plan', '--env', 'lab', '--format', 'markdown');
    expect(md.code, show(md)).toBe(0);
    const planFile = join(lab.dir, 'canary.plan.json');
    const out = await cli('plan', '--env', 'lab', '--out', planFile);
    expect(out.code, show(out)).toBe(0);
    expect(existsSync(planFile)).toBe(true);

    const drift = await cli('drift', '--env', 'lab');
    expect([0, 2], show(drift)).toContain(drift.code);
    expect(drift.stdout).toMatch(/CoreDS/);

    const apply = await cli('--now', IN_WINDOW, 'apply', planFile, '--yes');
    expect(apply.code, show(apply)).toBe(0);
    const replan = await cli('plan', '--env', 'lab', '--detailed-exitcode');
    expect(replan.code, show(replan)).toBe(0);

    const inspect = await cli('inspect', '--env', 'lab', '--commit');
    expect([0, 2], show(inspect)).toContain(inspect.code);
    const reconcile = await cli('--now', AFTER_PERIOD, 'reconcile', '--env', 'lab', '--period', '2026-11', '--commit');
    expect([0, 2], show(reconcile)).toContain(reconcile.code);
    const rotation = await cli('playbook', 'run', 'password-rotation', '--env', 'lab', '--target', 'coredb/SBF_APP');
    expect([0, 2], show(rotation)).toContain(rotation.code);
    const report = await cli('report', 'monthly', '--env', 'lab', '--month', '2026-11');
    expect(report.code, show(report)).toBe(0);
    const audit = await cli('audit', '--env', 'lab', '--json');
    expect(audit.code, show(audit)).toBe(0);
    const entries = JSON.parse(audit.stdout) as Array<{ kind: string }>;
    expect(entries.some((e) => e.kind === 'apply'), audit.stdout).toBe(true);
  }, 600_000);

  it('the detector finds a planted canary (positive control)', () => {
    expect(leaks('control', readFileSync(join(lab.dir, '.lab/secrets/oracle'), 'utf8'))).toEqual(['control: oracle (verbatim)']);
    expect(leaks('control', Buffer.from(CANARY.env).toString('base64'))).toEqual(['control: env (base64)']);
  });

  it('no canary in any stdout/stderr', () => {
    expect(runs.length).toBeGreaterThanOrEqual(14);
    expect(runs.flatMap(({ args, run }) => [...leaks(`stdout of ${args.join(' ')}`, run.stdout), ...leaks(`stderr of ${args.join(' ')}`, run.stderr)])).toEqual([]);
    // lab.outputs also holds anything run through the lab handle directly.
    expect(lab.outputs.flatMap((o, i) => leaks(`output #${i}`, o))).toEqual([]);
  });

  it('no canary in any file under reports/ or .opsctl/ (journals, plans, leases), nor in the plan file', () => {
    const files = [...filesUnder(join(lab.dir, 'reports')), ...filesUnder(join(lab.dir, '.opsctl'))];
    // The sweep must have something to sweep: reports of inspect/reconcile/runbook/monthly and the apply journal.
    expect(files.some((f) => f.path.includes(`${join(lab.dir, '.opsctl')}`) && f.path.endsWith('.jsonl')), files.map((f) => f.path).join('\n')).toBe(true);
    expect(files.filter((f) => f.path.startsWith(join(lab.dir, 'reports'))).length).toBeGreaterThan(3);
    const planFile = join(lab.dir, 'canary.plan.json');
    expect([...files.flatMap((f) => leaks(f.path, f.text)), ...leaks(planFile, readFileSync(planFile, 'utf8'))]).toEqual([]);
  });

  it('no canary in the git history (git log -p --all)', () => {
    const log = execFileSync('git', ['log', '-p', '--all', '--format=fuller'], { cwd: lab.dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    // Commits beyond the initial one: the apply record, the inspection and reconciliation reports.
    expect(Number(execFileSync('git', ['rev-list', '--all', '--count'], { cwd: lab.dir, encoding: 'utf8' }).trim())).toBeGreaterThanOrEqual(4);
    expect(leaks('git log -p --all', log)).toEqual([]);
  });
});
