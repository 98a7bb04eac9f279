/**
 * The apply engine's values: options in, refusals and per-step outcomes out, and the optional
 * provider extension for rollback. The run's status is derived from the outcomes (result.ts).
 */
import type { Plan, Step } from '../../core/index.js';
import type { WindowAssessment } from '../../core/windows.js';
import type { Provider } from '../../providers/provider.js';
import type { ProviderContext } from '../../providers/context.js';
import type { Emit } from '../events.js';
import type { ApplyStatus, BreakGlass, LeaseRecord } from '../journal/format.js';
import type { Locker } from '../lock/index.js';

export type RefusalCode =
  | 'invalid-plan' | 'wrong-env' | 'errored-plan' | 'incomplete-plan' | 'no-provider'
  | 'irreversible-without-consent' | 'window-closed' | 'break-glass-without-reason'
  | 'gate' | 'interrupted-apply' | 'lock-held' | 'stale-plan' | 'freshness-unreadable' | 'nothing-to-recover';

/** Why an apply did not start. Nothing was changed when an apply is refused. */
export interface Refusal {
  code: RefusalCode;
  message: string;
  details: string[];
  /** For window-closed: the verdict (reasons, next window). */
  window?: WindowAssessment;
  /** For stale-plan: the addresses whose fingerprint changed. */
  addresses?: string[];
}

/** Is a change allowed at `at` for `durationMinutes`? (core/windows.assessWindow over the env's data.) */
export type WindowCheck = (at: Date, durationMinutes: number) => WindowAssessment;

export interface GateVerdict {
  ok: boolean;
  reasons: string[];
  /** The approvals that allowed it (recorded with the apply). */
  approvals?: unknown[];
  /** Required roles that had not approved, waived because the run is break-glass (recorded). */
  waived?: string[];
}
/**
 * Approvals (DESIGN §6 rule 3), supplied by release/ through the CLI: a release's approvals and
 * pre-production proof, or, for a plan without a release, the environment's required approvals
 * of that exact plan (which a break-glass run may go without).
 */
export type ReleaseGate = (req: { env: string; plan: Plan; now: Date; breakGlass: boolean }) => Promise<GateVerdict>;

export interface ApplyRecordInput {
  root: string;
  env: string;
  plan: Plan;
  journal: { path: string; planPath: string };
  outcome: ApplyResult;
  approvals: unknown[];
  breakGlass?: BreakGlass;
  healthSummary: { step: string; status: string; message: string }[];
  /** Set for `rollback --release`: recorded as its own apply (runId), naming the record it undid. */
  undo?: UndoOf;
}

/** A rollback run of a committed apply: its own id and start, and which apply record it undoes. */
export interface UndoOf {
  runId: string;
  startedAt: string;
  of: { applyId: string; record: string; commit: string };
}
/** Commits the apply record to git (DESIGN §6 rule 7), supplied by git/ through the CLI. */
export type RecordApply = (input: ApplyRecordInput) => Promise<void>;

export interface RunOptions {
  providers: readonly Provider[];
  ctx: ProviderContext;
  emit?: Emit;
  /** Independent steps run concurrently up to this bound (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** How long a step's health gate may take to report healthy (default max(60, 2 × estimate)). */
  verifyTimeoutSeconds?: (step: Step) => number;
  /** Pause between health-gate polls (default 5000 ms). */
  verifyIntervalMs?: number;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Test hook called after every journal record (the kill tests end the process here). */
  onJournal?: (type: string, step?: string) => void;
  /** Heartbeat period of the lease (default a third of its ttl: 100 s). 0 disables the timer. */
  heartbeatMs?: number;
}

export interface ApplyOptions extends RunOptions {
  plan: unknown;
  /** Working copy root: journals under .opsctl/journal/<env>/. */
  root: string;
  lock: Locker;
  now: () => Date;
  window: WindowCheck;
  breakGlass?: { reason: string };
  consentIrreversible?: boolean;
  /** Take over an expired or dead owner's lease (recorded). */
  takeOver?: boolean;
  gate?: ReleaseGate;
  recordApply?: RecordApply;
  /** Default: time-based id from `now` plus random suffix. */
  applyId?: string;
}

export type StepOutcomeKind = 'verified' | 'failed' | 'not-started';
export interface StepResult {
  step: string;
  address: string;
  outcome: StepOutcomeKind;
  phase?: 'prepare' | 'apply' | 'verify' | 'recover';
  message: string;
  durationMs?: number;
  /** Resume found the address already equal to the step's after values. */
  already?: boolean;
}

export type RollbackOutcomeKind = 'rolled-back' | 'nothing-to-undo' | 'irreversible' | 'failed';
export interface RollbackResult {
  step: string;
  address: string;
  outcome: RollbackOutcomeKind;
  message: string;
}

export interface ApplyResult {
  status: ApplyStatus;
  env: string;
  applyId?: string;
  refusals: Refusal[];
  steps: StepResult[];
  rollback: RollbackResult[];
  /** Irreversible steps that ran and were not rolled back (reported, never undone automatically). */
  irreversibleKept: string[];
  journal?: { path: string; planPath: string };
  breakGlass?: BreakGlass;
  tookOver?: LeaseRecord;
  window?: WindowAssessment;
  /** Set when recording the apply in git failed (the apply itself is what `status` says). */
  recordError?: string;
}

export type { RollbackRequest } from '../../providers/provider.js';
