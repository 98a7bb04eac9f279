/**
 * Choosing what a scenario acts on: the --target given (checked against the lab), or a
 * sensible default (a hall web host, the hall domain, the core database).
 */
import type { LabDatabase, LabDomain, LabHost, LabServer, LabState } from '../state/types.js';

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

function names(record: Record<string, unknown>): string {
  const all = Object.keys(record).sort();
  return all.length > 8 ? `${all.slice(0, 8).join(', ')}, …` : all.join(', ');
}

/** `host` or `host:detail` (detail: a mount, a command, a tunable, a path). */
export function splitTarget(target: string | undefined): { name?: string; detail?: string } {
  if (!target) return {};
  const at = target.indexOf(':');
  return at < 0 ? { name: target } : { name: target.slice(0, at), detail: target.slice(at + 1) };
}

export function pickHost(state: LabState, name: string | undefined, prefer: (h: LabHost) => boolean = () => true): LabHost {
  if (name) {
    const h = state.hosts[name];
    if (!h) throw new ScenarioError(`no lab host "${name}" (hosts: ${names(state.hosts)})`);
    return h;
  }
  const hosts = Object.values(state.hosts).sort((a, b) => a.name.localeCompare(b.name));
  const byRole = (role: string) => hosts.find((h) => h.roles.includes(role) && prefer(h));
  const h = byRole('hall-web') ?? hosts.find(prefer) ?? hosts[0];
  if (!h) throw new ScenarioError('the lab has no hosts');
  return h;
}

export function pickDomain(state: LabState, name: string | undefined): LabDomain {
  const d = name ? state.domains[name] : state.domains.hall ?? Object.values(state.domains)[0];
  if (!d) throw new ScenarioError(name ? `no lab domain "${name}" (domains: ${names(state.domains)})` : 'the lab has no WebLogic domains');
  return d;
}

/** A managed server: `domain`, `server`, or `domain/server`; defaults to hall's first managed server. */
export function pickServer(state: LabState, target: string | undefined): { domain: LabDomain; server: LabServer } {
  const [first, second] = (target ?? '').split('/');
  if (first && !second && !state.domains[first]) {
    for (const domain of Object.values(state.domains)) {
      const server = domain.servers[first];
      if (server) return { domain, server };
    }
    throw new ScenarioError(`no lab domain or server "${first}"`);
  }
  const domain = pickDomain(state, first || undefined);
  const managed = Object.values(domain.servers).filter((s) => s.name !== domain.adminServer).sort((a, b) => a.name.localeCompare(b.name));
  const server = second ? domain.servers[second] : managed[0] ?? domain.servers[domain.adminServer];
  if (!server) throw new ScenarioError(`no server "${second ?? ''}" in domain ${domain.name}`);
  return { domain, server };
}

export function pickDatabase(state: LabState, name: string | undefined): LabDatabase {
  const all = Object.values(state.databases).sort((a, b) => a.name.localeCompare(b.name));
  const d = name
    ? state.databases[name]
    : state.databases.coredb ?? all.find((x) => x.name.startsWith('core') && x.role === 'PRIMARY') ?? all.find((x) => x.role === 'PRIMARY') ?? all[0];
  if (!d) throw new ScenarioError(name ? `no lab database "${name}" (databases: ${names(state.databases)})` : 'the lab has no databases');
  return d;
}

/** `domain/item` target: the item named, else the first by name. */
export function pickItem<T>(record: Record<string, T>, item: string | undefined, what: string, owner: string): [string, T] {
  const key = item ?? Object.keys(record).sort()[0];
  const value = key === undefined ? undefined : record[key];
  if (key === undefined || value === undefined) throw new ScenarioError(item ? `no ${what} "${item}" in ${owner}` : `${owner} has no ${what}`);
  return [key, value];
}
