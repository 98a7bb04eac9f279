/**
 * The lab at a glance, as `opsctl lab status` shows it: topology counts, active drifts and
 * faults, latency, and whether a `lab serve` is running with its endpoints. A view model only.
 */
import { formatLatency } from './scenarios/latency.js';
import type { EndpointsFile } from './runtime.js';
import type { LabState } from './state/types.js';

export interface LabStatus {
  env: string;
  seed: number;
  resetAt: string;
  generation: number;
  counts: { hosts: number; application: number; database: number; domains: number; servers: number; databases: number };
  hosts: Array<{ name: string; os: string; roles: string[] }>;
  domains: Array<{ name: string; version: string; management: string; servers: number; running: number }>;
  databases: Array<{ name: string; role: string; version: string; instances: string[]; open: boolean }>;
  drifts: Array<{ name: string; target: string; since: string }>;
  faults: Array<{ name: string; target: string; since: string }>;
  latency: string;
  server: { running: boolean; pid?: number; startedAt?: string; endpoints?: EndpointsFile['endpoints'] };
}

export function labStatus(state: LabState, running: EndpointsFile | undefined): LabStatus {
  const hosts = Object.values(state.hosts).sort((a, b) => a.name.localeCompare(b.name));
  const database = hosts.filter((h) => h.roles.includes('oracle')).length;
  const domains = Object.values(state.domains);
  const brief = (s: { name: string; target: string; since: string }) => ({ name: s.name, target: s.target, since: s.since });
  return {
    env: state.env,
    seed: state.seed,
    resetAt: state.resetAt,
    generation: state.generation,
    counts: {
      hosts: hosts.length,
      application: hosts.length - database,
      database,
      domains: domains.length,
      servers: domains.reduce((n, d) => n + Object.keys(d.servers).length, 0),
      databases: Object.keys(state.databases).length,
    },
    hosts: hosts.map((h) => ({ name: h.name, os: h.os, roles: [...h.roles] })),
    domains: domains.map((d) => ({
      name: d.name,
      version: d.version,
      management: d.management,
      servers: Object.keys(d.servers).length,
      running: Object.values(d.servers).filter((s) => s.state === 'RUNNING').length,
    })),
    databases: Object.values(state.databases).map((d) => ({
      name: d.name,
      role: d.role,
      version: d.version,
      instances: d.instances.map((i) => `${i.sid}@${i.host}`),
      open: d.instances.some((i) => i.status === 'OPEN' || i.status === 'MOUNTED'),
    })),
    drifts: state.drifts.map(brief),
    faults: state.faults.map(brief),
    latency: formatLatency(state.latency),
    server: running ? { running: true, pid: running.pid, startedAt: running.startedAt, endpoints: running.endpoints } : { running: false },
  };
}
