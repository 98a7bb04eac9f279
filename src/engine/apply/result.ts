/** The run's status, derived from its outcomes (never set by hand). */
import type { ApplyStatus } from '../journal/format.js';
import type { RollbackResult, StepResult } from './types.js';

export function deriveStatus(steps: readonly StepResult[], rollback: readonly RollbackResult[], irreversibleKept: readonly string[], undoRun = false): ApplyStatus {
  const undone = rollback.every((r) => r.outcome === 'rolled-back' || r.outcome === 'nothing-to-undo') && irreversibleKept.length === 0;
  if (undoRun) return undone ? 'rolled-back' : 'failed-rollback-incomplete';
  if (steps.every((s) => s.outcome === 'verified')) return 'succeeded';
  return undone ? 'failed-rolled-back' : 'failed-rollback-incomplete';
}

export function statusMessage(status: ApplyStatus, steps: readonly StepResult[], rollback: readonly RollbackResult[]): string {
  const verified = steps.filter((s) => s.outcome === 'verified').length;
  const failed = steps.find((s) => s.outcome === 'failed');
  if (status === 'succeeded') return `${verified}/${steps.length} step(s) applied and verified`;
  const rolled = rollback.filter((r) => r.outcome === 'rolled-back').length;
  if (status === 'rolled-back') return `${rolled} step(s) rolled back on request, the pre-apply state is restored`;
  const head = failed ? `step ${failed.step} failed (${failed.phase}): ${failed.message}` : 'the apply stopped';
  const tail = status === 'failed-rolled-back' ? `; ${rolled} step(s) rolled back, the pre-apply state is restored` : `; rollback incomplete: ${rollback.filter((r) => r.outcome === 'failed' || r.outcome === 'irreversible').map((r) => `${r.step} (${r.outcome})`).join(', ')}`;
  return head + tail;
}
