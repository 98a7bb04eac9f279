/**
 * Mapping of real WDT sample models (reference/weblogic.md §1.7 and the WDT samples folder):
 * servers, clusters, machines, data sources, work managers, deployments, log rotation; and the
 * schema validity of what comes out.
 */
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../../src/load/index.js';
import { doc, paths, ROOT, run, variables } from './support.js';

const prod = loadEnvironment(ROOT, 'prod').env;

describe('simple-model.yaml (WDT core unit-test model)', () => {
  const r = run('simple-model.yaml');
  const d = doc(r);

  it('maps the admin server, the cluster and the managed servers', () => {
    expect(d.admin).toMatchObject({ serverName: 'AdminServer', port: 7001, user: 'weblogic' });
    expect(d.clusters).toEqual([{ name: 'mycluster' }]);
    expect(d.servers.map((s) => [s.name, s.listenPort, s.cluster])).toEqual([
      ['s1', 8001, 'mycluster'],
      ['s2', 8101, 'mycluster'],
    ]);
  });

  it('maps both data sources, list and flow-style JNDIName and Target alike', () => {
    expect(d.dataSources).toEqual([
      expect.objectContaining({ name: 'Generic1', jndiName: 'jdbc/generic1', user: 'jshum', initialCapacity: 3, maxCapacity: 15, testQuery: 'SQL ISVALID', testConnectionsOnReserve: true, targets: ['mycluster'], service: 'orcl.us.oracle.com' }),
      expect.objectContaining({ name: 'Generic2', jndiName: 'jdbc/generic2', service: 'PDBORCL', targets: ['mycluster'] }),
    ]);
  });

  it('maps the applications, archive paths under the domain home', () => {
    expect(d.deployments?.map((d) => [d.name, d.artifact.path, d.targets, d.stagingMode])).toEqual([
      ['get-listen-address-app', '/weblogic/domains/hall_domain/wlsdeploy/applications/get-listen-address-app.war', ['mycluster'], 'nostage'],
      ['simpleear', '/weblogic/domains/hall_domain/wlsdeploy/applications/simpleear.ear', ['mycluster'], 'nostage'],
    ]);
  });

  it('lists what it cannot map, with the WDT path', () => {
    expect(paths(r)).toEqual(expect.arrayContaining([
      'topology:/Cluster/mycluster/MulticastTTL',
      'domainInfo:/ServerStartMode',
      'resources:/JDBCSystemResource/Generic1/JdbcResource/JDBCDataSourceParams/GlobalTransactionsProtocol',
      'resources:/JDBCSystemResource/Generic1/JdbcResource/JDBCDriverParams/DriverName',
      'resources:/JDBCSystemResource/Generic1/JdbcResource/JDBCDriverParams/Properties/oracle.net.ssl_version',
      'appDeployments:/Application/simpleear/PlanStagingMode',
    ]));
    const jndi = r.unmapped.find((u) => u.path.endsWith('Generic2/JdbcResource/JDBCDataSourceParams/JNDIName'));
    expect(jndi?.reason).toContain('jdbc/special2');
    const admin = r.unmapped.find((u) => u.path === 'resources:/JDBCSystemResource/Generic1/Target');
    expect(admin?.reason).toContain('admin server');
  });

  it('validates against the WeblogicDomain schema (placeholders stand in for hosts and databases)', () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.placeholders.map((p) => p.field)).toEqual(expect.arrayContaining(['servers[0].host', 'dataSources[0].database', 'deployments[0].artifact.sha256']));
  });

  it('maps the URLs to databases of an environment when one matches (service, then host and port)', () => {
    const estate = { ...prod, databases: prod.databases.map((d) => (d.name === 'querydb' ? { ...d, service: 'PDBORCL' } : d)) };
    const mapped = run('simple-model.yaml', { estate });
    const ds = doc(mapped).dataSources ?? [];
    expect(ds[1]).toMatchObject({ database: 'querydb' });
    expect(ds[1]?.service).toBeUndefined();
    expect(ds[0]?.database).toBe('unmapped-db-Generic1');
  });
});

