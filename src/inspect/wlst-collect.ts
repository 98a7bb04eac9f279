/**
 * 10.3.6 domains over WLST (transport/wlst.ts runWlst; script helpers of providers/weblogic):
 * run 1 reads every server's State from /ServerLifeCycleRuntimes; run 2 reads, for the RUNNING
 * ones only (the dialect has no try/if, and a cd into a stopped server's runtime would stop the
 * script), HealthState, JVMRuntime, ThreadPoolRuntime and the runtimes of the data sources
 * targeted to the server. Results arrive as `OPSCTL-RESULT` lines (parseWlstResults).
 */
import type { WeblogicDomain } from '../model/index.js';
import { parseWlstResults } from '../parsers/index.js';
import { cd, emitExpr, get, pyString, script } from '../providers/weblogic/wlst-script.js';
import { runWlst, wlstFailure } from '../transport/wlst.js';
import { type Collected, type CollectInput, emptyCollected, timed, unread } from './types.js';
import { healthText, num, serverMeasurements, type ServerFigures } from './wls-measure.js';

const WLST_CHECKS = ['wls.server-state', 'wls.health', 'wls.heap', 'wls.threads', 'wls.hogging', 'wls.jdbc', 'app.http-probe'];

function serverNames(d: WeblogicDomain): string[] {
  return [...new Set([d.admin.serverName, ...d.servers.map((s) => s.name)])];
}

function poolsOf(d: WeblogicDomain, server: string): string[] {
  const cluster = d.servers.find((s) => s.name === server)?.cluster;
  return (d.dataSources ?? []).filter((ds) => ds.targets.includes(server) || (cluster !== undefined && ds.targets.includes(cluster))).map((ds) => ds.name);
}

function runtimeBody(d: WeblogicDomain, server: string): string[] {
  const rt = `/ServerRuntimes/${server}`;
  const lines = [
    cd(rt), emitExpr({ k: pyString('rt'), server: pyString(server), health: get('HealthState') }),
    cd(`${rt}/JVMRuntime/${server}`), emitExpr({ k: pyString('jvm'), server: pyString(server), heapFreePercent: get('HeapFreePercent'), heapSizeMax: get('HeapSizeMax') }),
    cd(`${rt}/ThreadPoolRuntime/ThreadPoolRuntime`),
    emitExpr({ k: pyString('tp'), server: pyString(server), total: get('ExecuteThreadTotalCount'), idle: get('ExecuteThreadIdleCount'), hogging: get('HoggingThreadCount'), stuck: get('StuckThreadCount') }),
  ];
  for (const ds of poolsOf(d, server)) {
    lines.push(cd(`${rt}/JDBCServiceRuntime/${server}/JDBCDataSourceRuntimeMBeans/${ds}`));
    lines.push(emitExpr({ k: pyString('ds'), server: pyString(server), name: pyString(ds), state: get('State'), active: get('ActiveConnectionsCurrentCount'), waiting: get('WaitingForConnectionCurrentCount') }));
  }
  return lines;
}

type Row = Record<string, unknown>;

async function run(input: CollectInput, d: WeblogicDomain, body: string[]): Promise<Row[]> {
  const password = await input.ctx.secret(d.admin.credential);
  const conn = { user: d.admin.user, url: `t3://${d.admin.host}:${d.admin.port}` };
  const out = await runWlst(input.ctx.hosts, { host: d.admin.host, password, script: (pw) => script(conn, pw, ['domainRuntime()', ...body]) });
  if (out.exitCode !== 0) throw wlstFailure(out, d.admin.host);
  const parsed = parseWlstResults(out.stdout);
  return parsed.ok ? parsed.value.results.map((r) => r.value) : [];
}

function figuresOf(d: WeblogicDomain, states: Row[], rows: Row[]): ServerFigures[] {
  return states.map((s) => {
    const server = String(s.server);
    const mine = rows.filter((r) => r.server === server);
    const pick = (k: string): Row => mine.find((r) => r.k === k) ?? {};
    const tp = pick('tp');
    const f: ServerFigures = { server, state: String(s.state) };
    if (f.state !== 'RUNNING') return f;
    return {
      ...f, health: healthText(pick('rt').health), heapFreePercent: num(pick('jvm').heapFreePercent), heapMaxBytes: num(pick('jvm').heapSizeMax),
      threads: { total: num(tp.total), idle: num(tp.idle), hogging: num(tp.hogging), stuck: num(tp.stuck) },
      pools: mine.filter((r) => r.k === 'ds').map((r) => ({ name: String(r.name), state: r.state === undefined ? null : String(r.state), active: num(r.active), waiting: num(r.waiting), max: d.dataSources?.find((x) => x.name === r.name)?.maxCapacity ?? null })),
    };
  });
}

export async function collectWlstDomain(input: CollectInput, d: WeblogicDomain): Promise<Collected> {
  const base = `${input.ctx.env}/weblogic:${d.name}`;
  try {
    const stateBody = serverNames(d).flatMap((s) => [cd(`/ServerLifeCycleRuntimes/${s}`), emitExpr({ server: pyString(s), state: get('State') })]);
    const { value: states, ms } = await timed(() => run(input, d, stateBody));
    const running = states.filter((s) => s.state === 'RUNNING').map((s) => String(s.server));
    const rows = running.length ? await run(input, d, running.flatMap((s) => runtimeBody(d, s))) : [];
    const measurements = [
      ...figuresOf(d, states, rows).flatMap((f) => serverMeasurements(base, f, d.version)),
      { checkId: 'app.http-probe', target: `${base}/probe:wlst-connect`, value: ms, unit: 'ms' as const, detail: { application: d.application, via: 'WLST connect + state read over SSH' } },
    ];
    return { ...emptyCollected(), measurements, notMeasured: [] };
  } catch (err) {
    return { ...emptyCollected(), unread: [unread(base, 'middleware', WLST_CHECKS.filter((c) => input.checks.has(c)), err)] };
  }
}
