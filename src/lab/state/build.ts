/**
 * buildLabState: the lab at reset, computed from an environment's desired state. A reset lab
 * EQUALS the desired state — every managed attribute reads back as desired — plus plausible
 * live readings (CPU, memory, file systems, processes, logs) all inside their thresholds.
 *
 * Pure and deterministic: the same environment, seed and resetAt give the same state. The one
 * outside need, rendering managed-file templates, comes in as `opts.render` (see src/template).
 */
import type { EnvironmentModel } from '../../model/index.js';
import { buildHost, type RenderTemplate } from './build-host.js';
import { buildDatabase, placeDatabase } from './build-oracle.js';
import { buildDomain, placeDomain } from './build-weblogic.js';
import { placeHomes } from './build-homes.js';
import { ensureRequiredProcesses, type ProcessContext } from './processes.js';
import { effectiveHostConfig } from './profiles.js';
import { rngFor, type Rng } from './random.js';
import type { LabHost, LabState } from './types.js';

export interface BuildOptions {
  /** Repository root (kept for callers that resolve paths; build itself does no I/O). */
  root: string;
  seed: number;
  resetAt: Date;
  /** Renders a managed file's template; required when any host has managed files. */
  render?: RenderTemplate;
  /**
   * Archives the repository holds, by sha256 (base64 bytes): a deployment whose archive is here
   * finds that very archive on its admin host, as WebLogic would have deployed it.
   */
  artifacts?: Readonly<Record<string, string>>;
}

const STANDARD_DIRS = ['/', '/etc', '/tmp', '/var', '/var/log', '/home', '/usr', '/usr/bin', '/opt'];

export function buildLabState(env: EnvironmentModel, opts: BuildOptions): LabState {
  const { seed, resetAt } = opts;
  const envName = env.environment.name;
  const hosts: Record<string, LabHost> = {};
  const configs = new Map(env.hosts.map((h) => [h.name, effectiveHostConfig(env, h)]));
  for (const h of env.hosts) {
    hosts[h.name] = buildHost(h, configs.get(h.name)!, { env: envName, rnd: rngFor(seed, `host:${h.name}`), resetAt, ...(opts.render ? { render: opts.render } : {}) });
  }
  const procRng = new Map<string, Rng>();
  const ctxOf = (host: string): ProcessContext => {
    if (!procRng.has(host)) procRng.set(host, rngFor(seed, `proc:${host}`));
    return { rnd: procRng.get(host)!, now: resetAt, uptimeSeconds: hosts[host]?.uptimeSeconds ?? 86400 };
  };

  const domains: LabState['domains'] = {};
  for (const d of env.domains) {
    domains[d.name] = buildDomain(d, env.databases, rngFor(seed, `domain:${d.name}`), resetAt);
    placeDomain(d, domains[d.name]!, hosts, ctxOf, opts.artifacts ?? {});
  }
  const databases: LabState['databases'] = {};
  for (const db of env.databases) {
    const rnd = rngFor(seed, `db:${db.name}`);
    const lab = buildDatabase(db, env.configTables, rnd, resetAt);
    databases[db.name] = lab;
    placeDatabase(db, lab, hosts, ctxOf);
  }
  placeHomes(env, hosts, databases, resetAt);
  for (const h of env.hosts) {
    const lab = hosts[h.name]!;
    ensureRequiredProcesses(lab, ctxOf(h.name), configs.get(h.name)!.processes);
    lab.processes.sort((a, b) => a.pid - b.pid);
    lab.dirs = impliedDirs(lab);
  }
  return { version: 1, env: envName, seed, resetAt: resetAt.toISOString(), hosts, domains, databases, drifts: [], faults: [], latency: { roundTripMs: 0, commandMs: 0 }, generation: 0 };
}

/** Every directory a host has: the standard ones, those added by builders, and files' parents. */
function impliedDirs(host: LabHost): string[] {
  const dirs = new Set<string>([...STANDARD_DIRS, ...host.dirs]);
  const home = (u: string): string => (host.os === 'aix' && u === 'root' ? '/' : `/home/${u}`);
  for (const u of Object.keys(host.crontab)) dirs.add(home(u));
  for (const path of [...Object.keys(host.files), ...host.dirs]) {
    let p = path;
    while (p.lastIndexOf('/') > 0) {
      p = p.slice(0, p.lastIndexOf('/'));
      dirs.add(p);
    }
  }
  for (const fs of host.filesystems) dirs.add(fs.mount);
  return [...dirs].filter((d) => d.startsWith('/')).sort();
}