describe('simple-topology1.yaml (WDT system test, tokens everywhere)', () => {
  it('keeps @@PROP@@ tokens without variables, lists them, and says the document does not validate yet', () => {
    const r = run('simple-topology1.yaml');
    expect(r.tokens.filter((t) => t.action === 'kept').map((t) => t.token)).toEqual(expect.arrayContaining(['@@PROP:CLUSTER_NAME@@', '@@PROP:ADMIN_PORT@@']));
    expect(doc(r).clusters?.[0]?.name).toBe('@@PROP:CLUSTER_NAME@@');
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toContain('admin.port');
  });

  it('resolves them from --variables and then validates', () => {
    const r = run('simple-topology1.yaml', { variables: variables('simple-topology1.properties') });
    expect(r.tokens.every((t) => t.action === 'resolved')).toBe(true);
    expect(r.valid).toBe(true);
    const d = doc(r);
    expect(d.clusters).toEqual([{ name: 'HallCluster' }]);
    expect(d.admin).toMatchObject({ serverName: 'AdminServer', port: 7001 });
    expect(d.deployments?.[0]).toMatchObject({ name: 'simple-app', targets: ['HallCluster'], stagingMode: 'nostage' });
    expect(paths(r)).toEqual(expect.arrayContaining([
      'topology:/Cluster/HallCluster/DynamicServers',
      'topology:/Server/AdminServer/NetworkAccessPoint/T3Channel',
      'topology:/ServerTemplate/template1',
      'topology:/ProductionModeEnabled',
    ]));
  });
});

describe('cluster-model.yaml and workmanager-model.yaml (WDT documentation samples)', () => {
  it('maps messaging mode, log rotation and JVM arguments; lists SSL and the rest', () => {
    const r = run('cluster-model.yaml');
    const d = doc(r);
    expect(d.clusters).toEqual([{ name: 'cluster-1', messagingMode: 'unicast' }]);
    expect(d.servers[0]).toMatchObject({ name: 'server-1', listenPort: 8001, cluster: 'cluster-1', machine: 'machine-1', jvmArgs: ['-Dosgi=true', '-Dtangosol.coherence.management=all'] });
    expect(d.logRotation).toEqual({ rotationType: 'bySize', fileMinSizeKb: 5000, filesToRetain: 7, rotateLogOnStartup: true });
    expect(paths(r)).toEqual(expect.arrayContaining(['topology:/Server/server-1/SSL', 'topology:/Server/server-1/ServerStart/ClassPath', 'topology:/Server/server-1/Log/FileName', 'topology:/Cluster/cluster-1/FrontendHost']));
    expect(r.placeholders.find((p) => p.field === 'servers[0].heap')).toBeDefined();
  });

  it('maps the work manager through its constraints and lists capacity and request classes', () => {
    const r = run('workmanager-model.yaml');
    expect(doc(r).workManagers).toEqual([{ name: 'myWorkManager', targets: ['cluster-1'], minThreads: 2, maxThreads: 3, ignoreStuckThreads: true }]);
    expect(paths(r)).toEqual(expect.arrayContaining([
      'resources:/SelfTuning/Capacity/capacity40',
      'resources:/SelfTuning/FairShareRequestClass/lowFairshare',
      'resources:/SelfTuning/ContextRequestClass/appContextRequest',
      'resources:/SelfTuning/WorkManager/myWorkManager/Capacity',
    ]));
  });
});

describe('compare models model-4-old/new.yaml (WDT compare test)', () => {
  it('takes list and comma-string Target alike and lists libraries, SSL and WebAppContainer', () => {
    const old = run('model-4-old.yaml');
    const neu = run('model-4-new.yaml');
    expect(doc(neu).deployments?.[1]?.targets).toEqual(['cluster-1', 'cluster-2']);
    expect(doc(old).workManagers).toEqual([{ name: 'newWM', targets: ['cluster-1'], minThreads: 2, maxThreads: 20 }]);
    expect(paths(old)).toEqual(expect.arrayContaining(['topology:/Server/s1/SSL', 'resources:/WebAppContainer', 'appDeployments:/Library/mylib', 'appDeployments:/Library/retarget']));
  });
});

