/**
 * Which HostProfiles apply to a host and what they add up to — the same rule as the lab's
 * `effectiveHostConfig` (src/lab/state/profiles.ts; a test checks they agree on every lab host):
 *
 * - `appliesTo` selects a host when any of roles / groups / hosts matches; `os`, when given,
 *   must match as well (alone it selects every host of that OS).
 * - Profiles are taken in model order (common documents by file path, then overlay-only ones),
 *   and a later profile overrides an earlier one per key: per tunable name, per file path, per
 *   cron `user/name`; the last password policy wins. A host-specific profile in the environment
 *   overlay (e.g. `host-<name>`, what `adopt` writes) therefore overrides the common ones.
 */
import type { CronEntry, EnvironmentModel, Host, HostProfile, ManagedFile, Tunables } from '../../model/index.js';

export type TunableTable = keyof Tunables;
export const TUNABLE_TABLES: readonly TunableTable[] = ['no', 'vmo', 'ioo', 'sys0', 'sysctl'];

/** A value of the effective config together with the profile that gave it (for adopt). */
export interface FromProfile<T> {
  value: T;
  profile: string;
}

export interface EffectiveHost {
  profiles: string[];
  tunables: Record<TunableTable, Record<string, FromProfile<string>>>;
  files: FromProfile<ManagedFile>[];
  cron: FromProfile<CronEntry>[];
}

function inGroup(env: EnvironmentModel, host: Host, group: string): boolean {
  const g = env.groups.find((x) => x.name === group);
  if (!g) return false;
  return (g.hosts ?? []).includes(host.name) || (g.roles ?? []).some((r) => host.roles.includes(r));
}

export function profileApplies(env: EnvironmentModel, profile: HostProfile, host: Host): boolean {
  const a = profile.appliesTo;
  if (a.os && a.os !== host.os) return false;
  const selectors = [a.roles, a.groups, a.hosts].filter((s) => s !== undefined);
  if (selectors.length === 0) return a.os !== undefined;
  return (
    (a.roles ?? []).some((r) => host.roles.includes(r)) ||
    (a.groups ?? []).some((g) => inGroup(env, host, g)) ||
    (a.hosts ?? []).includes(host.name)
  );
}

function lastByKey<T>(items: FromProfile<T>[], key: (t: T) => string): FromProfile<T>[] {
  const map = new Map<string, FromProfile<T>>();
  for (const item of items) map.set(key(item.value), item);
  return [...map.values()];
}

export function effectiveHost(env: EnvironmentModel, host: Host): EffectiveHost {
  const profiles = env.hostProfiles.filter((p) => profileApplies(env, p, host));
  const tunables = { no: {}, vmo: {}, ioo: {}, sys0: {}, sysctl: {} } as EffectiveHost['tunables'];
  for (const p of profiles) {
    for (const table of TUNABLE_TABLES) {
      for (const [k, v] of Object.entries(p.tunables?.[table] ?? {})) tunables[table][k] = { value: String(v), profile: p.name };
    }
  }
  const all = <T>(pick: (p: HostProfile) => T[] | undefined): FromProfile<T>[] =>
    profiles.flatMap((p) => (pick(p) ?? []).map((value) => ({ value, profile: p.name })));
  return {
    profiles: profiles.map((p) => p.name),
    tunables,
    files: lastByKey(all((p) => p.files), (f) => f.path),
    cron: lastByKey(all((p) => p.cron), (c) => `${c.user}/${c.name}`),
  };
}
