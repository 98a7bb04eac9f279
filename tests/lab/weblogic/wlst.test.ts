import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/lab/state/store.js';
import type { ShellContext } from '../../../src/lab/shell/types.js';
import { wlstCommand } from '../../../src/lab/weblogic/index.js';
import { passwordDigest } from '../../../src/lab/state/password.js';
import { fixtureState, withDatabase } from './fixture-state.js';

const PRELUDE = `def _opsctl_json(v):
    if v is None:
        return 'null'
    return '"' + str(v).replace('\\\\', '\\\\\\\\') + '"'

def emit(d):
    print 'OPSCTL-RESULT ' + _opsctl_json(d)

`;

function ctx(stdin: string, store = memoryStore(fixtureState())): ShellContext {
  return { store, host: 'core-admin', user: 'weblogic', now: new Date('2026-01-06T10:00:00Z'), stdin, env: {}, cwd: '/home/weblogic' };
}
const results = (out: string) => out.split('\n').filter((l) => l.startsWith('OPSCTL-RESULT ')).map((l) => JSON.parse(l.slice(14)) as Record<string, unknown>);

describe('lab WLST dialect', () => {
  it('reads and sets MaxCapacity and server state, emitting OPSCTL-RESULT lines', async () => {
    const c = ctx(`${PRELUDE}password = open('/home/weblogic/.wlspass').read().strip()
connect('weblogic', password, 't3://core-admin:7001')
serverConfig()
cd('/JDBCSystemResources/CoreDS/JDBCResource/CoreDS/JDBCConnectionPoolParams/CoreDS')
emit({'address': 'core/CoreDS', 'maxCapacity': get('MaxCapacity'), 'test': cmo.getTestConnectionsOnReserve()})
edit()
startEdit()
cd('/JDBCSystemResources/CoreDS/JDBCResource/CoreDS/JDBCConnectionPoolParams/CoreDS')
set('MaxCapacity', 150)
cmo.setMinCapacity(20)
save()
activate(block='true')
domainRuntime()
cd('/ServerRuntimes/CoreServer1')
emit({'server': 'CoreServer1', 'state': get('State'), 'restartRequired': cmo.isRestartRequired()})
shutdown('CoreServer1', 'Server', force='true')
state('CoreServer1', 'Server')
disconnect()
exit()
`);
    const r = await wlstCommand(['java', 'weblogic.WLST', '-skipWLSModuleScanning', '-'], c);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Initializing WebLogic Scripting Tool (WLST) ...');
    expect(r.stdout).toContain('Connecting to t3://core-admin:7001 with userid weblogic ...');
    expect(results(r.stdout)).toEqual([
      { address: 'core/CoreDS', maxCapacity: 100, test: 1 },
      { server: 'CoreServer1', state: 'RUNNING', restartRequired: 0 },
    ]);
    const d = c.store.read().domains.core!;
    expect(d.dataSources.CoreDS).toMatchObject({ maxCapacity: 150, minCapacity: 20 });
    expect(d.servers.CoreServer1!.state).toBe('SHUTDOWN');
    expect(r.stdout).toContain("Current state of 'CoreServer1' : SHUTDOWN");
  });

  it('reads the script from a host file', async () => {
    const store = memoryStore(fixtureState());
    store.update((s) => { s.hosts['core-admin']!.files['/tmp/opsctl-1.py']!.content = "connect('weblogic', 'x', 't3://localhost:7001')\nprint 'hello'\n"; });
    const r = await wlstCommand(['java', 'weblogic.WLST', '/tmp/opsctl-1.py'], ctx('', store));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('\nhello\n');
  });

  it('refuses set() without startEdit, and activation-fails raises leaving the state unchanged', async () => {
    const base = "connect('weblogic', 'x', 't3://core-admin:7001')\nedit()\ncd('/JDBCSystemResources/CoreDS/JDBCResource/CoreDS/JDBCConnectionPoolParams/CoreDS')\n";
    const noLock = await wlstCommand(['java', 'weblogic.WLST', '-'], ctx(`${base}set('MaxCapacity', 150)\n`));
    expect(noLock.exitCode).toBe(1);
    expect(noLock.stderr).toMatch(/WLSTException: .*startEdit/);
    const store = memoryStore(fixtureState());
    store.update((s) => { s.faults.push({ name: 'activation-fails', target: 'core', since: 'x' }); });
    const r = await wlstCommand(['java', 'weblogic.WLST', '-'], ctx(`${base}startEdit()\nset('MaxCapacity', 150)\nactivate(block='true')\n`, store));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('line 6');
    expect(r.stderr).toMatch(/WLSTException: Error occured while performing activate/);
    expect(store.read().domains.core!.dataSources.CoreDS!.maxCapacity).toBe(100);
  });

  it('syntax outside the dialect is a SyntaxError before anything runs; unknown names are NameError', async () => {
    const store = memoryStore(fixtureState());
    const r = await wlstCommand(['java', 'weblogic.WLST', '-'], ctx("connect('weblogic', 'x', 't3://core-admin:7001')\nfor s in ['a']:\n    print s\n", store));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('SyntaxError');
    const n = await wlstCommand(['java', 'weblogic.WLST', '-'], ctx('frobnicate()\n'));
    expect(n.exitCode).toBe(1);
    expect(n.stderr).toContain('NameError: frobnicate');
  });
});

