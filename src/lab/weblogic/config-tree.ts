/**
 * The configuration bean tree (REST `domainConfig`, `serverConfig` and `edit`; WLST
 * serverConfig()/domainConfig()/edit()) built from a LabDomain. Attribute names are the REST
 * names; WLST capitalises the first letter (wlst-tree.ts).
 */
import type { LabDomain, LabDataSource, LabServer } from '../state/types.js';
import { serverArguments } from './config-attrs.js';
import { bean, collection } from './tree.js';
import type { Bean } from './tree.js';

export function ref(d: LabDomain, name: string): { identity: string[] } {
  return { identity: [d.clusters.includes(name) ? 'clusters' : 'servers', name] };
}

function serverBean(d: LabDomain, s: LabServer): Bean {
  const machine = s.machine ? { identity: ['machines', s.machine] } : null;
  const cluster = s.cluster ? { identity: ['clusters', s.cluster] } : null;
  const lr = d.logRotation;
  const base = `servers/${s.name}`;
  return bean(
    'Server',
    { identity: ['servers', s.name], name: s.name, listenPort: s.listenPort, listenAddress: s.host, cluster, machine, stuckThreadMaxTime: s.stuckThreadMaxTimeSeconds },
    {
      serverStart: bean('ServerStart', { identity: ['servers', s.name, 'serverStart'], name: s.name, arguments: serverArguments(s) }, {}, { editPath: `${base}/serverStart` }),
      log: bean(
        'Log',
        {
          identity: ['servers', s.name, 'log'], name: s.name, fileName: `logs/${s.name}.log`, rotationType: lr.rotationType, fileMinSize: lr.fileMinSizeKb,
          rotationTime: lr.rotationTime, numberOfFilesLimited: true, fileCount: lr.filesToRetain, rotateLogOnStartup: lr.rotateLogOnStartup,
        },
        {},
        { editPath: `${base}/log` },
      ),
    },
    { editPath: base },
  );
}

function dataSourceBean(d: LabDomain, ds: LabDataSource): Bean {
  const id = ['JDBCSystemResources', ds.name, 'JDBCResource'];
  const base = `JDBCSystemResources/${ds.name}/JDBCResource`;
  const pool = bean('JDBCConnectionPoolParams', {
    identity: [...id, 'JDBCConnectionPoolParams'], name: ds.name, initialCapacity: ds.initialCapacity, minCapacity: ds.minCapacity, maxCapacity: ds.maxCapacity,
    testTableName: ds.testQuery, testConnectionsOnReserve: ds.testConnectionsOnReserve, statementCacheSize: ds.statementCacheSize,
    inactiveConnectionTimeoutSeconds: ds.inactiveConnectionTimeoutSeconds,
  }, {}, { editPath: `${base}/JDBCConnectionPoolParams` });
  const params = bean('JDBCDataSourceParams', { identity: [...id, 'JDBCDataSourceParams'], name: ds.name, JNDINames: [ds.jndiName], globalTransactionsProtocol: 'TwoPhaseCommit' }, {}, { editPath: `${base}/JDBCDataSourceParams` });
  const props = collection([bean('JDBCProperty', { identity: [...id, 'JDBCDriverParams', 'properties', 'properties', 'user'], name: 'user', value: ds.user })]);
  const driver = bean('JDBCDriverParams', { identity: [...id, 'JDBCDriverParams'], name: ds.name, url: ds.url, driverName: 'oracle.jdbc.OracleDriver', useXaDataSourceInterface: true }, { properties: bean('JDBCProperties', { name: ds.name }, { properties: props }) }, { editPath: `${base}/JDBCDriverParams`, writeOnly: ['password'] });
  const resource = bean('JDBCResource', { identity: id, name: ds.name, datasourceType: 'GENERIC' }, { JDBCConnectionPoolParams: pool, JDBCDataSourceParams: params, JDBCDriverParams: driver });
  return bean('JDBCSystemResource', {
    identity: ['JDBCSystemResources', ds.name], name: ds.name, descriptorFileName: `jdbc/${ds.name}-jdbc.xml`, targets: ds.targets.map((t) => ref(d, t)),
  }, { JDBCResource: resource });
}

function selfTuningBean(d: LabDomain): Bean {
  const wms = Object.values(d.workManagers).map((w) => bean('WorkManager', {
    identity: ['selfTuning', 'workManagers', w.name], name: w.name, targets: w.targets.map((t) => ref(d, t)),
    minThreadsConstraint: w.minThreads === null ? null : { identity: ['selfTuning', 'minThreadsConstraints', `${w.name}-min`] },
    maxThreadsConstraint: w.maxThreads === null ? null : { identity: ['selfTuning', 'maxThreadsConstraints', `${w.name}-max`] },
    ignoreStuckThreads: w.ignoreStuckThreads,
  }, {}, { editPath: `selfTuning/workManagers/${w.name}` }));
  const mins = Object.values(d.workManagers).filter((w) => w.minThreads !== null).map((w) => bean('MinThreadsConstraint', { name: `${w.name}-min`, count: w.minThreads }));
  const maxs = Object.values(d.workManagers).filter((w) => w.maxThreads !== null).map((w) => bean('MaxThreadsConstraint', { name: `${w.name}-max`, count: w.maxThreads }));
  return bean('SelfTuning', { identity: ['selfTuning'], name: d.name }, { workManagers: collection(wms), minThreadsConstraints: collection(mins), maxThreadsConstraints: collection(maxs) });
}

function appDeploymentBeans(d: LabDomain): Bean[] {
  return Object.values(d.deployments).map((a) => bean('AppDeployment', {
    identity: ['appDeployments', a.name], name: a.name, applicationName: a.name, versionIdentifier: a.version, sourcePath: a.sourcePath,
    stagingMode: a.stagingMode, targets: a.targets.map((t) => ref(d, t)),
  }));
}

/** The domain's configuration tree (root = DomainMBean). */
export function configTree(d: LabDomain): Bean {
  return bean('Domain', { identity: [], name: d.name, adminServerName: d.adminServer, domainVersion: d.version, configurationVersion: d.version, rootDirectory: d.domainHome }, {
    servers: collection(Object.values(d.servers).map((s) => serverBean(d, s))),
    clusters: collection(d.clusters.map((c) => bean('Cluster', { identity: ['clusters', c], name: c, clusterMessagingMode: 'unicast' }))),
    machines: collection(d.machines.map((m) => bean('UnixMachine', { identity: ['machines', m.name], name: m.name }, {
      nodeManager: bean('NodeManager', { identity: ['machines', m.name, 'nodeManager'], name: m.name, listenAddress: m.host, listenPort: m.nodeManagerPort, NMType: m.nodeManagerType }),
    }))),
    JDBCSystemResources: collection(Object.values(d.dataSources).map((ds) => dataSourceBean(d, ds))),
    selfTuning: selfTuningBean(d),
    appDeployments: collection(appDeploymentBeans(d)),
  });
}
