import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/lab/state/store.js';
import type { LabStore } from '../../../src/lab/state/store.js';
import { startWeblogicRest } from '../../../src/lab/weblogic/index.js';
import { passwordDigest } from '../../../src/lab/state/password.js';
import { fixtureState, withDatabase } from './fixture-state.js';

const AUTH = `Basic ${Buffer.from('weblogic:welcome1').toString('base64')}`;
let store: LabStore;
let srv: { port: number; close(): Promise<void> };
const url = (p: string) => `http://127.0.0.1:${srv.port}/management/weblogic/latest/${p}`;
const get = (p: string, h: Record<string, string> = { 'X-Requested-By': 't' }) => fetch(url(p), { headers: { Authorization: AUTH, Accept: 'application/json', ...h } });
const post = (p: string, body: unknown = {}, h: Record<string, string> = { 'X-Requested-By': 't' }) =>
  fetch(url(p), { method: 'POST', body: JSON.stringify(body), headers: { Authorization: AUTH, 'Content-Type': 'application/json', ...h } });
const pool = () => store.read().domains.hall!.dataSources.HallDS!;

beforeEach(async () => {
  store = memoryStore(fixtureState());
  srv = await startWeblogicRest({ domain: 'hall', store, user: 'weblogic', password: 'welcome1', now: () => new Date('2026-01-06T10:00:00Z') });
});
afterEach(() => srv.close());

