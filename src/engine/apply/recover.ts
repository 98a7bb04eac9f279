/**
 * recover (DESIGN §6 rule 5): finish or undo an apply that was interrupted (its journal has no
 * `finished`). The lease is re-taken for the same apply id — from a dead or expired owner, or
 * with explicit --take-over — and the journal goes on in the same file after a `resume` record.
 *
 * resume: steps without `verified` run again in plan order; each is re-read first and, when it
 * already holds its after values, is marked done (`already`) and only verified. A failure rolls
 * back everything done, before and after the interruption.
 * rollback: every step with `done`, and every `intent` without `done` whose address no longer
 * reads as the plan saw it (it may have half-run), is undone in reverse order. A restart that
 * was interrupted (intent without `verified`) may have left its member stopped: it runs again,
 * after the undo, so the member serves with the restored configuration as it did before.
 */
import type { Step } from '../../core/index.js';
import { noEmit } from '../events.js';
import type { JournalMode } from '../journal/format.js';
import { interruptedJournals, lastSeq, loadJournalPlan, stepStates, type JournalFile, type StepState } from '../journal/reader.js';
import { JournalWriter } from '../journal/writer.js';
import { leaseRecord, type HeldLock, type Locker } from '../lock/index.js';
import { refused } from './apply.js';
import { reachedAfter, unchangedSincePlan } from './compare.js';
import { finishRun, rollbackAfterFailure, startHeartbeat } from './finish.js';
import { reread } from './freshness.js';
import { rollbackSteps } from './rollback.js';
import { changesObject, newRunContext, type RunContext } from './run-context.js';
import { runStep } from './run-step.js';
import { runSteps } from './schedule.js';
import type { ApplyResult, RecordApply, RunOptions } from './types.js';

export interface RecoverOptions extends RunOptions {
  root: string;
  mode: 'resume' | 'rollback';
  lock: Locker;
  now: () => Date;
  takeOver?: boolean;
  recordApply?: RecordApply;
}

export async function recoverApply(opts: RecoverOptions): Promise<ApplyResult> {
  const env = opts.ctx.env;
  const emit = opts.emit ?? noEmit;
  const found = interruptedJournals(opts.root, env);
  const file = found.at(-1);
  if (!file) {
    emit({ kind: 'apply-refused', env, codes: ['nothing-to-recover'], messages: [`no interrupted apply in ${env}`] });
    return refused(env, [{ code: 'nothing-to-recover', message: `no interrupted apply to recover in ${env} (every journal under .opsctl/journal/${env}/ is finished)`, details: [] }]);
  }
  const got = await opts.lock.acquire({ applyId: file.applyId, purpose: 'recover', takeOver: !!opts.takeOver });
  if (!got.ok) {
    emit({ kind: 'apply-refused', env, codes: ['lock-held'], messages: [got.why] });
    return refused(env, [{ code: 'lock-held', message: `${env} is locked: ${got.why}`, details: [got.where] }]);
  }
  const rc = reopen(opts, file, got.held, opts.mode === 'resume' ? 'recover-resume' : 'recover-rollback');
  const stopHeartbeat = startHeartbeat(rc, got.held);
  try {
    const states = stepStates(file.records);
    seed(rc, states);
    const outcome = opts.mode === 'resume' ? await resume(rc, states) : await undoAll(rc, states);
    return await finishRun(rc, got.held, { applyId: file.applyId, ...outcome, ...(got.held.tookOver ? { tookOver: got.held.tookOver } : {}) }, { root: opts.root, approvals: [], ...(opts.recordApply ? { recordApply: opts.recordApply } : {}) });
  } finally {
    stopHeartbeat();
    rc.journal.close();
  }
}

