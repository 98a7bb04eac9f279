/**
 * topology → clusters, machines (node managers), managed servers (port, cluster, machine, host,
 * heap, JVM arguments, stuck-thread time) and the admin server's name, host and port.
 */
import type { Server, WeblogicDomain } from '../../model/index.js';
import { child, compact, instances, integer, isMap, leftover, placeholder, text, unmapped, type Ctx, type Json } from './context.js';
import { hostFor } from './hosts.js';
import { parseArguments } from './jvm.js';
import type { ServerLog } from './log.js';

export interface Topology {
  adminServer: string;
  adminPort: number | string;
  adminHost: string;
  clusters: Json[];
  machines: Json[];
  servers: Json[];
  logs: ServerLog[];
}

const NM_TYPES: Record<string, string> = { ssl: 'SSL', plain: 'Plain', ssh: 'SSH' };

function mapClusters(ctx: Ctx, folder: unknown, path: string): Json[] {
  return instances(ctx, folder, path).map(([name, c]) => {
    const mode = text(c['ClusterMessagingMode']);
    leftover(ctx, c, ['ClusterMessagingMode'], child(path, name), 'Cluster');
    return compact({ name, messagingMode: mode });
  });
}

function mapMachine(ctx: Ctx, name: string, m: Json, path: string, field: string, existing?: WeblogicDomain): Json {
  const nm = isMap(m['NodeManager']) ? m['NodeManager'] : {};
  const before = existing?.machines?.find((x) => x.name === name)?.host;
  const host = hostFor(ctx, nm['ListenAddress'], before, `${field}.host`, `machine ${name}`, name);
  let port = integer(nm['ListenPort']);
  if (port === undefined) port = 5556;
  const rawType = text(nm['NMType']) ?? 'SSL';
  const type = NM_TYPES[rawType.toLowerCase()] ?? rawType;
  if (!NM_TYPES[rawType.toLowerCase()]) unmapped(ctx, `${path}/NodeManager/NMType`, `node-manager type ${rawType} is not modeled (SSL, Plain or SSH)`);
  leftover(ctx, nm, ['ListenAddress', 'ListenPort', 'NMType'], `${path}/NodeManager`, 'NodeManager');
  leftover(ctx, m, ['NodeManager'], path, 'Machine');
  return { name, host, nodeManager: { port, type } };
}

function mapMachines(ctx: Ctx, topology: Json, existing?: WeblogicDomain): Json[] {
  const out: Json[] = [];
  for (const folder of ['Machine', 'UnixMachine']) {
    const path = `topology:/${folder}`;
    for (const [name, m] of instances(ctx, topology[folder], path)) out.push(mapMachine(ctx, name, m, child(path, name), `machines[${out.length}]`, existing));
  }
  return out;
}

function heapOf(ctx: Ctx, jvm: ReturnType<typeof parseArguments>, field: string, before: Server | undefined): Json {
  if (jvm.minMb !== undefined && jvm.maxMb !== undefined) return { minMb: jvm.minMb, maxMb: jvm.maxMb };
  const known = jvm.minMb ?? jvm.maxMb;
  if (known !== undefined) {
    placeholder(ctx, `${field}.heap`, known, `only ${jvm.minMb === undefined ? '-Xmx' : '-Xms'} in ServerStart/Arguments; the other set equal`);
    return { minMb: known, maxMb: known };
  }
  const heap = before?.heap ?? { minMb: 1024, maxMb: 1024 };
  placeholder(ctx, `${field}.heap`, `${heap.minMb}/${heap.maxMb} MB`, before ? 'no -Xms/-Xmx in the model; taken from the domain already declared' : 'no -Xms/-Xmx in the model');
  return { ...heap };
}

function mapServer(ctx: Ctx, name: string, s: Json, path: string, field: string, machines: Json[], existing?: WeblogicDomain): Json {
  const before = existing?.servers.find((x) => x.name === name);
  const machine = text(s['Machine']);
  const onMachine = machines.find((m) => m['name'] === machine);
  const host = onMachine && !String(onMachine['host']).startsWith('unmapped-') ? String(onMachine['host']) : hostFor(ctx, s['ListenAddress'], before?.host, `${field}.host`, `server ${name}`, name);
  let listenPort = integer(s['ListenPort']);
  if (listenPort === undefined) {
    listenPort = 7001;
    placeholder(ctx, `${field}.listenPort`, 7001, "ListenPort not set; WebLogic's default 7001");
  }
  const start = isMap(s['ServerStart']) ? s['ServerStart'] : {};
  const jvm = parseArguments(text(start['Arguments']));
  leftover(ctx, start, ['Arguments'], `${path}/ServerStart`, 'ServerStart');
  leftover(ctx, s, ['ListenPort', 'ListenAddress', 'Cluster', 'Machine', 'ServerStart', 'StuckThreadMaxTime', 'Log'], path, 'Server');
  return compact({
    name,
    host,
    listenPort,
    cluster: text(s['Cluster']),
    machine,
    heap: heapOf(ctx, jvm, field, before),
    jvmArgs: jvm.jvmArgs.length > 0 ? jvm.jvmArgs : undefined,
    stuckThreadMaxTimeSeconds: integer(s['StuckThreadMaxTime']),
  });
}

function mapAdmin(ctx: Ctx, name: string, s: Json, path: string, machines: Json[], existing?: WeblogicDomain): { port: number | string; host: string } {
  const machine = machines.find((m) => m['name'] === text(s['Machine']));
  const host = machine && !String(machine['host']).startsWith('unmapped-') ? String(machine['host']) : hostFor(ctx, s['ListenAddress'], existing?.admin.host, 'admin.host', `admin server ${name}`, name);
  let port = integer(s['ListenPort']);
  if (port === undefined) {
    port = existing?.admin.port ?? 7001;
    placeholder(ctx, 'admin.port', port, existing ? 'ListenPort not set; taken from the domain already declared' : "ListenPort not set; WebLogic's default 7001");
  }
  leftover(ctx, s, ['ListenPort', 'ListenAddress', 'Machine', 'Log'], path, 'admin server (only its host and port are modeled)');
  return { port, host };
}

export function mapTopology(ctx: Ctx, topology: Json, existing?: WeblogicDomain): Topology {
  const adminServer = text(topology['AdminServerName']) ?? 'AdminServer';
  const name = text(topology['Name']);
  if (name && name !== ctx.domain) unmapped(ctx, 'topology:/Name', `the domain is named ${ctx.domain} (--domain), not ${name}`);
  const clusters = mapClusters(ctx, topology['Cluster'], 'topology:/Cluster');
  const machines = mapMachines(ctx, topology, existing);
  const servers: Json[] = [];
  const logs: ServerLog[] = [];
  let admin: { port: number | string; host: string } | undefined;
  for (const [server, s] of instances(ctx, topology['Server'], 'topology:/Server')) {
    const path = `topology:/Server/${server}`;
    if (isMap(s['Log'])) logs.push({ server, path: `${path}/Log`, log: s['Log'] });
    if (server === adminServer) admin = mapAdmin(ctx, server, s, path, machines, existing);
    else servers.push(mapServer(ctx, server, s, path, `servers[${servers.length}]`, machines, existing));
  }
  admin ??= mapAdmin(ctx, adminServer, {}, `topology:/Server/${adminServer}`, machines, existing);
  leftover(ctx, topology, ['Name', 'AdminServerName', 'Cluster', 'Server', 'Machine', 'UnixMachine'], 'topology:', 'topology');
  return { adminServer, adminPort: admin.port, adminHost: admin.host, clusters, machines, servers, logs };
}
