/**
 * The real OpenSSH client (/usr/bin/ssh) against a lab AIX host: strict host-key checking with
 * the pinned labHostKey, key authentication, and AIX-format `df -g` output.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import { labHostKey } from '../../../src/lab/hostkeys.js';
import { startSshHost, type SshHost } from '../../../src/lab/ssh/index.js';
import { memoryStore } from '../../../src/lab/state/store.js';
import { fixtureState } from './fixture-state.js';

const SSH = '/usr/bin/ssh';
const store = memoryStore(fixtureState());
let host: SshHost;
let dir: string;

function ssh(...command: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['-F', '/dev/null', '-i', join(dir, 'id'), '-p', String(host.port), '-o', `UserKnownHostsFile=${join(dir, 'known_hosts')}`,
    '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', 'ConnectTimeout=5', 'opsctl@127.0.0.1', ...command];
  return new Promise((resolve) => {
    const child = execFile(SSH, args, { timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe.skipIf(!existsSync(SSH))('OpenSSH client → lab AIX host', () => {
  beforeAll(async () => {
    const key = ssh2.utils.generateKeyPairSync('ed25519');
    dir = mkdtempSync(join(tmpdir(), 'opsctl-lab-ssh-'));
    writeFileSync(join(dir, 'id'), key.private, { mode: 0o600 });
    host = await startSshHost({ hostName: 'app01', store, authorizedKeys: [key.public] });
    writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${host.port} ${labHostKey('app01').publicKey}\n`);
  });
  afterAll(async () => {
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('df -g prints AIX-format output', async () => {
    const r = await ssh('df', '-g');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Filesystem    GB blocks      Free %Used    Iused %Iused Mounted on');
    expect(lines[1]).toMatch(/^\/dev\/hd4 +1\.00 +0\.67 +\d+% +\d+ +\d+% \/$/);
  });

  it('exit status and quoting survive the real client', async () => {
    const r = await ssh("cat '/tmp/a; rm -rf ~'; exit 7");
    expect(r).toMatchObject({ code: 7, stdout: 'odd name\n' });
  });

  it('a changed host key is refused by StrictHostKeyChecking', async () => {
    store.update((s) => { s.faults.push({ name: 'hostkey-changed', target: 'app01', since: 'x' }); });
    try {
      const r = await ssh('true');
      expect(r.code).toBe(255);
      expect(r.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
    } finally {
      store.update((s) => { s.faults = []; });
    }
  });
});