describe('lab WebLogic REST: monitoring', () => {
  it('serves serverRuntimes with the keys of a real 12.2.1.4 capture', async () => {
    const real = JSON.parse(readFileSync('tests/fixtures/weblogic/serverRuntime_osb_server1.json', 'utf8')) as Record<string, unknown>;
    const res = await get('domainRuntime/serverRuntimes/HallServer1?links=none');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    for (const k of Object.keys(real).filter((k) => k !== '_source')) expect(body, k).toHaveProperty(k);
    expect(body.healthState).toEqual({ state: 'ok', subsystemName: 'ServerRuntime', partitionName: null, symptoms: [] });
    const list = (await (await get('domainRuntime/serverRuntimes?links=none&fields=name,state')).json()) as { items: unknown[] };
    expect(list.items).toContainEqual({ name: 'HallServer1', state: 'RUNNING' });
  });
  it('serves JVM, thread pool, JDBC, applications and 404s unknown beans', async () => {
    const jvm = (await (await get('domainRuntime/serverRuntimes/HallServer1/JVMRuntime')).json()) as Record<string, number>;
    expect(jvm.heapSizeMax).toBe(4096 * 1024 * 1024);
    const tp = (await (await get('domainRuntime/serverRuntimes/HallServer1/threadPoolRuntime')).json()) as Record<string, unknown>;
    expect(tp).toMatchObject({ name: 'ThreadPoolRuntime', executeThreadTotalCount: 40, hoggingThreadCount: 1, stuckThreadCount: 0 });
    const ds = (await (await get('domainRuntime/serverRuntimes/HallServer1/JDBCServiceRuntime/JDBCDataSourceRuntimeMBeans/HallDS')).json()) as Record<string, unknown>;
    expect(ds).toMatchObject({ state: 'Running', activeConnectionsCurrentCount: 7 });
    const comps = (await (await get('domainRuntime/serverRuntimes/HallServer1/applicationRuntimes/hall-web/componentRuntimes?links=none')).json()) as { items: Array<Record<string, unknown>> };
    expect(comps.items[0]).toMatchObject({ type: 'WebAppComponentRuntime', openSessionsCurrentCount: 12 });
    const missing = await get('domainRuntime/serverRuntimes/Nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, title: 'FAILURE', detail: "'Nope' was not found." });
  });
  it('answers a search bulk query', async () => {
    const r = await post('domainRuntime/search', { links: [], fields: [], children: { serverRuntimes: { links: [], fields: ['name', 'state'], children: { threadPoolRuntime: { links: [], fields: ['stuckThreadCount'] } } } } });
    const body = (await r.json()) as { serverRuntimes: { items: unknown[] } };
    expect(body.serverRuntimes.items).toContainEqual({ name: 'HallServer1', state: 'RUNNING', threadPoolRuntime: { stuckThreadCount: 0 } });
  });
});

describe('lab WebLogic REST: protocol rules', () => {
  it('401 with Basic realm without credentials', async () => {
    const r = await fetch(url('domainRuntime/serverRuntimes'));
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Basic realm="default"');
  });
  it('refuses POST without X-Requested-By with a plain 400 Bad Request, and the serverRuntimes GET too', async () => {
    const r = await post('edit/changeManager/startEdit', {}, {});
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(await r.text()).toBe('Bad Request');
    const g = await get('domainRuntime/serverRuntimes', {});
    expect(g.status).toBe(400);
    expect(await g.json()).toMatchObject({ status: 400, title: 'FAILURE', detail: 'Bad Request' });
  });
  it('wls-500 fault answers 500', async () => {
    store.update((s) => { s.faults.push({ name: 'wls-500', target: 'hall', since: 'x' }); });
    const r = await get('domainRuntime/serverRuntimes');
    expect(r.status).toBe(500);
    expect(await r.json()).toMatchObject({ status: 500, title: 'FAILURE' });
  });
  it('host-down on the admin host makes REST unreachable', async () => {
    store.update((s) => { s.faults.push({ name: 'host-down', target: 'hall-admin', since: 'x' }); });
    await expect(get('domainRuntime/serverRuntimes')).rejects.toThrow();
  });
});

describe('lab WebLogic REST: edit tree', () => {
  const P = 'edit/JDBCSystemResources/HallDS/JDBCResource/JDBCConnectionPoolParams';
  it('startEdit → update → activate applies; cancelEdit discards', async () => {
    expect((await post('edit/changeManager/startEdit')).status).toBe(200);
    expect((await post(P, { maxCapacity: 150 })).status).toBe(200);
    expect(pool().maxCapacity).toBe(100);
    expect(((await (await get(P)).json()) as Record<string, unknown>).maxCapacity).toBe(150);
    const act = (await (await post('edit/changeManager/activate')).json()) as Record<string, unknown>;
    expect(act).toMatchObject({ state: 'STATE_COMMITTED', completed: true, error: null });
    expect(pool().maxCapacity).toBe(150);
    expect(store.read().domains.hall!.servers.HallServer1!.restartRequired).toBe(false);
    await post('edit/changeManager/startEdit');
    await post(P, { maxCapacity: 10 });
    await post('edit/changeManager/cancelEdit');
    expect(pool().maxCapacity).toBe(150);
    expect(store.read().domains.hall!.edit).toEqual({ lockedBy: null, pending: [] });
  });
  it('non-dynamic serverStart arguments set restartRequired after activate', async () => {
    await post('edit/changeManager/startEdit');
    await post('edit/servers/HallServer1/serverStart', { arguments: '-Xms4096m -Xmx8192m -XX:+UseG1GC' });
    await post('edit/changeManager/activate');
    const s = store.read().domains.hall!.servers.HallServer1!;
    expect(s.heap).toEqual({ minMb: 4096, maxMb: 8192 });
    expect(s.restartRequired).toBe(true);
  });
  it('refuses an edit while another user holds the lock (WebLogic error envelope)', async () => {
    store.update((s) => { s.domains.hall!.edit.lockedBy = 'operator2'; });
    const r = await post(P, { maxCapacity: 150 });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ title: 'ERRORS', 'wls:errorsDetails': [{ detail: 'weblogic.management.provider.EditNotEditorException: Not edit lock owner' }] });
    expect(pool().maxCapacity).toBe(100);
  });
  it('activation-fails: 200 with a failed task, nothing applied, session left locked', async () => {
    store.update((s) => { s.faults.push({ name: 'activation-fails', target: 'hall', since: 'x' }); });
    await post('edit/changeManager/startEdit');
    await post(P, { maxCapacity: 150 });
    const r = await post('edit/changeManager/activate');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ state: 'STATE_FAILED', completed: true });
    expect(pool().maxCapacity).toBe(100);
    expect(store.read().domains.hall!.edit.lockedBy).toBe('weblogic');
  });
});

