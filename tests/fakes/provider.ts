/**
 * A hand-written fake Provider for engine and CLI tests: desired resources and live reads are
 * plain data, every method is an overridable function field, and every call is recorded.
 * No module mocking: tests build one with `fakeProvider({...})` and hand it to the engine.
 */
import type { DesiredResource, LiveRead, System, TypeRule } from '../../src/core/index.js';
import type { Address } from '../../src/model/address.js';
import type {
  DesiredRequest,
  DesiredResponse,
  InverseResponse,
  Provider,
  ProviderDescriptor,
  ReadRequest,
  ReadResponse,
  StepRequest,
  StepResponse,
  VerifyResponse,
  YamlEdit,
} from '../../src/providers/provider.js';

export interface FakeCalls {
  desired: DesiredRequest[];
  read: ReadRequest[];
  prepareInverse: StepRequest[];
  apply: StepRequest[];
  verify: StepRequest[];
  adopt: { read: LiveRead; desired: DesiredResource | undefined }[];
}

export interface FakeProvider extends Provider {
  calls: FakeCalls;
  /** Replace the live reads (e.g. to inject drift between two plans). */
  live: Map<string, LiveRead>;
  desiredResources: DesiredResource[];
  desired: (req: DesiredRequest) => DesiredResponse;
  read: (req: ReadRequest) => Promise<ReadResponse>;
  prepareInverse: (req: StepRequest) => Promise<InverseResponse>;
  apply: (req: StepRequest) => Promise<StepResponse>;
  verify: (req: StepRequest) => Promise<VerifyResponse>;
  adopt: (read: LiveRead, desired: DesiredResource | undefined) => YamlEdit[];
}

export interface FakeOptions {
  system: System;
  types?: Record<string, TypeRule>;
  desired?: DesiredResource[];
  live?: LiveRead[];
  pruneWithin?: Address[];
  /** Edits adopt() returns for a read (default: none). */
  adopt?: (read: LiveRead, desired: DesiredResource | undefined) => YamlEdit[];
}

export const address = (text: string): Address => text as Address;

/** A live read of `attributes` (fingerprint derived from them). */
export function present(addr: string, attributes: LiveRead['attributes']): LiveRead {
  return { address: address(addr), status: 'present', attributes, fingerprint: `fp:${JSON.stringify(attributes)}` };
}

export function unknownRead(addr: string, reason: string): LiveRead {
  return { address: address(addr), status: 'unknown', reason, fingerprint: '' };
}

export function fakeProvider(opts: FakeOptions): FakeProvider {
  const calls: FakeCalls = { desired: [], read: [], prepareInverse: [], apply: [], verify: [], adopt: [] };
  const descriptor: ProviderDescriptor = {
    system: opts.system,
    types: opts.types ?? {},
    capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: ['server', 'instance', 'host'] },
  };
  const fake: FakeProvider = {
    descriptor,
    calls,
    live: new Map((opts.live ?? []).map((r) => [r.address, r])),
    desiredResources: opts.desired ?? [],
    desired(req) {
      calls.desired.push(req);
      return { resources: fake.desiredResources, pruneWithin: opts.pruneWithin ?? [], diagnostics: [] };
    },
    async read(req) {
      calls.read.push(req);
      const reads = req.addresses.map(
        (a) => fake.live.get(a) ?? { address: a, status: 'absent' as const, fingerprint: 'fp:absent' },
      );
      const extra = [...fake.live.values()].filter((r) => !req.addresses.includes(r.address));
      return { reads: [...reads, ...extra], diagnostics: [] };
    },
    async prepareInverse(req) {
      calls.prepareInverse.push(req);
      return { diagnostics: [] };
    },
    async apply(req) {
      calls.apply.push(req);
      return { outcome: 'applied', message: 'ok', durationMs: 0, diagnostics: [] };
    },
    async verify(req) {
      calls.verify.push(req);
      return { status: 'healthy', message: 'ok' };
    },
    async rollback() {
      return { outcome: 'applied', message: 'rolled back', durationMs: 0, diagnostics: [] };
    },
    adopt(read, desired) {
      calls.adopt.push({ read, desired });
      return opts.adopt ? opts.adopt(read, desired) : [];
    },
  };
  return fake;
}
