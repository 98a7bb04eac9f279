/**
 * providers/patch — WebLogic and Oracle home patches (OPatch, BSU) and the SQL side of database
 * patches (datapatch), as resources of the weblogic and oracle systems. `withHomePatches(inner)`
 * wraps the system's provider: home-patch addresses (`…/host:H/patch:ID`) and, for Oracle, the
 * SQL patch (`E/oracle:DB/patch:ID`) are answered here, everything else by the inner provider.
 * Registered in providers/index.ts. docs/releases.md "Patch releases", docs/providers/patch.md.
 *
 * May import: core/, model/, parsers/, transport/, providers/{context,provider,weblogic,oracle}.
 * Never cli/, engine/ or lab/. Never prints.
 */
import { error } from '../../diag/index.js';
import { parseAddress } from '../../model/address.js';
import type { ProviderContext } from '../context.js';
import type { InverseResponse, Provider, ReadRequest, ReadResponse, RollbackRequest, StepRequest, StepResponse, VerifyResponse } from '../provider.js';
import type { Timing } from '../weblogic/apply.js';
import { errorText, type OpOutcome } from '../weblogic/ops.js';
import { applyHomePatch, hostServices, rollbackHomePatch } from './apply.js';
import { HOME_PATCH, oracleHomePatches, sqlDependencies, weblogicHomePatches } from './desired.js';
import { locate, readHomePatches } from './read.js';
import { DB_HOME_PATCH_RULES, HOME_PATCH_RULES, SQL_PATCH_RULES } from './rules.js';
import { applySqlPatch, locateSqlPatch, rollbackSqlPatch } from './sql.js';
import { readInventory } from './tools.js';
import { domainOpsFactory } from './weblogic-servers.js';

export { weblogicHomePatches, oracleHomePatches, homePatchAddress, HOME_PATCH } from './desired.js';

export interface HomePatchOptions {
  timing?: Partial<Timing>;
}

function isHomePatch(system: string, address: string): boolean {
  const p = parseAddress(address);
  return !('error' in p) && p.segments.length === 3 && p.segments[0]!.kind === system && p.segments[1]!.kind === 'host' && p.segments[2]!.kind === 'patch';
}

function response(started: number, r: OpOutcome): StepResponse {
  return { outcome: r.ok ? 'applied' : 'failed', message: r.message, durationMs: Date.now() - started, diagnostics: [] };
}

async function guarded(fn: () => Promise<OpOutcome>): Promise<StepResponse> {
  const started = Date.now();
  try {
    return response(started, await fn());
  } catch (err) {
    return response(started, { ok: false, message: `${errorText(err)} (the home may be unchanged; re-read before retrying)` });
  }
}

