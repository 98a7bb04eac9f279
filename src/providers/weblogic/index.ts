/**
 * providers/weblogic — the WebLogic provider: desired resources of every domain (desired.ts),
 * attribute rules as data (rules.ts), live reads through the REST management API for 12.2.1.4
 * domains (read-rest.ts) and through ONE generated WLST script per domain over SSH for 10.3.6
 * domains (wlst-read.ts, wlst-script.ts, transport/wlst.ts), and apply/verify/inverse through a
 * protocol-neutral DomainOps (ops-rest.ts, ops-wlst.ts, apply.ts; one per domain from
 * domain-ops.ts, also used by the password rotation). docs/providers/weblogic.md.
 *
 * May import: core/ (pure), model/, transport/, parsers/, diag/. Never cli/, engine/ or lab/.
 */
import { warning, type Diagnostic } from '../../diag/index.js';
import type { Attributes, DesiredResource, LiveRead } from '../../core/index.js';
import { mapBounded } from '../../transport/index.js';
import type { Address } from '../../model/address.js';
import type { WeblogicDomain } from '../../model/schema/weblogic.js';
import type { DesiredRequest, DesiredResponse, InverseResponse, Provider, ReadRequest, RollbackRequest, ReadResponse, StepRequest, StepResponse, VerifyResponse } from '../provider.js';
import type { ProviderContext } from '../context.js';
import { adoptEdits } from './adopt.js';
import { applyConfig, applyDeployment, differing, gate, liveOf, restartServer, rollbackOf, type Target, type Timing } from './apply.js';
import { domainResources } from './desired.js';
import { createDomainOps, hostNamer, locate, managedServers, wlstRunner, wlstSpec, type Located } from './domain-ops.js';
import { readsOf, unknownReads } from './live.js';
import { errorText, type DomainOps, type OpOutcome } from './ops.js';
import { WEBLOGIC_TYPES } from './rules.js';
import { readWlstDomain } from './wlst-read.js';
import { stageArtifact } from './stage.js';

export { WEBLOGIC_TYPES } from './rules.js';
export { pyString, pyValue, PRELUDE, script } from './wlst-script.js';
export { createDomainOps } from './domain-ops.js';
export type { DomainOps, OpOutcome, PoolTest } from './ops.js';

