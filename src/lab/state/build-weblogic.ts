/**
 * One lab WebLogic domain at reset: servers (the admin server included), data sources, work
 * managers, deployments and log rotation exactly as desired, with healthy runtime readings;
 * and on the domain's hosts the `java … weblogic.Server` and NodeManager processes and the
 * server logs (BEA- lines) that go with them.
 */
import type { OracleDatabase, WeblogicDomain } from '../../model/index.js';
import { iso, minus, wlsStamp } from './clock.js';
import { labFile } from './build-host.js';
import { addProcess, type ProcessContext } from './processes.js';
import type { Rng } from './random.js';
import type { LabDataSource, LabDomain, LabHost, LabServer } from './types.js';

export const WLS_DEFAULT_LOG_ROTATION: LabDomain['logRotation'] = { rotationType: 'bySize', fileMinSizeKb: 500, rotationTime: '00:00', filesToRetain: 7, rotateLogOnStartup: true };

function javaBin(os: string, version: string): string {
  if (os === 'aix') return version === '10.3.6' ? '/usr/java6_64/bin/java' : '/usr/java8_64/bin/java';
  return version === '10.3.6' ? '/usr/java/jdk1.7.0_80/bin/java' : '/usr/java/jdk1.8.0_401/bin/java';
}

function wlHome(d: WeblogicDomain): string {
  return `${d.admin.middlewareHome}/${d.version === '10.3.6' ? 'wlserver_10.3' : 'wlserver'}/server`;
}

/** The `ps -ef` command column of a running WebLogic server. */
export function serverCommand(d: WeblogicDomain, s: LabServer, os: string): string {
  const admin = s.name === d.admin.serverName;
  return [
    javaBin(os, d.version), '-server', `-Xms${s.heap.minMb}m`, `-Xmx${s.heap.maxMb}m`, ...s.jvmArgs,
    `-Dweblogic.Name=${s.name}`, `-Djava.security.policy=${wlHome(d)}/lib/weblogic.policy`,
    ...(admin ? [] : [`-Dweblogic.management.server=http://${d.admin.host}:${d.admin.port}`]),
    `-Dweblogic.home=${wlHome(d)}`, 'weblogic.Server',
  ].join(' ');
}

function server(d: WeblogicDomain, spec: WeblogicDomain['servers'][number], rnd: Rng, resetAt: Date): LabServer {
  const total = rnd.int(25, 60);
  return {
    name: spec.name,
    host: spec.host,
    listenPort: spec.listenPort,
    ...(spec.cluster ? { cluster: spec.cluster } : {}),
    ...(spec.machine ? { machine: spec.machine } : {}),
    state: 'RUNNING',
    health: 'HEALTH_OK',
    heap: { ...spec.heap },
    jvmArgs: [...(spec.jvmArgs ?? [])],
    stuckThreadMaxTimeSeconds: spec.stuckThreadMaxTimeSeconds ?? 600,
    heapUsedMb: Math.round((spec.heap.maxMb * rnd.int(30, 60)) / 100),
    threads: { total, idle: rnd.int(5, total - 5), stuck: 0, hogging: 0, queueLength: 0 },
    openSessions: spec.name === d.admin.serverName ? 0 : rnd.int(0, 300),
    restartRequired: false,
    activationTime: iso(minus(resetAt, rnd.int(2, 20) * 86400)),
  };
}

function dataSource(ds: NonNullable<WeblogicDomain['dataSources']>[number], dbs: OracleDatabase[], rnd: Rng): LabDataSource {
  const db = dbs.find((x) => x.name === ds.database);
  const host = db?.instances[0]?.host ?? ds.database;
  const url = `jdbc:oracle:thin:@//${host}:${db?.listenerPort ?? 1521}/${ds.service ?? db?.service ?? ds.database}`;
  return {
    name: ds.name,
    jndiName: ds.jndiName,
    database: ds.database,
    url,
    user: ds.user,
    initialCapacity: ds.initialCapacity,
    minCapacity: ds.minCapacity ?? ds.initialCapacity,
    maxCapacity: ds.maxCapacity,
    testQuery: ds.testQuery ?? 'SQL SELECT 1 FROM DUAL',
    testConnectionsOnReserve: ds.testConnectionsOnReserve ?? false,
    statementCacheSize: ds.statementCacheSize ?? 10,
    inactiveConnectionTimeoutSeconds: ds.inactiveConnectionTimeoutSeconds ?? 0,
    targets: [...ds.targets],
    runtime: { state: 'Running', activeConnections: rnd.int(0, Math.min(ds.maxCapacity, 12)), waitingForConnection: 0, leakedConnections: 0 },
  };
}

