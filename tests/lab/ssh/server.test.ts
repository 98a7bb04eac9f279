import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import { labHostKey } from '../../../src/lab/hostkeys.js';
import { parseLatency } from '../../../src/lab/scenarios/index.js';
import { startSshHost, type SshHost } from '../../../src/lab/ssh/index.js';
import { execLatencyMs } from '../../../src/lab/ssh/session.js';
import { memoryStore, type LabStore } from '../../../src/lab/state/store.js';
import { fixtureState } from './fixture-state.js';

const userKey = ssh2.utils.generateKeyPairSync('ed25519');
const otherKey = ssh2.utils.generateKeyPairSync('ed25519');
const running: SshHost[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.close()));
});

async function start(store: LabStore, hostName = 'app01'): Promise<SshHost> {
  const h = await startSshHost({ hostName, store, authorizedKeys: [userKey.public], password: 'lab-secret', now: () => new Date('2026-11-27T04:00:00Z') });
  running.push(h);
  return h;
}

interface Session { client: ssh2.Client; fingerprint: string }

function connect(port: number, auth: Partial<ConnectConfig> = { privateKey: userKey.private }): Promise<Session> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let fingerprint = '';
    client.on('ready', () => resolve({ client, fingerprint }));
    client.on('error', reject);
    client.connect({
      host: '127.0.0.1', port, username: 'opsctl', readyTimeout: 5000, ...auth,
      hostVerifier: (key: Buffer) => {
        fingerprint = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
        return true;
      },
    });
  });
}

function exec(client: ssh2.Client, command: string, stdin?: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    client.exec(command, (err: Error | undefined, stream: ClientChannel) => {
      if (err) return reject(err);
      let stdout = '';
      let stderr = '';
      let code: number | null = null;
      stream.on('data', (d: Buffer) => { stdout += d.toString(); });
      stream.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      stream.on('exit', (c: number | null) => { code = c; });
      stream.on('close', () => resolve({ stdout, stderr, code }));
      if (stdin !== undefined) stream.end(stdin);
    });
  });
}

const sftpOf = (client: ssh2.Client): Promise<SFTPWrapper> => new Promise((res, rej) => client.sftp((e, s) => (e ? rej(e) : res(s))));

