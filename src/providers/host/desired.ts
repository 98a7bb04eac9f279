/**
 * Desired state of hosts: every inventory host's effective profiles (profiles.ts) turned into
 * resources. Tunables and cron entries are plain values; managed files are rendered with the
 * same `templateVarsFor` the lab uses, and only their digest goes into the resource (the content
 * stays in `HostDesired` for apply, recomputed from the model whenever it is needed).
 *
 * Addresses: `E/host:H/tunable:TABLE.NAME` (TABLE one of no, vmo, ioo, sys0, sysctl),
 * `E/host:H/file:/abs/path`, `E/host:H/cron:NAME`.
 */
import { createHash } from 'node:crypto';
import { error, warning, type Diagnostic } from '../../diag/index.js';
import type { DesiredResource, RestartGroup } from '../../core/index.js';
import { formatAddress, type Address } from '../../model/address.js';
import type { CronEntry, EnvironmentModel, Host, ManagedFile } from '../../model/index.js';
import { templateVarsFor } from '../../template/vars.js';
import { effectiveHost, TUNABLE_TABLES, type TunableTable } from './profiles.js';
import { needsReboot } from './rules.js';

export type Render = (templatePath: string, vars: Record<string, unknown>) => string;

export interface DesiredTunable { address: Address; table: TunableTable; name: string; value: string; profile: string }
export interface DesiredFile { address: Address; file: ManagedFile; mode: string; content: string; sha256: string; profile: string }
export interface DesiredCron { address: Address; entry: CronEntry; profile: string }

export interface HostDesired {
  host: Host;
  tunables: DesiredTunable[];
  files: DesiredFile[];
  cron: DesiredCron[];
  resources: DesiredResource[];
}

const AIX_TABLES: ReadonlySet<TunableTable> = new Set(['no', 'vmo', 'ioo', 'sys0']);

export function hostAddress(env: string, host: string): Address {
  return formatAddress({ env, segments: [{ kind: 'host', name: host }] });
}

export function childAddress(env: string, host: string, kind: 'tunable' | 'file' | 'cron', name: string): Address {
  return formatAddress({ env, segments: [{ kind: 'host', name: host }, { kind, name }] });
}

