/**
 * A hand-written fake Provider for apply tests: live state is a map address → attributes held in
 * a StateStore (memory, or a JSON file so a killed child process and its recovery share it).
 * apply moves an address to its desired attributes; rollback restores the captured inverse.
 * Every call is recorded; failures, health results and delays are injectable per step.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { canonicalJson, type Attributes, type LiveRead, type System } from '../../src/core/index.js';
import type { Address } from '../../src/model/address.js';
import type { InverseResponse, Provider, ProviderDescriptor, ReadRequest, ReadResponse, StepRequest, StepResponse, VerifyResponse } from '../../src/providers/provider.js';
import type { RollbackRequest } from '../../src/engine/apply/types.js';

export interface StateStore {
  get(address: string): Attributes | undefined;
  set(address: string, attributes: Attributes | undefined): void;
  all(): Record<string, Attributes>;
}

export function memoryStore(initial: Record<string, Attributes> = {}): StateStore {
  const state = structuredClone(initial);
  return {
    get: (a) => (state[a] ? structuredClone(state[a]) : undefined),
    set: (a, v) => {
      if (v === undefined) delete state[a];
      else state[a] = structuredClone(v);
    },
    all: () => structuredClone(state),
  };
}

/** Each read and write goes to the file (write: temp + rename), so state survives SIGKILL. */
export function fileStore(path: string, initial?: Record<string, Attributes>): StateStore {
  if (initial || !existsSync(path)) writeFileSync(path, JSON.stringify(initial ?? {}));
  const load = (): Record<string, Attributes> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, Attributes>;
  return {
    get: (a) => load()[a],
    set: (a, v) => {
      const s = load();
      if (v === undefined) delete s[a];
      else s[a] = v;
      writeFileSync(`${path}.tmp`, JSON.stringify(s));
      renameSync(`${path}.tmp`, path);
    },
    all: load,
  };
}

export function fingerprintOf(attributes: Attributes | undefined): string {
  // A digest, as real providers make them: the read may hold secrets.
  return attributes ? `fp:${createHash('sha256').update(canonicalJson(attributes)).digest('hex').slice(0, 16)}` : 'fp:absent';
}

export function liveRead(address: string, attributes: Attributes | undefined): LiveRead {
  return attributes
    ? { address: address as Address, status: 'present', attributes, fingerprint: fingerprintOf(attributes) }
    : { address: address as Address, status: 'absent', fingerprint: fingerprintOf(undefined) };
}

export interface ApplyFakeOptions {
  system: System;
  store: StateStore;
  /** Desired attributes per address; null: the address should not exist (delete). */
  desired: Record<string, Attributes | null>;
  /** Return a message to make the step's apply fail (leaving the object as it was). */
  failApply?: (req: StepRequest) => string | undefined;
  /** Health answer per step and attempt (default healthy). */
  verify?: (req: StepRequest, attempt: number) => VerifyResponse;
  /** Awaited inside apply (tests use deferreds to hold steps open). */
  during?: (req: StepRequest) => Promise<void>;
  /** Called after apply changed the state (the kill tests die here: changed, not journaled). */
  afterApply?: (req: StepRequest) => void;
  /** Make rollback of a step fail. */
  failRollback?: (req: RollbackRequest) => string | undefined;
}

export interface ApplyFakeCalls {
  read: ReadRequest[];
  prepareInverse: string[];
  apply: string[];
  verify: string[];
  rollback: { step: string; inverse: unknown }[];
  inFlight: number;
  maxInFlight: number;
}

export type ApplyFake = Provider & { calls: ApplyFakeCalls; rollback(req: RollbackRequest): Promise<StepResponse> };

const ok = (message: string): StepResponse => ({ outcome: 'applied', message, durationMs: 0, diagnostics: [] });
const changes = (req: StepRequest): boolean => req.step.action !== 'restart' && req.step.action !== 'run';

export function applyFake(opts: ApplyFakeOptions): ApplyFake {
  const calls: ApplyFakeCalls = { read: [], prepareInverse: [], apply: [], verify: [], rollback: [], inFlight: 0, maxInFlight: 0 };
  const attempts = new Map<string, number>();
  const descriptor: ProviderDescriptor = { system: opts.system, types: {}, capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: ['server', 'instance', 'host'] } };
  return {
    descriptor,
    calls,
    desired: () => ({ resources: [], pruneWithin: [], diagnostics: [] }),
    async read(req): Promise<ReadResponse> {
      calls.read.push(req);
      return { reads: req.addresses.map((a) => liveRead(a, opts.store.get(a))), diagnostics: [] };
    },
    async prepareInverse(req): Promise<InverseResponse> {
      calls.prepareInverse.push(req.step.id);
      if (!changes(req)) return { diagnostics: [] };
      const before = opts.store.get(req.step.address);
      const action = !before ? ('delete' as const) : opts.desired[req.step.address] === null ? ('create' as const) : ('update' as const);
      return { inverse: { action, attributes: before ?? {} }, diagnostics: [] };
    },
    async apply(req): Promise<StepResponse> {
      calls.apply.push(req.step.id);
      calls.inFlight++;
      calls.maxInFlight = Math.max(calls.maxInFlight, calls.inFlight);
      try {
        await opts.during?.(req);
        const failure = opts.failApply?.(req);
        if (failure) return { outcome: 'failed', message: failure, durationMs: 0, diagnostics: [] };
        if (changes(req)) {
          const want = opts.desired[req.step.address];
          opts.store.set(req.step.address, want === null || want === undefined ? undefined : { ...opts.store.get(req.step.address), ...want });
        }
        opts.afterApply?.(req);
        return ok(`${req.step.action} ${req.step.address}`);
      } finally {
        calls.inFlight--;
      }
    },
    async verify(req): Promise<VerifyResponse> {
      calls.verify.push(req.step.id);
      const n = (attempts.get(req.step.id) ?? 0) + 1;
      attempts.set(req.step.id, n);
      return opts.verify?.(req, n) ?? { status: 'healthy', message: 'ok' };
    },
    async rollback(req): Promise<StepResponse> {
      calls.rollback.push({ step: req.rollback.of.id, inverse: req.rollback.inverse });
      const failure = opts.failRollback?.(req);
      if (failure) return { outcome: 'failed', message: failure, durationMs: 0, diagnostics: [] };
      const inv = req.rollback.inverse;
      if (!inv) return { outcome: 'failed', message: 'no inverse', durationMs: 0, diagnostics: [] };
      opts.store.set(req.rollback.of.address, inv.action === 'delete' ? undefined : inv.attributes);
      return ok(`restored ${req.rollback.of.address}`);
    },
    adopt: () => [],
  };
}
