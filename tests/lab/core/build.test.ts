// A reset lab equals the desired state: every attribute the desired state manages reads back as
// desired, with live readings inside their thresholds; and the build is deterministic by seed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLabState, matchesPattern, cronMarker, SYSCTL_CONF, AIX_NEXTBOOT } from '../../../src/lab/state/index.js';
import type { LabState } from '../../../src/lab/state/index.js';
import { templateRenderer } from '../../../src/template/index.js';
import { miniEnv, writeTemplates } from '../support/mini-env.js';

const resetAt = new Date('2026-11-20T02:00:00Z');
let root: string;
let state: LabState;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'opsctl-lab-build-'));
  writeTemplates(root);
  state = buildLabState(miniEnv(), { root, seed: 7, resetAt, render: templateRenderer(root) });
});

describe('hosts', () => {
  it('has every host with its OS and roles', () => {
    expect(Object.keys(state.hosts).sort()).toEqual(['core-db-01', 'hall-web-01', 'wls-admin-01']);
    expect(state.hosts['hall-web-01']).toMatchObject({ os: 'aix', roles: ['hall-web'], hostname: 'hall-web-01' });
    expect(state.hosts['hall-web-01']!.osLevel).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}$/);
    expect(state.hosts['core-db-01']!.os).toBe('linux');
  });

  it('reads desired tunables back as the OS prints them, over typical AIX defaults', () => {
    const t = state.hosts['hall-web-01']!.tunables;
    expect(t.no).toMatchObject({ tcp_sendspace: '262144', tcp_recvspace: '262144', rfc1323: '1' });
    expect(t.no.udpsendspace).toBe('9216');
    expect(Object.keys(t.no).length).toBeGreaterThan(100);
    expect(t.vmo['minperm%']).toBe('3');
    expect(t.sys0.maxuproc).toBe('16384');
    expect(t.sysctl).toEqual({});
    const l = state.hosts['core-db-01']!.tunables;
    expect(l.sysctl).toMatchObject({ 'kernel.shmmni': '8192', 'vm.swappiness': '10' });
    expect(l.no).toEqual({});
    expect(state.hosts['core-db-01']!.files[SYSCTL_CONF]!.content).toContain('vm.swappiness = 10');
    expect(state.hosts['hall-web-01']!.files[AIX_NEXTBOOT]!.content).toContain('tcp_sendspace = "262144"');
  });

  it('renders managed files from their templates with mode, owner and group', () => {
    const f = state.hosts['hall-web-01']!.files['/weblogic/bin/setUserOverrides.sh']!;
    expect(f).toMatchObject({ content: '# hall-web-01 (lab)\nUSER_MEM_ARGS="-Xmx4096m"\n', mode: '0750', owner: 'weblogic', group: 'weblogic' });
    expect(state.hosts['hall-web-01']!.dirs).toContain('/weblogic/bin');
  });

  it('has the managed cron lines after their marker, next to the AIX defaults', () => {
    const tab = state.hosts['hall-web-01']!.crontab;
    expect(tab.weblogic).toEqual([cronMarker('log-clean'), '0 2 * * * /weblogic/bin/clean_logs.sh >/dev/null 2>&1']);
    expect(tab.root).toContain('0 3 * * * /usr/sbin/skulker');
  });

  it('keeps every file system below its warning threshold', () => {
    for (const h of Object.values(state.hosts)) {
      for (const fs of h.filesystems) expect(fs.usedMb / fs.sizeMb).toBeLessThan(0.8);
    }
    expect(state.hosts['hall-web-01']!.filesystems.map((f) => f.mount)).toContain('/weblogic');
    expect(state.hosts['core-db-01']!.filesystems.map((f) => f.mount)).toContain('/oradata');
  });

  it('runs every required process, WebLogic servers and NodeManager included', () => {
    const cmds = (h: string) => state.hosts[h]!.processes.map((p) => p.command);
    expect(cmds('hall-web-01').some((c) => c.includes('-Dweblogic.Name=hall_ms1 ') && c.includes('-Xmx4096m') && c.includes('-XX:+UseG1GC') && c.endsWith('weblogic.Server'))).toBe(true);
    expect(cmds('hall-web-01').some((c) => c.includes('weblogic.NodeManager'))).toBe(true);
    expect(cmds('wls-admin-01').filter((c) => c.includes('-Dweblogic.Name=AdminServer ')).length).toBe(2);
    expect(cmds('wls-admin-01').some((c) => c.includes('-Dweblogic.Name=core_ms1 ') && c.startsWith('/usr/java6_64'))).toBe(true);
    expect(cmds('core-db-01')).toContain('ora_pmon_CORE1');
    expect(cmds('core-db-01').some((c) => c.includes('tnslsnr LISTENER'))).toBe(true);
    const agent = state.hosts['hall-web-01']!.processes.filter((p) => matchesPattern(p.command, '^/opt/agent/bin/agentd'));
    expect(agent).toHaveLength(1);
    expect(agent[0]!.user).toBe('root');
    const pids = state.hosts['hall-web-01']!.processes.map((p) => p.pid);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it('has password facts within the policy, only informational errpt entries and AIX fixes', () => {
    const h = state.hosts['hall-web-01']!;
    expect(h.accounts.root).toMatchObject({ maxAgeDays: 90, minLength: 12, history: 5 });
    expect(h.accounts.root!.lastChangeDaysAgo).toBeLessThan(90);
    expect(h.errpt.every((e) => e.type === 'I')).toBe(true);
    expect(h.fixes.length).toBeGreaterThan(0);
  });
});

