/**
 * Rollback (DESIGN §6 rule 6): undo completed steps one at a time in reverse order with the
 * inverses captured before they ran; journal `rollback-intent` before and `rolled-back` after
 * each. Restarts and health gates leave nothing to undo; irreversible steps are never undone
 * automatically — they are reported. A journal-only inverse whose secret values were redacted
 * cannot be restored and says so.
 */
import type { ChangeAction, Plan, Step, StepAction } from '../../core/index.js';
import { providerFor } from './preflight.js';
import { changesObject, errorText, record, stepRequest, type RunContext } from './run-context.js';
import type { RollbackRequest, RollbackResult } from './types.js';

const STEP_ACTION: Record<Exclude<ChangeAction, 'noop'>, StepAction> = { create: 'create', update: 'update', delete: 'delete', replace: 'replace' };

export function stepById(plan: Plan, id: string): Step {
  const step = plan.steps.find((s) => s.id === id);
  if (!step) throw new Error(`the plan has no step ${id}`);
  return step;
}

function result(step: Step, outcome: RollbackResult['outcome'], message: string): RollbackResult {
  return { step: step.id, address: step.address, outcome, message };
}

async function undoOne(rc: RunContext, step: Step): Promise<RollbackResult> {
  if (!changesObject(step)) return result(step, 'nothing-to-undo', `${step.action} leaves nothing to undo`);
  if (!step.reversible) return result(step, 'irreversible', 'irreversible: not rolled back automatically');
  const captured = rc.captured.get(step.id);
  const provider = providerFor(rc.opts.providers, step.system);
  if (!provider) return result(step, 'failed', `no provider for ${step.system}`);
  if (!captured?.inverse && !captured?.undo) return result(step, 'failed', 'no inverse was captured for this step');
  if (captured.redacted?.length) return result(step, 'failed', `sensitive attribute(s) ${captured.redacted.join(', ')} are only "[secret]" in the journal and cannot be restored from it; restore them by hand`);
  const action = captured.inverse && captured.inverse.action !== 'noop' ? STEP_ACTION[captured.inverse.action] : step.action;
  const undoStep: Step = { ...step, id: `rollback:${step.id}`, action, description: `roll back: ${step.description}`, dependsOn: [] };
  const req: RollbackRequest = {
    ...stepRequest(rc, undoStep),
    rollback: { of: step, ...(captured.inverse ? { inverse: captured.inverse } : {}), ...(captured.undo ? { undo: captured.undo } : {}) },
  };
  record(rc, { type: 'rollback-intent', step: step.id });
  try {
    const res = await provider.rollback(req);
    if (res.outcome === 'failed') {
      record(rc, { type: 'rollback-failed', step: step.id, message: res.message });
      return result(step, 'failed', res.message);
    }
    record(rc, { type: 'rolled-back', step: step.id, message: res.message });
    return result(step, 'rolled-back', res.message);
  } catch (err) {
    const message = `the provider threw: ${errorText(err)}`;
    record(rc, { type: 'rollback-failed', step: step.id, message });
    return result(step, 'failed', message);
  }
}

/** Undo `ids` in the order given (callers pass reverse completion order). Never throws. */
export async function rollbackSteps(rc: RunContext, ids: readonly string[], reason: string): Promise<RollbackResult[]> {
  rc.emit({ kind: 'rollback-start', steps: ids.length, reason });
  const out: RollbackResult[] = [];
  for (const id of ids) {
    const step = stepById(rc.plan, id);
    const r = await undoOne(rc, step);
    rc.emit({ kind: 'step-rolled-back', step: id, outcome: r.outcome, message: r.message });
    out.push(r);
  }
  return out;
}
