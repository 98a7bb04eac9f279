/**
 * Which HostProfiles apply to a host and what they add up to — the same rule as the lab's
 * `effectiveHostConfig` (src/lab/state/profiles.ts; a test checks they agree on every lab host):
 *
 * - selection is `profileApplies` of src/model/profiles.ts, shared by every part of opsctl.
 * - Profiles are taken in model order (common documents by file path, then overlay-only ones),
 *   and a later profile overrides an earlier one per key: per tunable name, per file path, per
 *   cron `user/name`; the last password policy wins. A host-specific profile in the environment
 *   overlay (e.g. `host-<name>`, what `adopt` writes) therefore overrides the common ones.
 */
import { profileApplies, type CronEntry, type EnvironmentModel, type Host, type HostProfile, type ManagedFile, type Tunables } from '../../model/index.js';

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

export { profileApplies } from '../../model/index.js';

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
