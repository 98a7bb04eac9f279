/**
 * Desired state of WebLogic domains → DesiredResources (pure). One resource per server, cluster,
 * machine, data source, work manager and deployment (address kinds as the loader records them),
 * plus `log-rotation:all-servers` for the domain's server-log rotation. Only attributes the YAML
 * names are managed; secrets (data-source and admin credentials) are never attributes.
 */
import type { Attributes, DesiredResource, RestartGroup } from '../../core/index.js';
import { formatAddress, type Address } from '../../model/address.js';
import type { EnvironmentModel } from '../../model/model.js';
import type { DataSource, Deployment, Server, WeblogicDomain, WorkManager } from '../../model/schema/weblogic.js';

export const LOG_ROTATION = 'all-servers';
/** Address segment kind → resource type. */
export const TYPE_OF_KIND: Record<string, string> = {
  server: 'server', datasource: 'datasource', 'work-manager': 'workmanager', deployment: 'deployment', cluster: 'cluster', machine: 'machine', 'log-rotation': 'log-rotation',
};

export function domainAddress(env: string, domain: string): Address {
  return formatAddress({ env, segments: [{ kind: 'weblogic', name: domain }] });
}
export function childAddress(env: string, domain: string, kind: string, name: string): Address {
  return formatAddress({ env, segments: [{ kind: 'weblogic', name: domain }, { kind, name }] });
}

function put(out: Attributes, key: string, value: Attributes[string] | undefined): void {
  if (value !== undefined) out[key] = value;
}

export function serverAttributes(s: Server): Attributes {
  const a: Attributes = { listenPort: s.listenPort, cluster: s.cluster ?? null, machine: s.machine ?? null, heapMinMb: s.heap.minMb, heapMaxMb: s.heap.maxMb, state: 'RUNNING' };
  put(a, 'jvmArgs', s.jvmArgs ? [...s.jvmArgs] : undefined);
  put(a, 'stuckThreadMaxTimeSeconds', s.stuckThreadMaxTimeSeconds);
  return a;
}

/** The JDBC URL a data source should use: thin, service name, the database's first instance host. */
export function dataSourceUrl(model: EnvironmentModel, ds: DataSource): string {
  const db = model.databases.find((d) => d.name === ds.database);
  const host = db?.instances[0]?.host ?? ds.database;
  return `jdbc:oracle:thin:@//${host}:${db?.listenerPort ?? 1521}/${ds.service ?? db?.service ?? ds.database}`;
}

export function dataSourceAttributes(model: EnvironmentModel, ds: DataSource): Attributes {
  const a: Attributes = { jndiName: ds.jndiName, url: dataSourceUrl(model, ds), user: ds.user, initialCapacity: ds.initialCapacity, maxCapacity: ds.maxCapacity, targets: [...ds.targets].sort() };
  put(a, 'minCapacity', ds.minCapacity);
  put(a, 'testQuery', ds.testQuery);
  put(a, 'testConnectionsOnReserve', ds.testConnectionsOnReserve);
  put(a, 'statementCacheSize', ds.statementCacheSize);
  put(a, 'inactiveConnectionTimeoutSeconds', ds.inactiveConnectionTimeoutSeconds);
  return a;
}

/** `stuckThreadCount` (WorkManagerShutdownTrigger) is not read yet, so it is not managed (docs). */
export function workManagerAttributes(w: WorkManager): Attributes {
  const a: Attributes = { targets: [...w.targets].sort() };
  put(a, 'minThreads', w.minThreads);
  put(a, 'maxThreads', w.maxThreads);
  put(a, 'ignoreStuckThreads', w.ignoreStuckThreads);
  return a;
}

export function deploymentAttributes(app: Deployment): Attributes {
  return { version: app.version, sourcePath: app.artifact.path, sha256: app.artifact.sha256, targets: [...app.targets].sort() };
}

/** Servers of each restart group: a cluster's members, or a standalone server alone (size 1). */
export function restartGroupsFor(env: string, d: WeblogicDomain, targets: string[]): RestartGroup[] {
  const groups = new Map<string, RestartGroup>();
  const serverAddress = (name: string): Address => childAddress(env, d.name, 'server', name);
  for (const t of targets) {
    const server = d.servers.find((s) => s.name === t);
    const cluster = server ? server.cluster : t;
    if (cluster) {
      const members = d.servers.filter((s) => s.cluster === cluster).map((s) => serverAddress(s.name)).sort();
      if (members.length > 0) groups.set(cluster, { kind: 'cluster', group: childAddress(env, d.name, 'cluster', cluster), members });
    } else if (server) {
      groups.set(server.name, { kind: 'cluster', group: serverAddress(server.name), members: [serverAddress(server.name)], size: 1 });
    }
  }
  return [...groups.values()];
}

function resource(env: string, d: WeblogicDomain, kind: string, name: string, attributes: Attributes, extra: Partial<DesiredResource> = {}): DesiredResource {
  return { address: childAddress(env, d.name, kind, name), system: 'weblogic', type: TYPE_OF_KIND[kind]!, attributes, ...extra };
}

function databaseAddress(env: string, db: string): Address {
  return formatAddress({ env, segments: [{ kind: 'oracle', name: db }] });
}

export function domainResources(env: string, model: EnvironmentModel, d: WeblogicDomain): DesiredResource[] {
  const out: DesiredResource[] = [];
  for (const s of d.servers) out.push(resource(env, d, 'server', s.name, serverAttributes(s), { restartGroups: restartGroupsFor(env, d, [s.name]) }));
  for (const c of d.clusters ?? []) {
    const attrs: Attributes = {};
    put(attrs, 'messagingMode', c.messagingMode);
    out.push(resource(env, d, 'cluster', c.name, attrs, { restartGroups: restartGroupsFor(env, d, [c.name]) }));
  }
  for (const m of d.machines ?? []) out.push(resource(env, d, 'machine', m.name, { host: m.host, nodeManagerPort: m.nodeManager.port, nodeManagerType: m.nodeManager.type }));
  const dbs = new Set<string>();
  for (const ds of d.dataSources ?? []) {
    dbs.add(ds.database);
    out.push(resource(env, d, 'datasource', ds.name, dataSourceAttributes(model, ds), { dependsOn: [databaseAddress(env, ds.database)], restartGroups: restartGroupsFor(env, d, ds.targets) }));
  }
  for (const w of d.workManagers ?? []) out.push(resource(env, d, 'work-manager', w.name, workManagerAttributes(w)));
  const dsAddresses = (d.dataSources ?? []).map((ds) => childAddress(env, d.name, 'datasource', ds.name));
  for (const app of d.deployments ?? []) {
    // WebLogic reports no archive digest; sha256 is checked on the staged file before a deploy.
    out.push(resource(env, d, 'deployment', app.name, deploymentAttributes(app), { lifecycle: { ignoreChanges: ['sha256'] }, dependsOn: [...dsAddresses, ...[...dbs].map((db) => databaseAddress(env, db))].sort() }));
  }
  if (d.logRotation) out.push(resource(env, d, 'log-rotation', LOG_ROTATION, { ...d.logRotation }));
  return out;
}
