/**
 * The servers a WebLogic home patch stops and starts on one host: every server of every domain
 * that runs from that middleware home on that host (two domains may share an admin host and its
 * home). Through the WebLogic provider's DomainOps (REST for 12.2.1.4, WLST for 10.3.6):
 * managed servers shut down gracefully (forced if that fails), the admin server last; afterwards
 * the admin server is started first with `nohup $DOMAIN_HOME/bin/startWebLogic.sh` on its host (no
 * ServerLifeCycleRuntime can start it), then the managed servers through Node Manager, each waited
 * for until RUNNING, then the health gate (RUNNING + HEALTH_OK) for all — the rolling restart's
 * gate. Only servers that were running before are started again.
 */
import type { WeblogicDomain } from '../../model/index.js';
import { weblogicHome } from '../../model/homes.js';
import { shellQuote } from '../../transport/quote.js';
import { runWlst } from '../../transport/wlst.js';
import type { ProviderContext } from '../context.js';
import { gate, waitFor, type Timing } from '../weblogic/apply.js';
import { errorText, type DomainOps, type OpOutcome } from '../weblogic/ops.js';
import { restOps } from '../weblogic/ops-rest.js';
import { wlstOps } from '../weblogic/ops-wlst.js';
import { script } from '../weblogic/wlst-script.js';

export interface HostServer {
  domain: WeblogicDomain;
  server: string;
  admin: boolean;
}

/** Servers of every domain on `home` that run on `host`, managed servers first, admin servers last. */
export function serversOnHost(domains: readonly WeblogicDomain[], host: string, home: string): HostServer[] {
  const out: HostServer[] = [];
  for (const d of domains) {
    if (weblogicHome(d).home !== home) continue;
    for (const s of d.servers) if (s.host === host && s.name !== d.admin.serverName) out.push({ domain: d, server: s.name, admin: false });
  }
  for (const d of domains) if (weblogicHome(d).home === home && d.admin.host === host) out.push({ domain: d, server: d.admin.serverName, admin: true });
  return out;
}

export function domainOpsFactory(ctx: ProviderContext): (d: WeblogicDomain) => Promise<DomainOps> {
  const cache = new Map<string, DomainOps>();
  const hostName = (a: string): string => ctx.model.hosts.find((h) => h.name === a)?.name ?? ctx.model.hosts.find((h) => h.address === a && h.name !== a)?.name ?? a;
  return async (d) => {
    const hit = cache.get(d.name);
    if (hit) return hit;
    const servers = d.servers.map((s) => s.name).sort();
    let ops: DomainOps;
    if (d.management === 'rest') ops = restOps(await ctx.weblogic(d.name), servers, hostName);
    else {
      const admin = ctx.model.hosts.find((h) => h.name === d.admin.host);
      const addr = admin?.address.includes(':') ? `[${admin.address}]` : (admin?.address ?? 'localhost');
      const run = async (body: string[]) => runWlst(ctx.hosts, { host: d.admin.host, password: await ctx.secret(d.admin.credential), script: (pw) => script({ user: d.admin.user, url: `t3://${addr}:${d.admin.port}` }, pw, body) });
      ops = wlstOps(d.name, run, () => Promise.reject(new Error('a patch step reads server health only')));
    }
    cache.set(d.name, ops);
    return ops;
  };
}

const DOWN = new Set(['SHUTDOWN', 'UNKNOWN', 'FAILED_NOT_RESTARTABLE']);

async function isRunning(ops: DomainOps, server: string): Promise<boolean> {
  try {
    return !DOWN.has((await ops.health(server)).state);
  } catch {
    return false; // an admin server that does not answer is not running
  }
}

async function stopOne(ops: DomainOps, s: HostServer, t: Timing): Promise<OpOutcome> {
  const down = await ops.lifecycle(s.server, 'shutdown');
  if (!down.ok && !s.admin) {
    const forced = await ops.lifecycle(s.server, 'forceShutdown');
    if (!forced.ok) return { ok: false, message: `${down.message}; ${forced.message}` };
  }
  // Not waitFor: a stopped admin server no longer answers, which is what "stopped" looks like.
  const until = Date.now() + t.serverTimeoutMs;
  while (await isRunning(ops, s.server)) {
    if (Date.now() >= until) return { ok: false, message: `${s.server} did not stop within ${Math.round(t.serverTimeoutMs / 1000)}s` };
    await t.sleep(t.pollMs);
  }
  return { ok: true, message: `${s.server} stopped` };
}

/** Stops the running ones; returns who was stopped (to start exactly those again) or the failure. */
export async function stopServers(opsFor: (d: WeblogicDomain) => Promise<DomainOps>, servers: readonly HostServer[], t: Timing): Promise<{ stopped: HostServer[]; failure?: string }> {
  const stopped: HostServer[] = [];
  for (const s of servers) {
    const ops = await opsFor(s.domain);
    if (!(await isRunning(ops, s.server))) continue;
    const r = await stopOne(ops, s, t).catch((err: unknown) => ({ ok: false, message: errorText(err) }));
    if (!r.ok) return { stopped, failure: r.message };
    stopped.push(s);
  }
  return { stopped };
}

async function startAdmin(ctx: ProviderContext, ops: DomainOps, s: HostServer, t: Timing): Promise<OpOutcome> {
  const home = s.domain.admin.domainHome.replace(/\/+$/, '');
  const out = `${home}/servers/${s.server}/logs/${s.server}.out`;
  const line = `nohup ${shellQuote(`${home}/bin/startWebLogic.sh`)} > ${shellQuote(out)} 2>&1 &`;
  const r = await ctx.hosts.exec(s.domain.admin.host, { script: line });
  if (r.exitCode !== 0) return { ok: false, message: `startWebLogic.sh for ${s.server} on ${s.domain.admin.host} exited ${r.exitCode}: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ')}` };
  const w = await waitFor(ops, s.server, t, (h) => h.state === 'RUNNING');
  return w.ok ? { ok: true, message: `${s.server} started` } : { ok: false, message: `${s.server} did not reach RUNNING: ${w.last.state}` };
}

/** Starts what `stopServers` stopped: admin servers first, then managed servers; then the health gate for all. */
export async function startServers(ctx: ProviderContext, opsFor: (d: WeblogicDomain) => Promise<DomainOps>, stopped: readonly HostServer[], t: Timing): Promise<OpOutcome> {
  const ordered = [...stopped.filter((s) => s.admin), ...stopped.filter((s) => !s.admin)];
  for (const s of ordered) {
    const ops = await opsFor(s.domain);
    const r = s.admin ? await startAdmin(ctx, ops, s, t) : await ops.lifecycle(s.server, 'start');
    if (!r.ok) return r;
    if (!s.admin) {
      const w = await waitFor(ops, s.server, t, (h) => h.state === 'RUNNING');
      if (!w.ok) return { ok: false, message: `${s.server} did not reach RUNNING: ${w.last.state}` };
    }
  }
  for (const s of ordered) {
    const g = await gate(await opsFor(s.domain), s.server, t);
    if (!g.ok) return g;
  }
  return { ok: true, message: ordered.length ? `${ordered.map((s) => s.server).join(', ')} RUNNING, HEALTH_OK` : 'no server was running from this home' };
}