describe('simple-demo-jms-full.yaml (WDT unit-test model with JMS and Foreign JNDI)', () => {
  it('lists every JMS, store, SAF, bridge and Foreign JNDI instance', () => {
    const r = run('simple-demo-jms-full.yaml');
    expect(paths(r)).toEqual(expect.arrayContaining([
      'resources:/JMSSystemResource/MyJmsModule',
      'resources:/JMSServer/JMSServer1',
      'resources:/JMSServer/JMSServer2',
      'resources:/FileStore/FileStore1',
      'resources:/JDBCStore/JDBCStore99',
      'resources:/SAFAgent/MySAFagent',
      'resources:/ForeignJNDIProvider/MyForeignProvider',
      'resources:/PathService',
      'resources:/JMSBridgeDestination',
      'resources:/MessagingBridge',
    ]));
    expect(doc(r).dataSources).toHaveLength(2);
    expect(r.valid).toBe(true);
  });
});

describe('hall-estate.yaml (written for these tests in WDT syntax) against the prod environment', () => {
  const r = run('hall-estate.yaml', { estate: prod });
  const d = doc(r);

  it('maps machines, node managers and hosts from addresses and names in the inventory', () => {
    expect(d.admin).toMatchObject({ host: 'wls-admin-01', port: 7001, credential: 'store:prod/weblogic/hall/hall-admin/password' });
    expect(d.machines).toEqual([
      { name: 'hall-machine-01', host: 'hall-web-01', nodeManager: { port: 5556, type: 'SSL' } },
      { name: 'hall-machine-02', host: 'hall-web-02', nodeManager: { port: 5556, type: 'Plain' } },
    ]);
    expect(d.servers.map((s) => s.host)).toEqual(['hall-web-01', 'hall-web-02']);
  });

  it('splits ServerStart Arguments into heap and JVM arguments', () => {
    expect(d.servers[0]).toMatchObject({ heap: { minMb: 4096, maxMb: 4096 }, jvmArgs: ['-Xgcpolicy:gencon', '-Xmn1536m', '-Djava.net.preferIPv4Stack=true'], stuckThreadMaxTimeSeconds: 600 });
  });

  it('maps data sources to the OracleDatabases of prod by service name, and lists what matches none', () => {
    expect(d.dataSources?.map((d) => [d.name, d.database, d.credential])).toEqual([
      ['CoreDS', 'coredb', 'store:prod/weblogic/hall/coreds/password'],
      ['FrontDS', 'frontdb', 'env:FRONTDS_PASSWORD'],
      ['LegacyDS', 'unmapped-db-LegacyDS', 'store:prod/oracle/unmapped-db-LegacyDS/SBF_OLD'],
    ]);
    expect(d.dataSources?.[0]).toMatchObject({ minCapacity: 20, statementCacheSize: 50, inactiveConnectionTimeoutSeconds: 600 });
    expect(r.placeholders.find((p) => p.field === 'dataSources[2].database')?.reason).toContain('no OracleDatabase of environment prod');
  });

  it('maps work manager, deployment (version from the file name) and the first log rotation', () => {
    expect(d.workManagers?.[0]).toEqual({ name: 'HallWM', targets: ['HallCluster'], minThreads: 20, maxThreads: 200, stuckThreadCount: 20, ignoreStuckThreads: false });
    expect(d.deployments?.[0]).toMatchObject({ version: '2026.10.1', artifact: { path: '/weblogic/domains/hall_domain/releases/sbf-hall-2026.10.1.ear' }, stagingMode: 'stage' });
    expect(d.logRotation).toEqual({ rotationType: 'byTime', rotationTime: '00:00', filesToRetain: 30, rotateLogOnStartup: false });
  });

  it('lists security realm, shutdown class, Coherence, a differing log rotation and unknown attributes', () => {
    expect(paths(r)).toEqual(expect.arrayContaining([
      'topology:/SecurityConfiguration',
      'topology:/ShutdownClass/FlushQueues',
      'resources:/CoherenceClusterSystemResource/defaultCoherenceCluster',
      'topology:/Server/hall_ms02/Log',
      'topology:/UnixMachine/hall-machine-02/PostBindGID',
      'appDeployments:/Library/jsf-2.0',
    ]));
    expect(r.valid).toBe(true);
  });
});
