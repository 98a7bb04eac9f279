/**
 * engine/lock — one apply per environment (DESIGN §6 rule 4): a lease held in the working copy
 * (local.ts) and on the target (remote.ts), renewed by a heartbeat, taken over only explicitly
 * (or by recover, from a dead or expired owner) and recorded. May import node:fs/os, providers'
 * context types, journal/format; never cli/ or lab/.
 */
import type { LeaseRecord } from '../journal/format.js';
import { acquireLocal, localLockPath, releaseLocal, renewLocal } from './local.js';
import { currentOwner, DEFAULT_TTL_SECONDS, leaseRecord, newLease, renewed, type Lease, type LockPurpose, type OwnerInfo } from './lease.js';
import type { RemoteLock } from './remote.js';

export * from './lease.js';
export { localLockPath, readLease } from './local.js';
export { lockHostOf, sshRemoteLock, REMOTE_LOCK_BASE, type RemoteLock, type RemoteAcquire, type RemoteAcquireRequest } from './remote.js';

export interface LockerOptions {
  root: string;
  env: string;
  now: () => Date;
  /** The target half; without it only the working copy is locked (tests, or no wls-admin host). */
  remote?: RemoteLock;
  ttlSeconds?: number;
  owner?: OwnerInfo;
  alive?: (pid: number) => boolean;
}

export interface LockRequest {
  applyId: string;
  purpose: LockPurpose;
  takeOver: boolean;
}

export interface HeldLock {
  lease: Lease;
  /** The lease replaced, when this acquisition took one over (journaled and recorded). */
  tookOver?: LeaseRecord;
  tookOverWhy?: string;
  /** Renew both halves; false when either is no longer ours (the lease was lost). */
  heartbeat(): Promise<boolean>;
  release(): Promise<void>;
}

export type LockAcquire = { ok: true; held: HeldLock } | { ok: false; why: string; holder?: LeaseRecord; where: string };

export interface Locker {
  acquire(req: LockRequest): Promise<LockAcquire>;
}

export function createLocker(opts: LockerOptions): Locker {
  const ttl = opts.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const owner = opts.owner ?? currentOwner();
  return {
    async acquire(req) {
      const now = opts.now();
      let lease = newLease(opts.env, req.applyId, req.purpose, owner, now, ttl);
      const common = { purpose: req.purpose, takeOver: req.takeOver, now, host: owner.host };
      const local = acquireLocal({ root: opts.root, lease, ...common, ...(opts.alive ? { alive: opts.alive } : {}) });
      if (!local.ok) return { ok: false, why: local.why, ...(local.holder ? { holder: leaseRecord(local.holder) } : {}), where: localLockPath(opts.root, opts.env) };
      if (local.replaced) lease = { ...lease, takenOverFrom: leaseRecord(local.replaced) };
      let why = local.why;
      if (opts.remote) {
        const remote = await opts.remote.acquire({ lease, ...common }).catch((err: unknown) => ({ ok: false as const, why: `cannot reach the target lock: ${(err as Error).message}` }));
        if (!remote.ok) {
          releaseLocal(opts.root, lease);
          return { ok: false, why: remote.why, ...('holder' in remote && remote.holder ? { holder: leaseRecord(remote.holder) } : {}), where: opts.remote.where };
        }
        if (remote.replaced && !lease.takenOverFrom) lease = { ...lease, takenOverFrom: leaseRecord(remote.replaced) };
        why ??= remote.why;
      }
      return { ok: true, held: held(opts, lease, ttl, why) };
    },
  };
}

function held(opts: LockerOptions, first: Lease, ttl: number, why: string | undefined): HeldLock {
  let lease = first;
  return {
    get lease() {
      return lease;
    },
    ...(first.takenOverFrom ? { tookOver: first.takenOverFrom } : {}),
    ...(why ? { tookOverWhy: why } : {}),
    async heartbeat() {
      lease = renewed(lease, opts.now(), ttl);
      const local = renewLocal(opts.root, lease);
      // A renewal that cannot reach the target is not a lost lease: it stays valid until it expires.
      const remote = opts.remote ? await opts.remote.renew(lease).catch(() => true) : true;
      return local && remote;
    },
    async release() {
      releaseLocal(opts.root, lease);
      if (opts.remote) await opts.remote.release(lease).catch(() => undefined);
    },
  };
}
