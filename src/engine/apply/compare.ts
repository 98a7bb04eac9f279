/**
 * Comparing a fresh read of a step's address with the plan: has it reached the step's after
 * values (resume marks it done), or is it still as the plan saw it (an `intent` without `done`
 * that never ran)? And, when it has not reached them, how it differs (for a refusal's details).
 */
import { isMasked, showValue, valuesEqual, type LiveRead, type Plan, type Step } from '../../core/index.js';

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

/** Lines `address attribute: applied X, live now Y` for every after value the live read lacks. */
export function differenceFromAfter(plan: Plan, step: Step, live: LiveRead | undefined): string[] {
  const change = plan.changes.find((c) => c.address === step.address);
  if (!change) return [];
  if (!live || live.status === 'unknown') return [`${step.address}: cannot be read now${live?.reason ? ` (${live.reason})` : ''}`];
  if (change.action === 'delete') return live.status === 'absent' ? [] : [`${step.address}: the apply deleted it, it exists again`];
  if (live.status !== 'present') return [`${step.address}: the apply left it present, it is ${live.status} now`];
  return change.attributes
    .filter((a) => a.sensitive || !valuesEqual(live.attributes?.[a.name], a.after))
    .map((a) => {
      const now = isMasked(a) ? '(sensitive: cannot be compared)' : JSON.stringify(live.attributes?.[a.name] ?? null);
      return `${step.address} ${a.name}: the apply left ${showValue(a, 'after')}, live now ${now}`;
    });
}
