/**
 * The lab's patch tools through its shell, read back with the real-output parsers: OPatch
 * (lsinventory, prereq, apply refused while a server runs from the home, apply, rollback), BSU
 * (view, the PSU conflict, remove, install), datapatch (apply and forced rollback of SQL), unzip of
 * the release archives, startWebLogic.sh and the seeds a reset gives every home.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseBsuOutcome, parseBsuView, parseDatapatch, parseOpatchLsinventory, parseOpatchOutcome } from '../../../src/parsers/index.js';
import { runShell } from '../../../src/lab/shell/index.js';
import { buildLabState } from '../../../src/lab/state/index.js';
import { memoryStore, type LabStore } from '../../../src/lab/state/store.js';
import { miniEnv } from '../support/mini-env.js';

const ROOT = join(import.meta.dirname, '../../..');
const NOW = new Date('2026-11-28T14:00:00Z');
const HALL_ZIP = readFileSync(join(ROOT, 'releases/hall-wlspsu-2026.11/p31537019_122140_Generic.zip'));
const CORE_ZIP = readFileSync(join(ROOT, 'releases/core-wlspsu-2026.11/p27919965_1036_Generic.zip'));
const OH = '/weblogic/fmw12214';
const MW = '/weblogic/wls1036';

let store: LabStore;
const sh = (host: string, line: string, env: Record<string, string> = {}) => runShell(line, { store, host, user: 'weblogic', now: NOW, env, cwd: '/tmp' });
const put = (host: string, path: string, bytes: Buffer) => store.update((s) => {
  s.hosts[host]!.files[path] = { content: bytes.toString('base64'), encoding: 'base64', mode: '0644', owner: 'weblogic', group: 'weblogic', mtime: NOW.toISOString() };
});
const value = <T,>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

beforeEach(() => {
  store = memoryStore(buildLabState(miniEnv(), { root: ROOT, seed: 7, resetAt: new Date('2026-11-20T02:00:00Z'), render: () => '# rendered\n' }));
});

describe('reset seeds every home', () => {
  it('12c middleware homes, the 10.3.6 home with its PSU and jar, the database home with its declared patches', () => {
    const s = store.read();
    expect(s.hosts['hall-web-01']!.homes![OH]!.patches.map((p) => p.id)).toEqual(['122145', '30152128', '26626168']);
    expect(s.hosts['wls-admin-01']!.homes![OH]).toBeDefined();
    expect(s.hosts['wls-admin-01']!.homes![MW]).toMatchObject({ tool: 'bsu', wlHome: `${MW}/wlserver_10.3`, patches: [{ id: 'GFWX', bugs: ['27395085'] }] });
    expect(s.hosts['wls-admin-01']!.files[`${MW}/utils/bsu/cache_dir/GFWX.jar`]).toBeDefined();
    expect(s.hosts['core-db-01']!.homes!['/oracle/app/oracle/product/19.0.0/dbhome_1']).toMatchObject({ tool: 'opatch', product: 'Oracle Database 19c', version: '19.0.0.0.0' });
  });
});

describe('OPatch', () => {
  it('lsinventory reads back with the real-output parser; lspatches and version', async () => {
    const r = await sh('hall-web-01', `${OH}/OPatch/opatch lsinventory`);
    expect(r.exitCode).toBe(0);
    const inv = value(parseOpatchLsinventory(r.stdout));
    expect(inv.oracleHome).toBe(OH);
    expect(inv.patches.map((p) => [p.id, p.description])).toEqual([['122145', 'Bundle patch for Oracle Coherence Version 12.2.1.4.5'], ['30152128', 'One-off'], ['26626168', 'One-off']]);
    expect(r.stdout).toContain(`OPatch detects the Middleware Home as "${OH}"`);
    expect((await sh('hall-web-01', `${OH}/OPatch/opatch lspatches`)).stdout).toMatch(/^122145;Bundle patch/m);
    expect((await sh('hall-web-01', `ORACLE_HOME=${OH} opatch version`)).stdout).toBe('OPatch Version: 13.9.4.2.5\n\nOPatch succeeded.\n');
  });

  it('unzip the archive, prereq, apply refused while a server runs from the home, then applied, then rolled back', async () => {
    put('hall-web-01', '/weblogic/patches/p31537019_122140_Generic.zip', HALL_ZIP);
    expect((await sh('hall-web-01', 'unzip -o -q /weblogic/patches/p31537019_122140_Generic.zip -d /weblogic/patches')).exitCode).toBe(0);
    const pre = parseOpatchOutcome((await sh('hall-web-01', `${OH}/OPatch/opatch prereq CheckConflictAgainstOHWithDetail -ph /weblogic/patches/31537019`)).stdout);
    expect(pre).toMatchObject({ succeeded: true, passedChecks: ['checkConflictAgainstOHWithDetail'] });

    const refused = await sh('hall-web-01', `${OH}/OPatch/opatch apply /weblogic/patches/31537019 -silent`);
    expect(refused.exitCode).toBe(73);
    const o = parseOpatchOutcome(refused.stdout);
    expect(o).toMatchObject({ succeeded: false, errorCode: 73, failedChecks: ['CheckActiveFilesAndExecutables'] });
    expect(o.details.join('\n')).toContain(`${OH}/wlserver/server/lib/weblogic.jar`);

    store.update((s) => { s.domains.hall!.servers.hall_ms1!.state = 'SHUTDOWN'; });
    const applied = await sh('hall-web-01', `cd /weblogic/patches/31537019 && ${OH}/OPatch/opatch apply -silent`);
    expect(parseOpatchOutcome(applied.stdout)).toMatchObject({ succeeded: true, applied: ['31537019'] });
    const inv = value(parseOpatchLsinventory((await sh('hall-web-01', `${OH}/OPatch/opatch lsinventory`)).stdout));
    expect(inv.patches[0]).toMatchObject({ id: '31537019', description: 'WLS PATCH SET UPDATE 12.2.1.4.200624' });

    const rb = await sh('hall-web-01', `${OH}/OPatch/opatch rollback -id 31537019 -silent`);
    expect(parseOpatchOutcome(rb.stdout)).toMatchObject({ succeeded: true, rolledBack: ['31537019'] });
    expect(store.read().hosts['hall-web-01']!.homes![OH]!.patches.map((p) => p.id)).not.toContain('31537019');
  });

  it('a process left running from the home (an operator\'s WLST) also refuses; a bare `opatch` for an unknown home fails', async () => {
    store.update((s) => {
      s.domains.hall!.servers.hall_ms1!.state = 'SHUTDOWN';
      s.hosts['hall-web-01']!.processes.push({ user: 'weblogic', pid: 4242, ppid: 1, started: '21:00:00', command: `/bin/sh ${OH}/oracle_common/common/bin/wlst.sh` });
    });
    put('hall-web-01', '/tmp/p.zip', HALL_ZIP);
    await sh('hall-web-01', 'unzip -q /tmp/p.zip -d /tmp');
    const r = await sh('hall-web-01', `${OH}/OPatch/opatch apply /tmp/31537019 -silent`);
    expect(r.stdout).toContain(`${OH}/oracle_common/common/bin/wlst.sh PID( 4242 )`);
    expect((await sh('hall-web-01', '/nowhere/OPatch/opatch lsinventory')).exitCode).toBe(1);
  });
});

describe('BSU', () => {
  const bsu = `${MW}/utils/bsu/bsu.sh`;
  const prod = `-prod_dir=${MW}/wlserver_10.3`;

  it('view, the PSU conflict, remove the old PSU, install the new one, view verbose', async () => {
    const v = value(parseBsuView((await sh('wls-admin-01', `cd ${MW}/utils/bsu && ./bsu.sh ${prod} -status=applied -verbose -view`)).stdout));
    expect(v).toMatchObject({ productVersion: '10.3 MP6', productHome: `${MW}/wlserver_10.3`, patches: [{ id: 'GFWX', bug: '27395085', description: 'WLS PATCH SET UPDATE 10.3.6.0.180417' }] });

    put('wls-admin-01', `${MW}/utils/bsu/cache_dir/p27919965_1036_Generic.zip`, CORE_ZIP);
    await sh('wls-admin-01', `unzip -o -q ${MW}/utils/bsu/cache_dir/p27919965_1036_Generic.zip -d ${MW}/utils/bsu/cache_dir`);
    const install = `${bsu} -install -patch_download_dir=${MW}/utils/bsu/cache_dir -patchlist=B47X ${prod} -verbose`;
    const conflict = parseBsuOutcome((await sh('wls-admin-01', install)).stdout);
    expect(conflict).toMatchObject({ succeeded: false, conflicts: [{ patch: 'B47X', with: ['GFWX'] }] });

    expect(parseBsuOutcome((await sh('wls-admin-01', `${bsu} -remove -patchlist=GFWX ${prod}`)).stdout)).toMatchObject({ succeeded: true, removed: ['GFWX'] });
    expect(parseBsuOutcome((await sh('wls-admin-01', install)).stdout)).toMatchObject({ succeeded: true, installed: ['B47X'] });
    expect(parseBsuOutcome((await sh('wls-admin-01', install)).stdout)).toMatchObject({ succeeded: true, alreadyInstalled: ['B47X'] });
    const after = value(parseBsuView((await sh('wls-admin-01', `${bsu} ${prod} -status=applied -verbose -view`)).stdout));
    expect(after.patches).toEqual([{ id: 'B47X', bug: '27919965', container: 'B47X.jar', description: 'WLS PATCH SET UPDATE 10.3.6.0.180717', restart: true }]);
  });

  it('a patch whose jar is not in the download directory, and a wrong -prod_dir, fail', async () => {
    expect((await sh('wls-admin-01', `${bsu} -install -patchlist=ZZZZ ${prod}`)).stdout).toMatch(/unrecognized patch ID: ZZZZ/);
    expect((await sh('wls-admin-01', `${bsu} -view -status=applied -prod_dir=/elsewhere`)).exitCode).toBe(1);
  });
});

describe('datapatch', () => {
  const OHDB = '/oracle/app/oracle/product/19.0.0/dbhome_1';
  const dp = (args: string) => sh('core-db-01', `ORACLE_SID=CORE1 ORACLE_HOME=${OHDB} ${OHDB}/OPatch/datapatch -verbose ${args}`);

  it('applies the SQL of a patch installed in the binary registry, and rolls it back with -rollback -force', async () => {
    store.update((s) => s.hosts['core-db-01']!.homes![OHDB]!.patches.push({ id: '35648110', description: 'OJVM RELEASE UPDATE: 19.21.0.0.231017 (35648110)', appliedAt: NOW.toISOString(), uniqueId: '1', bugs: ['35648110'] }));
    const d = parseDatapatch((await dp('')).stdout);
    expect(d).toMatchObject({ completed: true, results: [{ id: '35648110', action: 'apply', status: 'SUCCESS' }] });
    expect(store.read().databases.coredb!.patches.at(-1)).toMatchObject({ id: '35648110', action: 'APPLY' });
    expect(parseDatapatch((await dp('')).stdout)).toMatchObject({ results: [], nothingToDo: true });
    expect(parseDatapatch((await dp('-rollback 35648110 -force')).stdout).results).toEqual([{ id: '35648110', action: 'rollback', status: 'SUCCESS' }]);
    expect(store.read().databases.coredb!.patches.at(-1)).toMatchObject({ id: '35648110', action: 'ROLLBACK' });
  });

  it('needs an open instance', async () => {
    store.update((s) => { s.databases.coredb!.instances[0]!.status = 'DOWN'; });
    expect((await dp('')).exitCode).toBe(1);
  });
});

describe('startWebLogic.sh', () => {
  it('starts a stopped admin server; a running one cannot bind its port', async () => {
    const line = 'nohup /weblogic/domains/hall/bin/startWebLogic.sh > /tmp/AdminServer.out 2>&1 &';
    expect((await sh('wls-admin-01', line)).exitCode).toBe(1);
    store.update((s) => { s.domains.hall!.servers.AdminServer!.state = 'SHUTDOWN'; });
    expect((await sh('wls-admin-01', line)).exitCode).toBe(0);
    expect(store.read().domains.hall!.servers.AdminServer!.state).toBe('RUNNING');
    expect(store.read().hosts['wls-admin-01']!.files['/tmp/AdminServer.out']!.content).toMatch(/BEA-000360/);
  });
});
