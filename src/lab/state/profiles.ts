/**
 * Which HostProfiles apply to a host, and what they add up to. `appliesTo` selects a host when
 * any of roles / groups / hosts matches; `os`, when given, must match as well (alone it selects
 * every host of that OS). Later profiles (in model order) override earlier ones per key.
 */
import { profileApplies, type CronEntry, type EnvironmentModel, type Filesystem, type Host, type HostProfile, type ManagedFile, type PasswordPolicy, type RequiredProcess, type Tunables } from '../../model/index.js';

export interface EffectiveHostConfig {
  tunables: Required<{ [K in keyof Tunables]-?: Record<string, string> }>;
  filesystems: Filesystem[];
  processes: RequiredProcess[];
  files: ManagedFile[];
  cron: CronEntry[];
  passwordPolicy?: PasswordPolicy;
}

export { profileApplies } from '../../model/index.js';

function byKey<T>(items: T[], key: (t: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return [...map.values()];
}

export function effectiveHostConfig(env: EnvironmentModel, host: Host): EffectiveHostConfig {
  const profiles = env.hostProfiles.filter((p) => profileApplies(env, p, host));
  const tunables: EffectiveHostConfig['tunables'] = { no: {}, vmo: {}, ioo: {}, sys0: {}, sysctl: {} };
  let passwordPolicy: PasswordPolicy | undefined;
  for (const p of profiles) {
    for (const kind of Object.keys(tunables) as Array<keyof Tunables>) {
      for (const [k, v] of Object.entries(p.tunables?.[kind] ?? {})) tunables[kind][k] = String(v);
    }
    if (p.passwordPolicy) passwordPolicy = p.passwordPolicy;
  }
  const all = <T>(pick: (p: HostProfile) => T[] | undefined): T[] => profiles.flatMap((p) => pick(p) ?? []);
  return {
    tunables,
    filesystems: byKey(all((p) => p.filesystems), (f) => f.mount),
    processes: byKey(all((p) => p.processes), (r) => r.name),
    files: byKey(all((p) => p.files), (f) => f.path),
    cron: byKey(all((p) => p.cron), (c) => `${c.user}/${c.name}`),
    ...(passwordPolicy ? { passwordPolicy } : {}),
  };
}
