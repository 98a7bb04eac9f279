/**
 * Reading the live estate: every provider turns the model into desired resources (pure), then
 * reads those addresses. Providers run concurrently; each bounds its own host concurrency
 * (ProviderContext.concurrency). A provider that throws breaks its contract, but the run goes
 * on: its addresses become unknown reads with the reason, and the plan says it is incomplete.
 */
import { error, type Diagnostic } from '../diag/index.js';
import { selectedBy, type DesiredResource, type LiveRead, type RuleTable, type System } from '../core/index.js';
import type { Address } from '../model/address.js';
import type { Provider } from '../providers/provider.js';
import type { ProviderContext } from '../providers/context.js';
import { noEmit, scopeOf, type Emit } from './events.js';

export interface ReadOptions {
  ctx: ProviderContext;
  providers: readonly Provider[];
  /** `--only` address prefixes: only these addresses are read. */
  only?: readonly string[];
  emit?: Emit;
  signal?: AbortSignal;
}

/** What one provider contributed. */
export interface SystemRead {
  system: System;
  provider: Provider;
  desired: DesiredResource[];
  live: LiveRead[];
  pruneWithin: Address[];
  diagnostics: Diagnostic[];
}

export interface EnvironmentRead {
  env: string;
  systems: SystemRead[];
  desired: DesiredResource[];
  live: LiveRead[];
  rules: RuleTable;
  pruneWithin: Address[];
  diagnostics: Diagnostic[];
}

export async function readEnvironment(opts: ReadOptions): Promise<EnvironmentRead> {
  const emit = opts.emit ?? noEmit;
  const systems = await Promise.all(opts.providers.map((p) => readOne(p, opts, emit)));
  const rules: RuleTable = {};
  for (const p of opts.providers) rules[p.descriptor.system] = p.descriptor.types;
  return {
    env: opts.ctx.env,
    systems,
    desired: systems.flatMap((s) => s.desired),
    live: systems.flatMap((s) => s.live),
    rules,
    pruneWithin: systems.flatMap((s) => s.pruneWithin),
    diagnostics: systems.flatMap((s) => s.diagnostics),
  };
}

async function readOne(provider: Provider, opts: ReadOptions, emit: Emit): Promise<SystemRead> {
  const system = provider.descriptor.system;
  const { ctx } = opts;
  const wanted = provider.desired({ env: ctx.env, model: ctx.model });
  const desired = wanted.resources.filter((r) => selectedBy(opts.only, r.address));
  const pruneWithin = wanted.pruneWithin.filter((p) => selectedBy(opts.only, p) || (opts.only ?? []).some((o) => selectedBy([p], o)));
  const addresses = desired.map((r) => r.address);
  const base = { system, provider, desired, pruneWithin, diagnostics: [...wanted.diagnostics] };
  if (addresses.length === 0 && pruneWithin.length === 0) return { ...base, live: [] };
  const scopes = new Set(addresses.map(scopeOf));
  emit({ kind: 'read-start', env: ctx.env, system, addresses: addresses.length, scopes: scopes.size });
  const started = Date.now();
  let live: LiveRead[];
  try {
    const res = await provider.read({ env: ctx.env, model: ctx.model, addresses, ...(opts.signal ? { signal: opts.signal } : {}) });
    live = res.reads;
    base.diagnostics.push(...res.diagnostics);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    emit({ kind: 'read-failed', system, message });
    base.diagnostics.push(error('read-failed', `the ${system} provider failed: ${message}`));
    live = addresses.map((address) => ({ address, status: 'unknown', reason: `the ${system} provider failed: ${message}`, fingerprint: '' }));
  }
  reportScopes(system, live, emit);
  const unknown = live.filter((r) => r.status === 'unknown').length;
  emit({ kind: 'read-done', system, reads: live.length, unknown, ms: Date.now() - started });
  return { ...base, live };
}

function reportScopes(system: System, live: readonly LiveRead[], emit: Emit): void {
  const byScope = new Map<string, LiveRead[]>();
  for (const r of live) {
    const scope = scopeOf(r.address);
    const reads = byScope.get(scope);
    if (reads) reads.push(r);
    else byScope.set(scope, [r]);
  }
  for (const [scope, reads] of [...byScope].sort(([a], [b]) => a.localeCompare(b))) {
    const unknown = reads.filter((r) => r.status === 'unknown');
    for (const u of unknown) emit({ kind: 'read-unknown', system, scope, address: u.address, reason: u.reason ?? 'not read' });
    emit({ kind: 'read-scope-done', system, scope, reads: reads.length, unknown: unknown.length });
  }
}
