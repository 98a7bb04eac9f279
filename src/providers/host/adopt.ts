/**
 * adopt(): the YAML edits that make desired state equal a live read (`opsctl discover --write`).
 *
 * Where the edit goes: always a host-specific HostProfile `host-<name>` in the environment's
 * overlay (`appliesTo.hosts: [name]`). Because overlay-only profiles come after the common ones
 * in model order and a later profile overrides per key (profiles.ts), this changes exactly the
 * one host — a value that differs on only some hosts of a shared profile never rewrites the
 * shared profile for all of them. Reviewers who see the same override on every host of a profile
 * can fold it into the profile by hand.
 *
 * What is adopted: tunable values (numbers as numbers), a file's mode/owner/group (the whole file
 * item is repeated, since a later file item replaces an earlier one), cron entries (also
 * live-only marked ones). Not adopted (no edit; discover lists them): file content (it comes
 * from a template), and absence (a desired object missing live is created by apply, not deleted
 * from YAML).
 */
import type { DesiredResource, LiveRead } from '../../core/index.js';
import type { EnvironmentModel } from '../../model/index.js';
import type { YamlEdit } from '../provider.js';
import { effectiveHost } from './profiles.js';
import { targetOf } from './read.js';

export function hostProfileName(host: string): string {
  return `host-${host}`;
}

function scalar(v: unknown): string | number {
  const s = String(v);
  return /^-?(0|[1-9][0-9]{0,14})$/.test(s) ? Number(s) : s;
}

export function adoptRead(model: EnvironmentModel, read: LiveRead, desired: DesiredResource | undefined): YamlEdit[] {
  const t = targetOf(read.address);
  if (!t || read.status !== 'present' || !read.attributes) return [];
  const env = read.address.slice(0, read.address.indexOf('/'));
  const name = hostProfileName(t.host);
  const edit = (path: YamlEdit['path'], value: unknown): YamlEdit => ({ env, kind: 'HostProfile', name, path, value });
  const scope = edit(['appliesTo', 'hosts'], [t.host]);
  const a = read.attributes;
  if (t.kind === 'tunable') {
    const dot = t.name.indexOf('.');
    return [scope, edit(['tunables', t.name.slice(0, dot), t.name.slice(dot + 1)], scalar(a['value']))];
  }
  if (t.kind === 'cron') {
    return [scope, edit(['cron', { key: 'name', value: t.name }], { name: t.name, user: a['user'], schedule: a['schedule'], command: a['command'] })];
  }
  const host = model.hosts.find((h) => h.name === t.host);
  const file = host ? effectiveHost(model, host).files.find((f) => f.value.path === t.name)?.value : undefined;
  if (!file || (desired && desired.attributes['sha256'] !== a['sha256'])) return [];
  return [scope, edit(['files', { key: 'path', value: t.name }], { ...file, mode: a['mode'], owner: a['owner'], group: a['group'] })];
}
