// mapBounded: never more than `limit` in flight, results in input order, errors propagate.
import { describe, expect, it } from 'vitest';
import { Semaphore, mapBounded } from '../../src/transport/index.js';

describe('mapBounded', () => {
  it('keeps at most `limit` calls in flight and returns results in order', async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapBounded(Array.from({ length: 40 }, (_, i) => i), 16, async (n) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(max).toBe(16);
  });

  it('rejects with the first error and refuses a bad limit', async () => {
    await expect(mapBounded([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; })).rejects.toThrow('two');
    await expect(mapBounded([1], 0, async (n) => n)).rejects.toThrow(RangeError);
    expect(await mapBounded([], 4, async (n) => n)).toEqual([]);
  });
});

describe('Semaphore', () => {
  it('hands slots out in FIFO order', async () => {
    const s = new Semaphore(1);
    const order: number[] = [];
    const r1 = await s.acquire();
    const p2 = s.acquire().then((r) => (order.push(2), r));
    const p3 = s.acquire().then((r) => (order.push(3), r));
    expect(s.waiting).toBe(2);
    r1();
    (await p2)();
    (await p3)();
    expect(order).toEqual([2, 3]);
  });
});
