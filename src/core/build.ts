/**
 * buildPlan: the one entry point from (desired, live, rules) to a Plan value.
 * reconcile → diff each pair → steps (order, restarts, tiers) → topological order → summary.
 */
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diag/index.js';
import { addressWithin, type Address } from '../model/address.js';
import { diffPair } from './diff.js';
import { PLAN_FORMAT_VERSION, type Change, type Plan, type PlanSummary, type Step } from './plan.js';
import { reconcile } from './reconcile.js';
import { typeRule, type DesiredResource, type LiveRead, type RuleTable } from './resource.js';
import { buildSteps } from './steps.js';

export interface PlanInput {
  env: string;
  /** ISO timestamp; core has no clock. */
  createdAt: string;
  revision?: string;
  release?: string;
  desired: readonly DesiredResource[];
  live: readonly LiveRead[];
  /** Attribute and type rules declared by the providers. */
  rules: RuleTable;
  /** Containers whose live-only children are deleted (e.g. a config table with `prune: true`). */
  pruneWithin?: readonly string[];
  /** `--only ADDR` prefixes: only addresses within one of them are planned. */
  only?: readonly string[];
  /** Diagnostics from loading and reading, carried into the plan. */
  diagnostics?: readonly Diagnostic[];
}

/** Is the address selected by the `--only` prefixes (all when none)? */
export function selectedBy(only: readonly string[] | undefined, address: string): boolean {
  return !only || only.length === 0 || only.some((prefix) => addressWithin(address, prefix));
}

export function buildPlan(input: PlanInput): Plan {
  const diagnostics: Diagnostic[] = [...(input.diagnostics ?? [])];
  const narrowed = (input.only?.length ?? 0) > 0;
  const desired = narrowed ? input.desired.filter((d) => selectedBy(input.only, d.address)) : input.desired;
  const live = narrowed ? input.live.filter((l) => selectedBy(input.only, l.address)) : input.live;
  const reconciled = reconcile({ desired, live, rules: input.rules, pruneWithin: input.pruneWithin ?? [] });
  diagnostics.push(...reconciled.diagnostics);

  const changes: Change[] = [];
  const unknown: Plan['unknown'] = [];
  const fingerprints: Record<string, string> = {};
  for (const pair of reconciled.pairs) {
    if (pair.kind === 'unknown') {
      unknown.push({ address: pair.address, system: pair.system, type: pair.type, reason: pair.reason });
      continue;
    }
    const diffed = diffPair(pair, input.rules);
    diagnostics.push(...diffed.diagnostics);
    changes.push(diffed.change);
    if (diffed.change.action !== 'noop') fingerprints[pair.address] = pair.live.fingerprint;
  }
  const built = buildSteps(changes, (c) => typeRule(input.rules, c.system, c.type));
  const ordered = topologicalOrder(built);
  if (ordered.cycle) diagnostics.push(error('dependency-cycle', `steps depend on each other in a cycle: ${ordered.cycle.join(' → ')}`));
  const steps = ordered.steps;
  const sorted = sortDiagnostics(dedupe(diagnostics));
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    env: input.env,
    createdAt: input.createdAt,
    ...(input.revision ? { revision: input.revision } : {}),
    ...(input.release ? { release: input.release } : {}),
    ...(input.only?.length ? { only: [...input.only].sort() } : {}),
    changes,
    steps,
    fingerprints,
    unknown,
    diagnostics: sorted,
    complete: unknown.length === 0,
    errored: hasErrors(sorted),
    summary: summarise(changes, steps, unknown.length),
    estimatedSeconds: steps.reduce((s, x) => s + x.estimatedSeconds, 0),
    criticalPathSeconds: criticalPath(steps),
  };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.address ?? ''}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function summarise(changes: readonly Change[], steps: readonly Step[], unknown: number): PlanSummary {
  // One pass (plans hold a change per resource, noops included).
  const n: Record<Change['action'], number> = { create: 0, update: 0, delete: 0, replace: 0, noop: 0 };
  for (const c of changes) n[c.action]++;
  let restart = 0;
  for (const s of steps) if (s.action === 'restart') restart++;
  return { create: n.create, update: n.update, delete: n.delete, replace: n.replace, restart, noop: n.noop, unknown };
}

/** Min-heap of step indices: the ready step that came first in the builder's sequence. */
class IndexHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(v: number): void {
    const a = this.a;
    let i = a.push(v) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= v) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/**
 * Kahn's algorithm, always taking the ready step that came first in the builder's sequence, so
 * the result is deterministic and reads in tier order. Returns the cycle's ids when one exists
 * (the cyclic steps are then appended in builder order, and the plan is errored).
 * O((steps + dependencies) · log steps): a heap of ready steps and a count of what each waits for.
 */
export function topologicalOrder(steps: readonly Step[]): { steps: Step[]; cycle?: string[] } {
  // By id, as before: a step waits for the distinct ids it depends on that are steps here (an id
  // listed twice — buildSteps never does — waits like its last copy).
  const copies = new Map<string, number[]>();
  steps.forEach((s, i) => {
    const list = copies.get(s.id);
    if (list) list.push(i);
    else copies.set(s.id, [i]);
  });
  const waits = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [id, list] of copies) {
    const deps = new Set(steps[list[list.length - 1]!]!.dependsOn.filter((d) => copies.has(d)));
    waits.set(id, deps.size);
    for (const d of deps) {
      const w = dependents.get(d);
      if (w) w.push(id);
      else dependents.set(d, [id]);
    }
  }
  const ready = new IndexHeap();
  steps.forEach((s, i) => {
    if (waits.get(s.id) === 0) ready.push(i);
  });
  const done: Step[] = [];
  const doneIds = new Set<string>();
  while (ready.size > 0) {
    const step = steps[ready.pop()]!;
    if (doneIds.has(step.id)) continue;
    done.push(step);
    doneIds.add(step.id);
    for (const id of dependents.get(step.id) ?? []) {
      const left = waits.get(id)! - 1;
      waits.set(id, left);
      if (left === 0) for (const i of copies.get(id)!) ready.push(i);
    }
  }
  if (done.length < steps.length) {
    const rest = steps.filter((s) => !doneIds.has(s.id));
    return { steps: [...done, ...rest], cycle: rest.map((s) => s.id) };
  }
  return { steps: done };
}

function criticalPath(steps: readonly Step[]): number {
  const finish = new Map<string, number>();
  let longest = 0;
  for (const s of steps) {
    let start = 0;
    for (const d of s.dependsOn) start = Math.max(start, finish.get(d) ?? 0);
    finish.set(s.id, start + s.estimatedSeconds);
  }
  for (const f of finish.values()) longest = Math.max(longest, f);
  return longest;
}

/** The addresses an apply must re-read before it starts (DESIGN §6.1). */
export function freshnessAddresses(plan: Plan): Address[] {
  return Object.keys(plan.fingerprints).sort() as Address[];
}
