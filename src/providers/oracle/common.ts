/**
 * Shared by the Oracle provider's parts: addresses of a database's objects, the database an
 * address belongs to, read fingerprints, and how an error becomes an `unknown` reason.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Attributes, type LiveRead, type RestartGroup } from '../../core/index.js';
import { formatAddress, parseAddress, type Address } from '../../model/address.js';
import type { OracleDatabase } from '../../model/schema/index.js';
import { OracleError } from '../../transport/errors.js';

export function dbAddress(env: string, db: string): Address {
  return formatAddress({ env, segments: [{ kind: 'oracle', name: db }] });
}

export function childAddress(env: string, db: string, kind: string, name: string): Address {
  return formatAddress({ env, segments: [{ kind: 'oracle', name: db }, { kind, name }] });
}

/** `E/oracle:DB/KIND:NAME` → { db, kind, name }; undefined for other addresses. */
export function splitAddress(address: string): { db: string; kind: string; name: string } | undefined {
  const p = parseAddress(address);
  if ('error' in p || p.segments.length !== 2 || p.segments[0]!.kind !== 'oracle') return undefined;
  return { db: p.segments[0]!.name, kind: p.segments[1]!.kind, name: p.segments[1]!.name };
}

export function isStandby(db: OracleDatabase): boolean {
  return db.role === 'physical-standby';
}

/** The database's restart group: all its instances, restarted one at a time. */
export function restartGroup(env: string, db: OracleDatabase): RestartGroup {
  const members = db.instances.map((i) => childAddress(env, db.name, 'instance', i.sid));
  return { kind: 'database', group: dbAddress(env, db.name), members, size: members.length };
}

export function fingerprint(status: LiveRead['status'], attributes?: Attributes): string {
  return `sha256:${createHash('sha256').update(canonicalJson({ status, attributes: attributes ?? null })).digest('hex').slice(0, 32)}`;
}

export function present(address: Address, attributes: Attributes, extra: Partial<LiveRead> = {}): LiveRead {
  return { address, status: 'present', attributes, fingerprint: fingerprint('present', attributes), ...extra };
}

export function absent(address: Address): LiveRead {
  return { address, status: 'absent', fingerprint: fingerprint('absent') };
}

export function unknown(address: Address, reason: string): LiveRead {
  return { address, status: 'unknown', reason, fingerprint: fingerprint('unknown') };
}

/** A reason that names the database and, for Oracle errors, the ORA code. */
export function reasonOf(db: string, err: unknown): string {
  if (err instanceof OracleError) return `database ${db}: ${err.message.startsWith(err.code) ? err.message : `${err.code}: ${err.message}`}`;
  return `database ${db}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
}

/** `IN (:p0, :p1, …)` and its binds for a list of values. */
export function inList(prefix: string, values: readonly string[]): { sql: string; binds: Record<string, string> } {
  const binds: Record<string, string> = {};
  values.forEach((v, i) => (binds[`${prefix}${i}`] = v));
  return { sql: `(${values.map((_, i) => `:${prefix}${i}`).join(', ') || 'NULL'})`, binds };
}
