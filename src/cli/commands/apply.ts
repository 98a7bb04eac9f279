/**
 * `opsctl apply PLANFILE [--yes] [--break-glass REASON] [--take-over] [--consent-irreversible]
 * [--json]`: execute a saved plan under DESIGN §6. Exit 0 done, 1 failed (rolled back, or not
 * completely — it says which), 3 refused (why: window verdict and next window, stale addresses,
 * lock holder, missing approvals). Also the pieces recover.ts and rollback.ts share: connecting
 * the environment with its lock, the release gate, the apply record, rendering. Heavy modules are
 * imported inside the action.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ApplyResult, RecordApply, ReleaseGate, WindowCheck } from '../../engine/apply/types.js';
import type { EngineEvent } from '../../engine/events.js';
import type { Locker } from '../../engine/lock/index.js';
import type { EnvironmentModel } from '../../model/index.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { loadForCli } from './plan.js';
import { releaseModelForCli } from './release-model.js';
import type { Estate } from '../lab-connect.js';

interface ApplyCliOptions { yes?: boolean; breakGlass?: string; takeOver?: boolean; consentIrreversible?: boolean; json?: boolean }

/** The clock: --now advanced by the real time elapsed since the command started. */
export function clockOf(ctx: CliContext): () => Date {
  const started = Date.now();
  return () => new Date(ctx.now.getTime() + (Date.now() - started));
}

export async function windowCheckFor(root: string, env: string): Promise<WindowCheck> {
  const [{ windowInputFor }, { assessWindow }] = await Promise.all([import('../window-input.js'), import('../../core/windows.js')]);
  return (at, minutes) => assessWindow(windowInputFor(root, env, at, minutes));
}

/**
 * The approval gate (src/release): for a plan of a release, its approvals and pre-production
 * proof; for any other plan, the environment's required approvals of that exact plan (waived,
 * and recorded, under break-glass).
 */
export async function releaseGateFor(root: string): Promise<ReleaseGate> {
  const [{ checkReleaseGate, checkPlanApprovals }, { loadRepository }] = await Promise.all([import('../../release/index.js'), import('../../load/index.js')]);
  return async ({ env, plan, breakGlass }) => {
    const { model } = loadRepository(root);
    const envModel = model.environments[env];
    if (!envModel) return { ok: false, reasons: [`environment ${env} is unknown`] };
    if (!plan.release) {
      const v = await checkPlanApprovals({ root, env: envModel, plan, breakGlass });
      return { ok: v.ok, reasons: v.reasons, approvals: v.approvals, ...(v.waived.length ? { waived: v.waived } : {}) };
    }
    const release = model.releases.find((r) => r.name === plan.release);
    if (!release) return { ok: false, reasons: [`release ${plan.release} has no manifest under releases/`] };
    const verdict = await checkReleaseGate({ root, env: envModel, release, model });
    return { ok: verdict.ok, reasons: verdict.reasons, approvals: release.approvals ?? [] };
  };
}

/**
 * Commits the apply record (src/release). A recover --rollback ends `rolled-back`: recorded as the
 * apply's failed-rolled-back. A `rollback --release` is its own record (outcome rolled-back,
 * Opsctl-Rollback-Of naming the apply record it undid).
 */
export async function recordApplyFor(now: () => Date): Promise<RecordApply> {
  const { commitApplyRecord } = await import('../../release/index.js');
  return async (input) => {
    const undo = input.undo;
    const status = input.outcome.status === 'rolled-back' && !undo ? 'failed-rolled-back' : input.outcome.status;
    const applyId = undo?.runId ?? input.outcome.applyId;
    await commitApplyRecord({
      root: input.root, env: input.env, plan: input.plan, journal: input.journal,
      outcome: { status, ...(applyId ? { applyId } : {}) },
      approvals: input.approvals, healthSummary: input.healthSummary, now: now(),
      ...(input.breakGlass ? { breakGlass: input.breakGlass } : {}),
      ...(undo ? { rollbackOf: undo.of, startedAt: undo.startedAt } : {}),
    });
  };
}

/** Connects the environment (lab through its endpoints) and builds its two-place lock. */
export async function connectForApply(ctx: CliContext, model: EnvironmentModel, now: () => Date): Promise<{ estate: Estate; lock: Locker }> {
  const [{ connectEstate }, lockMod] = await Promise.all([import('../lab-connect.js'), import('../../engine/lock/index.js')]);
  const estate = await connectEstate({ root: ctx.root, model, now: ctx.now });
  const env = model.environment.name;
  const host = lockMod.lockHostOf(model);
  const remote = host ? lockMod.sshRemoteLock(estate.context.hosts, host, env) : undefined;
  return { estate, lock: lockMod.createLocker({ root: ctx.root, env, now, ...(remote ? { remote } : {}) }) };
}

