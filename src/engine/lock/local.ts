/**
 * The working-copy half of the lock: `.opsctl/locks/<env>.json`, created with O_EXCL. A takeover
 * first renames the old lease aside (rename is atomic: of two takers only one wins), then creates
 * its own with O_EXCL again. Heartbeats rewrite the file through a temporary file and a rename,
 * after checking the lease there is still ours.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { OPSCTL_DIR } from '../journal/writer.js';
import { decideTakeOver, type Lease, type LockPurpose } from './lease.js';

export function localLockPath(root: string, env: string): string {
  return join(root, OPSCTL_DIR, 'locks', `${env}.json`);
}

export type LocalAcquire = { ok: true; replaced?: Lease; why?: string } | { ok: false; holder?: Lease; why: string };

function createExclusive(path: string, lease: Lease): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, `${JSON.stringify(lease, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

export function readLease(path: string): Lease | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Lease;
  } catch {
    return undefined;
  }
}

export interface LocalAcquireOptions {
  root: string;
  lease: Lease;
  purpose: LockPurpose;
  takeOver: boolean;
  now: Date;
  host: string;
  alive?: (pid: number) => boolean;
}

export function acquireLocal(opts: LocalAcquireOptions): LocalAcquire {
  const path = localLockPath(opts.root, opts.lease.env);
  mkdirSync(join(opts.root, OPSCTL_DIR, 'locks'), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, opts.lease)) return { ok: true };
    const holder = readLease(path);
    const decision = decideTakeOver({ holder, purpose: opts.purpose, takeOver: opts.takeOver, now: opts.now, host: opts.host, ...(opts.alive ? { alive: opts.alive } : {}) });
    if (!decision.take) return { ok: false, ...(holder ? { holder } : {}), why: decision.why };
    const aside = `${path}.taken-${opts.lease.applyId}-${attempt}`;
    try {
      renameSync(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // someone else moved it: try again
      throw err;
    }
    rmSync(aside, { force: true });
    const taken = { ...opts.lease, ...(holder ? { takenOverFrom: holder } : {}) };
    if (createExclusive(path, taken)) return { ok: true, ...(holder ? { replaced: holder } : {}), why: decision.why };
  }
  return { ok: false, why: 'another process keeps taking the lock at the same time' };
}

/** Rewrite our lease (heartbeat); false when the file no longer holds our apply's lease. */
export function renewLocal(root: string, lease: Lease): boolean {
  const path = localLockPath(root, lease.env);
  const there = readLease(path);
  if (!there || there.applyId !== lease.applyId || there.pid !== lease.pid || there.host !== lease.host) return false;
  const tmp = `${path}.${lease.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(lease, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  return true;
}

export function releaseLocal(root: string, lease: Lease): void {
  const path = localLockPath(root, lease.env);
  const there = readLease(path);
  if (there && there.applyId === lease.applyId && there.pid === lease.pid && there.host === lease.host) rmSync(path, { force: true });
}
