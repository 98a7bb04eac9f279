import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/engine/apply/index.js';
import type { ApplyOptions, ApplyRecordInput } from '../../../src/engine/apply/types.js';
import { interruptedJournals, listJournals, readJournal, stepStates } from '../../../src/engine/journal/index.js';
import { createLocker, localLockPath } from '../../../src/engine/lock/index.js';
import type { RuleTable } from '../../../src/core/index.js';
import { RULES } from '../../unit/core/fixture.js';
import { closedWindow, collect, fakeContext, hostScenario, now, openWindow, tmpRoot, type Scenario } from './fixture.js';

const TUNE_A = 'update:lab/host:hall-web-01/tunable:no.tcp_sendspace';
const TUNE_B = 'update:lab/host:hall-web-01/tunable:vmo.maxperm';
const FILE = 'update:lab/host:hall-web-01/file:/etc/security/limits';
const CRON = 'create:lab/host:hall-web-01/cron:log-rotate';

function options(root: string, s: Scenario, extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return {
    plan: JSON.parse(JSON.stringify(s.plan)) as unknown, root, providers: [s.fake], ctx: fakeContext(root),
    lock: createLocker({ root, env: 'lab', now }), now, window: openWindow, heartbeatMs: 0, ...extra,
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('applyPlan', () => {
  it('runs every step in order, journals intent → done → verified, reaches the desired state and releases the lock', async () => {
    const root = tmpRoot();
    const s = hostScenario();
    const { events, emit } = collect();
    const result = await applyPlan(options(root, s, { emit }));
    expect(result.status).toBe('succeeded');
    expect(result.steps.map((r) => r.outcome)).toEqual(['verified', 'verified', 'verified', 'verified']);
    for (const addr of Object.keys(s.plan.fingerprints)) expect(s.store.get(addr)).toMatchObject(s.desired[addr]!);
    const journal = readJournal(result.journal!.path);
    const types = journal.records.map((r) => r.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('finished');
    for (const id of [TUNE_A, TUNE_B, FILE, CRON]) {
      const seqs = ['intent', 'done', 'verified'].map((t) => journal.records.find((r) => r.type === t && 'step' in r && r.step === id)?.seq ?? -1);
      expect(seqs[0]).toBeGreaterThan(0);
      expect(seqs[1]).toBeGreaterThan(seqs[0]!);
      expect(seqs[2]).toBeGreaterThan(seqs[1]!);
    }
    expect(existsSync(result.journal!.planPath)).toBe(true);
    expect(existsSync(localLockPath(root, 'lab'))).toBe(false);
    expect(events.map((e) => e.kind)).toContain('apply-finished');
  });

  it('runs independent steps concurrently within the bound, and one at a time with a bound of 1', async () => {
    const gate = deferred();
    let started = 0;
    const s = hostScenario({
      during: async (req) => {
        if (req.step.id === TUNE_A || req.step.id === TUNE_B) {
          if (++started === 2) gate.resolve();
          await gate.promise; // both tunable steps must be in flight at once for this to resolve
        }
      },
    });
    const result = await applyPlan(options(tmpRoot(), s));
    expect(result.status).toBe('succeeded');
    expect(s.fake.calls.maxInFlight).toBe(2);
    const serial = hostScenario();
    expect((await applyPlan(options(tmpRoot(), serial, { concurrency: 1 }))).status).toBe('succeeded');
    expect(serial.fake.calls.maxInFlight).toBe(1);
    expect(serial.fake.calls.apply).toEqual([TUNE_A, TUNE_B, FILE, CRON]);
  });

  it('a failure mid-plan stops new steps, lets running ones finish and rolls completed ones back in reverse', async () => {
    const s = hostScenario({ failApply: (req) => (req.step.id === FILE ? 'activation failed' : undefined) });
    const result = await applyPlan(options(tmpRoot(), s, { concurrency: 1 }));
    expect(result.status).toBe('failed-rolled-back');
    expect(result.steps.find((r) => r.step === CRON)?.outcome).toBe('not-started');
    expect(result.rollback.map((r) => [r.step, r.outcome])).toEqual([[TUNE_B, 'rolled-back'], [TUNE_A, 'rolled-back']]);
    expect(s.store.all()).toEqual(s.before);
    const records = readJournal(result.journal!.path).records;
    expect(records.filter((r) => r.type === 'rollback-intent' || r.type === 'rolled-back').map((r) => r.type)).toEqual(['rollback-intent', 'rolled-back', 'rollback-intent', 'rolled-back']);
  });

  it('a step not healthy within its timeout fails after done and is rolled back too', async () => {
    const sleeps: number[] = [];
    const s = hostScenario({ verify: (req) => (req.step.id === CRON ? { status: 'progressing', message: 'starting' } : { status: 'healthy', message: 'ok' }) });
    const result = await applyPlan(options(tmpRoot(), s, { verifyTimeoutSeconds: () => 30, verifyIntervalMs: 10_000, sleep: async (ms) => void sleeps.push(ms) }));
    expect(result.status).toBe('failed-rolled-back');
    expect(result.steps.find((r) => r.step === CRON)).toMatchObject({ outcome: 'failed', phase: 'verify' });
    expect(s.fake.calls.verify.filter((id) => id === CRON)).toHaveLength(3);
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(result.rollback[0]?.step).toBe(CRON);
    expect(s.store.all()).toEqual(s.before);
  });

  it('refuses a stale plan naming the addresses, and changes nothing', async () => {
    const root = tmpRoot();
    const s = hostScenario();
    s.store.set('lab/host:hall-web-01/tunable:vmo.maxperm', { value: 80 });
    const result = await applyPlan(options(root, s));
    expect(result.status).toBe('refused');
    expect(result.refusals[0]).toMatchObject({ code: 'stale-plan', addresses: ['lab/host:hall-web-01/tunable:vmo.maxperm'] });
    expect(s.fake.calls.apply).toEqual([]);
    expect(listJournals(root, 'lab')).toEqual([]);
    expect(existsSync(localLockPath(root, 'lab'))).toBe(false);
  });

  it('refuses a second concurrent apply on the same environment (lock held)', async () => {
    const root = tmpRoot();
    const hold = deferred();
    const entered = deferred();
    const first = hostScenario({ during: async (req) => { if (req.step.id === TUNE_A) { entered.resolve(); await hold.promise; } } });
    const running = applyPlan(options(root, first, { concurrency: 1 }));
    await entered.promise;
    const second = hostScenario();
    const result = await applyPlan(options(root, second));
    expect(result.status).toBe('refused');
    expect(result.refusals[0]?.code).toBe('lock-held');
    expect(result.refusals[0]?.message).toMatch(/held by .*@.* pid/);
    hold.resolve();
    expect((await running).status).toBe('succeeded');
  });

  it('an expired lease is taken over only with takeOver, and the takeover is journaled', async () => {
    const root = tmpRoot();
    const past = (): Date => new Date('2026-11-28T20:00:00+08:00');
    const stale = await createLocker({ root, env: 'lab', now: past, ttlSeconds: 60 }).acquire({ applyId: 'old', purpose: 'apply', takeOver: false });
    expect(stale.ok).toBe(true);
    const s = hostScenario();
    const refusedRun = await applyPlan(options(root, s));
    expect(refusedRun.refusals[0]?.message).toMatch(/expired.*--take-over/);
    const result = await applyPlan(options(root, s, { takeOver: true }));
    expect(result.status).toBe('succeeded');
    const start = readJournal(result.journal!.path).start!;
    expect(start.takeOver?.applyId).toBe('old');
  });

  it('refuses irreversible steps without consent; with consent they run and are reported, never rolled back', async () => {
    const rules = structuredClone(RULES) as RuleTable;
    rules.host!.file!.defaultAttribute!.reversible = false;
    const { planFrom } = await import('./fixture.js');
    const s = hostScenario({ failApply: (req) => (req.step.id === CRON ? 'cron rejected' : undefined) });
    const plan = planFrom(s.plan.changes.filter((c) => c.action !== 'noop').map((c) => ({ address: c.address, system: c.system, type: c.type, attributes: s.desired[c.address]! })), s.store, rules);
    s.plan = plan;
    const refusedRun = await applyPlan(options(tmpRoot(), s));
    expect(refusedRun.refusals.map((r) => r.code)).toEqual(['irreversible-without-consent']);
    expect(refusedRun.refusals[0]?.details[0]).toContain(FILE);
    const result = await applyPlan(options(tmpRoot(), s, { consentIrreversible: true, concurrency: 1 }));
    expect(result.status).toBe('failed-rollback-incomplete');
    expect(result.irreversibleKept).toEqual([FILE]);
    expect(result.rollback.find((r) => r.step === FILE)?.outcome).toBe('irreversible');
    expect(readJournal(result.journal!.path).start?.consentIrreversible).toEqual([FILE]);
  });

  it('refuses outside a window naming the next one; break-glass with a reason runs and is recorded', async () => {
    const s = hostScenario();
    const closed = await applyPlan(options(tmpRoot(), s, { window: closedWindow }));
    expect(closed.refusals[0]).toMatchObject({ code: 'window-closed' });
    expect(closed.refusals[0]?.message).toContain('next window: nightly 2026-12-15T22:00:00+08:00');
    const noReason = await applyPlan(options(tmpRoot(), s, { window: closedWindow, breakGlass: { reason: '  ' } }));
    expect(noReason.refusals[0]?.code).toBe('break-glass-without-reason');
    const records: ApplyRecordInput[] = [];
    const result = await applyPlan(options(tmpRoot(), s, { window: closedWindow, breakGlass: { reason: 'INC-42 core down' }, recordApply: async (r) => void records.push(r) }));
    expect(result.status).toBe('succeeded');
    expect(readJournal(result.journal!.path).start?.breakGlass).toEqual({ reason: 'INC-42 core down', windowReasons: ['2026-12-02 is inside 征期 (12-01 … 12-15)'] });
    expect(records[0]?.breakGlass?.reason).toBe('INC-42 core down');
    expect(records[0]?.outcome.status).toBe('succeeded');
  });

  it('refuses when the release gate refuses, an invalid or errored plan, or an interrupted apply exists', async () => {
    const s = hostScenario();
    const gated = await applyPlan(options(tmpRoot(), s, { gate: async () => ({ ok: false, reasons: ['missing approval 主管部门'] }) }));
    expect(gated.refusals[0]).toMatchObject({ code: 'gate', details: ['missing approval 主管部门'] });
    const invalid = await applyPlan({ ...options(tmpRoot(), s), plan: { formatVersion: 2 } });
    expect(invalid.refusals[0]?.code).toBe('invalid-plan');
    const errored = await applyPlan({ ...options(tmpRoot(), s), plan: { ...s.plan, errored: true, diagnostics: [{ severity: 'error', code: 'prevent-destroy', message: 'x' }] } });
    expect(errored.refusals.map((r) => r.code)).toContain('errored-plan');
    const root = tmpRoot();
    const crashed = hostScenario({ failApply: () => { throw new Error('unreachable'); } });
    await applyPlan(options(root, crashed, { onJournal: (type) => { if (type === 'intent') throw new Error('simulated crash'); } })).catch(() => undefined);
    expect(interruptedJournals(root, 'lab')).toHaveLength(1);
    // The crashed owner is this test process; the locker is told it is dead, as it would be.
    const blocked = await applyPlan(options(root, hostScenario(), { takeOver: true, lock: createLocker({ root, env: 'lab', now, alive: () => false }) }));
    expect(blocked.refusals[0]?.code).toBe('interrupted-apply');
  });

  it('never writes a secret value into the journal', async () => {
    const { applyFake, memoryStore } = await import('../../fakes/apply-provider.js');
    const { planFrom } = await import('./fixture.js');
    const store = memoryStore({ 'lab/host:h1/file:/etc/app.conf': { content: 'a', password: 'hunter2-old' } });
    const desired = [{ address: 'lab/host:h1/file:/etc/app.conf', system: 'host' as const, type: 'file', attributes: { content: 'b', password: 'hunter2-new' } }];
    const plan = planFrom(desired as never, store);
    const fake = applyFake({ system: 'host', store, desired: { 'lab/host:h1/file:/etc/app.conf': desired[0]!.attributes } });
    const root = tmpRoot();
    const result = await applyPlan(options(root, { plan, store, before: {}, desired: {}, fake }));
    expect(result.status).toBe('succeeded');
    const text = readFileSync(result.journal!.path, 'utf8') + readFileSync(result.journal!.planPath, 'utf8');
    expect(text).not.toContain('hunter2');
    const intent = stepStates(readJournal(result.journal!.path).records).get(plan.steps[0]!.id);
    expect(intent?.inverse?.redacted).toEqual(['password']);
  });
});