export function buildDomain(d: WeblogicDomain, dbs: OracleDatabase[], rnd: Rng, resetAt: Date): LabDomain {
  const specs = d.servers.some((s) => s.name === d.admin.serverName)
    ? d.servers
    : [{ name: d.admin.serverName, host: d.admin.host, listenPort: d.admin.port, heap: { minMb: 1024, maxMb: 1024 } }, ...d.servers];
  const byName = <T extends { name: string }, U>(items: T[] | undefined, f: (t: T) => U): Record<string, U> =>
    Object.fromEntries((items ?? []).map((i) => [i.name, f(i)]));
  return {
    name: d.name,
    application: d.application,
    version: d.version,
    management: d.management,
    adminServer: d.admin.serverName,
    adminHost: d.admin.host,
    adminPort: d.admin.port,
    user: d.admin.user,
    domainHome: d.admin.domainHome,
    middlewareHome: d.admin.middlewareHome,
    clusters: (d.clusters ?? []).map((c) => c.name),
    machines: (d.machines ?? []).map((m) => ({ name: m.name, host: m.host, nodeManagerPort: m.nodeManager.port, nodeManagerType: m.nodeManager.type })),
    servers: byName(specs, (s) => server(d, s, rnd, resetAt)),
    dataSources: byName(d.dataSources, (ds) => dataSource(ds, dbs, rnd)),
    workManagers: byName(d.workManagers, (w) => ({
      name: w.name,
      targets: [...w.targets],
      minThreads: w.minThreads ?? null,
      maxThreads: w.maxThreads ?? null,
      stuckThreadCount: w.stuckThreadCount ?? null,
      ignoreStuckThreads: w.ignoreStuckThreads ?? false,
    })),
    deployments: byName(d.deployments, (a) => ({
      name: a.name,
      version: a.version,
      sourcePath: a.artifact.path,
      sha256: a.artifact.sha256,
      targets: [...a.targets],
      stagingMode: a.stagingMode ?? 'stage',
      state: 'STATE_ACTIVE' as const,
    })),
    logRotation: d.logRotation
      ? { ...WLS_DEFAULT_LOG_ROTATION, ...d.logRotation }
      : { ...WLS_DEFAULT_LOG_ROTATION },
    edit: { lockedBy: null, pending: [] },
    tasks: {},
  };
}

function serverLog(d: WeblogicDomain, s: LabServer, at: Date): string {
  const stamp = wlsStamp(at);
  const line = (sev: string, sub: string, id: string, msg: string): string => `####<${stamp}> <${sev}> <${sub}> <${s.host}> <${s.name}> <main> <<WLS Kernel>> <> <> <${at.getTime()}> <${id}> <${msg}>`;
  return [
    line('Info', 'WebLogicServer', 'BEA-000377', 'Starting WebLogic Server with Java HotSpot(TM) 64-Bit Server VM.'),
    line('Notice', 'WebLogicServer', 'BEA-000365', 'Server state changed to STARTING.'),
    line('Notice', 'WebLogicServer', 'BEA-000365', 'Server state changed to RUNNING.'),
    line('Notice', 'WebLogicServer', 'BEA-000360', `The server started in RUNNING mode.`),
    '',
  ].join('\n');
}

/** Adds the domain's processes, directories and server logs to the lab hosts it runs on. */
export function placeDomain(d: WeblogicDomain, lab: LabDomain, hosts: Record<string, LabHost>, ctxOf: (host: string) => ProcessContext, artifacts: Readonly<Record<string, string>> = {}): void {
  const nmHosts = new Set(lab.machines.map((m) => m.host));
  for (const h of nmHosts) {
    const host = hosts[h];
    if (!host) continue;
    const bin = javaBin(host.os, d.version);
    addProcess(host, ctxOf(h), 'weblogic', `${bin} -server -Xms32m -Xmx200m -Dweblogic.RootDirectory=${d.admin.domainHome}/nodemanager weblogic.NodeManager -v`);
  }
  for (const s of Object.values(lab.servers)) {
    const host = hosts[s.host];
    if (!host) continue;
    addProcess(host, ctxOf(s.host), 'weblogic', serverCommand(d, s, host.os));
    const logDir = `${d.admin.domainHome}/servers/${s.name}/logs`;
    host.dirs.push(d.admin.middlewareHome, d.admin.domainHome, `${d.admin.domainHome}/servers`, `${d.admin.domainHome}/servers/${s.name}`, logDir);
    host.files[`${logDir}/${s.name}.log`] = labFile(serverLog(d, s, new Date(s.activationTime)), new Date(s.activationTime), '0640', 'weblogic', 'weblogic');
  }
  const admin = hosts[d.admin.host];
  if (!admin) return;
  for (const a of Object.values(lab.deployments)) {
    admin.dirs.push(a.sourcePath.slice(0, a.sourcePath.lastIndexOf('/')) || '/');
    // The archive the deployment was made from stays on the admin host (WebLogic redeploys from
    // it): the repository's archive with that sha256, or a text stand-in when it has none (whose
    // checksum then differs, and staging refuses to redeploy it, as it should).
    const deployedAt = new Date(Object.values(lab.servers)[0]?.activationTime ?? Date.UTC(2026, 0, 1));
    const bytes = artifacts[a.sha256];
    admin.files[a.sourcePath] = bytes
      ? { ...labFile(bytes, deployedAt, '0644', 'weblogic', 'weblogic'), encoding: 'base64' }
      : labFile(`opsctl lab stand-in for ${a.name} ${a.version} (sha256 ${a.sha256})\n`, deployedAt, '0644', 'weblogic', 'weblogic');
  }
}
