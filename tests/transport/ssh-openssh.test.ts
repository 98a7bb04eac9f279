// The SSH transport against a real OpenSSH server on 127.0.0.1 (tests/support/openssh.ts):
// quoting through a real /bin/sh, host-key pinning, one connection per host, timeouts, exit
// codes, SFTP and a jump host. Skipped locally when sshd is missing; fails in CI (CI=true).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ConnectConfig } from 'ssh2';
import {
  CommandTimeoutError,
  HostKeyMismatchError,
  HostKeyUnknownError,
  RemoteCommandError,
  Secret,
  SshAuthError,
  SshConnectError,
  createSshPool,
  defaultSshConnect,
  resolveSecret,
  shellQuote,
} from '../../src/transport/index.js';
import type { SshPool, SshTarget } from '../../src/transport/index.js';
import { opensshSkip, startOpenSsh } from '../support/openssh.js';
import type { OpenSsh } from '../support/openssh.js';

const NASTY = [
  'plain',
  '',
  'two words',
  "it's",
  '"double" and \'single\'',
  '$(touch /tmp/opsctl-pwned) `id` ${HOME} $HOME',
  'a; rm -rf /tmp/nothing | cat && echo x || true &',
  'line one\nline two\n\ttabbed',
  'back\\slash \\n not-a-newline',
  '中文 社保费 金税三期 — ünïcödé 🚀',
  '*?[a-z] ~ # !event <in >out 2>&1',
  "'''",
  '-n',
];

