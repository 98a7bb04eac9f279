/**
 * Comparing a fresh read of a step's address with the plan: has it reached the step's after
 * values (resume marks it done), or is it still as the plan saw it (an `intent` without `done`
 * that never ran)?
 */
import { valuesEqual, type LiveRead, type Plan, type Step } from '../../core/index.js';

export function reachedAfter(plan: Plan, step: Step, live: LiveRead | undefined): boolean {
  const change = plan.changes.find((c) => c.address === step.address);
  if (!change || !live || live.status === 'unknown') return false;
  if (change.action === 'delete') return live.status === 'absent';
  if (live.status !== 'present') return false;
  return change.attributes.every((a) => !a.sensitive && valuesEqual(live.attributes?.[a.name], a.after));
}

/** True when the address reads exactly as when the plan was made (same fingerprint). */
export function unchangedSincePlan(plan: Plan, step: Step, live: LiveRead | undefined): boolean {
  const fp = plan.fingerprints[step.address];
  return fp !== undefined && !!live && live.status !== 'unknown' && live.fingerprint === fp;
}
