/**
 * Reading a 10.3.6 domain with ONE generated WLST script per read run: every requested server,
 * data source, work manager, deployment, cluster and machine is read from `domainConfig()`, then
 * the servers' states from `domainRuntime()` /ServerLifeCycleRuntimes. The dialect has no
 * try/if, so each part of the script announces itself first (`emit({'k': 'begin', …})`); when
 * WLST stops with an exception, the part that was running is known: a `cd` into a bean that does
 * not exist means that resource is absent, so the script is generated again without it (this
 * rerun happens only when something is absent). Any other exception fails the domain's read.
 */
import { parseWlstResults } from '../../parsers/weblogic.js';
import { wlstException, WlstScriptError, type WlstOutput } from '../../transport/wlst.js';
import { emptyDomain, num, type LiveDomain } from './live.js';
import { clusterFrom, dataSourceFrom, deploymentFrom, logFrom, machineFrom, serverFrom, workManagerFrom, type Bean } from './normalise.js';
import { cd, emit, emitExpr, get, pyString } from './wlst-script.js';

export interface WlstReadSpec {
  domain: string;
  servers: string[];
  dataSources: string[];
  workManagers: string[];
  deployments: string[];
  clusters: string[];
  machines: string[];
  /** Server whose Log bean stands for the domain's log rotation. */
  logServer?: string;
}

interface Part { id: string; lines: string[] }

const fields = (attrs: string[]): Record<string, string> => Object.fromEntries(attrs.map((a) => [a.charAt(0).toLowerCase() + a.slice(1), get(a)]));
const part = (id: string, lines: string[]): Part => ({ id, lines: [emit({ k: 'begin', part: id }), ...lines] });
const bean = (k: string, n: string, attrs: string[]): string => emitExpr({ k: pyString(k), n: pyString(n), ...fields(attrs) });

function dataSourceLines(ds: string): string[] {
  const res = `/JDBCSystemResources/${ds}/JDBCResource/${ds}`;
  return [
    cd(`/JDBCSystemResources/${ds}`), bean('ds', ds, ['Targets']),
    cd(`${res}/JDBCConnectionPoolParams/${ds}`),
    bean('pool', ds, ['InitialCapacity', 'MinCapacity', 'MaxCapacity', 'TestTableName', 'TestConnectionsOnReserve', 'StatementCacheSize', 'InactiveConnectionTimeoutSeconds']),
    cd(`${res}/JDBCDataSourceParams/${ds}`), emitExpr({ k: pyString('params'), n: pyString(ds), JNDINames: get('JNDINames') }),
    cd(`${res}/JDBCDriverParams/${ds}`), emitExpr({ k: pyString('driver'), n: pyString(ds), url: get('Url') }),
    cd(`${res}/JDBCDriverParams/${ds}/Properties/${ds}/Properties/user`), bean('user', ds, ['Value']),
  ];
}

function constraintPart(domain: string, wm: string, which: 'Min' | 'Max'): Part {
  const ref = `str(${get(`${which}ThreadsConstraint`)})`;
  const name = `opsctl_ref.replace('com.bea:Name=', '').replace(',Type=${which}ThreadsConstraint', '')`;
  return part(`${which.toLowerCase()}:${wm}`, [
    cd(`/SelfTuning/${domain}/WorkManagers/${wm}`), `opsctl_ref = ${ref}`,
    `cd(${pyString(`/SelfTuning/${domain}/${which}ThreadsConstraints/`)} + ${name})`,
    bean(`${which.toLowerCase()}Threads`, wm, ['Count']),
  ]);
}

