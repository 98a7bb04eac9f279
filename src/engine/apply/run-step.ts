/**
 * One step, in the order DESIGN §6 rules 5 and 6 require: prepare the inverse (nothing changes),
 * journal `intent` (with the redacted inverse), apply, journal `done`, verify until healthy
 * within the step's timeout, journal `verified`. A provider that throws broke its contract; the
 * throw becomes a `failed` outcome here, never an exception past the engine.
 */
import type { Step } from '../../core/index.js';
import type { StepRequest } from '../../providers/provider.js';
import type { Provider } from '../../providers/provider.js';
import { providerFor } from './preflight.js';
import { redactInverse, redactUndo } from './redact.js';
import { changesObject, defaultSleep, errorText, record, stepRequest, type Captured, type RunContext } from './run-context.js';
import type { StepResult } from './types.js';

type Phase = NonNullable<StepResult['phase']>;

function fail(rc: RunContext, step: Step, phase: Phase, message: string, journaled: boolean): StepResult {
  if (journaled) record(rc, { type: 'failed', step: step.id, phase, message });
  rc.emit({ kind: 'step-failed', step: step.id, phase, message });
  return { step: step.id, address: step.address, outcome: 'failed', phase, message };
}

/** The inverse to journal: captured now, else the one the journal already had, else the plan's. */
async function capture(rc: RunContext, provider: Provider, step: Step, req: StepRequest): Promise<Captured | string> {
  const earlier = rc.captured.get(step.id);
  if (earlier && (earlier.inverse || earlier.undo) && !earlier.redacted?.length) return earlier; // resume: keep the pre-apply truth
  const res = await provider.prepareInverse(req);
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return errors.map((d) => d.message).join('; ');
  const inverse = res.inverse ?? (step.inverse && !step.inverse.sensitive?.length ? step.inverse : undefined);
  if (step.reversible && changesObject(step) && !inverse && !res.undo) return 'no inverse could be prepared for a reversible step; not running it';
  return { ...(inverse ? { inverse } : {}), ...(res.undo ? { undo: res.undo } : {}) };
}

async function verify(rc: RunContext, provider: Provider, step: Step, req: StepRequest): Promise<{ ok: boolean; status: string; message: string }> {
  const timeoutS = rc.opts.verifyTimeoutSeconds?.(step) ?? Math.max(60, 2 * step.estimatedSeconds);
  const interval = rc.opts.verifyIntervalMs ?? 5000;
  const attempts = Math.max(1, Math.ceil((timeoutS * 1000) / interval));
  const sleep = rc.opts.sleep ?? defaultSleep;
  let last = { status: 'unknown', message: 'not verified' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(interval, rc.opts.signal);
    const r = await provider.verify(req);
    last = r;
    if (r.status === 'healthy') return { ok: true, ...r };
    if (r.status === 'degraded') return { ok: false, status: r.status, message: `degraded: ${r.message}` };
    if (rc.opts.signal?.aborted) break;
  }
  return { ok: false, status: last.status, message: `not healthy within ${timeoutS}s (${last.status}: ${last.message})` };
}

async function applyPhase(rc: RunContext, provider: Provider, step: Step, req: StepRequest): Promise<StepResult | { message: string; durationMs: number }> {
  try {
    const res = await provider.apply(req);
    if (res.outcome === 'failed') return fail(rc, step, 'apply', res.message, true);
    return { message: res.outcome === 'skipped' ? `skipped: ${res.message}` : res.message, durationMs: res.durationMs };
  } catch (err) {
    return fail(rc, step, 'apply', `the provider threw: ${errorText(err)}`, true);
  }
}

export async function runStep(rc: RunContext, step: Step): Promise<StepResult> {
  const provider = providerFor(rc.opts.providers, step.system);
  if (!provider) return fail(rc, step, 'prepare', `no provider for ${step.system}`, false);
  const req = stepRequest(rc, step);
  rc.emit({ kind: 'step-start', step: step.id, address: step.address, description: step.description });
  const mode = rc.beforeStep ? await rc.beforeStep(step) : 'run';
  let applied = { message: 'already at its after values', durationMs: 0 };
  if (mode === 'run') {
    let captured: Captured | string;
    try {
      captured = await capture(rc, provider, step, req);
    } catch (err) {
      captured = `prepareInverse threw: ${errorText(err)}`;
    }
    if (typeof captured === 'string') return fail(rc, step, 'prepare', captured, false);
    rc.captured.set(step.id, captured);
    record(rc, {
      type: 'intent', step: step.id, address: step.address,
      ...(captured.inverse ? { inverse: redactInverse(captured.inverse) } : {}),
      ...(captured.undo ? { undo: redactUndo(captured.undo) } : {}),
    });
    const r = await applyPhase(rc, provider, step, req);
    if ('outcome' in r) return r;
    applied = r;
  }
  if (mode !== 'verify-only') {
    record(rc, { type: 'done', step: step.id, message: applied.message, durationMs: applied.durationMs, ...(mode === 'already-done' ? { already: true } : {}) });
    rc.emit({ kind: 'step-done', step: step.id, message: applied.message, ...(mode === 'already-done' ? { already: true } : {}) });
  }
  if (!rc.doneOrder.includes(step.id)) rc.doneOrder.push(step.id);
  let v: { ok: boolean; status: string; message: string };
  try {
    v = await verify(rc, provider, step, req);
  } catch (err) {
    v = { ok: false, status: 'unknown', message: `verify threw: ${errorText(err)}` };
  }
  if (!v.ok) return fail(rc, step, 'verify', v.message, true);
  record(rc, { type: 'verified', step: step.id, status: v.status, message: v.message });
  rc.emit({ kind: 'step-verified', step: step.id, status: v.status, message: v.message });
  return { step: step.id, address: step.address, outcome: 'verified', message: applied.message, durationMs: applied.durationMs, ...(mode === 'already-done' ? { already: true } : {}) };
}
