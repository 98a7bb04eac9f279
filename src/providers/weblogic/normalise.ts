/**
 * Bean properties (REST names: `listenPort`, `testTableName`, …) → managed attributes. Both
 * readers feed these: REST beans as they come, WLST results emitted under the same REST names
 * (WLST's values: 1/0 booleans, ObjectName references — handled by bool()/refName()).
 */
import type { Attributes } from '../../core/index.js';
import { bool, clean, num, parseServerArguments, refName, refNames, str } from './live.js';

export type Bean = Record<string, unknown>;

export function serverFrom(s: Bean, start: Bean, state: string | null): Attributes {
  return {
    listenPort: num(s.listenPort), cluster: refName(s.cluster), machine: refName(s.machine), ...parseServerArguments(str(start.arguments)),
    stuckThreadMaxTimeSeconds: num(s.stuckThreadMaxTime), state: state ?? 'UNKNOWN',
  };
}

export function logFrom(log: Bean): Attributes {
  return clean({
    rotationType: str(log.rotationType) ?? undefined,
    fileMinSizeKb: num(log.fileMinSize) ?? undefined,
    rotationTime: str(log.rotationTime) ?? undefined,
    filesToRetain: num(log.fileCount) ?? undefined,
    rotateLogOnStartup: bool(log.rotateLogOnStartup) ?? undefined,
  });
}

export function dataSourceFrom(ds: Bean, pool: Bean, params: Bean, driver: Bean, user: Bean): Attributes {
  const jndi = Array.isArray(params.JNDINames) ? (params.JNDINames as unknown[]) : [params.JNDINames];
  return {
    jndiName: str(jndi[0]), url: str(driver.url), user: str(user.value),
    initialCapacity: num(pool.initialCapacity), minCapacity: num(pool.minCapacity), maxCapacity: num(pool.maxCapacity),
    testQuery: str(pool.testTableName), testConnectionsOnReserve: bool(pool.testConnectionsOnReserve),
    statementCacheSize: num(pool.statementCacheSize), inactiveConnectionTimeoutSeconds: num(pool.inactiveConnectionTimeoutSeconds),
    targets: refNames(ds.targets),
  };
}

export function workManagerFrom(w: Bean, minThreads: number | null, maxThreads: number | null): Attributes {
  return { targets: refNames(w.targets), minThreads, maxThreads, ignoreStuckThreads: bool(w.ignoreStuckThreads) };
}

export function deploymentFrom(a: Bean): Attributes {
  return { version: str(a.versionIdentifier), sourcePath: str(a.sourcePath), targets: refNames(a.targets) };
}

export function machineFrom(nm: Bean, hostName: (address: string) => string): Attributes {
  return { host: hostName(String(nm.listenAddress ?? '')), nodeManagerPort: num(nm.listenPort), nodeManagerType: str(nm.NMType) };
}

export function clusterFrom(c: Bean): Attributes {
  return clean({ messagingMode: str(c.clusterMessagingMode) ?? undefined });
}
