/**
 * Ordering is data: one table of ranks, lowest first. Why this order:
 *
 *  - host tunables, files, cron first: databases and WebLogic JVMs read kernel limits
 *    (maxuproc, tcp buffers, shm) at start, so hosts must be right before anything restarts;
 *  - host reboots (rare: AIX sys0/bosboot tunables) directly after host changes;
 *  - Oracle parameters → tablespaces → profiles → users → scheduler jobs: users need their
 *    profile and default tablespace; jobs run as users;
 *  - Oracle instance restarts (SCOPE=SPFILE parameters) after every database change, one
 *    instance at a time, and before anything that connects to the database;
 *  - config-table rows need the database up and its users in place;
 *  - WebLogic data sources need the database; work managers before the servers that use them;
 *    clusters/machines before servers; servers (heap, JVM args) last among the domain's config;
 *  - WebLogic server restarts (rolling, one per cluster at a time) after all server config, so a
 *    server restarts once even when a data source and its heap both changed;
 *  - deployments last: the new application version must start on correctly sized, restarted
 *    servers with working data sources.
 *
 * Deletes run after all creates and updates, in reverse rank order (deployments are removed
 * before the data sources they use, data sources before the database users they log in as).
 * Types without an entry take their system's default rank (the last rank of that system).
 */
import type { System } from './resource.js';

export interface RankEntry {
  rank: number;
  system: System;
  /** Resource type; `restart:<scope>` for restart steps. */
  type: string;
  label: string;
}

export const ORDER: readonly RankEntry[] = [
  { rank: 100, system: 'host', type: 'tunable', label: 'host tunables' },
  { rank: 110, system: 'host', type: 'file', label: 'host files' },
  { rank: 120, system: 'host', type: 'cron', label: 'cron entries' },
  { rank: 190, system: 'host', type: '*', label: 'other host settings' },
  { rank: 195, system: 'host', type: 'restart:host', label: 'host reboots' },
  { rank: 200, system: 'oracle', type: 'parameter', label: 'Oracle parameters' },
  { rank: 210, system: 'oracle', type: 'tablespace', label: 'tablespaces' },
  { rank: 220, system: 'oracle', type: 'profile', label: 'profiles' },
  { rank: 230, system: 'oracle', type: 'user', label: 'database users' },
  { rank: 240, system: 'oracle', type: 'scheduler-job', label: 'scheduler jobs' },
  { rank: 290, system: 'oracle', type: '*', label: 'other database settings' },
  { rank: 295, system: 'oracle', type: 'restart:instance', label: 'instance restarts' },
  { rank: 300, system: 'config-table', type: 'row', label: 'config-table rows' },
  { rank: 390, system: 'config-table', type: '*', label: 'other config-table settings' },
  { rank: 400, system: 'weblogic', type: 'datasource', label: 'data sources' },
  { rank: 500, system: 'weblogic', type: 'workmanager', label: 'work managers' },
  { rank: 550, system: 'weblogic', type: 'cluster', label: 'clusters' },
  { rank: 560, system: 'weblogic', type: 'machine', label: 'machines' },
  { rank: 600, system: 'weblogic', type: 'server', label: 'servers' },
  { rank: 650, system: 'weblogic', type: '*', label: 'other WebLogic settings' },
  { rank: 690, system: 'weblogic', type: 'restart:server', label: 'server restarts (rolling)' },
  { rank: 700, system: 'weblogic', type: 'deployment', label: 'deployments' },
];

const BY_KEY = new Map(ORDER.map((e) => [`${e.system}/${e.type}`, e]));

export function rankOf(system: System, type: string): number {
  return (BY_KEY.get(`${system}/${type}`) ?? BY_KEY.get(`${system}/*`))?.rank ?? 999;
}

/** Rank of the restart steps of a scope. */
export function restartRank(scope: 'server' | 'instance' | 'host'): number {
  const system: System = scope === 'server' ? 'weblogic' : scope === 'instance' ? 'oracle' : 'host';
  return rankOf(system, `restart:${scope}`);
}

/** Forward order for creates/updates/replaces: rank, then address. */
export function compareForward(a: { system: System; type: string; address: string }, b: { system: System; type: string; address: string }): number {
  return rankOf(a.system, a.type) - rankOf(b.system, b.type) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

/** Delete order: reverse rank, then address. */
export function compareDelete(a: { system: System; type: string; address: string }, b: { system: System; type: string; address: string }): number {
  return rankOf(b.system, b.type) - rankOf(a.system, a.type) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}
