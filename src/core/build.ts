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
  const desired = input.desired.filter((d) => selectedBy(input.only, d.address));
  const live = input.live.filter((l) => selectedBy(input.only, l.address));
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
  const count = (a: Change['action']) => changes.filter((c) => c.action === a).length;
  return {
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    replace: count('replace'),
    restart: steps.filter((s) => s.action === 'restart').length,
    noop: count('noop'),
    unknown,
  };
}

/**
 * Kahn's algorithm, always taking the ready step that came first in the builder's sequence, so
 * the result is deterministic and reads in tier order. Returns the cycle's ids when one exists
 * (the cyclic steps are then appended in builder order, and the plan is errored).
 */
export function topologicalOrder(steps: readonly Step[]): { steps: Step[]; cycle?: string[] } {
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

function criticalPath(steps: readonly Step[]): number {
  const finish = new Map<string, number>();
  for (const s of steps) {
    const start = Math.max(0, ...s.dependsOn.map((d) => finish.get(d) ?? 0));
    finish.set(s.id, start + s.estimatedSeconds);
  }
  return Math.max(0, ...finish.values());
}

/** The addresses an apply must re-read before it starts (DESIGN §6.1). */
export function freshnessAddresses(plan: Plan): Address[] {
  return Object.keys(plan.fingerprints).sort() as Address[];
}
