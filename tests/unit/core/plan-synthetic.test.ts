/**
 * The planner's output is pinned: the plan of a moderately sized synthetic estate
 * (synthetic-estate.ts: every system, every action, restarts, deletes, unknowns, a cycle) must
 * equal tests/fixtures/core/synthetic/plan.json, which was produced by the planner BEFORE the
 * performance work of issue #8 (see the fixture's "note"). Any change to core that alters a plan
 * shows here. To regenerate deliberately (a real change of plan semantics):
 * OPSCTL_WRITE_SYNTHETIC_FIXTURE=1 npx vitest run tests/unit/core/plan-synthetic.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlan, canonicalJson } from '../../../src/core/index.js';
import { FIXTURES } from './fixture.js';
import { syntheticEstate } from './synthetic-estate.js';

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
});
