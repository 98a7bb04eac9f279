/**
 * The planner's output is pinned: the plan of a moderately sized synthetic estate
 * (synthetic-estate.ts: every system, every action, restarts, deletes, unknowns, a cycle) must
 * equal tests/fixtures/core/synthetic/plan.json, which was produced by the planner BEFORE the
 * performance work of issue #8 (see the fixture's "note"). Any change to core that alters a plan
 * shows here. To regenerate deliberately (a real change of plan semantics):
 * OPSCTL_WRITE_SYNTHETIC_FIXTURE=1 npx vitest run tests/unit/core/plan-synthetic.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlan, canonicalJson, type Attributes, type DesiredResource, type LiveRead, type PlanInput } from '../../../src/core/index.js';
import { FIXTURES, RULES } from './fixture.js';
import { syntheticEstate } from './synthetic-estate.js';

/** 40 hosts × 100 host resources, every other one drifted: tiers of ~1 600 steps each. */
function wideHostEstate(): PlanInput {
  const desired: DesiredResource[] = [];
  const live: LiveRead[] = [];
  for (let i = 0; i < 4000; i++) {
    const host = `big/host:h${String(Math.floor(i / 100)).padStart(4, '0')}`;
    const k = i % 100;
    const [type, name, attributes] = k < 80 ? ['tunable', `vm.p${k}`, { value: String(1000 + k) }] as const : k < 95 ? ['file', `/etc/big/f${k}.conf`, { sha256: `${k}`.padStart(64, '0'), mode: '0644' }] as const : ['cron', `job${k}`, { user: 'root', schedule: '0 2 * * *' }] as const;
    const address = `${host}/${type}:${name}` as DesiredResource['address'];
    desired.push({ address, system: 'host', type, attributes: { ...attributes } });
    const drift = i % 2 === 0;
    const changed: Attributes = type === 'tunable' ? { value: '7' } : type === 'file' ? { mode: '0600' } : { schedule: '0 3 * * *' };
    live.push(i % 97 === 5 ? { address, status: 'absent', fingerprint: `fp${i}` } : { address, status: 'present', attributes: drift ? { ...attributes, ...changed } : { ...attributes }, fingerprint: `fp${i}` });
  }
  return { env: 'big', createdAt: '2026-01-01T00:00:00.000Z', desired, live, rules: { host: RULES.host } };
}

const FILE = `${FIXTURES}synthetic/plan.json`;

describe('synthetic estate plan (pinned)', () => {
  const input = syntheticEstate();
  const plan = buildPlan(input);
  const only = ['synth/weblogic:dom1', 'synth/oracle:db0/parameter:p1', 'synth/host:h001', 'synth/config-table:T1'];
  const narrowed = buildPlan({ ...input, only });

  if (process.env['OPSCTL_WRITE_SYNTHETIC_FIXTURE'] === '1') {
    const note = process.env['OPSCTL_SYNTHETIC_NOTE'] ?? 'regenerated';
    writeFileSync(FILE, `${canonicalJson({ note, input: { desired: input.desired.length, live: input.live.length }, plan, narrowed }, 1)}\n`);
  }

  it('covers what it claims to', () => {
    const actions = new Set(plan.changes.map((c) => c.action));
    expect([...actions].sort()).toEqual(['create', 'delete', 'noop', 'replace', 'update']);
    const steps = new Set(plan.steps.map((s) => s.action));
    expect([...steps].sort()).toEqual(['create', 'delete', 'deploy', 'replace', 'restart', 'run', 'update']);
    expect(new Set(plan.steps.filter((s) => s.restart).map((s) => s.restart!.kind))).toEqual(new Set(['cluster', 'database', 'host']));
    expect(plan.unknown.length).toBeGreaterThan(10);
    expect(new Set(plan.diagnostics.map((d) => d.code))).toEqual(
      new Set(['dependency-cycle', 'duplicate-desired', 'duplicate-live', 'bad-address', 'prevent-destroy', 'undeclared-rule']),
    );
    expect(plan.changes.some((c) => c.attributes.some((x) => x.sensitive))).toBe(true);
    expect(plan.changes.length).toBeGreaterThan(500);
  });

  it('equals the plan the pre-optimisation planner produced', () => {
    const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as { note: string; input: { desired: number; live: number }; plan: unknown; narrowed: unknown };
    expect(fixture.note).toMatch(/before the performance work of issue #8/);
    expect({ desired: input.desired.length, live: input.live.length }).toEqual(fixture.input);
    // Byte for byte in the one serialisation plans use, and as values.
    expect(canonicalJson(plan, 1)).toBe(canonicalJson(fixture.plan, 1));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(fixture.plan);
  });

  it('with --only prefixes, equals the narrowed plan the pre-optimisation planner produced', () => {
    const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as { narrowed: unknown };
    expect(narrowed.changes.every((c) => only.some((p) => c.address === p || c.address.startsWith(`${p}/`)))).toBe(true);
    expect(narrowed.changes.length).toBeGreaterThan(20);
    expect(canonicalJson(narrowed, 1)).toBe(canonicalJson(fixture.narrowed, 1));
  });

  it('a host estate with wide tiers hashes to what the pre-optimisation planner produced', () => {
    const wide = buildPlan(wideHostEstate());
    expect(wide.steps.length).toBe(2021);
    // sha256 of canonicalJson(plan) from the planner of commit 6fdeb4b (before issue #8's work).
    expect(createHash('sha256').update(canonicalJson(wide)).digest('hex')).toBe('26604a5221ddb7c51f6abd6e023d34e892e4b47ce09b9b8e2fc993201762ef73');
  });
});