describe('WebLogic domains', () => {
  it('has servers, data sources, work managers, deployments and log rotation as desired', () => {
    const d = state.domains.hall!;
    expect(d).toMatchObject({ version: '12.2.1.4', management: 'rest', adminServer: 'AdminServer', adminHost: 'wls-admin-01', adminPort: 7001, user: 'weblogic' });
    expect(Object.keys(d.servers).sort()).toEqual(['AdminServer', 'hall_ms1']);
    expect(d.servers.hall_ms1).toMatchObject({ host: 'hall-web-01', listenPort: 8001, cluster: 'hall_cluster', machine: 'm-hall-web-01', state: 'RUNNING', health: 'HEALTH_OK', heap: { minMb: 4096, maxMb: 4096 }, jvmArgs: ['-XX:+UseG1GC', '-Dfile.encoding=GBK'], stuckThreadMaxTimeSeconds: 600, restartRequired: false });
    expect(d.servers.hall_ms1!.heapUsedMb).toBeLessThan(4096 * 0.7);
    expect(d.dataSources.SbfDS).toMatchObject({ jndiName: 'jdbc/sbf', database: 'coredb', user: 'SBF_APP', initialCapacity: 10, minCapacity: 10, maxCapacity: 100, testConnectionsOnReserve: true, targets: ['hall_cluster'], url: 'jdbc:oracle:thin:@//core-db-01:1521/core.sbf' });
    expect(d.workManagers.HallWM).toEqual({ name: 'HallWM', targets: ['hall_cluster'], minThreads: null, maxThreads: 200, stuckThreadCount: null, ignoreStuckThreads: false });
    expect(d.deployments['sbf-hall']).toMatchObject({ version: '3.2.1', sourcePath: '/weblogic/stage/sbf-hall-3.2.1.ear', sha256: 'a'.repeat(64), targets: ['hall_cluster'], state: 'STATE_ACTIVE' });
    expect(d.logRotation).toMatchObject({ rotationType: 'bySize', fileMinSizeKb: 10240, filesToRetain: 30 });
    expect(d.edit).toEqual({ lockedBy: null, pending: [] });
    expect(state.domains.core!.management).toBe('wlst');
  });

  it('writes server logs with BEA- lines on the server host', () => {
    const log = state.hosts['hall-web-01']!.files['/weblogic/domains/hall/servers/hall_ms1/logs/hall_ms1.log']!;
    expect(log.content).toContain('<BEA-000360>');
  });
});