/** The weblogic or oracle provider with home patches (and, for Oracle, datapatch) added. */
export function withHomePatches(inner: Provider, ctx: ProviderContext, opts: HomePatchOptions = {}): Provider {
  const system = inner.descriptor.system;
  if (system !== 'weblogic' && system !== 'oracle') return inner;
  const timing: Timing = { serverTimeoutMs: 600_000, pollMs: 2_000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), ...opts.timing };
  const opsFor = domainOpsFactory(ctx);
  const mine = (a: string): boolean => isHomePatch(system, a);
  const sqlOf = (a: string) => (system === 'oracle' ? locateSqlPatch(ctx, a) : undefined);
  const place = (req: StepRequest) => {
    const h = locate(ctx, req.step.address);
    if (typeof h === 'string') throw new Error(h);
    const undo = (req as Partial<RollbackRequest>).rollback?.undo;
    const replaces = Array.isArray(undo?.replaces) ? undo.replaces.map(String) : h.replaces;
    return { ...h, replaces };
  };

  return {
    descriptor: {
      ...inner.descriptor,
      types: { ...inner.descriptor.types, [HOME_PATCH]: system === 'oracle' ? DB_HOME_PATCH_RULES : HOME_PATCH_RULES, ...(system === 'oracle' ? { patch: SQL_PATCH_RULES } : {}) },
    },

    desired(req) {
      const base = inner.desired(req);
      const homes = system === 'weblogic' ? weblogicHomePatches(req.env, req.model) : oracleHomePatches(req.env, req.model);
      const resources = system === 'oracle' ? sqlDependencies(req.model, base.resources, homes) : base.resources;
      return { ...base, resources: [...resources, ...homes] };
    },

    async read(req: ReadRequest): Promise<ReadResponse> {
      const own = req.addresses.filter(mine);
      const rest = req.addresses.filter((a) => !mine(a));
      const [homes, others] = await Promise.all([
        own.length ? readHomePatches(ctx, own) : Promise.resolve([]),
        rest.length ? inner.read({ ...req, addresses: rest }) : Promise.resolve({ reads: [], diagnostics: [] }),
      ]);
      return { reads: [...others.reads, ...homes], diagnostics: others.diagnostics };
    },

    async prepareInverse(req): Promise<InverseResponse> {
      if (sqlOf(req.step.address) !== undefined) return { inverse: { action: 'delete', attributes: {} }, diagnostics: [] };
      if (!mine(req.step.address)) return inner.prepareInverse(req);
      try {
        const h = place(req);
        const inv = await readInventory(ctx, h.ref);
        return { inverse: { action: 'update', attributes: { applied: inv.has(h.id) } }, undo: { replaces: h.replaces, home: h.ref.home }, diagnostics: [] };
      } catch (err) {
        return { diagnostics: [error('patch-inverse', `could not read ${req.step.address} to prepare its inverse: ${errorText(err)}`, undefined, req.step.address)] };
      }
    },

    async apply(req): Promise<StepResponse> {
      if (req.dryRun && (mine(req.step.address) || sqlOf(req.step.address) !== undefined)) return { outcome: 'skipped', message: 'dry run: OPatch, BSU and datapatch have no dry run here; nothing done', durationMs: 0, diagnostics: [] };
      const sql = sqlOf(req.step.address);
      if (typeof sql === 'string') return response(Date.now(), { ok: false, message: sql });
      if (sql) return guarded(() => applySqlPatch(ctx, sql));
      if (!mine(req.step.address)) return inner.apply(req);
      return guarded(async () => {
        const h = place(req);
        return applyHomePatch(ctx, h, hostServices(ctx, h, opsFor, timing));
      });
    },

    async rollback(req: RollbackRequest): Promise<StepResponse> {
      const sql = sqlOf(req.step.address);
      if (typeof sql === 'string') return response(Date.now(), { ok: false, message: sql });
      if (sql) return guarded(() => rollbackSqlPatch(ctx, sql));
      if (!mine(req.step.address)) return inner.rollback(req);
      if (req.rollback.inverse?.attributes.applied === true) return response(Date.now(), { ok: true, message: 'the patch was there before the step: nothing to undo' });
      return guarded(async () => {
        const h = place(req);
        return rollbackHomePatch(ctx, h, hostServices(ctx, h, opsFor, timing));
      });
    },

    async verify(req): Promise<VerifyResponse> {
      const sql = sqlOf(req.step.address);
      if (!mine(req.step.address) && sql === undefined) return inner.verify(req);
      try {
        if (sql !== undefined) {
          const [r] = (await inner.read({ env: req.env, model: req.model, addresses: [req.step.address] })).reads;
          return r?.status === 'present' ? { status: 'healthy', message: `${req.step.address} registered (DBA_REGISTRY_SQLPATCH)` } : { status: 'degraded', message: r?.reason ?? `${req.step.address} not registered` };
        }
        const h = place(req);
        const inv = await readInventory(ctx, h.ref);
        return inv.has(h.id) ? { status: 'healthy', message: `${h.id} in ${h.ref.home} on ${h.ref.host}` } : { status: 'degraded', message: `${h.id} is not in ${h.ref.home} on ${h.ref.host}` };
      } catch (err) {
        return { status: 'unknown', message: errorText(err) };
      }
    },

    adopt: (read, desired) => (mine(read.address) ? [] : inner.adopt(read, desired)),
  };
}
