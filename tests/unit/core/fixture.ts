/** Loads a core fixture case (tests/fixtures/core/<case>/{desired,live}.json) and plans it. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPlan, type DesiredResource, type LiveRead, type Plan, type PlanInput, type RuleTable } from '../../../src/core/index.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/core/', import.meta.url));

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${path}`, 'utf8')) as T;
}

export const RULES = readJson<RuleTable>('rules.json');
export const CREATED_AT = '2026-11-28T22:00:00+08:00';

export function loadCase(name: string): Pick<PlanInput, 'desired' | 'live' | 'pruneWithin'> {
  const d = readJson<{ resources: DesiredResource[]; pruneWithin?: string[] }>(`${name}/desired.json`);
  return { desired: d.resources, live: readJson<LiveRead[]>(`${name}/live.json`), pruneWithin: d.pruneWithin ?? [] };
}

export function planCase(name: string, extra: Partial<PlanInput> = {}): Plan {
  return buildPlan({ env: 'lab', createdAt: CREATED_AT, revision: 'abc1234', rules: RULES, ...loadCase(name), ...extra });
}

export function stepIds(plan: Plan): string[] {
  return plan.steps.map((s) => s.id);
}

/** Index of a step id in the plan's execution order; throws when missing so tests stay honest. */
export function at(plan: Plan, id: string): number {
  const i = plan.steps.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no step ${id}; steps: ${stepIds(plan).join(', ')}`);
  return i;
}

/** Every step id reachable backwards from `id` through dependsOn. */
export function ancestors(plan: Plan, id: string): Set<string> {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...(byId.get(id)?.dependsOn ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(byId.get(next)?.dependsOn ?? []));
  }
  return seen;
}