export interface WeblogicProviderOptions {
  /** How long restarts and health gates wait for a server; polling interval. */
  serverTimeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export function createWeblogicProvider(ctx: ProviderContext, options: WeblogicProviderOptions = {}): Provider {
  const timing: Timing = {
    serverTimeoutMs: options.serverTimeoutMs ?? 600_000,
    pollMs: options.pollMs ?? 2_000,
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
  };
  const domainOf = (name: string): WeblogicDomain | undefined => ctx.model.domains.find((d) => d.name === name);
  const hostName = hostNamer(ctx);

  const opsCache = new Map<string, DomainOps>();
  async function opsFor(d: WeblogicDomain): Promise<DomainOps> {
    const cached = opsCache.get(d.name);
    if (cached) return cached;
    const ops = await createDomainOps(ctx, d);
    opsCache.set(d.name, ops);
    return ops;
  }

  async function readDomain(d: WeblogicDomain, addresses: Address[]): Promise<LiveRead[]> {
    try {
      const located = addresses.map(locate).filter((x): x is Located => !!x);
      const live = d.management === 'rest'
        ? await (await opsFor(d)).read()
        : await readWlstDomain(wlstSpec(d, located), wlstRunner(ctx, d), hostName);
      return readsOf(addresses, live);
    } catch (err) {
      return unknownReads(addresses, `domain ${d.name} (${d.management}) could not be read: ${errorText(err)}`);
    }
  }

  function targetOf(req: StepRequest, at: Located, d: WeblogicDomain): Target {
    const desired = domainResources(ctx.env, req.model, d).find((r) => r.address === req.step.address);
    const rollback = rollbackOf(req);
    const wanted = rollback ? rollback.inverse?.attributes : desired?.attributes;
    return { type: at.type, name: at.name, wanted, servers: managedServers(d) };
  }

  /** Staging of the desired archive (not when rolling back: the inverse names the previous archive, still in place). */
  function stagingFor(req: StepRequest, d: WeblogicDomain): ((w: Attributes) => Promise<OpOutcome | undefined>) | undefined {
    if (rollbackOf(req) || req.step.id.startsWith('undo:')) return undefined;
    return async (w) => (typeof w.sha256 === 'string' && typeof w.sourcePath === 'string' ? stageArtifact(ctx, { host: d.admin.host, path: w.sourcePath, sha256: w.sha256 }) : undefined);
  }

  function resolveStep(req: StepRequest): { at: Located; d: WeblogicDomain } | string {
    const at = locate(req.step.address);
    const d = at ? domainOf(at.domain) : undefined;
    return at && d ? { at, d } : `not a WebLogic address of environment ${ctx.env}: ${req.step.address}`;
  }

  return {
    descriptor: { system: 'weblogic', types: WEBLOGIC_TYPES, capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: ['server'] } },

    desired(req: DesiredRequest): DesiredResponse {
      const resources: DesiredResource[] = req.model.domains.flatMap((d) => domainResources(req.env, req.model, d));
      return { resources, pruneWithin: [], diagnostics: [] };
    },

    async read(req: ReadRequest): Promise<ReadResponse> {
      const byDomain = new Map<string, Address[]>();
      const reads: LiveRead[] = [];
      for (const a of req.addresses) {
        const at = locate(a);
        if (!at || !domainOf(at.domain)) reads.push(...unknownReads([a], `not a WebLogic address of environment ${req.env}`));
        else byDomain.set(at.domain, [...(byDomain.get(at.domain) ?? []), a]);
      }
      const results = await mapBounded([...byDomain], ctx.concurrency, ([name, addrs]) => readDomain(domainOf(name)!, addrs));
      for (const r of results) reads.push(...r);
      const diagnostics: Diagnostic[] = [];
      for (const [name] of byDomain) {
        const failed = reads.find((r) => r.status === 'unknown' && locate(r.address)?.domain === name);
        if (failed) diagnostics.push(warning('weblogic-unread', failed.reason ?? `domain ${name} could not be read`, undefined, `${req.env}/weblogic:${name}`));
      }
      return { reads, diagnostics };
    },

    async prepareInverse(req: StepRequest): Promise<InverseResponse> {
      const r = resolveStep(req);
      if (typeof r === 'string') return { diagnostics: [warning('weblogic-step', r)] };
      if (req.step.action === 'restart' || req.step.action === 'run') return { diagnostics: [] };
      try {
        const live = liveOf(await (await opsFor(r.d)).read(), r.at.type, r.at.name);
        const wanted = targetOf(req, r.at, r.d).wanted ?? {};
        if (!live) return { inverse: { action: 'delete', attributes: {} }, diagnostics: [] };
        const before = Object.fromEntries(Object.keys(differing(wanted, live)).map((k) => [k, live[k] ?? null]));
        const undo = r.at.type === 'deployment' ? { previousVersion: live.version ?? null, previousSourcePath: live.sourcePath ?? null } : undefined;
        return { inverse: { action: 'update', attributes: before }, ...(undo ? { undo } : {}), diagnostics: [] };
      } catch (err) {
        return { diagnostics: [warning('weblogic-inverse', `could not read ${req.step.address} to prepare its inverse: ${errorText(err)}`, undefined, req.step.address)] };
      }
    },

    /** Rollback is an apply whose wanted values are the captured inverse (see targetOf). */
    rollback(req: RollbackRequest): Promise<StepResponse> {
      return this.apply(req);
    },

    async apply(req: StepRequest): Promise<StepResponse> {
      const started = Date.now();
      const done = (ok: boolean, message: string): StepResponse => ({ outcome: ok ? 'applied' : 'failed', message, durationMs: Date.now() - started, diagnostics: [] });
      const r = resolveStep(req);
      if (typeof r === 'string') return done(false, r);
      if (req.dryRun) return { outcome: 'skipped', message: 'dry run: WebLogic has no validate-only edit; nothing done', durationMs: 0, diagnostics: [] };
      try {
        const ops = await opsFor(r.d);
        const step = req.step;
        let out;
        if (step.action === 'restart') out = await restartServer(ops, r.at.name, timing);
        else if (step.action === 'run') out = await gate(ops, r.at.name, timing);
        else if (r.at.type === 'deployment') out = await applyDeployment(ops, targetOf(req, r.at, r.d), stagingFor(req, r.d));
        else if (step.action === 'update' || step.action === 'deploy') out = await applyConfig(ops, targetOf(req, r.at, r.d), timing);
        else out = { ok: false, message: `${step.action} of ${r.at.type} is not supported by the WebLogic provider yet` };
        return done(out.ok, out.message);
      } catch (err) {
        return done(false, `${errorText(err)} (the domain may be unchanged; re-read before retrying)`);
      }
    },

    async verify(req: StepRequest): Promise<VerifyResponse> {
      const r = resolveStep(req);
      if (typeof r === 'string') return { status: 'unknown', message: r };
      try {
        const ops = await opsFor(r.d);
        if (r.at.type === 'server') {
          const h = await ops.health(r.at.name);
          if (h.state === 'RUNNING' && h.health === 'HEALTH_OK') return { status: 'healthy', message: `${r.at.name} RUNNING, HEALTH_OK` };
          const status = ['STARTING', 'RESUMING', 'STANDBY', 'ADMIN'].includes(h.state) ? 'progressing' : 'degraded';
          return { status, message: `${r.at.name} ${h.state} ${h.health ?? ''}`.trim() };
        }
        const wanted = targetOf(req, r.at, r.d).wanted ?? {};
        const left = differing(wanted, liveOf(await ops.read(), r.at.type, r.at.name));
        return Object.keys(left).length === 0 ? { status: 'healthy', message: `${req.step.address} as wanted` } : { status: 'degraded', message: `${req.step.address} still differs in ${Object.keys(left).join(', ')}` };
      } catch (err) {
        return { status: 'unknown', message: errorText(err) };
      }
    },

    adopt: (read, desired) => adoptEdits(ctx.env, read, desired),
  };
}
