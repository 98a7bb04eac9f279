/**
 * applyPlan: execute a saved plan under DESIGN §6 — refuse (typed values) when the plan is
 * invalid, errored or incomplete, irreversible without consent, outside a window without
 * break-glass, refused by the release gate, locked, interrupted or stale; otherwise journal and
 * run the steps, and on failure roll back what completed, in reverse. Nothing here prints.
 */
import { randomBytes } from 'node:crypto';
import type { Plan } from '../../core/index.js';
import { noEmit } from '../events.js';
import { interruptedJournals } from '../journal/reader.js';
import { JournalWriter } from '../journal/writer.js';
import { leaseRecord, type HeldLock } from '../lock/index.js';
import { checkFreshness } from './freshness.js';
import { finishRun, rollbackAfterFailure, startHeartbeat } from './finish.js';
import { preflight, type Preflight } from './preflight.js';
import { newRunContext, type RunContext } from './run-context.js';
import { runSteps } from './schedule.js';
import type { ApplyOptions, ApplyResult, Refusal } from './types.js';

export function newApplyId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
}

export function refused(env: string, refusals: Refusal[], extra: Partial<ApplyResult> = {}): ApplyResult {
  return { status: 'refused', env, refusals, steps: [], rollback: [], irreversibleKept: [], ...extra };
}

/** The lease first (a running apply holds it), then, under it, no interrupted apply may exist. */
async function takeLock(opts: ApplyOptions, plan: Plan, applyId: string): Promise<HeldLock | Refusal> {
  const got = await opts.lock.acquire({ applyId, purpose: 'apply', takeOver: !!opts.takeOver });
  if (!got.ok) return { code: 'lock-held', message: `${plan.env} is locked: ${got.why}`, details: [got.where] };
  const interrupted = interruptedJournals(opts.root, plan.env);
  if (interrupted.length) {
    await got.held.release();
    return { code: 'interrupted-apply', message: `an earlier apply to ${plan.env} was interrupted; run \`opsctl recover --env ${plan.env} --resume\` or \`--rollback\` first`, details: interrupted.map((j) => j.path) };
  }
  return got.held;
}

function start(opts: ApplyOptions, plan: Plan, pre: Preflight, held: HeldLock, applyId: string): RunContext {
  const journal = JournalWriter.create(opts.root, plan.env, applyId, plan, opts.now);
  const rc = newRunContext(plan, opts, journal);
  rc.journal.append({
    type: 'start', applyId, env: plan.env, planDigest: journal.planDigest,
    ...(plan.release ? { release: plan.release } : {}),
    owner: held.lease.owner, lease: leaseRecord(held.lease),
    ...(held.tookOver ? { takeOver: held.tookOver } : {}),
    ...(pre.breakGlass ? { breakGlass: pre.breakGlass } : {}),
    ...(opts.consentIrreversible ? { consentIrreversible: plan.steps.filter((s) => !s.reversible).map((s) => s.id) } : {}),
  });
  opts.onJournal?.('start');
  rc.emit({ kind: 'apply-start', env: plan.env, applyId, steps: plan.steps.length, journal: journal.path, mode: 'apply', ...(pre.breakGlass ? { breakGlass: pre.breakGlass.reason } : {}), ...(pre.breakGlass?.waivedApprovals ? { waivedApprovals: pre.breakGlass.waivedApprovals } : {}) });
  return rc;
}

export async function applyPlan(opts: ApplyOptions): Promise<ApplyResult> {
  const emit = opts.emit ?? noEmit;
  const env = opts.ctx.env;
  const refuse = (refusals: Refusal[], extra: Partial<ApplyResult> = {}): ApplyResult => {
    emit({ kind: 'apply-refused', env, codes: refusals.map((r) => r.code), messages: refusals.map((r) => r.message) });
    return refused(env, refusals, extra);
  };
  const pre = await preflight(opts);
  const window = pre.window ? { window: pre.window } : {};
  if (!pre.plan || pre.refusals.length) return refuse(pre.refusals, window);
  const plan = pre.plan;
  const applyId = opts.applyId ?? newApplyId(opts.now());
  const held = await takeLock(opts, plan, applyId);
  if ('code' in held) return refuse([held], window);
  emit({ kind: 'apply-lock', env, owner: held.lease.owner, where: ['working copy', 'target'], ...(held.tookOverWhy ? { tookOver: held.tookOverWhy } : {}) });
  const stale = await checkFreshness(plan, opts.providers, opts.ctx, opts.signal).catch((err: unknown): Refusal => ({ code: 'freshness-unreadable', message: (err as Error).message, details: [] }));
  if (stale) {
    await held.release();
    return refuse([stale], window);
  }
  emit({ kind: 'apply-fresh', env, addresses: Object.keys(plan.fingerprints).length });
  const rc = start(opts, plan, pre, held, applyId);
  const stopHeartbeat = startHeartbeat(rc, held);
  try {
    const run = await runSteps(rc, plan.steps, new Set());
    const rollback = run.failed ? await rollbackAfterFailure(rc, run.results) : { results: [], irreversibleKept: [] };
    return await finishRun(rc, held, {
      applyId, steps: run.results, rollback: rollback.results, irreversibleKept: rollback.irreversibleKept,
      ...window, ...(pre.breakGlass ? { breakGlass: pre.breakGlass } : {}), ...(held.tookOver ? { tookOver: held.tookOver } : {}),
    }, { root: opts.root, approvals: pre.approvals, ...(opts.recordApply ? { recordApply: opts.recordApply } : {}) });
  } finally {
    stopHeartbeat();
    rc.journal.close();
  }
}
