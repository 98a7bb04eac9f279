/**
 * Context pieces shared by the in-process tests and the kill tests' child process (kept free of
 * file-reading module side effects so the child bundle can load it anywhere).
 */
import type { WindowAssessment } from '../../../src/core/windows.js';
import type { WindowCheck } from '../../../src/engine/apply/types.js';
import type { EnvironmentModel } from '../../../src/model/model.js';
import type { ProviderContext } from '../../../src/providers/context.js';

export const NOW = new Date('2026-11-28T22:00:00+08:00');
export const now = (): Date => NOW;

export function fakeContext(root: string, env = 'lab'): ProviderContext {
  const never = (): Promise<never> => Promise.reject(new Error('not used by the fake'));
  return {
    root, env, model: { hosts: [] } as unknown as EnvironmentModel,
    hosts: { exec: never, writeFile: never, readFile: never },
    weblogic: never, oracle: never, secret: never, concurrency: 4, now,
  };
}

export const openWindow: WindowCheck = (at, durationMinutes) => ({ open: true, at: at.toISOString(), reasons: [], reserveMinutes: 30, durationMinutes });

export const closedWindow: WindowCheck = (at, durationMinutes): WindowAssessment => ({
  open: false, at: at.toISOString(), reasons: ['2026-12-02 is inside 征期 (12-01 … 12-15)'], reserveMinutes: 30, durationMinutes,
  next: { name: 'nightly', opensAt: '2026-12-15T22:00:00+08:00', closesAt: '2026-12-16T06:00:00+08:00', usableMinutes: 450 },
});

