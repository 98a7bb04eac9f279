/**
 * A cross-process lock file (.lab/state.lock): created with O_EXCL, holding the owner's pid.
 * A lock whose pid is gone is stale and is taken over; otherwise we retry with short sleeps.
 */
import { openSync, readFileSync, statSync, unlinkSync, writeSync, closeSync } from 'node:fs';

export class LabLockError extends Error {
  override readonly name = 'LabLockError';
}

/** Is a process with this pid alive (EPERM: alive, owned by someone else)? */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** True when the lock at `path` belongs to nobody alive (or is an unwritten file left long ago). */
function isStale(path: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(pid) && pid > 0) return pid !== process.pid && !pidAlive(pid);
    return Date.now() - statSync(path).mtimeMs > 2000;
  } catch {
    return false; // vanished meanwhile: the next attempt will simply create it
  }
}

/** Takes the lock, runs `fn`, releases the lock. Throws LabLockError after `timeoutMs`. */
export function withLock<T>(path: string, timeoutMs: number, fn: () => T): T {
  const deadline = Date.now() + timeoutMs;
  let attempt = 0;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (isStale(path)) {
      try {
        unlinkSync(path);
      } catch {
        // someone else removed it first
      }
      continue;
    }
    if (Date.now() > deadline) throw new LabLockError(`lab state is locked by another process (${path}); gave up after ${timeoutMs} ms`);
    sleepSync(Math.min(50, 2 + attempt++ * 2));
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone (taken over as stale): nothing to release
    }
  }
}
