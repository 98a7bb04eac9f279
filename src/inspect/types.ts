/**
 * What a collector returns: the measurements it read, the targets it could not read, and the
 * checks it does not measure (with why). Collectors never throw for an unreachable target: the
 * error becomes an `Unread` value (issue 6 item 6).
 */
import type { InspectionPlaybook } from '../model/index.js';
import type { Measurement, System, Unread } from '../health/index.js';
import type { OracleSession, ProviderContext } from '../providers/context.js';

export interface Collected {
  measurements: Measurement[];
  unread: Unread[];
  notMeasured: { checkId: string; reason: string }[];
}

export interface CollectInput {
  ctx: ProviderContext;
  playbook: InspectionPlaybook;
  /** Checks of the playbook (ids). */
  checks: ReadonlySet<string>;
  /** Opens a database session; default ctx.oracle. (Tests and the sqlplus stop-gap may replace it.) */
  oracle?: (database: string) => Promise<OracleSession>;
}

export type Collector = (input: CollectInput) => Promise<Collected>;

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