describe('lab SSH host', () => {
  it('key auth, exec with AIX df -g output, host key = labHostKey(host)', async () => {
    const h = await start(memoryStore(fixtureState()));
    const { client, fingerprint } = await connect(h.port);
    expect(fingerprint).toBe(labHostKey('app01').fingerprint);
    const r = await exec(client, 'df -g');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Filesystem    GB blocks      Free %Used    Iused %Iused Mounted on');
    client.end();
  });

  it('refuses an unknown key and a wrong password; accepts the password', async () => {
    const h = await start(memoryStore(fixtureState()));
    await expect(connect(h.port, { privateKey: otherKey.private })).rejects.toThrow(/authentication methods failed/);
    await expect(connect(h.port, { password: 'nope' })).rejects.toThrow(/authentication methods failed/);
    const { client } = await connect(h.port, { password: 'lab-secret' });
    expect((await exec(client, 'whoami')).stdout).toBe('opsctl\n');
    client.end();
  });

  it('propagates exit status and stderr; answers without waiting for EOF unless stdin is read', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    const { client } = await connect(h.port);
    expect(await exec(client, 'frobnicate')).toEqual({ stdout: '', stderr: 'ksh: frobnicate:  not found.\n', code: 127 });
    expect(await exec(client, 'hostname; false')).toEqual({ stdout: 'sbf-app01\n', stderr: '', code: 1 });
    expect((await exec(client, 'crontab -', '30 3 * * * /x\n')).code).toBe(0);
    expect(store.read().hosts.app01?.crontab.opsctl).toEqual(['30 3 * * * /x']);
    expect((await exec(client, 'cat > /tmp/in.txt', 'payload\n')).code).toBe(0);
    expect(store.read().hosts.app01?.files['/tmp/in.txt']?.content).toBe('payload\n');
    client.end();
  });

  it('SFTP put/get round trip, readdir, rename, remove', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    const { client } = await connect(h.port);
    const sftp = await sftpOf(client);
    const text = 'line one\n第二行\n';
    await new Promise<void>((res, rej) => sftp.writeFile('/tmp/up.txt', text, (e) => (e ? rej(e) : res())));
    expect(store.read().hosts.app01?.files['/tmp/up.txt']?.content).toBe(text);
    const back = await new Promise<string>((res, rej) => sftp.readFile('/tmp/up.txt', (e, b) => (e ? rej(e) : res(b.toString()))));
    expect(back).toBe(text);
    const names = await new Promise<string[]>((res, rej) => sftp.readdir('/tmp', (e, l) => (e ? rej(e) : res(l.map((x) => x.filename)))));
    expect(names).toContain('up.txt');
    await new Promise<void>((res, rej) => sftp.rename('/tmp/up.txt', '/tmp/moved.txt', (e) => (e ? rej(e) : res())));
    await new Promise<void>((res, rej) => sftp.unlink('/tmp/moved.txt', (e) => (e ? rej(e) : res())));
    expect(Object.keys(store.read().hosts.app01?.files ?? {}).filter((f) => f.startsWith('/tmp/up') || f.startsWith('/tmp/moved'))).toEqual([]);
    const rel = await new Promise<string>((res, rej) => sftp.realpath('.', (e, p) => (e ? rej(e) : res(p))));
    expect(rel).toBe('/home/opsctl');
    client.end();
  });

  it('SFTP is binary-safe: bytes stored as base64, read back, cat and checksums see the bytes', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    const { client } = await connect(h.port);
    const sftp = await sftpOf(client);
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0x0a]);
    await new Promise<void>((res, rej) => sftp.writeFile('/tmp/app.war', bytes, (e) => (e ? rej(e) : res())));
    const stored = store.read().hosts.app01?.files['/tmp/app.war'];
    expect(stored?.encoding).toBe('base64');
    expect(Buffer.from(stored?.content ?? '', 'base64').equals(bytes)).toBe(true);
    const back = await new Promise<Buffer>((res, rej) => sftp.readFile('/tmp/app.war', (e, b) => (e ? rej(e) : res(b))));
    expect(back.equals(bytes)).toBe(true);
    const catted = await new Promise<Buffer>((res, rej) => client.exec('cat /tmp/app.war', (err, stream) => {
      if (err) return rej(err);
      const chunks: Buffer[] = [];
      stream.on('data', (d: Buffer) => chunks.push(d));
      stream.on('close', () => res(Buffer.concat(chunks)));
    }));
    expect(catted.equals(bytes)).toBe(true);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await exec(client, 'csum -h SHA256 /tmp/app.war')).stdout).toBe(`${sha} /tmp/app.war\n`);
    await new Promise<void>((res, rej) => sftp.writeFile('/tmp/app.war', 'text again\n', (e) => (e ? rej(e) : res())));
    expect(store.read().hosts.app01?.files['/tmp/app.war']).toMatchObject({ content: 'text again\n' });
    expect(store.read().hosts.app01?.files['/tmp/app.war']?.encoding).toBeUndefined();
    client.end();
  });

  it('SFTP writes fail on a full filesystem (disk-full fault)', async () => {
    const store = memoryStore(fixtureState());
    store.update((s) => { s.faults.push({ name: 'disk-full', target: 'app01:/tmp', since: 'x' }); });
    const h = await start(store);
    const { client } = await connect(h.port);
    const sftp = await sftpOf(client);
    await expect(new Promise<void>((res, rej) => sftp.writeFile('/tmp/full.txt', 'x', (e) => (e ? rej(e) : res())))).rejects.toThrow(/No space left/);
    expect(store.read().hosts.app01?.files['/tmp/full.txt']).toBeUndefined();
    client.end();
  });

  it('hostkey-changed: the next connection presents the variant-1 key', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    store.update((s) => { s.faults.push({ name: 'hostkey-changed', target: 'app01', since: 'x' }); });
    const { client, fingerprint } = await connect(h.port);
    expect(fingerprint).toBe(labHostKey('app01', 1).fingerprint);
    expect(fingerprint).not.toBe(labHostKey('app01', 0).fingerprint);
    client.end();
  });

  it('auth-fail rejects every login', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    store.update((s) => { s.faults.push({ name: 'auth-fail', target: 'app01', since: 'x' }); });
    await expect(connect(h.port)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(h.port, { password: 'lab-secret' })).rejects.toThrow(/authentication methods failed/);
  });

  it('host-down refuses connections (ECONNREFUSED) until cleared, on the same port', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    store.update((s) => { s.faults.push({ name: 'host-down', target: 'app01', since: 'x' }); });
    await h.refresh();
    await expect(connect(h.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    store.update((s) => { s.faults = []; });
    await h.refresh();
    const { client } = await connect(h.port);
    expect((await exec(client, 'echo up')).stdout).toBe('up\n');
    client.end();
  });

  it('command-hangs: no answer; closing the channel cleans up and the host keeps serving', async () => {
    const store = memoryStore(fixtureState());
    const h = await start(store);
    const { client } = await connect(h.port);
    store.update((s) => { s.faults.push({ name: 'command-hangs', target: 'app01:uptime', since: 'x' }); });
    const outcome = await new Promise<string>((resolve, reject) => {
      client.exec('uptime', (err: Error | undefined, stream: ClientChannel) => {
        if (err) return reject(err);
        stream.on('exit', () => resolve('answered'));
        setTimeout(() => { stream.close(); resolve('no answer'); }, 300);
      });
    });
    expect(outcome).toBe('no answer');
    expect((await exec(client, 'hostname')).stdout).toBe('sbf-app01\n');
    client.end();
  });

  it('latency delays each exec by roundTripMs + commandMs', async () => {
    const store = memoryStore(fixtureState());
    store.update((s) => { s.latency = { roundTripMs: 50, commandMs: 100 }; });
    const h = await start(store);
    const { client } = await connect(h.port);
    const t = Date.now();
    await exec(client, 'true');
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    client.end();
  });

  it('latency: aix= and linux= set the command cost of hosts of that OS (host: wins, cmd= is the rest)', async () => {
    const spec = parseLatency('rtt=5ms,cmd=2000ms,aix=300ms,linux=10ms');
    const state = fixtureState();
    state.latency = spec;
    expect([execLatencyMs(state, 'app01'), execLatencyMs(state, 'lnx01')]).toEqual([305, 15]);
    expect(execLatencyMs({ ...state, latency: { ...spec, perHost: { lnx01: 900 } } }, 'lnx01')).toBe(905);
    expect(execLatencyMs({ ...state, latency: parseLatency('cmd=40ms') }, 'app01')).toBe(40);
    const store = memoryStore(state);
    const [aix, linux] = [await start(store, 'app01'), await start(store, 'lnx01')];
    const timedExec = async (port: number): Promise<number> => {
      const { client } = await connect(port);
      const t = Date.now();
      await exec(client, 'true');
      client.end();
      return Date.now() - t;
    };
    const [a, l] = [await timedExec(aix.port), await timedExec(linux.port)];
    expect(a).toBeGreaterThanOrEqual(300);
    expect(a).toBeLessThan(2000); // aix=, not cmd=
    expect(l).toBeLessThan(2000); // linux=, not cmd=
  });

  it('interactive shell: prompt, cwd kept between lines, exit ends the session', async () => {
    const h = await start(memoryStore(fixtureState()));
    const { client } = await connect(h.port);
    const out = await new Promise<string>((resolve, reject) => {
      client.shell((err: Error | undefined, stream: ClientChannel) => {
        if (err) return reject(err);
        let text = '';
        stream.on('data', (d: Buffer) => { text += d.toString(); });
        stream.on('close', () => resolve(text));
        stream.write('cd /tmp\npwd\nexit 0\n');
      });
    });
    expect(out).toContain('sbf-app01:/home/opsctl$ ');
    expect(out).toContain('sbf-app01:/tmp$ ');
    expect(out).toMatch(/\/tmp\r\n/);
    client.end();
  });
});
