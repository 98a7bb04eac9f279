/**
 * Diff one reconciled pair into a Change: per-attribute before/after (values.ts equality),
 * ignoreChanges honoured on update, every changed attribute classified by its AttributeRule
 * (live / restart with scope / replace; disruption; reversibility), secrets masked, prevent-destroy
 * enforced. Pure.
 */
import { error, warning, type Diagnostic } from '../diag/index.js';
import type { Address } from '../model/address.js';
import type { AttributeChange, Change, ChangeAction, Inverse } from './plan.js';
import type { Pair } from './reconcile.js';
import {
  UNDECLARED_RULE,
  attributeRule,
  looksSecret,
  typeRule,
  type AttributeRule,
  type AttributeValue,
  type Attributes,
  type Disruption,
  type RestartGroup,
  type RestartScope,
  type RuleTable,
} from './resource.js';
import { sensitiveMarker, valuesEqual } from './values.js';

type KnownPair = Exclude<Pair, { kind: 'unknown' }>;
type PairOf<K extends KnownPair['kind']> = Extract<KnownPair, { kind: K }>;

const DISRUPTION_RANK: Record<Disruption, number> = { none: 0, brief: 1, outage: 2 };
/** Wider scopes first: a host reboot also restarts its instances and servers. */
const SCOPE_RANK: Record<RestartScope, number> = { none: 0, server: 1, instance: 2, host: 3 };
const GROUP_KIND_OF_SCOPE = { server: 'cluster', instance: 'database', host: 'host' } as const;

export function worstDisruption(list: readonly Disruption[]): Disruption {
  return list.reduce<Disruption>((w, d) => (DISRUPTION_RANK[d] > DISRUPTION_RANK[w] ? d : w), 'none');
}

interface Ctx {
  pair: KnownPair;
  rules: RuleTable;
  diagnostics: Diagnostic[];
}

function ruleFor(ctx: Ctx, name: string): AttributeRule {
  const { pair, rules } = ctx;
  const rule = attributeRule(rules, pair.system, pair.type, name, pair.live.rules);
  if (rule) return rule;
  ctx.diagnostics.push(
    warning('undeclared-rule', `no rule declared for ${pair.system}/${pair.type} attribute "${name}"; treated as irreversible`, undefined, pair.address),
  );
  return UNDECLARED_RULE;
}

function isSensitive(rule: AttributeRule, name: string): boolean {
  return rule.secret === true || looksSecret(name);
}

function attributeChange(ctx: Ctx, name: string, before: AttributeValue | undefined, after: AttributeValue | undefined): AttributeChange {
  const rule = ruleFor(ctx, name);
  const sensitive = isSensitive(rule, name);
  const mask = (v: AttributeValue | undefined) => (v === undefined ? undefined : sensitive ? sensitiveMarker(ctx.pair.address, name, v) : v);
  const maskedBefore = mask(before);
  const maskedAfter = mask(after);
  return {
    name,
    ...(maskedBefore !== undefined ? { before: maskedBefore } : {}),
    ...(maskedAfter !== undefined ? { after: maskedAfter } : {}),
    ...(sensitive ? { sensitive: true } : {}),
    effect: rule.effect,
    restartScope: rule.restartScope,
    disruption: rule.disruption,
    reversible: rule.reversible,
  };
}

function inverseOf(action: ChangeAction, attrs: AttributeChange[], values: (a: AttributeChange) => AttributeValue | undefined): Inverse {
  const attributes: Record<string, AttributeValue> = {};
  const sensitive: string[] = [];
  for (const a of attrs) {
    const v = values(a);
    if (v === undefined) continue;
    attributes[a.name] = v;
    if (a.sensitive) sensitive.push(a.name);
  }
  return { action, attributes, ...(sensitive.length ? { sensitive } : {}) };
}

export function diffPair(pair: KnownPair, rules: RuleTable): { change: Change; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { pair, rules, diagnostics: [] };
  const change = pair.kind === 'create' ? diffCreate(ctx, pair) : pair.kind === 'delete' ? diffDelete(ctx, pair) : diffCompare(ctx, pair);
  guardDestroy(ctx, change);
  return { change, diagnostics: ctx.diagnostics };
}

function base(pair: KnownPair) {
  return { address: pair.address, system: pair.system, type: pair.type };
}

function sortedKeys(attrs: Attributes | undefined): string[] {
  return Object.keys(attrs ?? {}).sort();
}

function diffCreate(ctx: Ctx, pair: PairOf<'create'>): Change {
  const desired = pair.desired.attributes;
  const attributes = sortedKeys(desired).map((k) => attributeChange(ctx, k, undefined, desired[k]));
  return {
    ...base(pair),
    action: 'create',
    attributes,
    ...(pair.desired.irreversible ? { reason: pair.desired.irreversible } : {}),
    ...(pair.desired.dependsOn?.length ? { dependsOn: [...pair.desired.dependsOn].sort() } : {}),
    takesEffect: 'immediately',
    disruption: 'none',
    reversible: !pair.desired.irreversible,
    estimatedSeconds: pair.desired.estimatedSeconds ?? typeRule(ctx.rules, pair.system, pair.type).createSeconds ?? 30,
    inverse: { action: 'delete', attributes: {} },
  };
}

