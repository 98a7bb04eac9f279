/**
 * The DomainOps of one domain of the context, by its management: REST (12.2.1.4, the admin
 * server's client) or WLST over SSH on the admin host (10.3.6: the admin password and any
 * further secret only in 0600 files the script reads). The provider caches one per domain; the
 * password rotation (runbook/) asks for its own.
 */
import { runWlst } from '../../transport/wlst.js';
import type { WeblogicDomain } from '../../model/schema/weblogic.js';
import type { ProviderContext } from '../context.js';
import { domainResources, TYPE_OF_KIND } from './desired.js';
import type { DomainOps } from './ops.js';
import { restOps } from './ops-rest.js';
import { wlstOps, type WlstRun } from './ops-wlst.js';
import { readWlstDomain, type WlstReadSpec } from './wlst-read.js';
import { script } from './wlst-script.js';
import { parseAddress, type Address } from '../../model/address.js';

export interface Located { domain: string; kind: string; name: string; type: string }

export function locate(address: Address): Located | undefined {
  const p = parseAddress(address);
  if ('error' in p || p.segments[0]?.kind !== 'weblogic') return undefined;
  const seg = p.segments[1];
  const type = seg ? TYPE_OF_KIND[seg.kind] : undefined;
  return seg && type ? { domain: p.segments[0].name, kind: seg.kind, name: seg.name, type } : undefined;
}

/** The domain's managed servers, sorted. */
export const managedServers = (d: WeblogicDomain): string[] => d.servers.map((s) => s.name).sort();

/** Inventory host name of an address a domain reports (its name, or the host with that address). */
export function hostNamer(ctx: ProviderContext): (a: string) => string {
  return (a) => ctx.model.hosts.find((h) => h.name === a)?.name ?? ctx.model.hosts.find((h) => h.address === a && h.name !== a)?.name ?? a;
}

/** One WLST script run on the domain's admin host (connect as its admin user; secrets as files). */
export function wlstRunner(ctx: ProviderContext, d: WeblogicDomain): WlstRun {
  return async (body, secrets) => {
    const admin = ctx.model.hosts.find((h) => h.name === d.admin.host);
    const host = admin?.address.includes(':') ? `[${admin.address}]` : (admin?.address ?? 'localhost');
    const conn = { user: d.admin.user, url: `t3://${host}:${d.admin.port}` };
    return runWlst(ctx.hosts, { host: d.admin.host, password: await ctx.secret(d.admin.credential), ...(secrets ? { secrets } : {}), script: (pw, paths) => script(conn, pw, body, paths) });
  };
}

/** What one WLST read script of the domain asks for: the located resources by kind. */
export function wlstSpec(d: WeblogicDomain, wanted: readonly Located[]): WlstReadSpec {
  const names = (kind: string): string[] => [...new Set(wanted.filter((w) => w.kind === kind).map((w) => w.name))].sort();
  const servers = names('server');
  const logServer = wanted.some((w) => w.kind === 'log-rotation') ? managedServers(d)[0] : undefined;
  return {
    domain: d.name, servers, dataSources: names('datasource'), workManagers: names('work-manager'), deployments: names('deployment'),
    clusters: names('cluster'), machines: names('machine'), ...(logServer ? { logServer } : {}),
  };
}

export async function createDomainOps(ctx: ProviderContext, d: WeblogicDomain): Promise<DomainOps> {
  if (d.management === 'rest') return restOps(await ctx.weblogic(d.name), managedServers(d), hostNamer(ctx));
  const all = domainResources(ctx.env, ctx.model, d).map((r) => locate(r.address)).filter((x): x is Located => !!x);
  const run = wlstRunner(ctx, d);
  return wlstOps(d.name, run, () => readWlstDomain(wlstSpec(d, all), run, hostNamer(ctx)));
}
