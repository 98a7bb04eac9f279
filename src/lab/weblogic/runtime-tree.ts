/**
 * The domainRuntime bean tree (REST `domainRuntime`, WLST domainRuntime()) built from a
 * LabDomain: server runtimes (only servers that are up, as on the real Admin Server), JVM,
 * thread pool, JDBC data-source runtimes, application/component runtimes, work managers, and
 * serverLifeCycleRuntimes (every configured server, including stopped ones).
 */
import type { LabDomain, LabServer } from '../state/types.js';
import { expandTargets } from './config-attrs.js';
import { bean, collection } from './tree.js';
import type { Bean } from './tree.js';

const MB = 1024 * 1024;
/** States in which a server has no ServerRuntime (it is not up). */
export const DOWN = new Set(['SHUTDOWN', 'UNKNOWN', 'STARTING']);

/** HEALTH_OK → { state: 'ok', … } as REST prints it. */
export function healthState(javaName: string, subsystemName: string | null): Record<string, unknown> {
  return { state: javaName.replace(/^HEALTH_/, '').toLowerCase(), subsystemName, partitionName: null, symptoms: [] };
}

function threadHealth(s: LabServer): string {
  if (s.threads.stuck > 0 && s.threads.stuck >= s.threads.total) return 'HEALTH_CRITICAL';
  return s.threads.stuck > 0 ? 'HEALTH_WARN' : 'HEALTH_OK';
}

function jvmBean(s: LabServer, now: Date): Bean {
  const max = s.heap.maxMb * MB;
  const used = Math.min(s.heapUsedMb, s.heap.maxMb) * MB;
  const size = Math.max(s.heap.minMb * MB, used);
  return bean('JVMRuntime', {
    identity: ['JVMRuntime'], name: s.name, heapSizeCurrent: size, heapFreeCurrent: size - used, heapSizeMax: max,
    heapFreePercent: Math.round(((max - used) / max) * 100), uptime: Math.max(0, now.getTime() - Date.parse(s.activationTime)),
    processCpuLoad: 0.12, javaVersion: '1.8.0_381', javaVendor: 'Oracle Corporation', javaVMVendor: 'Oracle Corporation', OSName: 'AIX', OSVersion: '7.2',
  });
}

function threadPoolBean(s: LabServer): Bean {
  const t = s.threads;
  return bean('ThreadPoolRuntime', {
    identity: ['threadPoolRuntime'], name: 'ThreadPoolRuntime', executeThreadTotalCount: t.total, executeThreadIdleCount: t.idle,
    standbyThreadCount: Math.max(0, t.total - t.idle - t.hogging - t.stuck), hoggingThreadCount: t.hogging, stuckThreadCount: t.stuck,
    pendingUserRequestCount: t.queueLength, queueLength: t.queueLength, throughput: t.total - t.idle > 0 ? (t.total - t.idle) * 4.5 : 0,
    completedRequestCount: 54258, overloadRejectedRequestsCount: 0, sharedCapacityForWorkManagers: 65536,
    minThreadsConstraintsPending: 0, minThreadsConstraintsCompleted: 1345, suspended: false, healthState: healthState(threadHealth(s), 'threadpool'),
  });
}

function jdbcBean(d: LabDomain, s: LabServer): Bean {
  const items = Object.values(d.dataSources).filter((ds) => expandTargets(d, ds.targets).includes(s.name)).map((ds) => {
    const r = ds.runtime;
    const cap = Math.min(ds.maxCapacity, Math.max(ds.initialCapacity, r.activeConnections));
    return bean('JDBCDataSourceRuntime', {
      identity: ['JDBCServiceRuntime', 'JDBCDataSourceRuntimeMBeans', ds.name], name: ds.name, state: r.state, enabled: true, deploymentState: 2,
      activeConnectionsCurrentCount: r.activeConnections, activeConnectionsHighCount: r.activeConnections, activeConnectionsAverageCount: r.activeConnections,
      currCapacity: cap, currCapacityHighCount: cap, numAvailable: Math.max(0, cap - r.activeConnections), numUnavailable: r.activeConnections,
      waitingForConnectionCurrentCount: r.waitingForConnection, waitingForConnectionHighCount: r.waitingForConnection,
      waitingForConnectionFailureTotal: 0, waitSecondsHighCount: 0, failedReserveRequestCount: 0, reserveRequestCount: 1000,
      leakedConnectionCount: r.leakedConnections, connectionsTotalCount: cap, connectionDelayTime: 242, properties: { user: ds.user },
    }, {}, { actions: ['testPool'] });
  });
  return bean('JDBCServiceRuntime', { identity: ['JDBCServiceRuntime'], name: s.name, healthState: healthState('HEALTH_OK', 'JDBC') }, { JDBCDataSourceRuntimeMBeans: collection(items) });
}