function diffDelete(ctx: Ctx, pair: PairOf<'delete'>): Change {
  const live = pair.live.attributes ?? {};
  const attributes = sortedKeys(live).map((k) => attributeChange(ctx, k, live[k], undefined));
  const t = typeRule(ctx.rules, pair.system, pair.type);
  return {
    ...base(pair),
    action: 'delete',
    attributes,
    reason: 'not in desired state; the type or its container prunes',
    takesEffect: 'immediately',
    disruption: 'brief',
    reversible: t.deleteReversible === true,
    estimatedSeconds: t.deleteSeconds ?? 30,
    inverse: inverseOf('create', attributes, (a) => a.before),
  };
}

const NONE: readonly string[] = [];

function diffCompare(ctx: Ctx, pair: PairOf<'compare'>): Change {
  const { desired, live } = pair;
  const ignore = desired.lifecycle?.ignoreChanges ?? NONE;
  const liveAttrs = live.attributes ?? {};
  // Most pairs are equal: find the changed names first, and sort and describe only those (the
  // same names in the same order as sorting every key first).
  const wanted: Attributes = desired.attributes ?? {};
  const changed: string[] = [];
  if (!ignore.includes('*')) {
    for (const name of Object.keys(wanted)) {
      if (ignore.length > 0 && ignore.includes(name)) continue;
      if (!valuesEqual(wanted[name], liveAttrs[name])) changed.push(name);
    }
  }
  if (changed.length === 0) {
    return { address: pair.address, system: pair.system, type: pair.type, action: 'noop', attributes: [], takesEffect: 'immediately', disruption: 'none', reversible: true, estimatedSeconds: 0 };
  }
  const attributes = changed.sort().map((name) => attributeChange(ctx, name, liveAttrs[name], wanted[name]));
  const replacing = attributes.filter((a) => a.effect === 'replace');
  const action: ChangeAction = replacing.length > 0 ? 'replace' : 'update';
  const t = typeRule(ctx.rules, pair.system, pair.type);
  const restart = action === 'update' ? restartOf(ctx, pair, attributes) : undefined;
  const seconds = attributes.reduce((s, a) => s + ruleFor(ctx, a.name).estimatedSeconds, 0);
  return {
    ...base(pair),
    action,
    attributes,
    ...(pair.desired.dependsOn?.length ? { dependsOn: [...pair.desired.dependsOn].sort() } : {}),
    ...(action === 'replace' ? { reason: `${replacing.map((a) => a.name).join(', ')} cannot change in place` } : {}),
    ...(restart ? { restart } : {}),
    takesEffect: restart ? 'after-restart' : 'immediately',
    disruption: worstDisruption([...attributes.map((a) => a.disruption), ...(action === 'replace' ? ['brief' as const] : [])]),
    reversible: attributes.every((a) => a.reversible) && (action === 'update' || t.deleteReversible === true),
    estimatedSeconds: action === 'replace' ? (t.deleteSeconds ?? 30) + (t.createSeconds ?? 30) : seconds,
    inverse: inverseOf(action, attributes, (a) => a.before),
  };
}

function restartOf(ctx: Ctx, pair: PairOf<'compare'>, attributes: AttributeChange[]): Change['restart'] {
  const scope = attributes.reduce<RestartScope>(
    (w, a) => (a.effect === 'restart' && SCOPE_RANK[a.restartScope] > SCOPE_RANK[w] ? a.restartScope : w),
    'none',
  );
  if (scope === 'none') return undefined;
  const groups: RestartGroup[] = pair.desired.restartGroups ?? pair.live.restartGroups ?? [];
  const placed = groups
    .filter((g) => g.kind === GROUP_KIND_OF_SCOPE[scope] && g.members.length > 0)
    .map((g) => ({ kind: g.kind, group: g.group, members: [...new Set(g.members)].sort() as Address[], size: Math.max(g.size ?? 0, g.members.length) }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  if (placed.length === 0) {
    ctx.diagnostics.push(
      error('restart-unplaced', `change needs a ${scope} restart but the provider gave no ${GROUP_KIND_OF_SCOPE[scope]} restart group`, undefined, pair.address),
    );
  }
  return { scope, groups: placed };
}

function guardDestroy(ctx: Ctx, change: Change): void {
  if (change.action !== 'delete' && change.action !== 'replace') return;
  const { pair } = ctx;
  const byDesired = pair.kind !== 'delete' && pair.desired.lifecycle?.preventDestroy === true;
  const byType = typeRule(ctx.rules, pair.system, pair.type).preventDestroy === true;
  if (!byDesired && !byType) return;
  const why = byDesired ? 'lifecycle.preventDestroy is set' : `${pair.system} ${pair.type} resources are protected by their provider`;
  change.blocked = `prevent-destroy: ${why}`;
  ctx.diagnostics.push(
    error('prevent-destroy', `plan would ${change.action} ${pair.address}, but ${why}; change the desired state or remove the protection explicitly`, undefined, pair.address),
  );
}
