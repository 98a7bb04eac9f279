/**
 * Which HostProfiles apply to a host, and what they add up to. `appliesTo` selects a host when
 * any of roles / groups / hosts matches; `os`, when given, must match as well (alone it selects
 * every host of that OS). Later profiles (in model order) override earlier ones per key.
 */
import type { CronEntry, EnvironmentModel, Filesystem, Host, HostProfile, ManagedFile, PasswordPolicy, RequiredProcess, Tunables } from '../../model/index.js';

export interface EffectiveHostConfig {
  tunables: Required<{ [K in keyof Tunables]-?: Record<string, string> }>;
  filesystems: Filesystem[];
  processes: RequiredProcess[];
  files: ManagedFile[];
  cron: CronEntry[];
  passwordPolicy?: PasswordPolicy;
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