export function reopen(opts: RunOptions & { now: () => Date }, file: JournalFile, held: HeldLock, mode: JournalMode): RunContext {
  const plan = loadJournalPlan(file);
  const journal = JournalWriter.reopen(file.path, file.planPath, file.start?.planDigest ?? '', lastSeq(file), opts.now);
  const rc = newRunContext(plan, opts, journal);
  rc.journal.append({ type: 'resume', mode, owner: held.lease.owner, lease: leaseRecord(held.lease), ...(held.tookOver ? { takeOver: held.tookOver } : {}) });
  opts.onJournal?.('resume');
  rc.emit({ kind: 'apply-start', env: plan.env, applyId: file.applyId, steps: plan.steps.length, journal: file.path, mode });
  return rc;
}

/** In-memory state from the journal: inverses (redacted ones marked) and the done order. */
export function seed(rc: RunContext, states: ReadonlyMap<string, StepState>): void {
  for (const [id, s] of states) {
    if (s.inverse || s.undo) {
      rc.captured.set(id, { ...(s.inverse ? { inverse: s.inverse } : {}), ...(s.undo ? { undo: s.undo } : {}), ...(s.inverse?.redacted?.length ? { redacted: s.inverse.redacted } : {}) });
    }
  }
  const done = [...states].filter(([, s]) => s.done && !s.rolledBack).sort((a, b) => (a[1].doneSeq ?? 0) - (b[1].doneSeq ?? 0));
  rc.doneOrder.push(...done.map(([id]) => id));
}

async function resume(rc: RunContext, states: ReadonlyMap<string, StepState>): Promise<Pick<ApplyResult, 'steps' | 'rollback' | 'irreversibleKept'>> {
  const verified = new Set([...states].filter(([, s]) => s.verified).map(([id]) => id));
  rc.beforeStep = async (step: Step) => {
    const s = states.get(step.id);
    if (s?.done) return 'verify-only';
    if (!changesObject(step) || rc.plan.fingerprints[step.address] === undefined && !rc.plan.changes.some((c) => c.address === step.address)) return 'run';
    const live = (await reread(rc.plan, [step.address], rc.opts.providers, rc.opts.ctx)).get(step.address);
    return reachedAfter(rc.plan, step, live) ? 'already-done' : 'run';
  };
  const run = await runSteps(rc, rc.plan.steps, verified);
  if (!run.failed) return { steps: run.results, rollback: [], irreversibleKept: [] };
  const rb = await rollbackAfterFailure(rc, run.results);
  return { steps: run.results, rollback: rb.results, irreversibleKept: rb.irreversibleKept };
}

async function undoAll(rc: RunContext, states: ReadonlyMap<string, StepState>): Promise<Pick<ApplyResult, 'steps' | 'rollback' | 'irreversibleKept'> & { undoRun: true }> {
  const candidates: { id: string; seq: number }[] = [];
  for (const [id, s] of states) {
    if (s.rolledBack || !s.intent) continue;
    if (s.done) {
      candidates.push({ id, seq: s.doneSeq ?? 0 });
      continue;
    }
    const step = rc.plan.steps.find((x) => x.id === id);
    if (!step || !changesObject(step)) continue;
    const live = (await reread(rc.plan, [step.address], rc.opts.providers, rc.opts.ctx)).get(step.address);
    if (!unchangedSincePlan(rc.plan, step, live)) candidates.push({ id, seq: s.intentSeq ?? 0 });
  }
  const ids = candidates.sort((a, b) => b.seq - a.seq).map((c) => c.id);
  const rolled = await rollbackSteps(rc, ids, 'recover --rollback');
  for (const step of interruptedRestarts(rc, states)) await runStep(rc, step);
  const steps = rc.plan.steps.map((s) => ({
    step: s.id, address: s.address,
    outcome: states.get(s.id)?.verified ? ('verified' as const) : ('not-started' as const),
    message: 'interrupted; rolled back by recover',
  }));
  return { undoRun: true, steps, rollback: rolled, irreversibleKept: rolled.filter((r) => r.outcome === 'irreversible').map((r) => r.step) };
}

/** Restarts whose member may be down: begun (intent) but never verified healthy. */
function interruptedRestarts(rc: RunContext, states: ReadonlyMap<string, StepState>): Step[] {
  return rc.plan.steps.filter((step) => {
    const s = states.get(step.id);
    return step.action === 'restart' && !!s?.intent && !s.verified;
  });
}
