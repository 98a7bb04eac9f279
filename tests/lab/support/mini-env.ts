/**
 * A small lab environment built by hand (no loader): two AIX application hosts, one Linux
 * database host, one 12.2.1.4 REST domain, one 10.3.6 WLST domain, one Oracle database with a
 * config table, and a host profile that manages tunables, files, cron, processes and passwords.
 * `writeTemplates(root)` puts the profile's template under root/templates/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentModel, Host } from '../../../src/model/index.js';

const host = (name: string, os: 'aix' | 'linux', roles: Host['roles']): Host => ({
  name,
  address: '127.0.0.1',
  os,
  roles,
  zone: '业务专网安全域',
  ssh: { user: os === 'aix' ? 'opsuser' : 'oracle', credential: 'file:.lab/keys/id_ed25519' },
});

export const TEMPLATE = 'weblogic/setUserOverrides.sh.ejs';
export const TEMPLATE_TEXT = '# <%= host.name %> (<%= environment %>)\nUSER_MEM_ARGS="-Xmx<%= heapMb %>m"\n';

export function writeTemplates(root: string): void {
  mkdirSync(join(root, 'templates', 'weblogic'), { recursive: true });
  writeFileSync(join(root, 'templates', TEMPLATE), TEMPLATE_TEXT);
}

export function miniEnv(): EnvironmentModel {
  return {
    environment: { apiVersion: 'opsctl/v1', kind: 'Environment', name: 'lab', title: '实验室', tier: 'lab', windows: 'lab-windows', calendar: 'hebei', simulated: true },
    hosts: [host('hall-web-01', 'aix', ['hall-web']), host('wls-admin-01', 'aix', ['wls-admin']), host('core-db-01', 'linux', ['oracle'])],
    groups: [{ name: 'weblogic-hosts', roles: ['hall-web', 'wls-admin'] }],
    hostProfiles: [
      {
        apiVersion: 'opsctl/v1', kind: 'HostProfile', name: 'aix-weblogic',
        appliesTo: { groups: ['weblogic-hosts'], os: 'aix' },
        tunables: { no: { tcp_sendspace: 262144, tcp_recvspace: 262144, rfc1323: 1 }, vmo: { 'minperm%': 3 }, sys0: { maxuproc: 16384 } },
        filesystems: [{ mount: '/weblogic', warningPercent: 80, criticalPercent: 90 }, { mount: '/var', warningPercent: 85, criticalPercent: 95 }],
        processes: [{ name: 'sshd', pattern: 'sshd' }, { name: 'agent', pattern: '^/opt/agent/bin/agentd', user: 'root' }],
        files: [{ path: '/weblogic/bin/setUserOverrides.sh', template: TEMPLATE, vars: { heapMb: 4096 }, mode: '750', owner: 'weblogic', group: 'weblogic' }],
        cron: [{ name: 'log-clean', user: 'weblogic', schedule: '0 2 * * *', command: '/weblogic/bin/clean_logs.sh >/dev/null 2>&1' }],
        passwordPolicy: { maxAgeDays: 90, minLength: 12, history: 5, accounts: ['root', 'weblogic'] },
      },
      {
        apiVersion: 'opsctl/v1', kind: 'HostProfile', name: 'linux-oracle',
        appliesTo: { roles: ['oracle'] },
        tunables: { sysctl: { 'kernel.shmmni': 8192, 'vm.swappiness': 10 } },
        filesystems: [{ mount: '/oradata', warningPercent: 85, criticalPercent: 95 }],
        processes: [{ name: 'pmon', pattern: 'ora_pmon_CORE1', user: 'oracle' }, { name: 'listener', pattern: 'tnslsnr' }],
      },
    ],
    domains: [
      {
        apiVersion: 'opsctl/v1', kind: 'WeblogicDomain', name: 'hall', application: 'hall', version: '12.2.1.4', management: 'rest',
        admin: { serverName: 'AdminServer', host: 'wls-admin-01', port: 7001, user: 'weblogic', credential: 'file:.lab/secrets/weblogic', domainHome: '/weblogic/domains/hall', middlewareHome: '/weblogic/fmw12214' },
        clusters: [{ name: 'hall_cluster' }],
        machines: [{ name: 'm-hall-web-01', host: 'hall-web-01', nodeManager: { port: 5556, type: 'Plain' } }],
        servers: [{ name: 'hall_ms1', host: 'hall-web-01', listenPort: 8001, cluster: 'hall_cluster', machine: 'm-hall-web-01', heap: { minMb: 4096, maxMb: 4096 }, jvmArgs: ['-XX:+UseG1GC', '-Dfile.encoding=GBK'], stuckThreadMaxTimeSeconds: 600 }],
        dataSources: [{ name: 'SbfDS', jndiName: 'jdbc/sbf', database: 'coredb', user: 'SBF_APP', credential: 'file:.lab/secrets/oracle', initialCapacity: 10, maxCapacity: 100, testConnectionsOnReserve: true, targets: ['hall_cluster'] }],
        workManagers: [{ name: 'HallWM', targets: ['hall_cluster'], maxThreads: 200 }],
        deployments: [{ name: 'sbf-hall', version: '3.2.1', artifact: { path: '/weblogic/stage/sbf-hall-3.2.1.ear', sha256: 'a'.repeat(64) }, targets: ['hall_cluster'] }],
        logRotation: { rotationType: 'bySize', fileMinSizeKb: 10240, filesToRetain: 30 },
      },
      {
        apiVersion: 'opsctl/v1', kind: 'WeblogicDomain', name: 'core', application: 'core', version: '10.3.6', management: 'wlst',
        admin: { serverName: 'AdminServer', host: 'wls-admin-01', port: 7011, user: 'weblogic', credential: 'file:.lab/secrets/weblogic', domainHome: '/weblogic/domains/core', middlewareHome: '/weblogic/wls1036' },
        servers: [{ name: 'core_ms1', host: 'wls-admin-01', listenPort: 8011, heap: { minMb: 2048, maxMb: 3072 } }],
      },
    ],
    databases: [
      {
        apiVersion: 'opsctl/v1', kind: 'OracleDatabase', name: 'coredb', purpose: 'core', role: 'primary', version: '19.21', dbName: 'CORE', service: 'core.sbf', listenerPort: 1521,
        instances: [{ host: 'core-db-01', sid: 'CORE1', role: 'single' }],
        connect: { user: 'OPSCTL', credential: 'file:.lab/secrets/oracle' },
        patches: [{ id: '35643107', description: 'Database Release Update 19.21.0.0.231017' }],
        initParameters: { open_cursors: 1000, processes: 3000, sga_target: '24G', job_queue_processes: 40 },
        tablespaces: [{ name: 'SBF_DATA', autoextend: true, maxSizeGb: 200, warningPercent: 85, criticalPercent: 95 }, { name: 'SBF_IDX', autoextend: false, maxSizeGb: 50, warningPercent: 80, criticalPercent: 90 }],
        profiles: [{ name: 'APP_PROFILE', passwordLifeTime: 'UNLIMITED', failedLoginAttempts: 10 }],
        users: [{ name: 'SBF_APP', profile: 'APP_PROFILE', defaultTablespace: 'SBF_DATA', accountStatus: 'OPEN' }],
        schedulerJobs: [{ owner: 'SBF_APP', name: 'NIGHTLY_RECON', enabled: true, repeatInterval: 'FREQ=DAILY;BYHOUR=1' }],
        archive: { logMode: 'ARCHIVELOG', fraSizeGb: 500, fraWarningPercent: 80, fraCriticalPercent: 90 },
      },
    ],
    configTables: [
      {
        apiVersion: 'opsctl/v1', kind: 'ConfigTable', name: 'code-params', title: '代码参数', category: 'code-parameter', database: 'coredb', schema: 'SBF', table: 'T_CODE_PARAM',
        key: ['PARAM_CODE'], columns: ['PARAM_VALUE', 'NOTE'],
        rows: [{ PARAM_CODE: 'PAY_DEADLINE_DAY', PARAM_VALUE: '15' }, { PARAM_CODE: 'BATCH_SIZE', PARAM_VALUE: 500, NOTE: null }],
      },
    ],
  };
}
