// A small hand-made LabState: one 12.2.1.4 REST domain (hall) and one 10.3.6 WLST domain (core).
import { passwordDigest } from '../../../src/lab/state/password.js';
import type { LabDatabase, LabDomain, LabHost, LabServer, LabState } from '../../../src/lab/state/types.js';

function host(name: string, files: Record<string, string> = {}): LabHost {
  const f = Object.fromEntries(Object.entries(files).map(([p, content]) => [p, { content, mode: '-rw-------', owner: 'weblogic', group: 'weblogic', mtime: '2026-01-05T08:00:00Z' }]));
  return {
    name, os: 'aix', osLevel: '7200-05-03-2148', hostname: name, roles: ['wls'], uptimeSeconds: 1000,
    cpu: { cores: 8, userPercent: 10, systemPercent: 5, idlePercent: 85, waitPercent: 0, runQueue: 1 },
    memory: { totalMb: 32768, usedMb: 16000, pagingSpaceMb: 8192, pagingUsedPercent: 1 },
    tunables: { no: {}, vmo: {}, ioo: {}, sys0: {}, sysctl: {} }, files: f, dirs: [], filesystems: [], processes: [], services: [], errpt: [], crontab: {}, accounts: {}, fixes: [],
  };
}

function server(name: string, h: string, cluster?: string): LabServer {
  return {
    name, host: h, listenPort: 7003, cluster, machine: `${h}-m`, state: 'RUNNING', health: 'HEALTH_OK', heap: { minMb: 2048, maxMb: 4096 }, jvmArgs: ['-XX:+UseG1GC'],
    stuckThreadMaxTimeSeconds: 600, heapUsedMb: 1024, threads: { total: 40, idle: 30, stuck: 0, hogging: 1, queueLength: 0 }, openSessions: 12,
    restartRequired: false, activationTime: '2026-01-05T08:00:00.000Z',
  };
}

function domain(name: string, version: string, management: 'rest' | 'wlst', admin: string, servers: string[]): LabDomain {
  const cluster = `${name}-cluster`;
  const all: Record<string, LabServer> = { [`${name}Admin`]: { ...server(`${name}Admin`, admin), listenPort: 7001 } };
  for (const s of servers) all[s] = server(s, admin, cluster);
  const ds = `${name[0]!.toUpperCase()}${name.slice(1)}DS`;
  return {
    name, application: name, version, management, adminServer: `${name}Admin`, adminHost: admin, adminPort: 7001, user: 'weblogic',
    domainHome: `/u01/domains/${name}`, middlewareHome: '/u01/fmw', clusters: [cluster], machines: [{ name: `${admin}-m`, host: admin, nodeManagerPort: 5556, nodeManagerType: 'SSL' }],
    servers: all,
    dataSources: { [ds]: { name: ds, jndiName: `jdbc/${ds}`, database: 'core', url: 'jdbc:oracle:thin:@//db1:1521/CORE', user: 'SBF_APP', initialCapacity: 10, minCapacity: 10, maxCapacity: 100, testQuery: 'SQL SELECT 1 FROM DUAL', testConnectionsOnReserve: true, statementCacheSize: 10, inactiveConnectionTimeoutSeconds: 0, targets: [cluster], runtime: { state: 'Running', activeConnections: 7, waitingForConnection: 0, leakedConnections: 0 } } },
    workManagers: { [`${name}WM`]: { name: `${name}WM`, targets: [cluster], minThreads: 5, maxThreads: 50, stuckThreadCount: null, ignoreStuckThreads: false } },
    deployments: { [`${name}-web`]: { name: `${name}-web`, version: '2.3.1', sourcePath: `/u01/apps/${name}-web-2.3.1.war`, sha256: 'x', targets: [cluster], stagingMode: 'stage', state: 'STATE_ACTIVE' } },
    logRotation: { rotationType: 'bySize', fileMinSizeKb: 5000, rotationTime: '00:00', filesToRetain: 30, rotateLogOnStartup: false },
    edit: { lockedBy: null, pending: [] }, tasks: {},
  };
}

export function fixtureState(): LabState {
  return {
    version: 1, env: 'lab', seed: 1, resetAt: '2026-01-05T08:00:00Z',
    hosts: {
      'hall-admin': host('hall-admin', { '/u01/apps/hall-web-2.4.0.war': 'WAR v2.4.0', '/u01/apps/hall-extra-1.0.war': 'extra' }),
      'core-admin': host('core-admin', { '/home/weblogic/.wlspass': 'welcome1\n', '/tmp/opsctl-1.py': '' }),
    },
    domains: { hall: domain('hall', '12.2.1.4', 'rest', 'hall-admin', ['HallServer1', 'HallServer2']), core: domain('core', '10.3.6', 'wlst', 'core-admin', ['CoreServer1']) },
    databases: {}, drifts: [], faults: [], latency: { roundTripMs: 0, commandMs: 0 }, generation: 0,
  };
}

/**
 * The database both fixture domains' data sources log on to (`core`, account SBF_APP), its
 * password and every data source's set to `password` (as the lab keeps them: digests).
 */
export function withDatabase(state: LabState, password = 'Right_pw_1'): LabState {
  const digest = passwordDigest(password);
  state.databases.core = {
    name: 'core', dbName: 'CORE', service: 'core', listenerPort: 1521, listenerUp: true,
    instances: [{ host: 'db1', sid: 'CORE1', status: 'OPEN', startupTime: '2026-01-05T08:00:00Z' }],
    users: { SBF_APP: { profile: 'DEFAULT', defaultTablespace: 'SBF_DATA', accountStatus: 'OPEN', passwordChangedDaysAgo: 10, passwordDigest: digest } },
  } as unknown as LabDatabase;
  for (const d of Object.values(state.domains)) for (const ds of Object.values(d.dataSources)) ds.passwordDigest = digest;
  return state;
}
