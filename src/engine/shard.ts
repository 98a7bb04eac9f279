/**
 * Shards (pure): which hosts, WebLogic domains, Oracle databases and config tables belong to
 * shard I of N, so CI runners can split a national estate (`plan|inspect --shard I/N`).
 * Hosts are placed by rendezvous (highest-random-weight) hashing of `address|name`: adding or
 * removing a host never moves another one, going from N to N+1 shards moves only the hosts that
 * now win shard N+1, and every runner computes the same split without coordination. A domain
 * belongs to the shard of its admin host, a database to the shard of its first instance's host,
 * a config table to its database's shard. No I/O (node:crypto for the hash).
 *
 * `plan --shard` reads the selection's address prefixes; `inspect --shard` gives the collectors
 * the whole model plus the selection (inspect/types.ts InspectSelection), and a reading belongs
 * to the object it is read from: a server's log to the shard of the host it lies on, the
 * server's runtime (REST/WLST) to its domain's shard. So merging all shards gives the unsharded
 * readings, each exactly once.
 */
import { createHash } from 'node:crypto';
import type { EnvironmentModel } from '../model/index.js';

export interface Shard {
  /** 1-based index. */
  index: number;
  total: number;
}

/** Parses `I/N` (1 ≤ I ≤ N ≤ 1000); throws with a clear message otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || total > 1000 || index < 1 || index > total) throw new Error(`--shard must be I/N with 1 ≤ I ≤ N ≤ 1000, got "${text}"`);
  return { index, total };
}

function weight(key: string, shard: number): bigint {
  return createHash('sha256').update(`${shard}\u0000${key}`).digest().readBigUInt64BE(0);
}

/** The 1-based shard of a key among `total` (rendezvous hashing). */
export function shardOfKey(key: string, total: number): number {
  let best = 1;
  let bestWeight = -1n;
  for (let s = 1; s <= total; s++) {
    const w = weight(key, s);
    if (w > bestWeight) {
      best = s;
      bestWeight = w;
    }
  }
  return best;
}

export interface ShardSelection {
  hosts: string[];
  domains: string[];
  databases: string[];
  configTables: string[];
  /** Address prefixes of everything selected (for `--only`-style filtering of plans). */
  prefixes: string[];
}

/** What shard `shard` of the environment holds. Every object is in exactly one shard. */
export function selectShard(env: string, model: EnvironmentModel, shard: Shard): ShardSelection {
  const hostShard = new Map(model.hosts.map((h) => [h.name, shardOfKey(`${h.address}|${h.name}`, shard.total)]));
  const mine = (host: string | undefined): boolean => (host === undefined ? shard.index === 1 : (hostShard.get(host) ?? shardOfKey(host, shard.total)) === shard.index);
  const hosts = model.hosts.filter((h) => mine(h.name)).map((h) => h.name);
  const domains = model.domains.filter((d) => mine(d.admin.host)).map((d) => d.name);
  const databases = model.databases.filter((d) => mine(d.instances[0]?.host)).map((d) => d.name);
  const dbSet = new Set(databases);
  const configTables = model.configTables.filter((t) => dbSet.has(t.database)).map((t) => t.name);
  const prefixes = [
    ...hosts.map((h) => `${env}/host:${h}`),
    ...domains.map((d) => `${env}/weblogic:${d}`),
    ...databases.map((d) => `${env}/oracle:${d}`),
    ...configTables.map((t) => `${env}/config-table:${t}`),
  ].sort();
  return { hosts, domains, databases, configTables, prefixes };
}

