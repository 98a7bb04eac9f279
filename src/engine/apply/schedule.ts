/**
 * Steps in dependency order, independent ones concurrently up to the bound. Steps start in plan
 * order (deterministic with a bound of 1). After a failure, an abort or a lost lease nothing new
 * starts; running steps finish; the rest are reported `not-started`.
 */
import type { Step } from '../../core/index.js';
import type { RunContext } from './run-context.js';
import { runStep } from './run-step.js';
import type { StepResult } from './types.js';

export interface ScheduleResult {
  results: StepResult[];
  failed: boolean;
}

function ready(step: Step, ids: ReadonlySet<string>, ok: ReadonlySet<string>): boolean {
  return step.dependsOn.every((d) => !ids.has(d) || ok.has(d));
}

export async function runSteps(rc: RunContext, steps: readonly Step[], alreadyVerified: ReadonlySet<string>): Promise<ScheduleResult> {
  const bound = Math.max(1, rc.opts.concurrency ?? 4);
  const ids = new Set(steps.map((s) => s.id));
  const ok = new Set(alreadyVerified);
  const started = new Set<string>(alreadyVerified);
  const running = new Map<string, Promise<void>>();
  const results = new Map<string, StepResult>();
  const checkStop = (): void => {
    if (!rc.stopReason && rc.opts.signal?.aborted) rc.stopReason = 'interrupted';
  };
  for (;;) {
    checkStop();
    if (!rc.stopReason) {
      for (const step of steps) {
        if (running.size >= bound) break;
        if (started.has(step.id) || !ready(step, ids, ok)) continue;
        started.add(step.id);
        running.set(step.id, runStep(rc, step).then((r) => {
          results.set(step.id, r);
          if (r.outcome === 'verified') ok.add(step.id);
          else rc.stopReason ??= `step ${step.id} failed (${r.phase}): ${r.message}`;
          running.delete(step.id);
        }));
      }
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  const ordered = steps.map((s): StepResult => results.get(s.id) ?? (alreadyVerified.has(s.id)
    ? { step: s.id, address: s.address, outcome: 'verified', message: 'verified before the interruption' }
    : { step: s.id, address: s.address, outcome: 'not-started', message: rc.stopReason ?? 'not started' }));
  const failed = !!rc.stopReason || ordered.some((r) => r.outcome !== 'verified');
  return { results: ordered, failed };
}
