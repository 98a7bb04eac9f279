/**
 * `rollback --env E --release R`: undo a completed release from its journal's inverses. The last
 * apply of R in E that finished `succeeded` is found under .opsctl/journal/E/; the same rules as
 * apply hold — window (or break-glass), no interrupted apply, the lease — and the live state must
 * still be what the apply left (each address at its after values), else it refuses naming them.
 * The rollback is journaled in the same journal, after a `resume` record, and ends `rolled-back`.
 */
import { noEmit } from '../events.js';
import { interruptedJournals, lastSucceededRelease, loadJournalPlan, stepStates } from '../journal/reader.js';
import { refused } from './apply.js';
import { reachedAfter } from './compare.js';
import { finishRun, startHeartbeat } from './finish.js';
import { reread } from './freshness.js';
import { reopen, seed } from './recover.js';
import { rollbackSteps, stepById } from './rollback.js';
import { changesObject } from './run-context.js';
import type { ApplyResult, RecordApply, Refusal, RunOptions, WindowCheck } from './types.js';
import type { Locker } from '../lock/index.js';

export interface ReleaseRollbackOptions extends RunOptions {
  root: string;
  release: string;
  lock: Locker;
  now: () => Date;
  window: WindowCheck;
  breakGlass?: { reason: string };
  takeOver?: boolean;
  recordApply?: RecordApply;
}

export async function rollbackRelease(opts: ReleaseRollbackOptions): Promise<ApplyResult> {
  const env = opts.ctx.env;
  const emit = opts.emit ?? noEmit;
  const refuse = (r: Refusal): ApplyResult => {
    emit({ kind: 'apply-refused', env, codes: [r.code], messages: [r.message] });
    return refused(env, [r]);
  };
  const file = lastSucceededRelease(opts.root, env, opts.release);
  if (!file) return refuse({ code: 'nothing-to-recover', message: `no succeeded apply of release ${opts.release} in ${env} under .opsctl/journal/${env}/`, details: [] });
  const plan = loadJournalPlan(file);
  const states = stepStates(file.records);
  const ids = [...states].filter(([, s]) => s.done).sort((a, b) => (b[1].doneSeq ?? 0) - (a[1].doneSeq ?? 0)).map(([id]) => id);
  const minutes = Math.ceil(ids.reduce((n, id) => n + stepById(plan, id).estimatedSeconds, 0) / 60);
  const verdict = opts.window(opts.now(), minutes);
  if (!verdict.open && !opts.breakGlass?.reason.trim()) {
    return refuse({ code: 'window-closed', message: `no change may run in ${env} at ${verdict.at}${verdict.next ? `; next window: ${verdict.next.name} ${verdict.next.opensAt} → ${verdict.next.closesAt}` : ''}`, details: verdict.reasons, window: verdict });
  }
  if (interruptedJournals(opts.root, env).length) return refuse({ code: 'interrupted-apply', message: `an apply to ${env} was interrupted; recover it first`, details: [] });
  const got = await opts.lock.acquire({ applyId: file.applyId, purpose: 'rollback', takeOver: !!opts.takeOver });
  if (!got.ok) return refuse({ code: 'lock-held', message: `${env} is locked: ${got.why}`, details: [got.where] });
  const moved: string[] = [];
  for (const id of ids) {
    const step = stepById(plan, id);
    if (!changesObject(step)) continue;
    const live = (await reread(plan, [step.address], opts.providers, opts.ctx)).get(step.address);
    if (!reachedAfter(plan, step, live)) moved.push(step.address);
  }
  if (moved.length) {
    await got.held.release();
    return refuse({ code: 'stale-plan', message: `${moved.length} address(es) changed since release ${opts.release} was applied; rolling back would overwrite that`, details: moved, addresses: moved });
  }
  const rc = reopen(opts, file, got.held, 'rollback-release');
  const stopHeartbeat = startHeartbeat(rc, got.held);
  try {
    seed(rc, states);
    const rolled = await rollbackSteps(rc, ids, `rollback of release ${opts.release}`);
    const steps = plan.steps.map((s) => ({ step: s.id, address: s.address, outcome: 'verified' as const, message: 'applied by the release' }));
    return await finishRun(rc, got.held, {
      applyId: file.applyId, undoRun: true, steps, rollback: rolled,
      irreversibleKept: rolled.filter((r) => r.outcome === 'irreversible').map((r) => r.step),
      ...(opts.breakGlass && !verdict.open ? { breakGlass: { reason: opts.breakGlass.reason, windowReasons: verdict.reasons } } : {}),
    }, { root: opts.root, approvals: [], ...(opts.recordApply ? { recordApply: opts.recordApply } : {}) });
  } finally {
    stopHeartbeat();
    rc.journal.close();
  }
}