describe('lab WLST: a data source password (cmo.setPassword from a file) and cmo.testPool()', () => {
  const TEST_POOL = `domainRuntime()
cd('/ServerRuntimes/CoreServer1/JDBCServiceRuntime/CoreServer1/JDBCDataSourceRuntimeMBeans/CoreDS')
emit({'k': 'test', 'result': cmo.testPool()})
`;
  const run = async (body: string, store: ReturnType<typeof memoryStore>) => wlstCommand(['java', 'weblogic.WLST', '-'], ctx(`${PRELUDE}password = open('/home/weblogic/.wlspass').read().strip()
connect('weblogic', password, 't3://core-admin:7001')
${body}disconnect()
`, store));

  it('sets the password in an edit session from a 0600 file, keeps only its digest, and testPool then passes', async () => {
    const canary = 'Canary_WLST_pw_42';
    const store = memoryStore(withDatabase(fixtureState()));
    store.update((s) => {
      s.databases.core!.users.SBF_APP!.passwordDigest = passwordDigest(canary);
      s.hosts['core-admin']!.files['/tmp/opsctl-x-1.pw'] = { content: canary, mode: '-rw-------', owner: 'weblogic', group: 'weblogic', mtime: '2026-01-06T10:00:00Z' };
    });
    const before = await run(TEST_POOL, store);
    expect(results(before.stdout)).toEqual([{ k: 'test', result: 'Connection test failed with the following exception: java.sql.SQLException: ORA-01017: invalid username/password; logon denied' }]);
    const r = await run(`secret1 = open('/tmp/opsctl-x-1.pw').read()
edit()
startEdit()
cd('/JDBCSystemResources/CoreDS/JDBCResource/CoreDS/JDBCDriverParams/CoreDS')
cmo.setPassword(secret1)
save()
activate(block='true')
${TEST_POOL}`, store);
    expect(r.stderr).toBe('');
    expect(results(r.stdout)).toEqual([{ k: 'test', result: null }]);
    expect(r.stdout).not.toContain(canary);
    store.update((s) => { delete s.hosts['core-admin']!.files['/tmp/opsctl-x-1.pw']; });
    expect(JSON.stringify(store.read())).not.toContain(canary);
    expect(store.read().domains.core!.dataSources.CoreDS!.passwordDigest).toBe(passwordDigest(canary));
  });

  it('set outside an edit session is refused; a server that is down has no runtime to test', async () => {
    const store = memoryStore(withDatabase(fixtureState()));
    const refused = await run("serverConfig()\ncd('/JDBCSystemResources/CoreDS/JDBCResource/CoreDS/JDBCDriverParams/CoreDS')\ncmo.setPassword('x')\n", store);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('WLSTException: Cannot set the attribute Password: serverConfig is a read-only tree; use edit()');
    store.update((s) => { s.domains.core!.servers.CoreServer1!.state = 'SHUTDOWN'; });
    const down = await run(TEST_POOL, store);
    expect(down.exitCode).toBe(1);
    expect(down.stderr).toContain('WLSTException: Error cding to the MBean');
  });
});
