/**
 * The plan value: what `opsctl plan` saves and `opsctl apply` executes. It is plain JSON,
 * deterministic (same input → byte-identical canonical JSON) and versioned (`formatVersion`).
 * Apply executes `steps` only; it never re-decides actions. It re-reads every address in
 * `fingerprints` and refuses when a digest differs (DESIGN §6.1). Display options never change
 * a plan. The JSON Schema is in plan-schema.ts; the prose in docs/plan-format.md.
 */
import type { Address } from '../model/address.js';
import type { Diagnostic } from '../diag/index.js';
import type { AttributeValue, Disruption, Effect, RestartGroup, RestartScope, System } from './resource.js';

export const PLAN_FORMAT_VERSION = 1;

/** What a change does to one address. */
export type ChangeAction = 'noop' | 'create' | 'update' | 'delete' | 'replace';
/** What a step does. `restart` for servers/instances/hosts; `run` for health gates. */
export type StepAction = 'create' | 'update' | 'delete' | 'replace' | 'restart' | 'deploy' | 'run';

/** One attribute of a change. When `sensitive`, before/after hold `sha256:…` markers, never values. */
export interface AttributeChange {
  name: string;
  /** Absent: not set before (create, or attribute newly managed). */
  before?: AttributeValue;
  /** Absent: removed (delete). */
  after?: AttributeValue;
  sensitive?: boolean;
  effect: Effect;
  restartScope: RestartScope;
  disruption: Disruption;
  reversible: boolean;
}

/** How to undo a change, described from the live values the plan saw (apply re-captures them). */
export interface Inverse {
  action: ChangeAction;
  attributes: Record<string, AttributeValue>;
  /** Attribute names whose values above are sensitive markers: apply must capture them itself. */
  sensitive?: string[];
}

export interface Change {
  address: Address;
  system: System;
  type: string;
  action: ChangeAction;
  /** Changed attributes (update/replace), all desired ones (create), all live ones (delete). */
  attributes: AttributeChange[];
  /** Why this action, e.g. "bigfile cannot change in place", "not in desired state; type prunes". */
  reason?: string;
  /** Set when the change needs a restart to take effect: the widest scope and who restarts, by group. */
  restart?: { scope: Exclude<RestartScope, 'none'>; groups: RestartGroup[] };
  /** Addresses whose steps must run first (from the desired resource). */
  dependsOn?: Address[];
  takesEffect: 'immediately' | 'after-restart';
  disruption: Disruption;
  /** False when any part cannot be undone: apply needs explicit consent (DESIGN §6.6). */
  reversible: boolean;
  estimatedSeconds: number;
  inverse?: Inverse;
  /** Set when the change may not run (prevent-destroy); it has no step and the plan is errored. */
  blocked?: string;
}

export interface StepRestart {
  kind: 'cluster' | 'database' | 'host';
  group: Address;
  /** 1-based position of this restart in its group's serialized sequence, and the sequence length. */
  index: number;
  count: number;
  /** Members of the group in total; > 1 means the others keep serving while this one restarts. */
  size: number;
  rolling: boolean;
}

export interface Step {
  /** Stable and readable: `<action>:<address>`, `gate:<address>` for health gates. */
  id: string;
  action: StepAction;
  address: Address;
  system: System;
  description: string;
  /** The change addresses this step realises (for restarts and gates: the changes that need it). */
  changes: Address[];
  /** Step ids that must finish first; steps with no path between them may run concurrently. */
  dependsOn: string[];
  estimatedSeconds: number;
  reversible: boolean;
  disruption: Disruption;
  /** Human statement of downtime, e.g. "none — cluster keeps serving". */
  downtime: string;
  restart?: StepRestart;
  inverse?: Inverse;
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  replace: number;
  /** Restart steps (not changes). */
  restart: number;
  noop: number;
  unknown: number;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  env: string;
  /** ISO timestamp passed in by the caller (core has no clock). */
  createdAt: string;
  /** Git revision of the repository the desired state came from. */
  revision?: string;
  release?: string;
  /** `--only` prefixes the plan was limited to. */
  only?: string[];
  /** Sorted by address; includes noop changes so the plan states what it checked. */
  changes: Change[];
  /** Sorted in execution order (a topological order of dependsOn). */
  steps: Step[];
  /** Address → live fingerprint, for every change that is not noop. */
  fingerprints: Record<string, string>;
  /** Addresses whose live state could not be read. Non-empty ⇒ complete = false. */
  unknown: { address: Address; system: System; type: string; reason: string }[];
  diagnostics: Diagnostic[];
  /** False when any live read was unknown: the plan does not describe the whole selection. */
  complete: boolean;
  /** True when any diagnostic is an error (e.g. prevent-destroy). An errored plan must not apply. */
  errored: boolean;
  summary: PlanSummary;
  /** Sum of step estimates: the serial upper bound used to check the window. */
  estimatedSeconds: number;
  /** Longest dependsOn chain: the duration if apply runs independent steps concurrently. */
  criticalPathSeconds: number;
}

/** Does the plan change anything on live systems? (The CLI maps this to exit code 2.) */
export function hasChanges(plan: Plan): boolean {
  return plan.steps.length > 0 || plan.changes.some((c) => c.action !== 'noop');
}

/** Can this plan be applied at all? (Apply may still refuse on windows, approvals, freshness.) */
export function isApplyable(plan: Plan): boolean {
  return plan.complete && !plan.errored;
}

/** Steps that cannot be undone; apply asks explicit consent for these. */
export function irreversibleSteps(plan: Plan): Step[] {
  return plan.steps.filter((s) => !s.reversible);
}
