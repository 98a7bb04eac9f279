/**
 * THE ACCEPTANCE TESTS of `opsctl apply` (issue 5) against the lab: the real repository's lab
 * environment copied to a temp git repository, the lab served from this process, the built CLI
 * run as a child exactly as an engineer types it. Every drift repaired inside a window; refused
 * inside 征期; activation failure rolled back; killed mid-apply and recovered both ways; a stale
 * plan and a second apply refused; a production release refused without approvals or a
 * pre-production success; the audit trail read back.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { CLI, GIT_IDENTITY, startScenarioLab, type Lab } from './support.js';

/** Saturday night after November's 征期 (ended 11-16): inside production's windows. */
const IN_WINDOW = '2026-11-28T22:00:00+08:00';
/** Wednesday morning in December's 征期 and working hours. */
const IN_BLACKOUT = '2026-12-02T10:00:00+08:00';
const DRIFTS = ['datasource-capacity', 'jvm-heap', 'init-parameter', 'file-content', 'kernel-param', 'app-version', 'tablespace-full', 'server-down'];

const changes = (plan: Plan) => plan.changes.filter((c) => c.action !== 'noop').map((c) => ({ address: c.address, attributes: c.attributes }));

describe.skipIf(!existsSync(CLI))('apply against the lab (built CLI, in-process lab, temp git repository)', () => {
  let lab: Lab;
  let n = 0;

  async function plan(): Promise<{ code: number; plan: Plan; file: string }> {
    const file = join(lab.dir, `p${++n}.plan.json`);
    const r = await lab.cli('plan', '--env', 'lab', '--detailed-exitcode', '--out', file);
    if (!existsSync(file)) throw new Error(`plan wrote no file (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, plan: JSON.parse(readFileSync(file, 'utf8')) as Plan, file };
  }
  const apply = (file: string, now = IN_WINDOW, ...extra: string[]) => lab.cli('--now', now, 'apply', file, '--yes', ...extra);
  const journals = (): string[] => {
    const dir = join(lab.dir, '.opsctl/journal/lab');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => join(dir, f)) : [];
  };

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });
  afterEach(async () => {
    await lab.cli('lab', 'clear');
    await lab.cli('lab', 'latency', 'off');
  });

  it.each(DRIFTS)('drift %s: plan, apply inside a window, then plan has no changes', async (scenario) => {
    expect((await lab.cli('lab', 'drift', scenario)).code).toBe(0);
    const before = await plan();
    const r = await apply(before.file);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const after = await plan();
    expect(after.code, JSON.stringify(changes(after.plan))).toBe(0);
  }, 120_000);

  it('inside 征期 and working hours: refused (exit 3), naming the next window; nothing changed', async () => {
    await lab.cli('lab', 'drift', 'datasource-capacity');
    const before = await plan();
    const r = await apply(before.file, IN_BLACKOUT);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/征期/);
    expect(r.stdout).toMatch(/next window: nightly 2026-12-16T00:00:00\+08:00/);
    expect(changes((await plan()).plan)).toEqual(changes(before.plan));
  }, 60_000);

  it('activation-fails during apply: exit 1, everything rolled back, a new plan equals the old one', async () => {
    await lab.cli('lab', 'drift', 'datasource-capacity');
    await lab.cli('lab', 'drift', 'kernel-param');
    const before = await plan();
    expect(changes(before.plan)).toHaveLength(2);
    await lab.cli('lab', 'fault', 'activation-fails');
    const r = await apply(before.file);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/rolled back/);
    await lab.cli('lab', 'clear', 'activation-fails');
    expect(changes((await plan()).plan)).toEqual(changes(before.plan));
  }, 90_000);

  it('a plan made stale by drift after planning is refused (exit 3) naming the address', async () => {
    await lab.cli('lab', 'drift', 'datasource-capacity');
    const before = await plan();
    // Someone puts the pool back by hand after the plan was made: the live value it relied on changed.
    await lab.cli('lab', 'clear', 'datasource-capacity');
    const r = await apply(before.file);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/lab\/weblogic:hall\/datasource:CoreDS/);
  }, 60_000);

  /** Starts an apply as a separate process; resolves when it exits. */
  function startApply(file: string): { exited: Promise<number>; signal(sig: NodeJS.Signals): void } {
    const child = spawn(process.execPath, [CLI, '--repo', lab.dir, '--now', IN_WINDOW, 'apply', file, '--yes'], { env: { ...process.env, ...GIT_IDENTITY }, stdio: 'ignore' });
    return { exited: new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 137))), signal: (sig) => child.kill(sig) };
  }

  /** Waits until the newest journal has at least `records` lines (or the apply ended). */
  async function journalReaches(records: number, seen: Set<string>, done: Promise<number>): Promise<string> {
    let finished = false;
    void done.then(() => (finished = true));
    for (let i = 0; i < 3000 && !finished; i++) {
      const fresh = journals().filter((j) => !seen.has(j));
      const j = fresh[0];
      if (j && readFileSync(j, 'utf8').split('\n').filter(Boolean).length >= records) return j;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the apply ended before its journal reached ${records} records`);
  }

  it('a second concurrent apply is refused (exit 3: the lock is held)', async () => {
    await lab.cli('lab', 'drift', 'jvm-heap');
    const first = await plan();
    const seen = new Set(journals());
    const running = startApply(first.file);
    await journalReaches(2, seen, running.exited);
    // Hold the first apply still (alive, lease held) while the second one tries.
    running.signal('SIGSTOP');
    try {
      const second = await apply(first.file);
      expect(second.code).toBe(3);
      expect(second.stdout).toMatch(/lab is locked/);
    } finally {
      running.signal('SIGCONT');
    }
    expect(await running.exited).toBe(0);
  }, 180_000);

  it.each(['rollback', 'resume'] as const)('killed mid-apply: recover --%s', async (mode) => {
    await lab.cli('lab', 'drift', 'jvm-heap');
    await lab.cli('lab', 'latency', 'rtt=150ms');
    const before = await plan();
    expect(before.code).toBe(2);
    const seen = new Set(journals());
    const running = startApply(before.file);
    // start, then intent/done/verified of the heap edit and the intent of the first restart
    await journalReaches(5, seen, running.exited);
    running.signal('SIGKILL');
    expect(await running.exited).not.toBe(0);
    await lab.cli('lab', 'latency', 'off');
    const r = await lab.cli('--now', IN_WINDOW, 'recover', '--env', 'lab', `--${mode}`);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const after = await plan();
    if (mode === 'rollback') expect(changes(after.plan)).toEqual(changes(before.plan));
    else expect(after.code, JSON.stringify(changes(after.plan))).toBe(0);
  }, 180_000);

  it('audit shows the apply record with its trailers', async () => {
    await lab.cli('lab', 'drift', 'kernel-param');
    const p = await plan();
    expect((await apply(p.file)).code).toBe(0);
    const r = await lab.cli('audit', '--env', 'lab', '--address', 'lab/host:hall-web-01', '--json');
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as Array<{ kind: string; env: string; outcome: string; trailers: Record<string, string[]>; matched: string[]; author: { name: string } }>;
    const last = entries.find((e) => e.kind === 'apply');
    expect(last).toBeDefined();
    expect(last!.env).toBe('lab');
    expect(last!.outcome).toBe('succeeded');
    expect(last!.author.name).toBe(GIT_IDENTITY.GIT_AUTHOR_NAME);
    expect(last!.trailers['Opsctl-Env']).toEqual(['lab']);
    expect(last!.trailers['Opsctl-Plan']?.[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(last!.matched).toEqual(['lab/host:hall-web-01/tunable:no.rfc1323']);
  }, 60_000);
});

describe.skipIf(!existsSync(CLI))('a production release (temp git repository; production addresses rewritten to loopback)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startScenarioLab({ git: false });
    // Nothing in this test may reach a production address, even if a check regressed: point
    // every prod host at a closed loopback port before the repository is committed.
    const hosts = join(lab.dir, 'inventory/prod/hosts.yaml');
    writeFileSync(hosts, readFileSync(hosts, 'utf8').replace(/address: "?10\.[0-9.]+"?/g, 'address: "127.0.0.1"\n    port: 9'));
    const { gitInit } = await import('./support.js');
    gitInit(lab.dir);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  /** A plan for prod that names the release (hand-made: we never read production from here). */
  function releasePlan(): string {
    const file = join(lab.dir, 'prod-release.plan.json');
    const plan = {
      formatVersion: 1, env: 'prod', createdAt: '2026-11-28T13:00:00.000Z', release: 'hall-2026.11.1',
      changes: [], steps: [], fingerprints: {}, unknown: [], diagnostics: [], complete: true, errored: false,
      summary: { create: 0, update: 0, delete: 0, replace: 0, restart: 0, noop: 0, unknown: 0 }, estimatedSeconds: 0, criticalPathSeconds: 0,
    };
    writeFileSync(file, JSON.stringify(plan));
    return file;
  }

  it('is refused without approvals and without a pre-production success', async () => {
    expect((await lab.cli('validate')).code).toBe(0);
    const r = await lab.cli('--now', IN_WINDOW, 'apply', releasePlan(), '--yes');
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/missing approval/);
    expect(r.stdout).toMatch(/preprod/);
  }, 60_000);

  it('is still refused with both approvals recorded, for want of a pre-production success', async () => {
    expect((await lab.cli('approve', 'hall-2026.11.1', '--role', '主管部门', '--name', '张三')).code).toBe(0);
    expect((await lab.cli('approve', 'hall-2026.11.1', '--role', '业务部门', '--name', '李四')).code).toBe(0);
    const r = await lab.cli('--now', IN_WINDOW, 'apply', releasePlan(), '--yes');
    expect(r.code).toBe(3);
    expect(r.stdout).not.toMatch(/missing approval/);
    expect(r.stdout).toMatch(/preprod/);
  }, 60_000);
});
