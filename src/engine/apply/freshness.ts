/**
 * Freshness (DESIGN §6 rule 1): re-read every address the plan relied on through its provider
 * and compare the fingerprints. Any difference, or an address that cannot be read, refuses the
 * apply naming the addresses — before any step has run.
 */
import { freshnessAddresses, type LiveRead, type Plan, type System } from '../../core/index.js';
import type { Address } from '../../model/address.js';
import type { Provider } from '../../providers/provider.js';
import type { ProviderContext } from '../../providers/context.js';
import { providerFor } from './preflight.js';
import type { Refusal } from './types.js';

export function systemOf(plan: Plan, address: string): System {
  const change = plan.changes.find((c) => c.address === address);
  if (change) return change.system;
  const kind = address.slice(address.indexOf('/') + 1).split(':')[0];
  return kind as System;
}

/** Re-read `addresses` grouped by system; a provider that throws yields unknown reads. */
export async function reread(plan: Plan, addresses: readonly string[], providers: readonly Provider[], ctx: ProviderContext, signal?: AbortSignal): Promise<Map<string, LiveRead>> {
  const bySystem = new Map<System, Address[]>();
  for (const a of addresses) {
    const s = systemOf(plan, a);
    bySystem.set(s, [...(bySystem.get(s) ?? []), a as Address]);
  }
  const out = new Map<string, LiveRead>();
  await Promise.all([...bySystem].map(async ([system, list]) => {
    const provider = providerFor(providers, system);
    try {
      if (!provider) throw new Error(`no provider for ${system}`);
      const res = await provider.read({ env: plan.env, model: ctx.model, addresses: list, ...(signal ? { signal } : {}) });
      for (const r of res.reads) if (list.includes(r.address)) out.set(r.address, r);
    } catch (err) {
      for (const a of list) out.set(a, { address: a, status: 'unknown', reason: (err as Error).message, fingerprint: '' });
    }
  }));
  return out;
}

export async function checkFreshness(plan: Plan, providers: readonly Provider[], ctx: ProviderContext, signal?: AbortSignal): Promise<Refusal | undefined> {
  const addresses = freshnessAddresses(plan);
  const reads = await reread(plan, addresses, providers, ctx, signal);
  const unreadable: string[] = [];
  const stale: string[] = [];
  for (const a of addresses) {
    const r = reads.get(a);
    if (!r || r.status === 'unknown') unreadable.push(`${a}: ${r?.reason ?? 'no read returned'}`);
    else if (r.fingerprint !== plan.fingerprints[a]) stale.push(a);
  }
  if (stale.length) {
    return { code: 'stale-plan', message: `the plan is stale: ${stale.length} address(es) changed since it was made; plan again`, details: stale, addresses: stale };
  }
  if (unreadable.length) {
    return { code: 'freshness-unreadable', message: 'cannot confirm the plan is fresh: some addresses could not be re-read', details: unreadable };
  }
  return undefined;
}
