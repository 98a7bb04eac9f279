/**
 * The state one run (apply, recover, release rollback) shares between its steps: the plan, the
 * journal, the inverses captured so far (in memory, with real values), the order in which steps
 * reached `done` (rollback undoes them in reverse), and the stop flag.
 */
import { basename } from 'node:path';
import type { Inverse, Plan, Step } from '../../core/index.js';
import type { StepRequest } from '../../providers/provider.js';
import { noEmit, type Emit } from '../events.js';
import type { JournalEntry } from '../journal/format.js';
import type { JournalWriter } from '../journal/writer.js';
import { currentOwner } from '../lock/lease.js';
import type { RunOptions } from './types.js';

export interface Captured {
  inverse?: Inverse;
  undo?: Record<string, unknown>;
  /** Attributes the journal holds only as "[secret]" (inverse rebuilt from the journal). */
  redacted?: string[];
}

export interface RunContext {
  plan: Plan;
  opts: RunOptions;
  emit: Emit;
  journal: JournalWriter;
  captured: Map<string, Captured>;
  doneOrder: string[];
  /** Set when a step failed, the signal aborted or the lease was lost: start nothing new. */
  stopReason?: string;
  /** Resume: decide per step whether it already reached its after values. */
  beforeStep?: (step: Step) => Promise<'run' | 'already-done' | 'verify-only'>;
}

export function newRunContext(plan: Plan, opts: RunOptions, journal: JournalWriter): RunContext {
  return { plan, opts, emit: opts.emit ?? noEmit, journal, captured: new Map(), doneOrder: [] };
}

/** Append to the journal, then give the test hook its chance (the kill tests die here). */
export function record(rc: RunContext, entry: JournalEntry): void {
  rc.journal.append(entry);
  rc.opts.onJournal?.(entry.type, 'step' in entry ? entry.step : undefined);
}

export function stepRequest(rc: RunContext, step: Step): StepRequest {
  const addresses = new Set<string>([step.address, ...step.changes]);
  const fingerprints = Object.fromEntries(Object.entries(rc.plan.fingerprints).filter(([a]) => addresses.has(a)));
  const owner = currentOwner();
  const run = { applyId: basename(rc.journal.path, '.jsonl'), planDigest: rc.journal.planDigest, operator: `${owner.user}@${owner.host}` };
  return { env: rc.plan.env, model: rc.opts.ctx.model, step, fingerprints, run, ...(rc.opts.signal ? { signal: rc.opts.signal } : {}) };
}

/** Steps that change an object (and so need an inverse); restarts and gates change nothing lasting. */
export function changesObject(step: Step): boolean {
  return step.action !== 'restart' && step.action !== 'run';
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
