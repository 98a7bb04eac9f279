/**
 * LabStore: how every lab server and `opsctl lab` command reads and changes the lab's state.
 * The file-backed store (file-store.ts) persists under .lab/ and is safe across processes;
 * memoryStore is for tests of single responders.
 */
import type { LabState } from './types.js';

export interface LabStore {
  /** The state as of now (cached; re-read when another process changed it). Do not mutate. */
  read(): LabState;
  /**
   * Runs `change` on a fresh copy of the state under the store's lock, persists the result
   * and returns what `change` returned. `change` mutates the state it is given.
   */
  update<T>(change: (state: LabState) => T): T;
}

export function memoryStore(initial: LabState): LabStore {
  let state = structuredClone(initial);
  return {
    read: () => state,
    update<T>(change: (s: LabState) => T): T {
      const next = structuredClone(state);
      const result = change(next);
      next.generation += 1;
      state = next;
      return result;
    },
  };
}
