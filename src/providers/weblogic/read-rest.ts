/**
 * Reading a 12.2.1.4 domain through the REST management API: `domainConfig` (the activated
 * configuration) for servers, serverStart arguments, logs, clusters, machines, JDBC system
 * resources, self-tuning work managers and app deployments; `domainRuntime/serverLifeCycleRuntimes`
 * for every configured server's state. Paths per weblogic.md §2 and docs/lab-weblogic.md §1.
 */
import type { WeblogicClient } from '../../transport/index.js';
import { emptyDomain, num, refName, str, type LiveDomain } from './live.js';
import { clusterFrom, dataSourceFrom, deploymentFrom, logFrom, machineFrom, serverFrom, workManagerFrom, type Bean } from './normalise.js';

interface Items { items?: Bean[] }

const NO_LINKS = '?links=none';
const enc = encodeURIComponent;

async function items(c: WeblogicClient, path: string): Promise<Bean[]> {
  return (await c.get<Items>(`${path}${NO_LINKS}`)).items ?? [];
}

async function readServers(c: WeblogicClient, live: LiveDomain, wanted: readonly string[]): Promise<void> {
  const states = new Map((await items(c, 'domainRuntime/serverLifeCycleRuntimes')).map((s) => [String(s.name), str(s.state)]));
  await Promise.all((await items(c, 'domainConfig/servers')).map(async (s) => {
    const name = String(s.name);
    const start = await c.get<Bean>(`domainConfig/servers/${enc(name)}/serverStart${NO_LINKS}`);
    live.servers[name] = serverFrom(s, start, states.get(name) ?? null);
  }));
  // Log rotation is managed domain-wide: read from the first managed server (by name) that exists.
  const first = [...wanted].sort().find((n) => live.servers[n]);
  if (first) live.logRotation = logFrom(await c.get<Bean>(`domainConfig/servers/${enc(first)}/log${NO_LINKS}`));
}

async function readDataSource(c: WeblogicClient, live: LiveDomain, ds: Bean): Promise<void> {
  const base = `domainConfig/JDBCSystemResources/${enc(String(ds.name))}/JDBCResource`;
  const [pool, params, driver, user] = await Promise.all([
    c.get<Bean>(`${base}/JDBCConnectionPoolParams${NO_LINKS}`),
    c.get<Bean>(`${base}/JDBCDataSourceParams${NO_LINKS}`),
    c.get<Bean>(`${base}/JDBCDriverParams${NO_LINKS}`),
    c.get<Bean>(`${base}/JDBCDriverParams/properties/properties/user${NO_LINKS}`),
  ]);
  live.dataSources[String(ds.name)] = dataSourceFrom(ds, pool, params, driver, user);
}

async function readWorkManagers(c: WeblogicClient, live: LiveDomain): Promise<void> {
  const [wms, mins, maxs] = await Promise.all([
    items(c, 'domainConfig/selfTuning/workManagers'),
    items(c, 'domainConfig/selfTuning/minThreadsConstraints'),
    items(c, 'domainConfig/selfTuning/maxThreadsConstraints'),
  ]);
  const count = (list: Bean[], ref: unknown): number | null => {
    const name = refName(ref);
    return name === null ? null : num(list.find((x) => x.name === name)?.count);
  };
  for (const w of wms) live.workManagers[String(w.name)] = workManagerFrom(w, count(mins, w.minThreadsConstraint), count(maxs, w.maxThreadsConstraint));
}

async function readMachines(c: WeblogicClient, live: LiveDomain, hostName: (address: string) => string): Promise<void> {
  await Promise.all((await items(c, 'domainConfig/machines')).map(async (m) => {
    live.machines[String(m.name)] = machineFrom(await c.get<Bean>(`domainConfig/machines/${enc(String(m.name))}/nodeManager${NO_LINKS}`), hostName);
  }));
}

/** Reads the whole managed configuration of one REST domain; throws the transport's typed errors. */
export async function readRestDomain(c: WeblogicClient, wantedServers: readonly string[], hostName: (address: string) => string): Promise<LiveDomain> {
  const live = emptyDomain();
  const [, dataSources, , clusters, apps] = await Promise.all([
    readServers(c, live, wantedServers),
    items(c, 'domainConfig/JDBCSystemResources'),
    readWorkManagers(c, live),
    items(c, 'domainConfig/clusters'),
    items(c, 'domainConfig/appDeployments'),
    readMachines(c, live, hostName),
  ]);
  await Promise.all(dataSources.map((ds) => readDataSource(c, live, ds)));
  for (const cl of clusters) live.clusters[String(cl.name)] = clusterFrom(cl);
  for (const a of apps) live.deployments[String(a.name)] = deploymentFrom(a);
  return live;
}

/** Server state and health from the runtime tree (verify): RUNNING + HEALTH_OK is healthy. */
export async function restServerHealth(c: WeblogicClient, server: string): Promise<{ state: string; health: string | null }> {
  const lc = await c.get<Bean>(`domainRuntime/serverLifeCycleRuntimes/${enc(server)}${NO_LINKS}`);
  const state = str(lc.state) ?? 'UNKNOWN';
  if (state !== 'RUNNING') return { state, health: null };
  const rt = await c.get<Bean>(`domainRuntime/serverRuntimes/${enc(server)}?links=none&fields=name,state,healthState`);
  const h = rt.healthState as { state?: string } | undefined;
  return { state, health: h?.state ? `HEALTH_${h.state.toUpperCase()}` : null };
}
