/**
 * The end of a run: roll back after a failure (done steps in reverse, plus the failed step when
 * a re-read shows it half-ran), derive the status, journal `finished`, release the lease and
 * hand the record to git (DESIGN §6 rule 7) through the injected `recordApply`.
 */
import type { ApplyStatus } from '../journal/format.js';
import type { HeldLock } from '../lock/index.js';
import { unchangedSincePlan } from './compare.js';
import { reread } from './freshness.js';
import { deriveStatus, statusMessage } from './result.js';
import { rollbackSteps, stepById } from './rollback.js';
import { errorText, type RunContext } from './run-context.js';
import type { ApplyResult, RecordApply, RollbackResult, StepResult, UndoOf } from './types.js';

/** The failed step itself may have half-run (a provider that broke its contract): re-read it. */
async function halfRun(rc: RunContext, results: readonly StepResult[]): Promise<string[]> {
  const suspects = results.filter((r) => r.outcome === 'failed' && r.phase === 'apply' && !rc.doneOrder.includes(r.step));
  const out: string[] = [];
  for (const r of suspects) {
    const step = stepById(rc.plan, r.step);
    if (rc.plan.fingerprints[step.address] === undefined) continue;
    const live = (await reread(rc.plan, [step.address], rc.opts.providers, rc.opts.ctx)).get(step.address);
    if (!unchangedSincePlan(rc.plan, step, live)) out.push(step.id);
  }
  return out;
}

export async function rollbackAfterFailure(rc: RunContext, results: readonly StepResult[]): Promise<{ results: RollbackResult[]; irreversibleKept: string[] }> {
  const ids = [...(await halfRun(rc, results)), ...[...rc.doneOrder].reverse()];
  const rolled = await rollbackSteps(rc, ids, rc.stopReason ?? 'a step failed');
  return { results: rolled, irreversibleKept: rolled.filter((r) => r.outcome === 'irreversible').map((r) => r.step) };
}

export function startHeartbeat(rc: RunContext, held: HeldLock): () => void {
  const every = rc.opts.heartbeatMs ?? 100_000;
  if (every <= 0) return () => {};
  const timer = setInterval(() => {
    void held.heartbeat().then((ok) => {
      if (!ok && !rc.stopReason) {
        rc.stopReason = 'the lease on the environment was lost (someone took it over)';
        rc.emit({ kind: 'apply-lock-lost', env: rc.plan.env });
      }
    });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}

type Outcome = Pick<ApplyResult, 'steps' | 'rollback' | 'irreversibleKept'> & Partial<ApplyResult> & { applyId: string; undoRun?: boolean };

export async function finishRun(rc: RunContext, held: HeldLock, outcome: Outcome, rec: { root: string; approvals: unknown[]; recordApply?: RecordApply; undo?: UndoOf }): Promise<ApplyResult> {
  const { undoRun, ...rest } = outcome;
  const status: ApplyStatus = deriveStatus(rest.steps, rest.rollback, rest.irreversibleKept, undoRun);
  const message = statusMessage(status, outcome.steps, outcome.rollback);
  rc.journal.append({ type: 'finished', status, message });
  rc.opts.onJournal?.('finished');
  await held.release();
  const result: ApplyResult = { ...rest, status, env: rc.plan.env, refusals: [], journal: { path: rc.journal.path, planPath: rc.journal.planPath } };
  rc.emit({ kind: 'apply-finished', env: rc.plan.env, applyId: outcome.applyId, status, message });
  if (rec.recordApply) {
    try {
      await rec.recordApply({
        root: rec.root, env: rc.plan.env, plan: rc.plan, journal: { path: rc.journal.path, planPath: rc.journal.planPath },
        outcome: result, approvals: rec.approvals, ...(result.breakGlass ? { breakGlass: result.breakGlass } : {}),
        healthSummary: outcome.steps.map((s) => ({ step: s.step, status: s.outcome, message: s.message })),
        ...(rec.undo ? { undo: rec.undo } : {}),
      });
      rc.emit({ kind: 'apply-record', ok: true, message: 'apply record committed' });
    } catch (err) {
      result.recordError = errorText(err);
      rc.emit({ kind: 'apply-record', ok: false, message: result.recordError });
    }
  }
  return result;
}