describe.skipIf(opensshSkip())('SSH transport against real OpenSSH', () => {
  let sshd: OpenSsh;
  let pool: SshPool;
  let target: SshTarget;
  let connects = 0;
  const counting = (cfg: ConnectConfig): Promise<Client> => {
    connects++;
    return defaultSshConnect(cfg);
  };

  beforeAll(async () => {
    sshd = await startOpenSsh();
    pool = createSshPool({ connect: counting, connectTimeoutMs: 5000, keepaliveIntervalMs: 5000 });
    target = {
      host: 'linux01',
      address: '127.0.0.1',
      port: sshd.port,
      user: sshd.user,
      credential: await resolveSecret(`file:${sshd.keyPath}`, { root: '/', env: {} }),
      hostKey: sshd.hostKeyFingerprint,
    };
  });

  afterAll(async () => {
    await pool?.close();
    await sshd?.stop();
  });

  it('computes the host key fingerprint as ssh-keygen -l prints it', () => {
    const printed = execFileSync('ssh-keygen', ['-lf', `${sshd.dir}/ssh_host_ed25519_key.pub`], { encoding: 'utf8' });
    expect(printed.split(' ')[1]).toBe(sshd.hostKeyFingerprint);
  });

  it.each(NASTY)('round-trips %j through the remote /bin/sh exactly', async (word) => {
    const r = await pool.exec(target, { script: `printf '%s\\n' ${shellQuote(word)}` });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(`${word}\n`);
  });

  it('passes argv words unchanged to the remote program', async () => {
    const r = await pool.exec(target, ['printf', '%s|', ...NASTY]);
    expect(r.stdout).toBe(NASTY.map((w) => `${w}|`).join(''));
  });

  it('returns exit codes and stderr as values; execOk throws RemoteCommandError', async () => {
    const r = await pool.exec(target, { script: 'echo out; echo err >&2; exit 3' });
    expect(r).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
    const missing = await pool.exec(target, ['no-such-command-opsctl']);
    expect(missing.exitCode).toBe(127);
    const e = await pool.execOk(target, { script: 'echo bad >&2; exit 2' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RemoteCommandError);
    expect(e).toMatchObject({ exitCode: 2, stderr: 'bad\n', host: 'linux01', name: 'RemoteCommandError' });
  });

  it('feeds stdin to the command', async () => {
    const r = await pool.exec(target, ['cat'], { stdin: '中文\nline 2\n' });
    expect(r.stdout).toBe('中文\nline 2\n');
  });

  it('runs 20 concurrent commands on ONE TCP connection (channels, not reconnects)', async () => {
    const before = connects;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool.exec(target, { script: `sleep 0.2; echo "${i} $SSH_CONNECTION"` })),
    );
    // SSH_CONNECTION is "client-ip client-port server-ip server-port": one client port = one TCP connection.
    const clientPorts = new Set(results.map((r) => r.stdout.trim().split(' ')[2]));
    expect(results.map((r) => r.stdout.split(' ')[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(clientPorts.size).toBe(1);
    expect(connects - before).toBeLessThanOrEqual(1);
    expect(pool.openConnections).toBe(1);
  });

  it('times out one command with CommandTimeoutError and keeps the connection for the next', async () => {
    const before = connects;
    const started = Date.now();
    const e = await pool.exec(target, ['sleep', '5'], { timeoutMs: 300 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CommandTimeoutError);
    expect(e).toMatchObject({ timeoutMs: 300, host: 'linux01' });
    expect(Date.now() - started).toBeLessThan(4000); // did not wait for the 5 s sleep
    const r = await pool.exec(target, ['echo', 'still here']);
    expect(r.stdout).toBe('still here\n');
    expect(connects).toBe(before);
  });

  it('writes and reads files over SFTP with the requested mode', async () => {
    const path = `${sshd.dir}/written by sftp.txt`;
    await pool.writeFile(target, path, '社保费\n', 0o640);
    expect((await pool.readFile(target, path)).toString('utf8')).toBe('社保费\n');
    const r = await pool.exec(target, ['stat', '-c', '%a', path]);
    expect(r.stdout.trim()).toBe('640');
  });

  it('refuses a host whose key is not pinned (HostKeyUnknownError)', async () => {
    const p = createSshPool({ connectTimeoutMs: 5000 });
    const { hostKey: _omit, ...unpinned } = target;
    const e = await p.exec({ ...unpinned, host: 'unpinned' }, ['true']).catch((x: unknown) => x);
    await p.close();
    expect(e).toBeInstanceOf(HostKeyUnknownError);
    expect(e).toMatchObject({ presented: sshd.hostKeyFingerprint, host: 'unpinned' });
    expect(p.openConnections).toBe(0);
  });

  it('refuses a host whose key changed (HostKeyMismatchError with both fingerprints)', async () => {
    const p = createSshPool({ connectTimeoutMs: 5000 });
    const pinned = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const e = await p.exec({ ...target, host: 'changed', hostKey: pinned }, ['true']).catch((x: unknown) => x);
    await p.close();
    expect(e).toBeInstanceOf(HostKeyMismatchError);
    expect(e).toMatchObject({ expected: pinned, presented: sshd.hostKeyFingerprint });
  });

  it('classifies a refused key as SshAuthError', async () => {
    const p = createSshPool({ connectTimeoutMs: 5000 });
    const other = execFileSync('sh', ['-c', `ssh-keygen -q -t ed25519 -N '' -f ${sshd.dir}/other >/dev/null && cat ${sshd.dir}/other`], { encoding: 'utf8' });
    const e = await p.exec({ ...target, host: 'wrongkey', credential: new Secret(other, 'test') }, ['true']).catch((x: unknown) => x);
    await p.close();
    expect(e).toBeInstanceOf(SshAuthError);
    expect(String((e as Error).message)).not.toContain('PRIVATE KEY');
  });

  it('reports an unreachable port quickly as SshConnectError', async () => {
    const p = createSshPool({ connectTimeoutMs: 3000 });
    const started = Date.now();
    const e = await p.exec({ ...target, host: 'down', port: 1 }, ['true']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SshConnectError);
    expect(e).toMatchObject({ reason: 'refused', host: 'down' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reaches a host through a jump host (the same sshd as bastion and target)', async () => {
    const p = createSshPool({ connect: counting, connectTimeoutMs: 5000 });
    const before = connects;
    const via: SshTarget = { ...target, host: 'app01', jump: { ...target, host: 'bastion' } };
    const r = await p.exec(via, { script: 'echo "$SSH_CONNECTION"' });
    // Through the forward, the target sees the connection coming from the bastion (127.0.0.1).
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split(' ')[0]).toBe('127.0.0.1');
    expect(connects - before).toBe(2);
    expect(p.openConnections).toBe(2);
    await p.exec(via, ['true']);
    expect(connects - before).toBe(2);
    await p.close();
  });

  it('authenticates through ssh-agent (credential ssh-agent → SSH_AUTH_SOCK)', async () => {
    const sock = `${sshd.dir}/agent.sock`;
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
      execFileSync('ssh-add', ['-q', sshd.keyPath], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
      const credential = await resolveSecret('ssh-agent', { root: '/', env: { SSH_AUTH_SOCK: sock } });
      const p = createSshPool({ connectTimeoutMs: 5000 });
      const r = await p.exec({ ...target, host: 'via-agent', credential }, ['echo', 'agent ok']);
      await p.close();
      expect(r.stdout).toBe('agent ok\n');
    } finally {
      agent.kill('SIGTERM');
    }
  });
});
