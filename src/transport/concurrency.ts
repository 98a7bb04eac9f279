/**
 * Bounded concurrency for reads across many hosts: at most `limit` calls in flight, results in
 * input order. A failing item rejects the whole call only if `fn` throws — callers that want one
 * unreachable host to yield an `unknown` read catch inside `fn` and return a value.
 */

/**
 * Hosts read at once when neither `--concurrency` nor the environment's `ssh.concurrency` says
 * otherwise. A host read is mostly waiting (a handshake of ~7 round trips, then a few commands),
 * so at 20 ms RTT one host takes ~0.3 s of wall time and ~5 ms of CPU: 64 in flight read 1000
 * hosts in ~5 s while the ops host stays far from busy (docs/transports.md, "Read concurrency").
 */
export const DEFAULT_CONCURRENCY = 64;

export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  }
  const workers = Array.from({ length: Math.min(limit, items.length) }, () => worker());
  await Promise.all(workers);
  return results;
}

/** A counting semaphore: `acquire()` resolves to a release function, FIFO order. */
export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async acquire(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((r) => this.#waiting.push(r));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const wake = this.#waiting.shift();
      if (wake) wake();
      else this.#free++;
    };
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }
}
