/**
 * The provider contract: one provider per system kind (host, weblogic, oracle, config-table),
 * a small set of request/response methods. Types only — implementations live in
 * providers/<system>/ and are wired by the CLI/engine.
 *
 * Flow: `desired` (pure: model → resources) → `read` (live, fingerprinted) → core.buildPlan with
 * the provider's `rules` → engine executes plan steps through `prepareInverse`, `apply`, `verify`.
 * Every method returns values (outcomes, diagnostics); operational failures are typed errors
 * from the transport layer turned into `unknown` reads or `failed` outcomes, never thrown past
 * the provider.
 */
import type { Diagnostic } from '../diag/index.js';
import type { Address } from '../model/address.js';
import type { EnvironmentModel } from '../model/model.js';
import type { DesiredResource, Inverse, LiveRead, Step, System, TypeRule } from '../core/index.js';

/** What a provider can do, declared next to its code (aesthetics lesson 12). */
export interface ProviderCapabilities {
  /** `read` has no side effects at all (always true for a correct provider). */
  readOnlyRead: true;
  /** `apply` supports a dry run that validates without changing (e.g. WLST validate, EXPLAIN). */
  dryRun: boolean;
  /** `prepareInverse` can capture enough to undo every reversible attribute. */
  rollback: boolean;
  /** Which restart scopes the provider can perform as `restart` steps. */
  restarts: ReadonlyArray<'server' | 'instance' | 'host'>;
}

export interface ProviderDescriptor {
  system: System;
  /** Resource types this provider owns, with their attribute rules (data, see core/resource.ts). */
  types: Record<string, TypeRule>;
  capabilities: ProviderCapabilities;
}

export interface DesiredRequest {
  env: string;
  model: EnvironmentModel;
}
export interface DesiredResponse {
  resources: DesiredResource[];
  /** Containers whose unlisted live children are deleted (e.g. config tables with prune: true). */
  pruneWithin: Address[];
  diagnostics: Diagnostic[];
}

export interface ReadRequest {
  env: string;
  model: EnvironmentModel;
  /** Addresses to read; the provider also lists live-only children of pruning types/containers. */
  addresses: Address[];
  /** Abort reads still running (e.g. CLI interrupted). */
  signal?: AbortSignal;
}
export interface ReadResponse {
  /** One read per requested address (status unknown with a reason when it failed). */
  reads: LiveRead[];
  diagnostics: Diagnostic[];
}

export interface StepRequest {
  env: string;
  model: EnvironmentModel;
  step: Step;
  /** The plan's fingerprint for the step's address(es); apply refuses before here when stale. */
  fingerprints: Record<string, string>;
  dryRun?: boolean;
  signal?: AbortSignal;
  /** The run this step belongs to (for what a provider records on the target, e.g. a migration's history row). */
  run?: { applyId: string; planDigest: string; operator: string };
}

export interface InverseResponse {
  /** The inverse with real before values captured now (secrets included, kept in memory only). */
  inverse?: Inverse;
  /** Opaque data the provider needs to undo (backup path, previous app version), journaled. */
  undo?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export type StepOutcome = 'applied' | 'failed' | 'skipped';
export interface StepResponse {
  outcome: StepOutcome;
  message: string;
  durationMs: number;
  diagnostics: Diagnostic[];
}

export interface VerifyResponse {
  /** Health gate result: `healthy` lets the next step start. */
  status: 'healthy' | 'progressing' | 'degraded' | 'unknown';
  message: string;
}

/**
 * One edit of desired-state YAML that would make desired equal a live value (discover /
 * adopting drift): in document (kind, name) of environment `env`'s overlay, set `path` to
 * `value`. Path elements are keys, or `{ key, value }` selecting an item of a keyed list
 * (e.g. `{ key: 'name', value: 'CoreDS' }`).
 */
export interface YamlEdit {
  env: string;
  kind: string;
  name: string;
  path: Array<string | { key: string; value: string }>;
  value: unknown;
}

/**
 * Undo one completed step from what `prepareInverse` captured before it ran (rollback, DESIGN §6
 * rule 6). `step` is the engine's rollback step (`rollback:<id>`, action from the inverse);
 * `rollback.of` is the original step; `rollback.inverse` holds the real before values (in memory
 * only — a journal-only inverse has its secrets redacted and the engine refuses to use it).
 */
export interface RollbackRequest extends StepRequest {
  rollback: { of: Step; inverse?: Inverse; undo?: Record<string, unknown> };
}

export interface Provider {
  readonly descriptor: ProviderDescriptor;
  /** Pure: desired-state model → resources. Must not perform I/O. */
  desired(req: DesiredRequest): DesiredResponse;
  /** Read live state. Must not change anything. One failed host → unknown reads, others go on. */
  read(req: ReadRequest): Promise<ReadResponse>;
  /** Capture what is needed to undo `step`, before `apply` runs. Must not change anything. */
  prepareInverse(req: StepRequest): Promise<InverseResponse>;
  /**
   * Execute one step (create/update/delete/replace/restart/deploy/run). A failed apply must
   * leave the object as it was or say in `message` that it did not.
   */
  apply(req: StepRequest): Promise<StepResponse>;
  /** Health gate after a restart or deploy: is the member back and serving? */
  verify(req: StepRequest): Promise<VerifyResponse>;
  /** Put back what `prepareInverse` captured for `req.rollback.of`. Same contract as apply. */
  rollback(req: RollbackRequest): Promise<StepResponse>;
  /** The YAML edits that adopt a live read as desired (for `opsctl discover --write`). Pure. */
  adopt(read: LiveRead, desired: DesiredResource | undefined): YamlEdit[];
}