export function renderEvent(e: EngineEvent): string | undefined {
  switch (e.kind) {
    case 'apply-lock': return `lock ${e.env}: held by ${e.owner}${e.tookOver ? ` (${e.tookOver})` : ''}`;
    case 'apply-fresh': return `fresh: ${e.addresses} address(es) unchanged since the plan`;
    case 'apply-start': return `${e.mode} ${e.env} ${e.applyId}: ${e.steps} step(s), journal ${e.journal}${e.breakGlass ? `\nBREAK-GLASS 紧急变更: ${e.breakGlass}` : ''}${e.waivedApprovals?.length ? `\nBREAK-GLASS without the approvals of 未经审批: ${e.waivedApprovals.join(', ')}` : ''}`;
    case 'step-start': return `→ ${e.step}`;
    case 'step-done': return `  done ${e.step}${e.already ? ' (already at its after values)' : ''}: ${e.message}`;
    case 'step-verified': return `  ✓ ${e.step} ${e.status}`;
    case 'step-failed': return `  ✗ ${e.step} failed (${e.phase}): ${e.message}`;
    case 'rollback-start': return `rolling back ${e.steps} step(s): ${e.reason}`;
    case 'step-rolled-back': return `  ↶ ${e.step}: ${e.outcome} — ${e.message}`;
    case 'apply-lock-lost': return `! the lease on ${e.env} was lost: no new step starts`;
    case 'apply-record': return e.ok ? e.message : `! the apply record was not committed: ${e.message}`;
    case 'apply-finished': return `${e.status}: ${e.message}`;
    default: return undefined;
  }
}

export function printResult(result: ApplyResult, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (result.status === 'refused') {
    process.stdout.write(`REFUSED 拒绝执行 (${result.env}): nothing was changed\n`);
    for (const r of result.refusals) {
      process.stdout.write(`  - ${r.message}\n`);
      for (const d of r.details) process.stdout.write(`      ${d}\n`);
    }
    return;
  }
  for (const k of result.irreversibleKept) process.stdout.write(`! irreversible step ${k} ran and was NOT rolled back: undo it by hand if needed\n`);
  if (result.recordError) process.stdout.write(`! the apply record was not committed: ${result.recordError}\n`);
  if (result.journal) process.stdout.write(`journal: ${result.journal.path}\n`);
}

export function exitFor(result: ApplyResult, undo = false): number {
  if (result.status === 'refused') return EXIT.refused;
  if (result.status === 'succeeded' || (undo && result.status === 'rolled-back')) return EXIT.ok;
  return EXIT.error;
}

async function confirm(steps: number, env: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`apply ${steps} step(s) to ${env}? type "yes": `);
  rl.close();
  return answer.trim() === 'yes';
}

async function apply(file: string, opts: ApplyCliOptions, command: Command): Promise<void> {
  const ctx = contextOf(command);
  const plan = JSON.parse(readFileSync(resolve(file), 'utf8')) as { env?: unknown; steps?: unknown[]; release?: unknown };
  if (typeof plan.env !== 'string') throw new Error(`${file} is not a plan (no env)`);
  const plain = loadForCli(ctx.root, plan.env);
  const model = plain && typeof plan.release === 'string' ? await releaseModelForCli(ctx.root, plain, plan.release) : plain;
  if (!model) return;
  if (!opts.yes && !(await confirm(plan.steps?.length ?? 0, plan.env))) {
    process.stderr.write('opsctl: not confirmed; pass --yes to apply without asking\n');
    process.exitCode = EXIT.refused;
    return;
  }
  const now = clockOf(ctx);
  const [{ applyPlan }, window, gate, recordApply] = await Promise.all([
    import('../../engine/apply/index.js'), windowCheckFor(ctx.root, plan.env), releaseGateFor(ctx.root), recordApplyFor(now),
  ]);
  const { estate, lock } = await connectForApply(ctx, model, now);
  const abort = new AbortController();
  const onInt = (): void => abort.abort();
  process.once('SIGINT', onInt);
  try {
    const result = await applyPlan({
      plan, root: ctx.root, providers: estate.providers, ctx: estate.context, lock, now, window, gate, recordApply, signal: abort.signal,
      emit: (e) => { const line = opts.json ? undefined : renderEvent(e); if (line) process.stderr.write(`${line}\n`); },
      ...(opts.breakGlass !== undefined ? { breakGlass: { reason: opts.breakGlass } } : {}),
      ...(opts.takeOver ? { takeOver: true } : {}), ...(opts.consentIrreversible ? { consentIrreversible: true } : {}),
    });
    printResult(result, opts.json === true);
    process.exitCode = exitFor(result);
  } finally {
    process.removeListener('SIGINT', onInt);
    await estate.close();
  }
}

export function registerApply(program: Command): void {
  program
    .command('apply')
    .description('execute a saved plan under the safety rules (windows, approvals, lock, freshness, journal, rollback); exit 0 done, 1 failed, 3 refused')
    .argument('<planfile>', 'a plan saved with opsctl plan --out')
    .option('--yes', 'do not ask for confirmation')
    .option('--break-glass <reason>', 'run outside a change window (the reason is journaled and recorded)')
    .option('--take-over', "take over an expired or dead owner's lease on the environment (recorded)")
    .option('--consent-irreversible', 'allow steps that cannot be rolled back')
    .option('--json', 'print the result as JSON')
    .action(apply);
}
