/**
 * What a collector returns: the measurements it read, the targets it could not read, and the
 * checks it does not measure (with why). Collectors never throw for an unreachable target: the
 * error becomes an `Unread` value (issue 6 item 6).
 */
import type { EnvironmentModel, InspectionPlaybook } from '../model/index.js';
import type { Measurement, System, Unread } from '../health/index.js';
import type { OracleSession, ProviderContext } from '../providers/context.js';

export interface Collected {
  measurements: Measurement[];
  unread: Unread[];
  notMeasured: { checkId: string; reason: string }[];
}

/**
 * The part of the environment one run reads (`inspect --shard I/N`: engine/shard.ts decides it).
 * The model in ctx stays whole; each reading belongs to exactly one selected object:
 * host.*, link.latency (SSH) and the log readings of a host — host.log-errors and the
 * wls.log-errors of every server on it, whatever its domain — to the shard of the host whose
 * files are read; wls.* (runtime), app.http-probe and link.latency (REST) to the shard of the
 * domain; db.* (listeners included) and the business checks to the shard of the database.
 * So the shards' readings together are the unsharded run's, each exactly once.
 */
export interface InspectSelection {
  hosts: readonly string[];
  domains: readonly string[];
  databases: readonly string[];
}

export interface CollectInput {
  ctx: ProviderContext;
  playbook: InspectionPlaybook;
  /** Checks of the playbook (ids). */
  checks: ReadonlySet<string>;
  /** Read only these hosts, domains and databases (absent: all of the model's). */
  selection?: InspectSelection;
  /** Opens a database session; default ctx.oracle. (Tests and the sqlplus stop-gap may replace it.) */
  oracle?: (database: string) => Promise<OracleSession>;
}

export type Collector = (input: CollectInput) => Promise<Collected>;

function selected<T extends { name: string }>(all: readonly T[], names: readonly string[] | undefined): T[] {
  if (!names) return [...all];
  const keep = new Set(names);
  return all.filter((x) => keep.has(x.name));
}

/** The hosts this run reads (all of the model's without a selection). */
export const selectedHosts = (input: CollectInput): EnvironmentModel['hosts'] => selected(input.ctx.model.hosts, input.selection?.hosts);
/** The WebLogic domains this run reads. */
export const selectedDomains = (input: CollectInput): EnvironmentModel['domains'] => selected(input.ctx.model.domains, input.selection?.domains);
/** The Oracle databases this run reads. */
export const selectedDatabases = (input: CollectInput): EnvironmentModel['databases'] => selected(input.ctx.model.databases, input.selection?.databases);

export function emptyCollected(): Collected {
  return { measurements: [], unread: [], notMeasured: [] };
}

export function merge(parts: readonly Collected[]): Collected {
  return {
    measurements: parts.flatMap((p) => p.measurements),
    unread: parts.flatMap((p) => p.unread),
    notMeasured: parts.flatMap((p) => p.notMeasured),
  };
}

/** A short, secret-free reason from any error: its class name and first line. */
export function reasonOf(err: unknown): { reason: string; error?: string } {
  if (err instanceof Error) return { reason: (err.message.split('\n')[0] ?? '').slice(0, 300), error: err.name };
  return { reason: String(err).slice(0, 300) };
}

export function unread(target: string, system: System, checkIds: string[], err: unknown): Unread {
  return { target, system, checkIds, ...reasonOf(err) };
}

/** Wall-clock elapsed milliseconds of an async call (for link latency), with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number((process.hrtime.bigint() - start) / 1_000_000n) };
}
