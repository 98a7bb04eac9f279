/**
 * Acceptance: "killed mid-apply: recover --rollback restores the pre-apply state; recover
 * --resume reaches the desired state". A child process runs the apply (engine + state-backed fake
 * host provider, state in a JSON file) and SIGKILLs itself at journal boundary N — after `start`,
 * and after every step's intent, done and verified — or between a step's change and its `done`.
 * Then recover runs in a fresh child, both ways, and the state file is compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../../src/engine/apply/types.js';
import { interruptedJournals } from '../../../src/engine/journal/index.js';
import { hostScenario } from './fixture.js';

const CHILD_SRC = fileURLToPath(new URL('./kill-child.ts', import.meta.url));
let child = '';

beforeAll(async () => {
  // Bundled from TypeScript with rolldown (vitest's bundler), so the child runs src/ as it is.
  const { build } = await import('rolldown');
  child = join(mkdtempSync(join(tmpdir(), 'opsctl-kill-child-')), 'kill-child.mjs');
  await build({ input: CHILD_SRC, platform: 'node', write: true, output: { file: child, format: 'esm' }, logLevel: 'silent' });
});

interface Env { root: string; state: string; plan: string; desired: string; before: Record<string, unknown>; after: Record<string, unknown> }

function setup(): Env {
  const s = hostScenario();
  const root = mkdtempSync(join(tmpdir(), 'opsctl-kill-'));
  const files = { state: join(root, 'state.json'), plan: join(root, 'plan.json'), desired: join(root, 'desired.json') };
  writeFileSync(files.state, JSON.stringify(s.before));
  writeFileSync(files.plan, JSON.stringify(s.plan));
  writeFileSync(files.desired, JSON.stringify(s.desired));
  const after = { ...s.before };
  for (const a of Object.keys(s.plan.fingerprints)) after[a] = { ...s.before[a], ...s.desired[a] };
  return { root, ...files, before: s.before, after };
}

function run(e: Env, mode: string, env: Record<string, string> = {}): { signal: string | null; result?: ApplyResult } {
  const r = spawnSync(process.execPath, [child, mode, e.root, e.state, e.plan, e.desired], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.signal === null && r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  return { signal: r.signal, ...(r.stdout ? { result: JSON.parse(r.stdout) as ApplyResult } : {}) };
}

const state = (e: Env): unknown => JSON.parse(readFileSync(e.state, 'utf8'));

// 4 steps run one at a time: boundary 1 is `start`, then intent/done/verified for each step (2..13).
const BOUNDARIES = Array.from({ length: 13 }, (_, i) => i + 1);
const STEPS = hostScenario().plan.steps.map((s) => s.id);

describe('killed mid-apply', () => {
  it('the unkilled child applies the plan (sanity)', () => {
    const e = setup();
    expect(run(e, 'apply').result?.status).toBe('succeeded');
    expect(state(e)).toEqual(e.after);
  });

  it.each(BOUNDARIES)('killed at boundary %i: recover --rollback restores the pre-apply state', (n) => {
    const e = setup();
    expect(run(e, 'apply', { OPSCTL_KILL_AT: String(n) }).signal).toBe('SIGKILL');
    expect(interruptedJournals(e.root, 'lab')).toHaveLength(1);
    const rec = run(e, 'rollback').result!;
    expect(rec.status).toBe('rolled-back');
    expect(state(e)).toEqual(e.before);
    expect(interruptedJournals(e.root, 'lab')).toHaveLength(0);
  });

  it.each(BOUNDARIES)('killed at boundary %i: recover --resume reaches the desired state', (n) => {
    const e = setup();
    expect(run(e, 'apply', { OPSCTL_KILL_AT: String(n) }).signal).toBe('SIGKILL');
    const rec = run(e, 'resume').result!;
    expect(rec.status).toBe('succeeded');
    expect(state(e)).toEqual(e.after);
    expect(interruptedJournals(e.root, 'lab')).toHaveLength(0);
  });

  it.each(STEPS)('killed after %s changed the system but before `done`: both ways recover', (step) => {
    const back = setup();
    expect(run(back, 'apply', { OPSCTL_KILL_AFTER_APPLY: step }).signal).toBe('SIGKILL');
    expect(run(back, 'rollback').result?.status).toBe('rolled-back');
    expect(state(back)).toEqual(back.before);
    const fwd = setup();
    expect(run(fwd, 'apply', { OPSCTL_KILL_AFTER_APPLY: step }).signal).toBe('SIGKILL');
    const resumed = run(fwd, 'resume').result!;
    expect(resumed.status).toBe('succeeded');
    expect(resumed.steps.find((s) => s.step === step)?.already).toBe(true);
    expect(state(fwd)).toEqual(fwd.after);
  });

  it('a recover killed while rolling back is itself recovered', () => {
    const e = setup();
    run(e, 'apply', { OPSCTL_KILL_AT: '9' });
    expect(run(e, 'rollback', { OPSCTL_KILL_AT: '3' }).signal).toBe('SIGKILL');
    expect(run(e, 'rollback').result?.status).toBe('rolled-back');
    expect(state(e)).toEqual(e.before);
  });

  it('an activation-like failure in the child rolls everything back (exit as a value, no kill)', () => {
    const e = setup();
    const r = run(e, 'apply', { OPSCTL_FAIL_STEP: STEPS[3]! }).result!;
    expect(r.status).toBe('failed-rolled-back');
    expect(state(e)).toEqual(e.before);
  });
});
