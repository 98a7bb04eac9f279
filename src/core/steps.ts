/**
 * Steps from changes: one step per change that is not noop or blocked, plus restart chains.
 * Ranks come from order.ts; each rank is a tier: the first steps of a tier depend on the last
 * steps of the previous tier, so a tier runs only once everything before it is done, while steps
 * inside a tier may run concurrently. Restarts needing the same group (a cluster, a RAC
 * database, a host) form one serialized chain — restart, health gate, restart, health gate —
 * so a cluster never has more than one member down; separate groups' chains run concurrently.
 */
import type { Address } from '../model/address.js';
import type { Change, Step, StepAction, StepRestart } from './plan.js';
import { compareDelete, compareForward, rankOf, restartRank } from './order.js';
import type { RestartGroup, System, TypeRule } from './resource.js';
import { describeChange, downtimeOfChange, gateText, shortName } from './wording.js';

type Scope = 'server' | 'instance' | 'host';

/** Default durations of restart and health-gate steps, in seconds (providers may refine later). */
export const RESTART_SECONDS: Record<Scope, { restart: number; gate: number }> = {
  server: { restart: 240, gate: 120 },
  instance: { restart: 300, gate: 120 },
  host: { restart: 900, gate: 300 },
};

const SCOPE_SYSTEM: Record<Scope, System> = { server: 'weblogic', instance: 'oracle', host: 'host' };

interface Draft {
  step: Step;
  rank: number;
}

export function buildSteps(changes: readonly Change[], typeRuleOf: (c: Change) => TypeRule): Step[] {
  const active = changes.filter((c) => c.action !== 'noop' && !c.blocked);
  const forward = active.filter((c) => c.action !== 'delete').sort(compareForward);
  const deletes = active.filter((c) => c.action === 'delete').sort(compareDelete);
  const stepIdOf = new Map<string, string>();
  const applyDraft = (c: Change): Draft => {
    const step = changeStep(c, typeRuleOf(c));
    stepIdOf.set(c.address, step.id);
    return { step, rank: rankOf(c.system, c.type) };
  };
  const forwardDrafts = [...forward.map(applyDraft), ...restartChains(forward, stepIdOf)];
  const deleteDrafts = deletes.map(applyDraft);
  linkResourceDependencies(active, stepIdOf, [...forwardDrafts, ...deleteDrafts]);
  const forwardTiers = tiers(forwardDrafts, (a, b) => a - b);
  const deleteTiers = tiers(deleteDrafts, (a, b) => b - a);
  linkTiers([...forwardTiers, ...deleteTiers]);
  return [...forwardTiers, ...deleteTiers].flat().map((d) => d.step);
}

function changeStep(c: Change, t: TypeRule): Step {
  const action: StepAction = (c.action === 'create' || c.action === 'update') && t.stepAction ? t.stepAction : (c.action as StepAction);
  return {
    id: `${action}:${c.address}`,
    action,
    address: c.address,
    system: c.system,
    description: describeChange(c, action),
    changes: [c.address],
    dependsOn: [],
    estimatedSeconds: c.estimatedSeconds,
    reversible: c.reversible,
    disruption: c.disruption,
    downtime: downtimeOfChange(c),
    ...(c.inverse ? { inverse: c.inverse } : {}),
  };
}

interface Chain {
  scope: Scope;
  group: RestartGroup;
  members: Set<Address>;
  causes: Set<Address>;
}

/** Collect, per restart group, which members restart and which changes need it. */
function collectChains(forward: readonly Change[]): Chain[] {
  const chains = new Map<string, Chain>();
  const memberGroup = new Map<Address, string>();
  for (const c of forward) {
    if (!c.restart) continue;
    for (const g of c.restart.groups) {
      const key = `${c.restart.scope}|${g.group}`;
      const chain = chains.get(key) ?? { scope: c.restart.scope, group: g, members: new Set<Address>(), causes: new Set<Address>() };
      chains.set(key, chain);
      chain.causes.add(c.address);
      chain.group = { ...chain.group, size: Math.max(chain.group.size ?? 0, g.size ?? 0, g.members.length) };
      for (const m of g.members) {
        // A member restarts once, in the first group that claimed it.
        if (memberGroup.has(m) && memberGroup.get(m) !== key) continue;
        memberGroup.set(m, key);
        chain.members.add(m);
      }
    }
  }
  return [...chains.values()].filter((c) => c.members.size > 0).sort((a, b) => (a.group.group < b.group.group ? -1 : 1));
}

