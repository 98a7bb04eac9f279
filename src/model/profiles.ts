/**
 * Which HostProfiles apply to a host — the one rule every part of opsctl uses (the host
 * provider, the lab's builder, the inspection's thresholds, runbooks, release overlays):
 * `appliesTo` selects a host when any of roles / groups / hosts matches; `os`, when given, must
 * match as well (alone it selects every host of that OS). Pure.
 */
import type { EnvironmentModel } from './model.js';
import type { Host, HostProfile } from './schema/index.js';

/** A host is in a group when the group names it or one of its roles. */
export function hostInGroup(env: EnvironmentModel, host: Host, group: string): boolean {
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
    (a.groups ?? []).some((g) => hostInGroup(env, host, g)) ||
    (a.hosts ?? []).includes(host.name)
  );
}