describe('Oracle databases', () => {
  it('has init parameters as desired over defaults, with their ISSYS_MODIFIABLE', () => {
    const p = state.databases.coredb!.parameters;
    expect(p.open_cursors).toEqual({ value: '1000', isSysModifiable: 'IMMEDIATE' });
    expect(p.processes).toEqual({ value: '3000', isSysModifiable: 'FALSE' });
    expect(p.sga_target).toEqual({ value: '24G', isSysModifiable: 'IMMEDIATE' });
    expect(p.job_queue_processes!.value).toBe('40');
    for (const n of ['sessions', 'sga_max_size', 'db_files']) expect(p[n]!.isSysModifiable).toBe('FALSE');
    for (const n of ['pga_aggregate_target', 'db_recovery_file_dest_size', 'undo_retention']) expect(p[n]!.isSysModifiable).toBe('IMMEDIATE');
    expect(p.db_recovery_file_dest_size!.value).toBe(String(500 * 1024 ** 3));
  });

  it('has tablespaces below their warning, FRA, profiles, users, jobs, patches and config rows', () => {
    const db = state.databases.coredb!;
    expect(db).toMatchObject({ role: 'PRIMARY', openMode: 'READ WRITE', logMode: 'ARCHIVELOG', service: 'core.sbf', listenerUp: true });
    expect(db.instances).toEqual([expect.objectContaining({ host: 'core-db-01', sid: 'CORE1', status: 'OPEN' })]);
    const data = db.tablespaces.SBF_DATA!;
    expect(data).toMatchObject({ contents: 'PERMANENT', autoextend: true, maxMb: 200 * 1024 });
    expect(data.usedMb / data.maxMb).toBeLessThan(0.85);
    expect(data.datafiles.length).toBe(7);
    const idx = db.tablespaces.SBF_IDX!;
    expect(idx).toMatchObject({ autoextend: false, sizeMb: 50 * 1024 });
    expect(idx.usedMb / idx.sizeMb).toBeLessThan(0.8);
    expect(db.tablespaces.SYSTEM).toBeDefined();
    expect(db.fra.sizeMb).toBe(500 * 1024);
    expect(db.fra.usedMb / db.fra.sizeMb).toBeLessThan(0.8);
    expect(db.profiles.APP_PROFILE).toMatchObject({ PASSWORD_LIFE_TIME: 'UNLIMITED', FAILED_LOGIN_ATTEMPTS: '10', PASSWORD_GRACE_TIME: 'DEFAULT' });
    expect(db.users.SBF_APP).toMatchObject({ profile: 'APP_PROFILE', defaultTablespace: 'SBF_DATA', accountStatus: 'OPEN' });
    expect(db.users.OPSCTL).toBeDefined();
    expect(db.schedulerJobs['SBF_APP.NIGHTLY_RECON']).toMatchObject({ enabled: true, repeatInterval: 'FREQ=DAILY;BYHOUR=1', lastStatus: 'SUCCEEDED', failureCount: 0 });
    expect(db.patches).toEqual([expect.objectContaining({ id: '35643107', status: 'SUCCESS' })]);
    expect(db.tables['SBF.T_CODE_PARAM']).toEqual({
      columns: ['PARAM_CODE', 'PARAM_VALUE', 'NOTE'],
      key: ['PARAM_CODE'],
      rows: [{ PARAM_CODE: 'PAY_DEADLINE_DAY', PARAM_VALUE: '15', NOTE: null }, { PARAM_CODE: 'BATCH_SIZE', PARAM_VALUE: 500, NOTE: null }],
    });
    expect(db.alertLog.some((l) => l.text.includes('ORA-'))).toBe(false);
    expect(db.invalidObjects).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same state for the same seed, and other readings for another seed', () => {
    const render = templateRenderer(root);
    const again = buildLabState(miniEnv(), { root, seed: 7, resetAt, render });
    expect(again).toEqual(state);
    const other = buildLabState(miniEnv(), { root, seed: 8, resetAt, render });
    expect(other).not.toEqual(state);
    expect(other.domains.hall!.dataSources.SbfDS!.maxCapacity).toBe(100);
  });

  it('refuses managed files without a renderer', () => {
    expect(() => buildLabState(miniEnv(), { root, seed: 1, resetAt })).toThrow(/opts.render/);
  });
});
