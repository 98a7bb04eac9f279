/**
 * A small hand-made LabState for the shell and SSH tests: one AIX host (app01) and one Linux
 * host (lnx01), with files, filesystems, services, errpt entries, tunables and a domain whose
 * server listens on app01. Independent of the lab's state builder on purpose.
 */
import type { LabHost, LabState } from '../../../src/lab/state/types.js';

const T = '2026-11-20T08:00:00.000Z';

function file(content: string, owner = 'opsctl', mode = '0644') {
  return { content, mode, owner, group: 'staff', mtime: T };
}

export const AIX_HOST: LabHost = {
  name: 'app01',
  os: 'aix',
  osLevel: '7200-05-03-2148',
  hostname: 'sbf-app01',
  roles: ['hall-web'],
  uptimeSeconds: 10 * 86400 + 2 * 3600 + 34 * 60,
  cpu: { cores: 8, userPercent: 23, systemPercent: 7, idlePercent: 68, waitPercent: 2, runQueue: 2 },
  memory: { totalMb: 32768, usedMb: 20480, pagingSpaceMb: 30528, pagingUsedPercent: 1 },
  tunables: {
    no: { tcp_sendspace: '262144', tcp_recvspace: '262144', rfc1323: '1', sb_max: '1048576' },
    vmo: { minperm_pct: '3', maxperm_pct: '90', lru_file_repage: '0' },
    ioo: { j2_maxPageReadAhead: '128', numfsbufs: '196' },
    sys0: { maxuprocs: '4096', ncargs: '256', autorestart: 'true' },
    sysctl: {},
  },
  files: {
    '/etc/hosts': file('127.0.0.1 loopback localhost\n10.13.1.11 sbf-app01\n', 'root'),
    '/home/opsctl/notes.txt': file('alpha\nbeta\ngamma\nbeta\n'),
    '/tmp/a; rm -rf ~': file('odd name\n'),
    '/weblogic/domains/hall/servers/hall_ms1/logs/hall_ms1.log': file(
      '####<Nov 20, 2026 8:00:01 AM CST> <Info> <Server> <sbf-app01> <hall_ms1> <main> <<WLS Kernel>> <> <> <1763596801000> <BEA-000365> <Server state changed to RUNNING.>\n' +
        '####<Nov 20, 2026 9:12:44 AM CST> <Error> <Socket> <sbf-app01> <hall_ms1> <ExecuteThread: \'3\'> <<WLS Kernel>> <> <> <1763601164000> <BEA-000337> <[STUCK] ExecuteThread: \'3\' has been busy for "612" seconds.>\n',
      'weblogic',
    ),
  },
  dirs: ['/home/opsctl', '/tmp', '/weblogic/domains/hall/servers/hall_ms1/logs', '/var/spool/cron'],
  filesystems: [
    { mount: '/', device: '/dev/hd4', sizeMb: 1024, usedMb: 338, inodesUsedPercent: 8 },
    { mount: '/tmp', device: '/dev/hd3', sizeMb: 9216, usedMb: 3143, inodesUsedPercent: 1 },
    { mount: '/home', device: '/dev/hd1', sizeMb: 1024, usedMb: 82, inodesUsedPercent: 1 },
    { mount: '/weblogic', device: '/dev/lvfmw', sizeMb: 30689, usedMb: 15391, inodesUsedPercent: 2 },
  ],
  processes: [
    { user: 'root', pid: 1, ppid: 0, started: 'Nov 10', command: '/etc/init' },
    { user: 'weblogic', pid: 4325, ppid: 1, started: 'Nov 10', command: 'java -Dweblogic.Name=hall_ms1 weblogic.Server' },
  ],
  services: [
    { subsystem: 'sshd', group: 'ssh', pid: 3932, status: 'active' },
    { subsystem: 'xntpd', group: 'tcpip', pid: 78940, status: 'active' },
    { subsystem: 'rwhod', group: 'tcpip', status: 'inoperative' },
  ],
  errpt: [
    { identifier: '9DBCFDEE', timestamp: '1110034426', type: 'T', class: 'O', resource: 'errdemon', description: 'ERROR LOGGING TURNED ON' },
    { identifier: '369D049B', timestamp: '1119082426', type: 'I', class: 'O', resource: 'SYSPFS', description: 'UNABLE TO ALLOCATE SPACE IN FILE SYSTEM' },
  ],
  crontab: { opsctl: ['0 2 * * * /home/opsctl/cleanup.sh'] },
  accounts: {},
  fixes: ['7200-05_AIX_ML', 'IJ35510'],
};

export const LINUX_HOST: LabHost = {
  ...structuredClone(AIX_HOST),
  name: 'lnx01',
  os: 'linux',
  osLevel: '6.1.0-18-amd64',
  hostname: 'sbf-lnx01',
  tunables: { no: {}, vmo: {}, ioo: {}, sys0: {}, sysctl: { 'vm.swappiness': '10', 'net.core.somaxconn': '128', 'kernel.shmmax': '18446744073692774399' } },
  filesystems: [
    { mount: '/', device: '/dev/vda', sizeMb: 258020, usedMb: 24111, inodesUsedPercent: 4 },
    { mount: '/dev/shm', device: 'tmpfs', sizeMb: 24105, usedMb: 0, inodesUsedPercent: 1 },
  ],
  errpt: [],
  fixes: [],
};

export function fixtureState(): LabState {
  return {
    version: 1,
    env: 'lab',
    seed: 1,
    resetAt: '2026-11-20T00:00:00.000Z',
    hosts: { app01: structuredClone(AIX_HOST), lnx01: structuredClone(LINUX_HOST) },
    domains: {
      hall: {
        name: 'hall', application: 'hall', version: '12.2.1.4', management: 'rest', adminServer: 'AdminServer', adminHost: 'app01', adminPort: 7001,
        user: 'weblogic', domainHome: '/weblogic/domains/hall', middlewareHome: '/weblogic/fmw', clusters: [], machines: [{ name: 'm1', host: 'app01', nodeManagerPort: 5556, nodeManagerType: 'SSL' }],
        servers: {
          hall_ms1: {
            name: 'hall_ms1', host: 'app01', listenPort: 7003, state: 'RUNNING', health: 'HEALTH_OK', heap: { minMb: 2048, maxMb: 4096 }, jvmArgs: [],
            stuckThreadMaxTimeSeconds: 600, heapUsedMb: 1024, threads: { total: 40, idle: 30, stuck: 0, hogging: 0, queueLength: 0 }, openSessions: 3,
            restartRequired: false, activationTime: T,
          },
        },
        dataSources: {}, workManagers: {}, deployments: {},
        logRotation: { rotationType: 'bySize', fileMinSizeKb: 5000, rotationTime: '00:00', filesToRetain: 7, rotateLogOnStartup: false },
        edit: { lockedBy: null, pending: [] }, tasks: {},
      },
    },
    databases: {},
    drifts: [],
    faults: [],
    latency: { roundTripMs: 0, commandMs: 0 },
    generation: 1,
  };
}