/** The parts of a read script for `spec`, minus those in `skip`. */
export function readParts(spec: WlstReadSpec, skip: ReadonlySet<string> = new Set()): Part[] {
  const parts: Part[] = [{ id: 'config', lines: ['domainConfig()'] }];
  for (const s of spec.servers) parts.push(part(`server:${s}`, [cd(`/Servers/${s}`), bean('server', s, ['ListenPort', 'Cluster', 'Machine', 'StuckThreadMaxTime']), cd(`/Servers/${s}/ServerStart/${s}`), bean('serverStart', s, ['Arguments'])]));
  if (spec.logServer) parts.push(part(`log:${spec.logServer}`, [cd(`/Servers/${spec.logServer}/Log/${spec.logServer}`), bean('log', spec.logServer, ['RotationType', 'FileMinSize', 'RotationTime', 'FileCount', 'RotateLogOnStartup'])]));
  for (const c of spec.clusters) parts.push(part(`cluster:${c}`, [cd(`/Clusters/${c}`), bean('cluster', c, ['ClusterMessagingMode'])]));
  for (const m of spec.machines) parts.push(part(`machine:${m}`, [cd(`/Machines/${m}/NodeManager/${m}`), emitExpr({ k: pyString('machine'), n: pyString(m), listenAddress: get('ListenAddress'), listenPort: get('ListenPort'), NMType: get('NMType') })]));
  for (const ds of spec.dataSources) parts.push(part(`datasource:${ds}`, dataSourceLines(ds)));
  for (const w of spec.workManagers) {
    parts.push(part(`work-manager:${w}`, [cd(`/SelfTuning/${spec.domain}/WorkManagers/${w}`), bean('workManager', w, ['Targets', 'MinThreadsConstraint', 'MaxThreadsConstraint', 'IgnoreStuckThreads'])]));
    parts.push(constraintPart(spec.domain, w, 'Min'), constraintPart(spec.domain, w, 'Max'));
  }
  for (const a of spec.deployments) parts.push(part(`deployment:${a}`, [cd(`/AppDeployments/${a}`), bean('app', a, ['SourcePath', 'VersionIdentifier', 'Targets'])]));
  parts.push({ id: 'runtime', lines: ['domainRuntime()'] });
  for (const s of spec.servers) if (!skip.has(`server:${s}`)) parts.push(part(`state:${s}`, [cd(`/ServerLifeCycleRuntimes/${s}`), bean('state', s, ['State'])]));
  return parts.filter((p) => !skip.has(p.id));
}

export function readBody(spec: WlstReadSpec, skip?: ReadonlySet<string>): string[] {
  return readParts(spec, skip).flatMap((p) => p.lines);
}

type Results = Map<string, Bean>;

function assemble(results: Results, spec: WlstReadSpec, hostName: (a: string) => string): LiveDomain {
  const live = emptyDomain();
  const r = (k: string, n: string): Bean | undefined => results.get(`${k}|${n}`);
  for (const s of spec.servers) {
    const srv = r('server', s);
    if (srv) live.servers[s] = serverFrom(srv, r('serverStart', s) ?? {}, (r('state', s)?.state as string | undefined) ?? null);
  }
  const log = spec.logServer ? r('log', spec.logServer) : undefined;
  if (log) live.logRotation = logFrom(log);
  for (const c of spec.clusters) { const b = r('cluster', c); if (b) live.clusters[c] = clusterFrom(b); }
  for (const m of spec.machines) { const b = r('machine', m); if (b) live.machines[m] = machineFrom(b, hostName); }
  for (const ds of spec.dataSources) {
    const b = r('ds', ds);
    if (b) live.dataSources[ds] = dataSourceFrom(b, r('pool', ds) ?? {}, r('params', ds) ?? {}, r('driver', ds) ?? {}, r('user', ds) ?? {});
  }
  for (const w of spec.workManagers) {
    const b = r('workManager', w);
    if (b) live.workManagers[w] = workManagerFrom(b, num(r('minThreads', w)?.count), num(r('maxThreads', w)?.count));
  }
  for (const a of spec.deployments) { const b = r('app', a); if (b) live.deployments[a] = deploymentFrom(b); }
  return live;
}

/** Parts whose bean may be missing: a resource (then absent) or an optional sub-bean (then null). */
const SKIPPABLE = /^(server|datasource|work-manager|deployment|cluster|machine|min|max|log|state):/;
const CD_FAILURE = /\bcd|no MBean|not found|No such/i;

/** Runs the read (reruns only to leave out absent parts) and assembles the live domain. */
export async function readWlstDomain(spec: WlstReadSpec, run: (body: string[]) => Promise<WlstOutput>, hostName: (a: string) => string): Promise<LiveDomain> {
  const skip = new Set<string>();
  const limit = readParts(spec).length + 1;
  for (let attempt = 0; attempt < limit; attempt++) {
    const out = await run(readBody(spec, skip));
    const parsedResult = parseWlstResults(out.stdout);
    const parsed = parsedResult.ok ? parsedResult.value : { results: [] };
    const results: Results = new Map();
    let running: string | undefined;
    for (const { value } of parsed.results) {
      if (value.k === 'begin') running = String(value.part);
      else results.set(`${String(value.k)}|${String(value.n)}`, value);
    }
    if (out.exitCode === 0) return assemble(results, spec, hostName);
    const exception = wlstException(out.stderr);
    const canSkip = running !== undefined && CD_FAILURE.test(exception) && !skip.has(running);
    if (!canSkip) throw new WlstScriptError(`WLST read of domain ${spec.domain} failed${running ? ` in ${running}` : ''}: ${exception.slice(0, 300)}`, out.exitCode, exception);
    if (!SKIPPABLE.test(running!)) throw new WlstScriptError(`WLST read of domain ${spec.domain} failed in ${running}: ${exception.slice(0, 300)}`, out.exitCode, exception);
    skip.add(running!);
  }
  throw new WlstScriptError(`WLST read of domain ${spec.domain} did not converge`, null, '');
}