function appBeans(d: LabDomain, s: LabServer): Bean[] {
  const apps = Object.values(d.deployments).filter((a) => a.state === 'STATE_ACTIVE' && expandTargets(d, a.targets).includes(s.name));
  return apps.map((a, i) => {
    const share = Math.floor(s.openSessions / apps.length) + (i === 0 ? s.openSessions % apps.length : 0);
    const root = `/${a.name}`;
    const comp = bean('WebAppComponentRuntime', {
      identity: ['applicationRuntimes', a.name, 'componentRuntimes'], type: 'WebAppComponentRuntime', name: `${s.name}_${root}`, contextRoot: root, moduleId: root,
      status: 'DEPLOYED', deploymentState: 2, openSessionsCurrentCount: share, openSessionsHighCount: share, sessionsOpenedTotalCount: share * 10,
      sessionTimeoutSecs: 3600, sourceInfo: a.sourcePath.split('/').pop(),
    });
    return bean('ApplicationRuntime', {
      identity: ['applicationRuntimes', a.name], name: a.name, applicationName: a.name, applicationVersion: a.version, internal: false, activeVersionState: 2,
      healthState: healthState('HEALTH_OK', null), overallHealthState: healthState('HEALTH_OK', null),
    }, { componentRuntimes: collection([comp]) });
  });
}

function workManagerBeans(d: LabDomain, s: LabServer): Bean[] {
  const wms = Object.values(d.workManagers).filter((w) => expandTargets(d, w.targets).includes(s.name)).map((w) => w.name);
  return ['default', ...wms].map((name) => bean('WorkManagerRuntime', {
    identity: ['workManagerRuntimes', name], name, applicationName: null, pendingRequests: 0, completedRequests: 1000,
    stuckThreadCount: name === 'default' ? s.threads.stuck : 0, healthState: healthState('HEALTH_OK', null),
  }));
}

function serverRuntimeBean(d: LabDomain, s: LabServer, now: Date): Bean {
  const admin = s.name === d.adminServer;
  return bean('ServerRuntime', {
    identity: [], type: 'ServerRuntime', name: s.name, state: s.state, stateVal: s.state === 'RUNNING' ? 2 : 0, restartRequired: s.restartRequired,
    healthState: healthState(s.health, 'ServerRuntime'), overallHealthState: healthState(s.health, 'ServerRuntime'), activationTime: Date.parse(s.activationTime),
    weblogicVersion: `WebLogic Server ${d.version}.0`, currentMachine: s.machine ?? '', adminServer: admin, adminServerHost: d.adminHost,
    adminServerListenPort: d.adminPort, defaultURL: `t3://${s.host}:${s.listenPort}`, listenPortEnabled: true, openSocketsCurrentCount: 5 + s.openSessions,
    middlewareHome: d.middlewareHome, weblogicHome: `${d.middlewareHome}/wlserver`, currentDirectory: `${d.domainHome}/.`,
  }, {
    JVMRuntime: jvmBean(s, now),
    threadPoolRuntime: threadPoolBean(s),
    JDBCServiceRuntime: jdbcBean(d, s),
    applicationRuntimes: collection(appBeans(d, s)),
    workManagerRuntimes: collection(workManagerBeans(d, s)),
  }, { actions: ['shutdown', 'forceShutdown', 'suspend', 'resume'] });
}

/** The domainRuntime tree of a domain at `now`. */
export function runtimeTree(d: LabDomain, now: Date): Bean {
  const servers = Object.values(d.servers);
  const lifecycle = servers.map((s) => bean('ServerLifeCycleRuntime', {
    identity: ['serverLifeCycleRuntimes', s.name], type: 'ServerLifeCycleRuntime', name: s.name, state: s.state, nodeManagerRestartCount: 0,
    middlewareHome: d.middlewareHome, weblogicHome: `${d.middlewareHome}/wlserver`,
  }, {}, { actions: ['start', 'shutdown', 'forceShutdown'] }));
  const appRuntimes = Object.values(d.deployments).map((a) => bean('AppDeploymentRuntime', {
    identity: ['deploymentManager', 'appDeploymentRuntimes', a.name], name: a.name, applicationName: a.name, applicationVersion: a.version,
  }, {}, { actions: ['start', 'stop', 'redeploy', 'undeploy'] }));
  return bean('DomainRuntime', { identity: [], name: d.name, activationTime: Date.parse(servers.find((s) => s.name === d.adminServer)?.activationTime ?? '') || 0 }, {
    serverRuntimes: collection(servers.filter((s) => !DOWN.has(s.state)).map((s) => serverRuntimeBean(d, s, now))),
    serverLifeCycleRuntimes: collection(lifecycle),
    deploymentManager: bean('DeploymentManager', { identity: ['deploymentManager'], name: d.name }, { appDeploymentRuntimes: collection(appRuntimes) }),
  });
}
