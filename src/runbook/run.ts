/**
 * Running a runbook: resolve the target, plan every step (what, where), and — with execute —
 * run them in order. A failed step stops the run; steps marked `always` still run (evidence,
 * final checks). Dry runs touch nothing (clean-logs lists its candidates read-only). Outcomes
 * are values for the record; nothing prints here.
 */
import { join } from 'node:path';
import type { Runbook } from '../model/index.js';
import type { ProviderContext } from '../providers/context.js';
import { check } from './check.js';
import { cleanLogs, collectLogs } from './logs.js';
import { addDatafile, restartListener, resumeBatch } from './oracle.js';
import { rotatePassword } from './password.js';
import { planSteps, type PlannedStep } from './steps.js';
import { resolveTarget, type ResolvedTarget } from './target.js';
import { failed, type StepInput, type StepResult } from './types.js';
import { restartServer, threadDump } from './wls.js';

export interface StepOutcome extends PlannedStep {
  status: 'dry-run' | 'ok' | 'warning' | 'failed' | 'skipped';
  message: string;
  evidence: string[];
  durationMs: number;
}

export interface RunbookRun {
  runbook: string;
  title: { zh: string; en: string };
  severity: string;
  env: string;
  target: ResolvedTarget;
  execute: boolean;
  startedAt: string;
  outcome: 'dry-run' | 'completed' | 'completed-with-warnings' | 'failed';
  steps: StepOutcome[];
  escalation: string;
}

export interface RunOptions {
  ctx: ProviderContext;
  runbook: Runbook;
  target?: string;
  execute: boolean;
  /** Outside git: evidence (dumps, logs) under <evidenceRoot>/<env>/<stamp>-<runbook>/. */
  evidenceRoot: string;
  secretStore: string;
  sleep?: (ms: number) => Promise<void>;
}

async function runStep(input: StepInput, execute: boolean): Promise<StepResult> {
  switch (input.step.action) {
    case 'thread-dump': return threadDump(input);
    case 'restart-server': return restartServer(input);
    case 'add-datafile': return addDatafile(input);
    case 'restart-listener': return restartListener(input);
    case 'resume-batch': return resumeBatch(input);
    case 'collect-logs': return collectLogs(input);
    case 'clean-logs': return cleanLogs(input, execute);
    case 'rotate-password': return rotatePassword(input);
    case 'check': return check(input);
  }
  return failed(`unknown action ${String(input.step.action)}`);
}

export async function runRunbook(o: RunOptions): Promise<RunbookRun> {
  const target = resolveTarget(o.ctx.model, o.runbook, o.target);
  const startedAt = o.ctx.now().toISOString();
  const stamp = startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const planned = planSteps(o.runbook, target);
  const steps: StepOutcome[] = [];
  let stopped = false;
  for (const step of planned) {
    const t0 = Date.now();
    const input: StepInput = { ctx: o.ctx, target, step, evidenceDir: join(o.evidenceRoot, o.ctx.env, `${stamp}-${o.runbook.name}`), secretStore: o.secretStore, sleep: o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))) };
    if (!o.execute && step.action !== 'clean-logs') { steps.push({ ...step, status: 'dry-run', message: `would ${step.does}`, evidence: [], durationMs: 0 }); continue; }
    if (stopped && !step.always) { steps.push({ ...step, status: 'skipped', message: 'skipped: an earlier step failed', evidence: [], durationMs: 0 }); continue; }
    let r: StepResult;
    try {
      r = await runStep(input, o.execute);
    } catch (err) {
      r = failed(`${(err as Error).name}: ${(err as Error).message}`);
    }
    if (r.status === 'failed') stopped = true;
    steps.push({ ...step, status: !o.execute ? 'dry-run' : r.status, message: r.message, evidence: r.evidence, durationMs: Date.now() - t0 });
  }
  const outcome = !o.execute ? 'dry-run' : steps.some((s) => s.status === 'failed') ? 'failed' : steps.some((s) => s.status === 'warning') ? 'completed-with-warnings' : 'completed';
  return { runbook: o.runbook.name, title: o.runbook.title, severity: o.runbook.severity, env: o.ctx.env, target, execute: o.execute, startedAt, outcome, steps, escalation: o.runbook.escalation };
}
