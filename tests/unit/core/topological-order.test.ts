/**
 * topologicalOrder (a heap of ready steps since issue #8) against the original O(n²) version,
 * kept here as the reference: the same order and the same cycle on random graphs — with
 * unknown dependencies, self-dependencies, cycles and repeated ids.
 */
import { describe, expect, it } from 'vitest';
import { topologicalOrder } from '../../../src/core/build.js';
import type { Step } from '../../../src/core/plan.js';

/** The implementation before issue #8, verbatim. */
function reference(steps: readonly Step[]): { steps: Step[]; cycle?: string[] } {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const pending = new Map(steps.map((s) => [s.id, new Set(s.dependsOn.filter((d) => index.has(d)))]));
  const done: Step[] = [];
  const doneIds = new Set<string>();
  while (done.length < steps.length) {
    const next = steps.find((s) => !doneIds.has(s.id) && [...(pending.get(s.id) ?? [])].every((d) => doneIds.has(d)));
    if (!next) {
      const rest = steps.filter((s) => !doneIds.has(s.id));
      return { steps: [...done, ...rest], cycle: rest.map((s) => s.id) };
    }
    done.push(next);
    doneIds.add(next.id);
  }
  return { steps: done };
}

function prng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function step(id: string, dependsOn: string[]): Step {
  return { id, action: 'update', address: id as Step['address'], system: 'host', description: id, changes: [], dependsOn, estimatedSeconds: 1, reversible: true, disruption: 'none', downtime: 'none' };
}

function randomSteps(seed: number): Step[] {
  const rnd = prng(seed);
  const n = 1 + Math.floor(rnd() * 40);
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  // Mostly a DAG in a shuffled order; sometimes back edges (cycles), self edges, unknown ids, repeated ids.
  const cyclic = rnd() < 0.3;
  const steps = ids.map((id, i) => {
    const deps: string[] = [];
    const k = Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) {
      const r = rnd();
      if (r < 0.05) deps.push('missing');
      else if (r < 0.08) deps.push(id);
      else if (cyclic && r < 0.2) deps.push(ids[Math.floor(rnd() * n)]!);
      else if (i > 0) deps.push(ids[Math.floor(rnd() * i)]!);
    }
    if (rnd() < 0.1 && deps.length) deps.push(deps[0]!);
    return step(id, deps);
  });
  if (rnd() < 0.1) steps.push(step(ids[Math.floor(rnd() * n)]!, []));
  for (let i = steps.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [steps[i], steps[j]] = [steps[j]!, steps[i]!];
  }
  return steps;
}

describe('topologicalOrder', () => {
  it('orders exactly as the original implementation on 2 000 random graphs', () => {
    let cycles = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const steps = randomSteps(seed);
      const want = reference(steps);
      const got = topologicalOrder(steps);
      if (want.cycle) cycles++;
      expect(got.steps.map((s) => s.id), `seed ${seed}`).toEqual(want.steps.map((s) => s.id));
      expect(got.steps, `seed ${seed}`).toEqual(want.steps);
      expect(got.cycle, `seed ${seed}`).toEqual(want.cycle);
    }
    expect(cycles).toBeGreaterThan(200);
  });

  it('orders 50 000 steps given in reverse (the original scanned all steps per step taken; no speed is asserted, the test timeout is the bound)', () => {
    const steps: Step[] = [];
    for (let i = 0; i < 50_000; i++) steps.push(step(`s${i}`, i === 0 ? [] : [`s${i - 1 - (i % 7 === 0 ? 0 : Math.min(i - 1, 3))}`]));
    const { steps: ordered, cycle } = topologicalOrder([...steps].reverse());
    expect(cycle).toBeUndefined();
    expect(ordered).toHaveLength(50_000);
    const at = new Map(ordered.map((s, i) => [s.id, i]));
    let late = 0;
    for (const s of ordered) for (const d of s.dependsOn) if (at.get(d)! > at.get(s.id)!) late++;
    expect(late).toBe(0);
  });
});
