/**
 * Readings derived from a lab host's state and the lab clock: uptime, load averages, and
 * stable pseudo-numbers for counters the state does not model.
 */
import type { LabHost } from '../../state/types.js';
import type { ShellContext } from '../types.js';
import { hostOf } from '../vfs.js';

/** Seconds the host has been up at ctx.now. */
export function uptimeSeconds(ctx: ShellContext): number {
  const since = Math.max(0, (ctx.now.getTime() - Date.parse(ctx.store.read().resetAt)) / 1000);
  return Math.floor(hostOf(ctx).uptimeSeconds + (Number.isFinite(since) ? since : 0));
}

/** Load averages derived from CPU busy and run queue. */
export function loadAverages(h: LabHost): [number, number, number] {
  const busy = (100 - h.cpu.idlePercent) / 100;
  const one = Math.max(h.cpu.runQueue, busy * h.cpu.cores);
  return [one, one * 0.95, one * 0.9];
}

/** Stable small number from a string (for ids, pids, counters). */
export function hashNum(text: string, mod: number): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h % mod;
}