export function sha256Of(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** `644`, `0644`, `00644` → `0644` (the form ls -l reads back as). */
export function normaliseMode(mode: string): string {
  return mode.replace(/^0+(?=[0-7]{4})/, '').padStart(4, '0');
}

function tunableAppliesTo(host: Host, table: TunableTable): boolean {
  return host.os === 'aix' ? AIX_TABLES.has(table) : table === 'sysctl';
}

/** The servers a file's `notifies` names on this host, as restart groups (kind cluster). */
function notifyGroups(env: string, model: EnvironmentModel, host: Host, names: readonly string[], out: Diagnostic[], at: Address): RestartGroup[] {
  const groups: RestartGroup[] = [];
  for (const name of names) {
    const domain = model.domains.find((d) => (d.clusters ?? []).some((c) => c.name === name) || d.servers.some((s) => s.name === name));
    if (!domain) {
      out.push(warning('notifies-unresolved', `notifies "${name}" names no cluster or server of environment ${env}`, undefined, at));
      continue;
    }
    const seg = (kind: string, n: string): Address => formatAddress({ env, segments: [{ kind: 'weblogic', name: domain.name }, { kind, name: n }] });
    const server = domain.servers.find((s) => s.name === name);
    const cluster = server ? server.cluster : name;
    const inGroup = cluster ? domain.servers.filter((s) => s.cluster === cluster) : server ? [server] : [];
    const members = inGroup.filter((s) => s.host === host.name && (!server || s.name === server.name));
    if (members.length === 0) continue;
    groups.push({ kind: 'cluster', group: cluster ? seg('cluster', cluster) : seg('server', name), members: members.map((s) => seg('server', s.name)), size: inGroup.length });
  }
  return groups;
}

function tunablesOf(env: string, host: Host, eff: ReturnType<typeof effectiveHost>, out: Diagnostic[]): DesiredTunable[] {
  const list: DesiredTunable[] = [];
  for (const table of TUNABLE_TABLES) {
    for (const [name, v] of Object.entries(eff.tunables[table]).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const address = childAddress(env, host.name, 'tunable', `${table}.${name}`);
      if (!tunableAppliesTo(host, table)) {
        out.push(warning('tunable-os', `profile ${v.profile} sets ${table} tunable ${name} on ${host.os} host ${host.name}; ignored`, undefined, address));
        continue;
      }
      list.push({ address, table, name, value: v.value.trim(), profile: v.profile });
    }
  }
  return list;
}

function filesOf(env: string, host: Host, eff: ReturnType<typeof effectiveHost>, render: Render, out: Diagnostic[]): DesiredFile[] {
  const list: DesiredFile[] = [];
  for (const { value: file, profile } of eff.files) {
    const address = childAddress(env, host.name, 'file', file.path);
    try {
      const content = render(file.template, templateVarsFor(env, host, file));
      list.push({ address, file, mode: normaliseMode(file.mode), content, sha256: sha256Of(content), profile });
    } catch (err) {
      out.push(error('template', `${host.name} ${file.path}: ${err instanceof Error ? err.message : String(err)}`, undefined, address));
    }
  }
  return list;
}

function cronOf(env: string, host: Host, eff: ReturnType<typeof effectiveHost>, out: Diagnostic[]): DesiredCron[] {
  const byName = new Map<string, DesiredCron>();
  for (const { value: entry, profile } of eff.cron) {
    const address = childAddress(env, host.name, 'cron', entry.name);
    const other = byName.get(entry.name);
    if (other) out.push(warning('cron-name', `cron entry "${entry.name}" is declared for users ${other.entry.user} and ${entry.user} on ${host.name}; names must be unique per host, the later (${entry.user}) is managed`, undefined, address));
    byName.set(entry.name, { address, entry, profile });
  }
  return [...byName.values()];
}

function resourcesOf(env: string, model: EnvironmentModel, d: Omit<HostDesired, 'resources'>, out: Diagnostic[]): DesiredResource[] {
  const reboot: RestartGroup = { kind: 'host', group: hostAddress(env, d.host.name), members: [hostAddress(env, d.host.name)], size: 1 };
  const res: DesiredResource[] = [];
  for (const t of d.tunables) {
    res.push({ address: t.address, system: 'host', type: 'tunable', attributes: { value: t.value }, ...(needsReboot(t.table, t.name) ? { restartGroups: [reboot] } : {}) });
  }
  for (const f of d.files) {
    const groups = notifyGroups(env, model, d.host, f.file.notifies ?? [], out, f.address);
    res.push({ address: f.address, system: 'host', type: 'file', attributes: { sha256: f.sha256, mode: f.mode, owner: f.file.owner, group: f.file.group }, ...(groups.length ? { restartGroups: groups } : {}) });
  }
  for (const c of d.cron) {
    res.push({ address: c.address, system: 'host', type: 'cron', attributes: { user: c.entry.user, schedule: c.entry.schedule, command: c.entry.command.trim() } });
  }
  return res;
}

/** Desired state of one host (undefined when the host is not in the inventory). */
export function desiredHost(env: string, model: EnvironmentModel, hostName: string, render: Render, out: Diagnostic[] = []): HostDesired | undefined {
  const host = model.hosts.find((h) => h.name === hostName);
  if (!host) return undefined;
  const eff = effectiveHost(model, host);
  const base = { host, tunables: tunablesOf(env, host, eff, out), files: filesOf(env, host, eff, render, out), cron: cronOf(env, host, eff, out) };
  return { ...base, resources: resourcesOf(env, model, base, out) };
}

/** Desired state of every inventory host, in inventory order. */
export function desiredHosts(env: string, model: EnvironmentModel, render: Render): { hosts: HostDesired[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const hosts = model.hosts.map((h) => desiredHost(env, model, h.name, render, diagnostics)).filter((h): h is HostDesired => h !== undefined);
  return { hosts, diagnostics };
}
