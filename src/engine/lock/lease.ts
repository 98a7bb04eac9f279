/**
 * The lease one apply holds on an environment (DESIGN §6 rule 4): who holds it, for which apply,
 * since when, last heartbeat and expiry. The same lease is held twice — in the working copy and
 * on the target — so two clones of the repository cannot apply to one environment at once.
 * `decideTakeOver` is the one policy both places use.
 */
import { hostname, userInfo } from 'node:os';
import type { LeaseRecord } from '../journal/format.js';

export interface Lease extends LeaseRecord {
  env: string;
  user: string;
  host: string;
  pid: number;
  /** Why the lease exists: a first apply, a recover, a release rollback. */
  purpose: LockPurpose;
  /** The lease this one replaced (explicit --take-over, or recover of a dead owner's apply). */
  takenOverFrom?: LeaseRecord;
}

export type LockPurpose = 'apply' | 'recover' | 'rollback';

export interface OwnerInfo {
  user: string;
  host: string;
  pid: number;
}

export const DEFAULT_TTL_SECONDS = 300;

export function currentOwner(): OwnerInfo {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return { user, host: hostname(), pid: process.pid };
}

export function ownerLabel(o: OwnerInfo): string {
  return `${o.user}@${o.host} pid ${o.pid}`;
}

export function newLease(env: string, applyId: string, purpose: LockPurpose, owner: OwnerInfo, now: Date, ttlSeconds: number): Lease {
  const at = now.toISOString();
  return {
    env, applyId, purpose,
    owner: ownerLabel(owner), user: owner.user, host: owner.host, pid: owner.pid,
    acquiredAt: at, heartbeatAt: at,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}

export function renewed(lease: Lease, now: Date, ttlSeconds: number): Lease {
  return { ...lease, heartbeatAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() };
}

export function leaseRecord(l: LeaseRecord): LeaseRecord {
  return { owner: l.owner, applyId: l.applyId, acquiredAt: l.acquiredAt, heartbeatAt: l.heartbeatAt, expiresAt: l.expiresAt };
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface TakeOverInput {
  holder: Partial<Lease> | undefined;
  purpose: LockPurpose;
  takeOver: boolean;
  now: Date;
  /** This machine's host name: a holder on it whose pid is gone is dead. */
  host: string;
  alive?: (pid: number) => boolean;
}

export type TakeOverDecision = { take: true; why: string } | { take: false; why: string };

/** Why the holder no longer counts, or undefined while it is live. */
export function staleness(input: Pick<TakeOverInput, 'holder' | 'now' | 'host' | 'alive'>): string | undefined {
  const h = input.holder;
  if (!h || !h.expiresAt) return 'the lease is unreadable';
  if (Date.parse(h.expiresAt) <= input.now.getTime()) return `it expired at ${h.expiresAt}`;
  if (h.host === input.host && typeof h.pid === 'number' && !(input.alive ?? pidAlive)(h.pid)) return `its owner (pid ${h.pid} on ${h.host}) is dead`;
  return undefined;
}

/**
 * apply and release rollback: take a lease only with --take-over, and only an expired one or a dead owner's.
 * recover: takes an expired or dead owner's lease (that is what they are for), and a
 * live-looking one only with --take-over (the operator asserts the owner is gone).
 */
export function decideTakeOver(input: TakeOverInput): TakeOverDecision {
  const holder = input.holder?.owner ? `${input.holder.owner} (apply ${input.holder.applyId ?? '?'})` : 'an unknown owner';
  const stale = staleness(input);
  if (input.purpose !== 'recover') {
    if (!input.takeOver) {
      return { take: false, why: `held by ${holder} until ${input.holder?.expiresAt ?? '?'}${stale ? `; ${stale}: pass --take-over to take it (recorded)` : ''}` };
    }
    return stale ? { take: true, why: `taken over from ${holder}: ${stale}` } : { take: false, why: `held by ${holder}, alive until ${input.holder?.expiresAt ?? '?'}; --take-over takes only an expired lease or a dead owner's` };
  }
  if (stale) return { take: true, why: `taken over from ${holder}: ${stale}` };
  if (input.takeOver) return { take: true, why: `taken over from ${holder} by explicit --take-over although it looked alive` };
  return { take: false, why: `held by ${holder} until ${input.holder?.expiresAt ?? '?'}; wait for it to expire or pass --take-over if its owner is gone` };
}
