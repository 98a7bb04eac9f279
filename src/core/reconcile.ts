/**
 * Reconcile: pair desired resources with live reads by address. Diff then works on one pair.
 *
 *   desired + live present  → compare
 *   desired + live absent   → create
 *   live present only       → delete, when the type prunes or the address lies under a
 *                             `pruneWithin` prefix; otherwise ignored (not ours to remove)
 *   any side + live unknown → unknown (the plan becomes incomplete; never "no change")
 *   desired without a read  → unknown ("no live read returned") — a provider bug must not
 *                             look like a create
 */
import { addressWithin, parseAddress, type Address } from '../model/address.js';
import { error, type Diagnostic } from '../diag/index.js';
import { typeRule, type DesiredResource, type LiveRead, type RuleTable, type System } from './resource.js';

export type Pair =
  | { kind: 'compare'; address: Address; system: System; type: string; desired: DesiredResource; live: LiveRead }
  | { kind: 'create'; address: Address; system: System; type: string; desired: DesiredResource; live: LiveRead }
  | { kind: 'delete'; address: Address; system: System; type: string; live: LiveRead }
  | { kind: 'unknown'; address: Address; system: System; type: string; reason: string };

export interface ReconcileInput {
  desired: readonly DesiredResource[];
  live: readonly LiveRead[];
  rules: RuleTable;
  pruneWithin?: readonly string[];
}

const SYSTEM_NAMES = new Set<string>(['host', 'weblogic', 'oracle', 'config-table']);

/** system = kind of the first segment, type = kind of the last (see src/model/address.ts). */
export function kindsOf(address: string): { system: System; type: string } | undefined {
  const parts = parseAddress(address);
  if ('error' in parts) return undefined;
  const first = parts.segments[0];
  const last = parts.segments[parts.segments.length - 1];
  if (!first || !last || !SYSTEM_NAMES.has(first.kind)) return undefined;
  return { system: first.kind as System, type: last.kind };
}

export function reconcile(input: ReconcileInput): { pairs: Pair[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const live = new Map<string, LiveRead>();
  for (const read of input.live) {
    if (live.has(read.address)) diagnostics.push(error('duplicate-live', `two live reads for ${read.address}`, undefined, read.address));
    live.set(read.address, read);
  }
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  for (const desired of input.desired) {
    if (seen.has(desired.address)) {
      diagnostics.push(error('duplicate-desired', `${desired.address} is declared twice`, undefined, desired.address));
      continue;
    }
    seen.add(desired.address);
    pairs.push(pairDesired(desired, live.get(desired.address)));
  }
  for (const read of input.live) {
    if (seen.has(read.address)) continue;
    seen.add(read.address);
    const pair = pairLiveOnly(read, input, diagnostics);
    if (pair) pairs.push(pair);
  }
  pairs.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { pairs, diagnostics };
}

function pairDesired(desired: DesiredResource, read: LiveRead | undefined): Pair {
  // Object literals, not spreads: one pair per resource, 100 000 in a large plan.
  const { address, system, type } = desired;
  if (!read) return { kind: 'unknown', address, system, type, reason: 'no live read returned for this address' };
  if (read.status === 'unknown') return { kind: 'unknown', address, system, type, reason: read.reason ?? 'live state could not be read' };
  if (read.status === 'absent') return { kind: 'create', address, system, type, desired, live: read };
  return { kind: 'compare', address, system, type, desired, live: read };
}

function pairLiveOnly(read: LiveRead, input: ReconcileInput, diagnostics: Diagnostic[]): Pair | undefined {
  const kinds = read.system && read.type ? { system: read.system, type: read.type } : kindsOf(read.address);
  if (!kinds) {
    diagnostics.push(error('bad-address', `live read has an address core cannot place: ${read.address}`, undefined, read.address));
    return undefined;
  }
  const base = { address: read.address, ...kinds };
  if (read.status === 'absent') return undefined;
  const prunes =
    typeRule(input.rules, kinds.system, kinds.type).prune === true ||
    (input.pruneWithin ?? []).some((prefix) => addressWithin(read.address, prefix));
  if (!prunes) return undefined;
  if (read.status === 'unknown') return { kind: 'unknown', ...base, reason: read.reason ?? 'live state could not be read' };
  return { kind: 'delete', ...base, live: read };
}
