// Every kind of generated WLST script compiles: as Jython 2.7 (python 2.7's compiler, the closest
// to 10.3.6's Jython we can run here), its body (after the verbatim prelude, which uses a Python 2
// print statement) as Python 3, and as the lab's opsctl WLST dialect. Skips with a message when
// no python is installed. Also: the prelude is byte-for-byte the one docs/lab-weblogic.md fixes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWlst } from '../../../src/lab/weblogic/wlst-parse.js';
import { editsFor } from '../../../src/providers/weblogic/edits.js';
import { CANCEL_BODY, deployBody, editBody, healthBody, lifecycleBody, passwordBody, statesBody, testPoolBody } from '../../../src/providers/weblogic/ops-wlst.js';
import { readBody } from '../../../src/providers/weblogic/wlst-read.js';
import { PRELUDE, pyString, script } from '../../../src/providers/weblogic/wlst-script.js';
import { REPO } from './lab-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'opsctl-wlst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function works(cmd: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  return spawnSync(cmd, args, { env: { ...process.env, ...env } }).status === 0;
}
const PY2_ENV = { PYENV_VERSION: '2.7.18' };
const py3 = works('python3', ['-c', 'pass']);
const py2 = works('python2', ['-c', 'import sys; assert sys.version_info[0] == 2'], PY2_ENV);
if (!py3) console.warn('python3 not found: skipping the Python 3 compile of generated WLST scripts');
if (!py2) console.warn('python 2.7 not found: skipping the Jython 2.7 compile of generated WLST scripts');

const conn = { user: 'weblogic', url: 't3://127.0.0.1:7101' };
const SCRIPTS: Record<string, string[]> = {
  read: readBody({ domain: 'core', servers: ['core_ms01', 'core_ms02'], dataSources: ['CoreDS'], workManagers: ['CoreWM'], deployments: ['sbf-core'], clusters: ['CoreCluster'], machines: ['core-machine-01'], logServer: 'core_ms01' }),
  edit: editBody('core', [
    ...editsFor('datasource', 'CoreDS', { maxCapacity: 100, testConnectionsOnReserve: true, jndiName: 'jdbc/x', testQuery: "SQL SELECT 'x' FROM DUAL" }, {}, []),
    ...editsFor('server', 'core_ms01', { heapMaxMb: 4096 }, { heapMinMb: 2048, heapMaxMb: 6144, jvmArgs: ['-Dx=a b', '-Xdump:directory=/tmp'] }, []),
    ...editsFor('log-rotation', 'all-servers', { filesToRetain: 10 }, {}, ['core_ms01']),
  ]),
  cancel: [...CANCEL_BODY],
  start: lifecycleBody('core_ms01', 'start'),
  shutdown: lifecycleBody('core_ms01', 'shutdown'),
  force: lifecycleBody('core_ms01', 'forceShutdown'),
  deploy: deployBody({ name: 'sbf-core', sourcePath: '/weblogic/releases/core/sbf-core-2026.10.1.war', version: '2026.10.1', targets: ['CoreCluster'] }, 'deploy'),
  redeploy: deployBody({ name: 'sbf-core', sourcePath: '/weblogic/releases/core/sbf-core-2026.11.1.war', version: '2026.11.1', targets: ['CoreCluster'] }, 'redeploy'),
  health: healthBody('core_ms01'),
  password: passwordBody('core', ['CoreDS', 'FrontDS']),
  states: statesBody(['core_ms01', 'core_ms02']),
  testPool: testPoolBody('CoreDS', ['core_ms01', 'core_ms02']),
};
/** Scripts that read further secrets from files (the data-source password). */
const SECRET_FILES: Record<string, string[]> = { password: ['/tmp/opsctl-0123456789abcdef-1.pw'] };

describe('generated WLST scripts', () => {
  it('start with the prelude docs/lab-weblogic.md fixes, verbatim', () => {
    const doc = readFileSync(join(REPO, 'docs', 'lab-weblogic.md'), 'utf8');
    const fenced = /```python\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('### Result channel')))![1]!;
    expect(PRELUDE).toBe(fenced);
  });

  it.each(Object.keys(SCRIPTS))('%s compiles (Jython 2.7, Python 3 body, lab dialect)', (name) => {
    const text = script(conn, '/tmp/opsctl-0123456789abcdef.pw', SCRIPTS[name]!, SECRET_FILES[name]);
    expect(text.startsWith(PRELUDE)).toBe(true);
    expect(() => parseWlst(text)).not.toThrow();
    const file = join(dir, `${name}.py`);
    writeFileSync(file, text);
    const body = join(dir, `${name}.body.py`);
    writeFileSync(body, text.slice(PRELUDE.length));
    if (py2) execFileSync('python2', ['-c', 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")', file], { env: { ...process.env, ...PY2_ENV } });
    if (py3) execFileSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', body]);
  });

  it('a data source password is read from its file, never written into the script', () => {
    const text = script(conn, '/tmp/opsctl-0123456789abcdef.pw', SCRIPTS.password!, SECRET_FILES.password);
    expect(text).toContain("secret1 = open('/tmp/opsctl-0123456789abcdef-1.pw').read()\n");
    expect(text).toContain("cd('/JDBCSystemResources/FrontDS/JDBCResource/FrontDS/JDBCDriverParams/FrontDS')\ncmo.setPassword(secret1)\n");
    expect(text.indexOf('secret1 = open(')).toBeLessThan(text.indexOf('connect('));
  });

  it('pyString quotes what the dialect can carry and refuses the rest', () => {
    expect(pyString("it's a\\b\n")).toBe("'it\\'s a\\\\b\\n'");
    expect(() => pyString('社保')).toThrow(/printable ASCII/);
  });
});
