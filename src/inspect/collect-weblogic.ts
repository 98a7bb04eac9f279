/**
 * WebLogic collector. 12.2.1.4 domains: REST runtime reads from the admin server
 * (serverLifeCycleRuntimes for every server's state; serverRuntimes/S with JVMRuntime,
 * threadPoolRuntime, JDBC data-source runtimes and web-app sessions for running ones).
 * 10.3.6 domains: WLST over SSH (wlst-collect.ts). The probe of each application (app.http-probe)
 * is the admin REST round trip, or the WLST connect for 10.3.6. A domain that answers 500, or
 * whose admin server is unreachable, becomes one Unread. The REST link latency is timed before
 * any collector starts (restLatencies, like the SSH one), so it is not the load of the inspection.
 */
import type { WeblogicDomain } from '../model/index.js';
import { mapBounded, type WeblogicClient } from '../transport/index.js';
import { type Collected, type CollectInput, emptyCollected, selectedDomains, timed, unread } from './types.js';
import { collectWlstDomain } from './wlst-collect.js';
import { healthText, num, serverMeasurements, type PoolFigures, type ServerFigures } from './wls-measure.js';

export const WLS_CHECKS = ['wls.server-state', 'wls.health', 'wls.heap', 'wls.threads', 'wls.hogging', 'wls.jdbc', 'wls.sessions', 'wls.patch-level', 'app.http-probe', 'link.latency'];

type Bean = Record<string, unknown>;
const NL = '?links=none';
const enc = encodeURIComponent;

async function items(c: WeblogicClient, path: string): Promise<Bean[]> {
  return (await c.get<{ items?: Bean[] }>(`${path}${path.includes('?') ? '&links=none' : NL}`)).items ?? [];
}

async function sessionsOf(c: WeblogicClient, base: string): Promise<number> {
  let total = 0;
  for (const app of await items(c, `${base}/applicationRuntimes?fields=name`)) {
    for (const comp of await items(c, `${base}/applicationRuntimes/${enc(String(app.name))}/componentRuntimes`)) total += num(comp.openSessionsCurrentCount) ?? 0;
  }
  return total;
}

async function restServer(c: WeblogicClient, d: WeblogicDomain, name: string, state: string): Promise<ServerFigures> {
  if (state !== 'RUNNING') return { server: name, state };
  const base = `domainRuntime/serverRuntimes/${enc(name)}`;
  const [rt, jvm, tp, ds] = await Promise.all([
    c.get<Bean>(`${base}${NL}`),
    c.get<Bean>(`${base}/JVMRuntime${NL}`),
    c.get<Bean>(`${base}/threadPoolRuntime${NL}`),
    items(c, `${base}/JDBCServiceRuntime/JDBCDataSourceRuntimeMBeans`),
  ]);
  const maxOf = (ds: string): number | null => d.dataSources?.find((x) => x.name === ds)?.maxCapacity ?? null;
  const pools: PoolFigures[] = ds.map((p) => ({ name: String(p.name), state: p.state === undefined ? null : String(p.state), active: num(p.activeConnectionsCurrentCount), waiting: num(p.waitingForConnectionCurrentCount), max: maxOf(String(p.name)) ?? num(p.currCapacity) }));
  return {
    server: name, state, health: healthText(rt.overallHealthState ?? rt.healthState), version: rt.weblogicVersion === undefined ? null : String(rt.weblogicVersion),
    heapFreePercent: num(jvm.heapFreePercent), heapMaxBytes: num(jvm.heapSizeMax),
    threads: { total: num(tp.executeThreadTotalCount), idle: num(tp.executeThreadIdleCount), hogging: num(tp.hoggingThreadCount), stuck: num(tp.stuckThreadCount) },
    sessions: await sessionsOf(c, base), pools,
  };
}

const LIFECYCLE = 'domainRuntime/serverLifeCycleRuntimes?fields=name,state';

async function collectRestDomain(input: CollectInput, d: WeblogicDomain, rtt: number | undefined): Promise<Collected> {
  const { ctx } = input;
  const base = `${ctx.env}/weblogic:${d.name}`;
  try {
    const c = await ctx.weblogic(d.name);
    const { value: lifecycle, ms } = await timed(() => items(c, LIFECYCLE));
    const figures = await Promise.all(lifecycle.map((s) => restServer(c, d, String(s.name), String(s.state))));
    const measurements = [
      ...figures.flatMap((f) => serverMeasurements(base, f, d.version)),
      { checkId: 'app.http-probe', target: `${base}/probe:admin-rest`, value: ms, unit: 'ms' as const, detail: { application: d.application, path: 'domainRuntime/serverLifeCycleRuntimes' } },
      { checkId: 'link.latency', target: `${ctx.env}/link:ops-host->weblogic:${d.name}`, value: rtt ?? ms, unit: 'ms' as const, detail: { via: 'admin REST round trip' } },
    ];
    return { ...emptyCollected(), measurements };
  } catch (err) {
    return { ...emptyCollected(), unread: [unread(base, 'middleware', WLS_CHECKS.filter((x) => input.checks.has(x) && x !== 'link.latency'), err)] };
  }
}

const boundOf = (input: CollectInput): number => Math.max(1, Math.min(input.ctx.concurrency, 5));

/**
 * Link latency to the REST domains: one timed GET of the server life cycles per domain, before
 * any collector starts (a domain that does not answer is left out: its collection says why).
 */
export async function restLatencies(input: CollectInput): Promise<Map<string, number>> {
  const rest = selectedDomains(input).filter((d) => d.management === 'rest');
  const times = await mapBounded(rest, boundOf(input), async (d) => {
    try {
      const c = await input.ctx.weblogic(d.name);
      return (await timed(() => items(c, LIFECYCLE))).ms;
    } catch {
      return undefined;
    }
  });
  const out = new Map<string, number>();
  rest.forEach((d, i) => {
    const ms = times[i];
    if (ms !== undefined) out.set(d.name, ms);
  });
  return out;
}

/** `rtt`: the REST link latencies, measured by `restLatencies` before any collector started. */
export async function collectWeblogic(input: CollectInput, rtt: ReadonlyMap<string, number> = new Map()): Promise<Collected> {
  if (!WLS_CHECKS.some((c) => input.checks.has(c))) return emptyCollected();
  const parts = await mapBounded(selectedDomains(input), boundOf(input), (d) => (d.management === 'rest' ? collectRestDomain(input, d, rtt.get(d.name)) : collectWlstDomain(input, d)));
  const measurements = parts.flatMap((p) => p.measurements).filter((m) => input.checks.has(m.checkId));
  return { measurements, unread: parts.flatMap((p) => p.unread), notMeasured: [] };
}
