/**
 * Managed attributes → configuration edits. An edit names a bean by its canonical REST edit-tree
 * path (`JDBCSystemResources/CoreDS/JDBCResource/JDBCConnectionPoolParams`) and a REST attribute
 * name (`maxCapacity`); WLST runs the same edit at the 10.3.6 MBean path (`wlstPath`) with the
 * attribute's first letter upper-cased. Heap and JVM arguments become one ServerStart
 * `arguments` string, built from the wanted values over the live ones.
 */
import type { AttributeValue, Attributes } from '../../core/index.js';
import { serverArguments } from './live.js';

export interface Edit {
  path: string;
  attribute: string;
  value: AttributeValue;
  /** For a reference (cluster, machine, targets): the collection the names live in. */
  refs?: 'clusters' | 'machines' | 'servers-or-clusters';
}

const POOL: Record<string, string> = {
  initialCapacity: 'initialCapacity', minCapacity: 'minCapacity', maxCapacity: 'maxCapacity', testQuery: 'testTableName',
  testConnectionsOnReserve: 'testConnectionsOnReserve', statementCacheSize: 'statementCacheSize', inactiveConnectionTimeoutSeconds: 'inactiveConnectionTimeoutSeconds',
};
const LOG: Record<string, string> = { rotationType: 'rotationType', fileMinSizeKb: 'fileMinSize', rotationTime: 'rotationTime', filesToRetain: 'fileCount', rotateLogOnStartup: 'rotateLogOnStartup' };

function serverEdits(name: string, wanted: Attributes, live: Attributes): Edit[] {
  const out: Edit[] = [];
  const base = `servers/${name}`;
  if ('listenPort' in wanted) out.push({ path: base, attribute: 'listenPort', value: wanted.listenPort! });
  if ('stuckThreadMaxTimeSeconds' in wanted) out.push({ path: base, attribute: 'stuckThreadMaxTime', value: wanted.stuckThreadMaxTimeSeconds! });
  if ('cluster' in wanted) out.push({ path: base, attribute: 'cluster', value: wanted.cluster!, refs: 'clusters' });
  if ('machine' in wanted) out.push({ path: base, attribute: 'machine', value: wanted.machine!, refs: 'machines' });
  if ('heapMinMb' in wanted || 'heapMaxMb' in wanted || 'jvmArgs' in wanted) {
    const v = { ...live, ...wanted };
    out.push({ path: `${base}/serverStart`, attribute: 'arguments', value: serverArguments(v.heapMinMb as number | null, v.heapMaxMb as number | null, (v.jvmArgs as string[] | undefined) ?? []) });
  }
  return out;
}

function dataSourceEdits(name: string, wanted: Attributes): Edit[] {
  const out: Edit[] = [];
  const res = `JDBCSystemResources/${name}/JDBCResource`;
  for (const [k, v] of Object.entries(wanted)) {
    if (POOL[k]) out.push({ path: `${res}/JDBCConnectionPoolParams`, attribute: POOL[k], value: v });
    else if (k === 'jndiName') out.push({ path: `${res}/JDBCDataSourceParams`, attribute: 'JNDINames', value: [v] });
    else if (k === 'url') out.push({ path: `${res}/JDBCDriverParams`, attribute: 'url', value: v });
    else if (k === 'user') out.push({ path: `${res}/JDBCDriverParams/properties/properties/user`, attribute: 'value', value: v });
    else if (k === 'targets') out.push({ path: `JDBCSystemResources/${name}`, attribute: 'targets', value: v, refs: 'servers-or-clusters' });
  }
  return out;
}

function workManagerEdits(name: string, wanted: Attributes): Edit[] {
  const out: Edit[] = [];
  for (const [k, v] of Object.entries(wanted)) {
    if (k === 'ignoreStuckThreads') out.push({ path: `selfTuning/workManagers/${name}`, attribute: 'ignoreStuckThreads', value: v });
    else if (k === 'targets') out.push({ path: `selfTuning/workManagers/${name}`, attribute: 'targets', value: v, refs: 'servers-or-clusters' });
    else if (k === 'minThreads') out.push({ path: `selfTuning/minThreadsConstraints/${name}-min`, attribute: 'count', value: v });
    else if (k === 'maxThreads') out.push({ path: `selfTuning/maxThreadsConstraints/${name}-max`, attribute: 'count', value: v });
  }
  return out;
}

/**
 * Edits that set `wanted` (only the attributes to change) on one resource. `servers` are the
 * domain's managed servers (log rotation is set on each one's Log bean).
 */
export function editsFor(type: string, name: string, wanted: Attributes, live: Attributes, servers: readonly string[]): Edit[] {
  if (type === 'server') return serverEdits(name, wanted, live);
  if (type === 'datasource') return dataSourceEdits(name, wanted);
  if (type === 'workmanager') return workManagerEdits(name, wanted);
  if (type === 'log-rotation') {
    return servers.flatMap((s) => Object.entries(wanted).filter(([k]) => LOG[k]).map(([k, v]) => ({ path: `servers/${s}/log`, attribute: LOG[k]!, value: v })));
  }
  if (type === 'cluster' && 'messagingMode' in wanted) return [{ path: `clusters/${name}`, attribute: 'clusterMessagingMode', value: wanted.messagingMode! }];
  if (type === 'machine') {
    const nm = `machines/${name}/nodeManager`;
    const map: Record<string, string> = { host: 'listenAddress', nodeManagerPort: 'listenPort', nodeManagerType: 'NMType' };
    return Object.entries(wanted).filter(([k]) => map[k]).map(([k, v]) => ({ path: nm, attribute: map[k]!, value: v }));
  }
  return [];
}

/** The 10.3.6 MBean path of a canonical edit path (docs/lab-weblogic.md §2). */
export function wlstPath(domain: string, path: string): string {
  const seg = path.split('/');
  const [a, b, c, d] = seg;
  if (a === 'servers' && c) return `/Servers/${b}/${c === 'serverStart' ? 'ServerStart' : 'Log'}/${b}`;
  if (a === 'servers') return `/Servers/${b}`;
  if (a === 'JDBCSystemResources' && d === 'JDBCDriverParams' && seg.length > 4) return `/JDBCSystemResources/${b}/JDBCResource/${b}/JDBCDriverParams/${b}/Properties/${b}/Properties/${seg[6]}`;
  if (a === 'JDBCSystemResources' && d) return `/JDBCSystemResources/${b}/JDBCResource/${b}/${d}/${b}`;
  if (a === 'JDBCSystemResources') return `/JDBCSystemResources/${b}`;
  if (a === 'selfTuning') return `/SelfTuning/${domain}/${b!.charAt(0).toUpperCase()}${b!.slice(1)}/${c}`;
  if (a === 'clusters') return `/Clusters/${b}`;
  if (a === 'machines') return `/Machines/${b}/NodeManager/${b}`;
  return `/${path}`;
}

export function wlstAttribute(attribute: string): string {
  return attribute.charAt(0).toUpperCase() + attribute.slice(1);
}