function restartChains(forward: readonly Change[], stepIdOf: Map<string, string>): Draft[] {
  const drafts: Draft[] = [];
  for (const chain of collectChains(forward)) {
    const members = [...chain.members].sort();
    const count = members.length;
    const size = Math.max(chain.group.size ?? 0, count);
    const causes = [...chain.causes].sort();
    const causeSteps = causes.map((a) => stepIdOf.get(a)).filter((id): id is string => id !== undefined);
    let previous: string[] = causeSteps;
    members.forEach((member, i) => {
      const restart: StepRestart = { kind: chain.group.kind, group: chain.group.group, index: i + 1, count, size, rolling: size > 1 };
      const r = restartStep(chain.scope, member, restart, causes, previous);
      const g = gateStep(chain.scope, member, restart, causes, r.id);
      drafts.push({ step: r, rank: restartRank(chain.scope) }, { step: g, rank: restartRank(chain.scope) });
      previous = [g.id];
    });
  }
  return drafts;
}

function restartStep(scope: Scope, member: Address, restart: StepRestart, causes: Address[], after: string[]): Step {
  const seconds = RESTART_SECONDS[scope].restart;
  const what = `${shortName(restart.group)} ${restart.index}/${restart.count}`;
  const mode = restart.rolling ? `rolling, ${what}${restart.count < restart.size ? ` of ${restart.size} members` : ''}` : `only member of ${shortName(restart.group)}`;
  const keeps = restart.kind === 'cluster' ? 'cluster keeps serving' : restart.kind === 'database' ? 'other RAC instances keep serving' : 'other hosts keep serving';
  return {
    id: `restart:${member}`,
    action: 'restart',
    address: member,
    system: SCOPE_SYSTEM[scope],
    description: `restart: ${shortName(member)} (${mode})`,
    changes: causes,
    dependsOn: [...after],
    estimatedSeconds: seconds,
    reversible: true,
    disruption: restart.rolling ? 'brief' : 'outage',
    downtime: restart.rolling ? `none — ${keeps}` : `outage ~${seconds}s — ${shortName(member)} is the only member`,
    restart,
  };
}

function gateStep(scope: Scope, member: Address, restart: StepRestart, causes: Address[], after: string): Step {
  return {
    id: `gate:${member}`,
    action: 'run',
    address: member,
    system: SCOPE_SYSTEM[scope],
    description: gateText(scope),
    changes: causes,
    dependsOn: [after],
    estimatedSeconds: RESTART_SECONDS[scope].gate,
    reversible: true,
    disruption: 'none',
    downtime: 'none',
    restart,
  };
}

/** desired dependsOn: forward steps wait for their dependencies; deletes run the other way round. */
function linkResourceDependencies(active: readonly Change[], stepIdOf: Map<string, string>, drafts: Draft[]): void {
  const byId = new Map(drafts.map((d) => [d.step.id, d.step]));
  for (const c of active) {
    const own = byId.get(stepIdOf.get(c.address) ?? '');
    if (!own) continue;
    for (const dep of c.dependsOn ?? []) {
      const other = byId.get(stepIdOf.get(dep) ?? '');
      if (!other) continue;
      if (c.action === 'delete' && other.action === 'delete') addDep(other, own.id);
      else if (c.action !== 'delete' && other.action !== 'delete') addDep(own, other.id);
    }
  }
}

function addDep(step: Step, id: string): void {
  if (!step.dependsOn.includes(id)) step.dependsOn.push(id);
}

function tiers(drafts: Draft[], order: (a: number, b: number) => number): Draft[][] {
  const ranks = [...new Set(drafts.map((d) => d.rank))].sort(order);
  return ranks.map((r) => drafts.filter((d) => d.rank === r));
}

/**
 * Heads of each tier (no dependency inside the tier) wait for the tails of the previous tier.
 * A tier can have thousands of heads and tails: the tails are added through a Set, not addDep's
 * linear search (same result: what was there, then each tail not yet there, sorted).
 */
function linkTiers(list: Draft[][]): void {
  let tails: string[] = [];
  for (const tier of list) {
    const ids = new Set(tier.map((d) => d.step.id));
    for (const d of tier) {
      const deps = d.step.dependsOn;
      if (tails.length > 0 && !deps.some((id) => ids.has(id))) {
        const have = new Set(deps);
        for (const t of tails) {
          if (have.has(t)) continue;
          deps.push(t);
          have.add(t);
        }
      }
      deps.sort();
    }
    const depended = new Set<string>();
    for (const d of tier) for (const id of d.step.dependsOn) if (ids.has(id)) depended.add(id);
    tails = tier.map((d) => d.step.id).filter((id) => !depended.has(id)).sort();
  }
}
