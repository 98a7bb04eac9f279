/**
 * `rollback --env E --release R`: undo a completed release from the inverses its apply journaled.
 * The apply comes from its committed record (found in git by the caller: release/applied.ts), so
 * any clone can roll back; its journal is laid back under .opsctl/journal/E/ when this working
 * copy does not have it. The same rules as apply hold — window (or break-glass with a reason),
 * no interrupted apply, the lease — and the live state must still be what the apply left (each
 * address at its after values), else it refuses, naming each attribute that differs. The
 * rollback is journaled in the same journal after a `resume` record, ends `rolled-back`, and is
 * recorded as its own apply record (a new id) naming the record it undid.
 */
import { existsSync } from 'node:fs';
import { canonicalJson, type Plan } from '../../core/index.js';
import { noEmit } from '../events.js';
import { interruptedJournals, readJournal, stepStates, type JournalFile } from '../journal/reader.js';
import { journalPaths, planDigest, restoreJournal } from '../journal/writer.js';
import { newApplyId, refused } from './apply.js';
import { differenceFromAfter, reachedAfter } from './compare.js';
import { finishRun, startHeartbeat } from './finish.js';
import { reread } from './freshness.js';
import { reopen, seed } from './recover.js';
import { rollbackSteps, stepById } from './rollback.js';
import { changesObject } from './run-context.js';
import type { ApplyResult, RecordApply, Refusal, RunOptions, WindowCheck } from './types.js';
import type { Locker } from '../lock/index.js';

/** A succeeded apply as committed: its record folder and commit, its plan and journal. */
export interface CommittedApply {
  applyId: string;
  record: string;
  commit: string;
  plan: Plan;
  journalText: string;
}

export interface ReleaseRollbackOptions extends RunOptions {
  root: string;
  release: string;
  applied: CommittedApply;
  lock: Locker;
  now: () => Date;
  window: WindowCheck;
  breakGlass?: { reason: string };
  takeOver?: boolean;
  recordApply?: RecordApply;
}

/** The apply's journal in this working copy: the local one, or the committed one laid back. */
function localJournal(root: string, env: string, a: CommittedApply): JournalFile | Refusal {
  const planText = `${canonicalJson(a.plan, 2)}\n`;
  const { path } = journalPaths(root, env, a.applyId);
  if (!existsSync(path)) restoreJournal(root, env, a.applyId, planText, a.journalText);
  const file = readJournal(path);
  if (file.start?.planDigest !== planDigest(planText)) {
    return { code: 'invalid-plan', message: `the journal ${path} is not the one committed with ${a.record}: its plan digest differs`, details: [] };
  }
  if (file.finished?.status !== 'succeeded') {
    return { code: 'nothing-to-recover', message: `the journal ${path} of ${a.record} ends ${file.finished?.status ?? 'unfinished'}, not succeeded: it was already undone or is still running here`, details: [] };
  }
  return file;
}

/** Addresses of the done steps that no longer hold the after values the apply left, and how they differ. */
async function changedSinceApply(opts: ReleaseRollbackOptions, plan: Plan, ids: readonly string[]): Promise<{ moved: string[]; differences: string[] }> {
  const moved: string[] = [];
  const differences: string[] = [];
  for (const id of ids) {
    const step = stepById(plan, id);
    if (!changesObject(step)) continue;
    const live = (await reread(plan, [step.address], opts.providers, opts.ctx)).get(step.address);
    if (reachedAfter(plan, step, live)) continue;
    moved.push(step.address);
    differences.push(...differenceFromAfter(plan, step, live));
  }
  return { moved, differences };
}

export async function rollbackRelease(opts: ReleaseRollbackOptions): Promise<ApplyResult> {
  const env = opts.ctx.env;
  const emit = opts.emit ?? noEmit;
  const refuse = (r: Refusal): ApplyResult => {
    emit({ kind: 'apply-refused', env, codes: [r.code], messages: [r.message] });
    return refused(env, [r]);
  };
  const a = opts.applied;
  const file = localJournal(opts.root, env, a);
  if ('code' in file) return refuse(file);
  const plan = a.plan;
  const states = stepStates(file.records);
  const ids = [...states].filter(([, s]) => s.done).sort((x, y) => (y[1].doneSeq ?? 0) - (x[1].doneSeq ?? 0)).map(([id]) => id);
  const minutes = Math.ceil(ids.reduce((n, id) => n + stepById(plan, id).estimatedSeconds, 0) / 60);
  const verdict = opts.window(opts.now(), minutes);
  const breakGlass = opts.breakGlass?.reason.trim();
  if (opts.breakGlass && !breakGlass) return refuse({ code: 'break-glass-without-reason', message: 'break-glass needs a reason (it is recorded)', details: [] });
  if (!verdict.open && !breakGlass) {
    return refuse({ code: 'window-closed', message: `no change may run in ${env} at ${verdict.at}${verdict.next ? `; next window: ${verdict.next.name} ${verdict.next.opensAt} → ${verdict.next.closesAt}` : ''}`, details: verdict.reasons, window: verdict });
  }
  if (interruptedJournals(opts.root, env).length) return refuse({ code: 'interrupted-apply', message: `an apply to ${env} was interrupted; recover it first`, details: [] });
  const runId = newApplyId(opts.now());
  const got = await opts.lock.acquire({ applyId: runId, purpose: 'rollback', takeOver: !!opts.takeOver });
  if (!got.ok) return refuse({ code: 'lock-held', message: `${env} is locked: ${got.why}`, details: [got.where] });
  const { moved, differences } = await changedSinceApply(opts, plan, ids);
  if (moved.length) {
    await got.held.release();
    return refuse({
      code: 'stale-plan',
      message: `${moved.length} address(es) changed since release ${opts.release} was applied (${a.record}); rolling back would overwrite that — see \`opsctl plan --env ${env}\` for the whole difference`,
      details: differences, addresses: moved,
    });
  }
  const startedAt = opts.now().toISOString();
  const rc = reopen(opts, file, got.held, 'rollback-release');
  const stopHeartbeat = startHeartbeat(rc, got.held);
  try {
    seed(rc, states);
    const rolled = await rollbackSteps(rc, ids, `rollback of release ${opts.release} (${a.record})`);
    const steps = plan.steps.map((s) => ({ step: s.id, address: s.address, outcome: 'verified' as const, message: 'applied by the release' }));
    return await finishRun(rc, got.held, {
      applyId: runId, undoRun: true, steps, rollback: rolled,
      irreversibleKept: rolled.filter((r) => r.outcome === 'irreversible').map((r) => r.step),
      ...(breakGlass ? { breakGlass: { reason: breakGlass, windowReasons: verdict.open ? ['window was open'] : verdict.reasons } } : {}),
    }, {
      root: opts.root, approvals: [], ...(opts.recordApply ? { recordApply: opts.recordApply } : {}),
      undo: { runId, startedAt, of: { applyId: a.applyId, record: a.record, commit: a.commit } },
    });
  } finally {
    stopHeartbeat();
    rc.journal.close();
  }
}
