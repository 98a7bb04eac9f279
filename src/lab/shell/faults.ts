/**
 * Fault lookups for one lab host. A fault (LabState.faults) applies to a host when its target is
 * the host's name, `*`, or `HOST:detail` — detail narrows it: a mount point for `disk-full`
 * (`app01:/weblogic`), a command name for `command-hangs` (`app01:sqlplus`), milliseconds for
 * `slow` (`app01:8000`; default SLOW_FAULT_MS).
 */
import type { ActiveScenario, LabState } from '../state/types.js';

export const SLOW_FAULT_MS = 3000;

export function hostFaults(state: LabState, host: string, name: string): Array<{ fault: ActiveScenario; detail: string | undefined }> {
  const out: Array<{ fault: ActiveScenario; detail: string | undefined }> = [];
  for (const f of state.faults ?? []) {
    if (f.name !== name) continue;
    if (f.target === host || f.target === '*') out.push({ fault: f, detail: undefined });
    else if (f.target.startsWith(`${host}:`)) out.push({ fault: f, detail: f.target.slice(host.length + 1) });
  }
  return out;
}

export function hasFault(state: LabState, host: string, name: string): boolean {
  return hostFaults(state, host, name).length > 0;
}

/** Does `command-hangs` apply to this command name on this host? */
export function commandHangs(state: LabState, host: string, command: string): boolean {
  return hostFaults(state, host, 'command-hangs').some((f) => f.detail === undefined || f.detail === command);
}

/** Extra milliseconds per exec from the `slow` fault (0 when none). */
export function slowMs(state: LabState, host: string): number {
  const f = hostFaults(state, host, 'slow')[0];
  if (!f) return 0;
  const n = Number(f.detail);
  return f.detail !== undefined && Number.isFinite(n) ? n : SLOW_FAULT_MS;
}

/** Is the filesystem mounted at `mount` full by a `disk-full` fault? */
export function mountFull(state: LabState, host: string, mount: string): boolean {
  return hostFaults(state, host, 'disk-full').some((f) => f.detail === undefined || f.detail === mount);
}

/** A promise that never settles unless `signal` aborts (then it rejects). */
export function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}

/** setTimeout as a promise that an abort cuts short (rejecting). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  if (signal?.aborted) return Promise.reject(new Error('aborted'));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new Error('aborted'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