describe('lab WebLogic REST: lifecycle and deployment', () => {
  it('shutdown then start return tasks and change state', async () => {
    const sd = (await (await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/shutdown')).json()) as Record<string, unknown>;
    expect(sd).toMatchObject({ type: 'ServerLifeCycleTaskRuntime', operation: 'shutdown', taskStatus: 'TASK COMPLETED', completed: true, taskError: null });
    expect(store.read().domains.hall!.servers.HallServer1!.state).toBe('SHUTDOWN');
    const again = (await (await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/shutdown')).json()) as Record<string, unknown>;
    expect(again.taskError).toBeTruthy();
    await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/start');
    expect(store.read().domains.hall!.servers.HallServer1!.state).toBe('RUNNING');
  });
  it('deploy, redeploy keeps previous, undeploy', async () => {
    const d = await post('edit/appDeployments', { name: 'hall-extra', sourcePath: '/u01/apps/hall-extra-1.0.war', targets: [{ identity: ['clusters', 'hall-cluster'] }] });
    expect(d.status).toBe(201);
    expect(store.read().domains.hall!.deployments['hall-extra']).toMatchObject({ version: '1.0', targets: ['hall-cluster'] });
    const r = (await (await post('domainRuntime/deploymentManager/appDeploymentRuntimes/hall-web/redeploy', { applicationPath: '/u01/apps/hall-web-2.4.0.war' })).json()) as Record<string, unknown>;
    expect(r).toMatchObject({ completed: true, progress: 'success' });
    expect(store.read().domains.hall!.deployments['hall-web']).toMatchObject({ version: '2.4.0', previous: { version: '2.3.1' } });
    const del = await fetch(url('edit/appDeployments/hall-extra'), { method: 'DELETE', headers: { Authorization: AUTH, 'X-Requested-By': 't' } });
    expect(del.status).toBe(200);
    expect(store.read().domains.hall!.deployments['hall-extra']).toBeUndefined();
  });
});

describe('lab WebLogic REST: a data source password and its pool test', () => {
  const DRIVER = 'edit/JDBCSystemResources/HallDS/JDBCResource/JDBCDriverParams';
  const TEST = 'domainRuntime/serverRuntimes/HallServer1/JDBCServiceRuntime/JDBCDataSourceRuntimeMBeans/HallDS/testPool';
  const account = (): string | undefined => store.read().databases.core!.users.SBF_APP!.passwordDigest;
  beforeEach(() => {
    store.update((s) => { withDatabase(s); });
  });

  it('testPool answers {} when a new connection logs on, {return: error} when the password is not the account\'s', async () => {
    const ok = await post(TEST);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({});
    store.update((s) => { s.databases.core!.users.SBF_APP!.passwordDigest = passwordDigest('Rotated_pw_2'); });
    expect(await (await post(TEST)).json()).toEqual({ return: 'Connection test failed with the following exception: java.sql.SQLException: ORA-01017: invalid username/password; logon denied' });
    store.update((s) => { s.databases.core!.listenerUp = false; });
    expect(((await (await post(TEST)).json()) as { return: string }).return).toMatch(/ORA-12541/);
    expect((await post('domainRuntime/serverRuntimes/HallServer1/JDBCServiceRuntime/JDBCDataSourceRuntimeMBeans/NoDS/testPool')).status).toBe(404);
    await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/shutdown');
    expect((await post(TEST)).status).toBe(404);
  });

  it('the JDBCDriverParams password is set in an edit session, kept only as a digest, never shown', async () => {
    const canary = 'Canary_REST_pw_77';
    store.update((s) => { s.databases.core!.users.SBF_APP!.passwordDigest = passwordDigest(canary); });
    expect((await post(TEST)).status).toBe(200);
    await post('edit/changeManager/startEdit');
    expect((await post(DRIVER, { password: canary })).status).toBe(200);
    expect(JSON.stringify(store.read())).not.toContain(canary);
    expect(store.read().domains.hall!.edit.pending).toEqual([{ path: 'JDBCSystemResources/HallDS/JDBCResource/JDBCDriverParams', attribute: 'password', value: passwordDigest(canary) }]);
    const shown = (await (await get(DRIVER)).json()) as Record<string, unknown>;
    expect(shown).not.toHaveProperty('password');
    expect(JSON.stringify(shown)).not.toContain(canary);
    const act = (await (await post('edit/changeManager/activate')).json()) as Record<string, unknown>;
    expect(act).toMatchObject({ state: 'STATE_COMMITTED', changes: [{ attributeName: 'password' }] });
    expect(JSON.stringify(act)).not.toContain(canary);
    expect(store.read().domains.hall!.dataSources.HallDS!.passwordDigest).toBe(account());
    expect(store.read().domains.hall!.servers.HallServer1!.restartRequired).toBe(false);
    expect(await (await post(TEST)).json()).toEqual({});
    expect((await post(DRIVER, { password: '' })).status).toBe(400);
  });

  it('a server that starts with a data source whose password is stale marks it Unhealthy; a passing test heals it', async () => {
    store.update((s) => { s.databases.core!.users.SBF_APP!.passwordDigest = passwordDigest('Rotated_pw_2'); });
    await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/shutdown');
    await post('domainRuntime/serverLifeCycleRuntimes/HallServer1/start');
    expect(pool().runtime.state).toBe('Unhealthy');
    await post(DRIVER, { password: 'Rotated_pw_2' });
    expect(await (await post(TEST)).json()).toEqual({});
    expect(pool().runtime.state).toBe('Running');
  });
});
