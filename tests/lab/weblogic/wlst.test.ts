import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/lab/state/store.js';
import type { ShellContext } from '../../../src/lab/shell/types.js';
import { wlstCommand } from '../../../src/lab/weblogic/index.js';
import { fixtureState } from './fixture-state.js';

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
