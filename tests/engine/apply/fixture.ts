/**
 * Plans and fakes for the apply tests: the core fixture `host-tunables` (two tunable updates that
 * may run concurrently, a file update after them, a cron create last) planned with core.buildPlan,
 * a state-backed fake host provider whose live state starts as the fixture's live reads, fixed
 * clocks and window checks.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlan, type Attributes, type DesiredResource, type LiveRead, type Plan, type RuleTable } from '../../../src/core/index.js';
import type { EngineEvent } from '../../../src/engine/events.js';
import { applyFake, liveRead, memoryStore, type ApplyFakeOptions, type StateStore } from '../../fakes/apply-provider.js';
import { loadCase, RULES } from '../../unit/core/fixture.js';

export { NOW, now, fakeContext, openWindow, closedWindow } from './support.js';
import { NOW } from './support.js';

export function tmpRoot(): string {
  return mkdtempSync(join(tmpdir(), 'opsctl-apply-'));
}

/** Live state as the store holds it: present reads' attributes by address. */
export function stateOf(live: readonly LiveRead[]): Record<string, Attributes> {
  return Object.fromEntries(live.filter((l) => l.status === 'present').map((l) => [l.address, l.attributes ?? {}]));
}

export function desiredOf(desired: readonly DesiredResource[]): Record<string, Attributes> {
  return Object.fromEntries(desired.map((d) => [d.address, d.attributes]));
}

/** Plan `desired` against what `store` holds now (fingerprints as the fake computes them). */
export function planFrom(desired: readonly DesiredResource[], store: StateStore, rules: RuleTable = RULES, extra: Partial<Parameters<typeof buildPlan>[0]> = {}): Plan {
  const live = desired.map((d) => liveRead(d.address, store.get(d.address)));
  return buildPlan({ env: 'lab', createdAt: NOW.toISOString(), revision: 'abc1234', rules, desired, live, ...extra });
}

export interface Scenario {
  plan: Plan;
  store: StateStore;
  before: Record<string, Attributes>;
  desired: Record<string, Attributes>;
  fake: ReturnType<typeof applyFake>;
}

export function hostScenario(fakeOpts: Partial<ApplyFakeOptions> = {}, store?: StateStore): Scenario {
  const c = loadCase('host-tunables');
  const s = store ?? memoryStore(stateOf(c.live));
  const before = s.all();
  const plan = planFrom(c.desired, s);
  const desired = desiredOf(c.desired);
  return { plan, store: s, before, desired, fake: applyFake({ system: 'host', store: s, desired, ...fakeOpts }) };
}

export function collect(): { events: EngineEvent[]; emit: (e: EngineEvent) => void } {
  const events: EngineEvent[] = [];
  return { events, emit: (e) => events.push(e) };
}
