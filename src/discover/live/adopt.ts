/**
 * Which YAML edits adopt the live state: for every change of a plan (live ≠ desired), ask the
 * provider of its system for `adopt(read, desired)`. Unknown reads and secret-looking paths
 * are listed as skipped, never guessed. Pure.
 */
import { looksSecret, type Change, type DesiredResource, type LiveRead, type System } from '../../core/index.js';
import type { Provider, YamlEdit } from '../../providers/provider.js';

export interface AdoptInput {
  changes: readonly Change[];
  live: readonly LiveRead[];
  desired: readonly DesiredResource[];
  providers: readonly Pick<Provider, 'descriptor' | 'adopt'>[];
}

export interface AdoptedChange {
  address: string;
  action: Change['action'];
  edits: YamlEdit[];
}

export interface Skipped {
  address: string;
  reason: string;
}

export interface Adoption {
  adopted: AdoptedChange[];
  skipped: Skipped[];
  edits: YamlEdit[];
}

function pathText(edit: YamlEdit): string {
  return edit.path.map((p) => (typeof p === 'string' ? p : `[${p.key}=${p.value}]`)).join('.');
}

const REFERENCE = /^(env|file|store):\S+$|^ssh-agent$/;

/** Does a key/value pair look like a secret value (a reference such as `file:…` is fine)? */
function secretPair(key: string, value: unknown): boolean {
  if (!looksSecret(key)) return false;
  return !(typeof value === 'string' && REFERENCE.test(value));
}

/** Does the edit set a secret-looking key to anything but a reference (discover never writes secrets)? */
export function editsSecret(edit: YamlEdit): boolean {
  const last = [...edit.path].reverse().find((p): p is string => typeof p === 'string');
  if (last && secretPair(last, edit.value) && !isObject(edit.value)) return true;
  return isObject(edit.value) && Object.entries(edit.value).some(([k, v]) => secretPair(k, v));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function adoptLive(input: AdoptInput): Adoption {
  const bySystem = new Map<System, Pick<Provider, 'adopt'>>(input.providers.map((p) => [p.descriptor.system, p]));
  const live = new Map(input.live.map((r) => [r.address as string, r]));
  const desired = new Map(input.desired.map((r) => [r.address as string, r]));
  const adopted: AdoptedChange[] = [];
  const skipped: Skipped[] = [];
  for (const change of input.changes) {
    if (change.action === 'noop') continue;
    const read = live.get(change.address);
    const provider = bySystem.get(change.system);
    if (!read || !provider) {
      skipped.push({ address: change.address, reason: read ? `no ${change.system} provider` : 'no live read' });
      continue;
    }
    const edits = provider.adopt(read, desired.get(change.address));
    const secret = edits.filter(editsSecret);
    for (const e of secret) skipped.push({ address: change.address, reason: `${pathText(e)} looks like a secret; discover never writes secret values` });
    const kept = edits.filter((e) => !editsSecret(e));
    if (kept.length === 0 && secret.length === 0) skipped.push({ address: change.address, reason: `the ${change.system} provider cannot express this ${change.action} as desired state` });
    if (kept.length > 0) adopted.push({ address: change.address, action: change.action, edits: kept });
  }
  return { adopted, skipped, edits: adopted.flatMap((a) => a.edits) };
}

export { pathText };
