// The SSH pool against ssh2 Servers on 127.0.0.1 that the test controls: the per-connection
// channel bound, password auth, the legacy (AIX 7.1) algorithm set, connect timeouts, and a
// connection lost in the middle of a command. The real-OpenSSH behaviour is in ssh-openssh.test.ts.
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server, utils } from 'ssh2';
import type { Algorithms, Connection } from 'ssh2';
import { Secret, SshAuthError, SshConnectError, createSshPool, fingerprintOfPublicKeyLine } from '../../src/transport/index.js';
import type { SshTarget } from '../../src/transport/index.js';

interface FakeHost {
  port: number;
  fingerprint: string;
  maxOpen: number;
  connections: number;
  clients: Connection[];
  close(): Promise<void>;
}

/** Exec commands: `hold MS` answers after MS; `drop` ends the connection; anything else echoes. */
function startFakeHost(algorithms?: Algorithms, keyType: 'ed25519' | 'rsa' = 'ed25519'): Promise<FakeHost> {
  const keys = keyType === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : utils.generateKeyPairSync('ed25519');
  let open = 0;
  const host: Partial<FakeHost> = { maxOpen: 0, connections: 0, clients: [] };
  const server = new Server({ hostKeys: [keys.private], ...(algorithms ? { algorithms } : {}) }, (client) => {
    host.connections = (host.connections ?? 0) + 1;
    host.clients?.push(client);
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === 'ops' && ctx.password === 'pw') ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('session', (accept) => {
      const session = accept();
      session.on('exec', (acceptExec, _reject, info) => {
        const stream = acceptExec();
        open++;
        host.maxOpen = Math.max(host.maxOpen ?? 0, open);
        const done = (code: number, text: string): void => {
          open--;
          stream.write(text);
          stream.exit(code);
          stream.end();
        };
        const hold = /^'hold' '(\d+)'$/.exec(info.command);
        if (hold) setTimeout(() => done(0, 'held\n'), Number(hold[1]));
        else if (info.command === "'drop'") setTimeout(() => client.end(), 20);
        else done(0, `${info.command}\n`);
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      Object.assign(host, {
        port: (server.address() as AddressInfo).port,
        fingerprint: fingerprintOfPublicKeyLine(keys.public),
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
      resolve(host as FakeHost);
    });
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function targetOf(h: FakeHost, extra: Partial<SshTarget> = {}): SshTarget {
  return { host: 'fake01', address: '127.0.0.1', port: h.port, user: 'ops', credential: new Secret('pw'), hostKey: h.fingerprint, ...extra };
}

describe('SSH pool against an ssh2 server', () => {
  it('queues commands above maxChannelsPerHost on the one connection', async () => {
    const h = await startFakeHost();
    const pool = createSshPool({ maxChannelsPerHost: 2 });
    cleanups.push(() => pool.close(), () => h.close());
    const results = await Promise.all(Array.from({ length: 7 }, () => pool.exec(targetOf(h), ['hold', '60'])));
    expect(results.every((r) => r.stdout === 'held\n' && r.exitCode === 0)).toBe(true);
    expect(h.maxOpen).toBe(2);
    expect(h.connections).toBe(1);
  });

  it('authenticates by password and classifies a wrong one as SshAuthError', async () => {
    const h = await startFakeHost();
    const pool = createSshPool();
    cleanups.push(() => pool.close(), () => h.close());
    expect((await pool.exec(targetOf(h), ['echo', 'hi'])).stdout).toBe("'echo' 'hi'\n");
    const e = await pool.exec(targetOf(h, { host: 'fake02', credential: new Secret('wrong-canary-pw') }), ['true']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SshAuthError);
    expect(e).toMatchObject({ user: 'ops', host: 'fake02' });
    expect(JSON.stringify({ ...(e as object), message: (e as Error).message })).not.toContain('wrong-canary-pw');
  });

  it('speaks to an old server (group14-sha1, aes128-cbc, ssh-rsa) only with legacyAlgorithms', async () => {
    const old: Algorithms = { kex: ['diffie-hellman-group14-sha1'], cipher: ['aes128-cbc'], serverHostKey: ['ssh-rsa'], hmac: ['hmac-sha1'] };
    const h = await startFakeHost(old, 'rsa');
    const pool = createSshPool({ connectTimeoutMs: 3000 });
    cleanups.push(() => pool.close(), () => h.close());
    const modern = await pool.exec(targetOf(h, { host: 'aix-modern' }), ['true']).catch((x: unknown) => x);
    expect(modern).toBeInstanceOf(SshConnectError);
    const r = await pool.exec(targetOf(h, { host: 'aix-legacy', legacyAlgorithms: true }), ['oslevel']);
    expect(r.stdout).toBe("'oslevel'\n");
  });

  it('times out a server that accepts TCP but never speaks SSH (SshConnectError timeout)', async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), silent.close(() => r()))));
    const pool = createSshPool({ connectTimeoutMs: 300 });
    const started = Date.now();
    const port = (silent.address() as AddressInfo).port;
    const e = await pool.exec({ host: 'mute', address: '127.0.0.1', port, user: 'ops', credential: new Secret('pw'), hostKey: 'SHA256:x' }, ['true']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SshConnectError);
    expect(e).toMatchObject({ reason: 'timeout', host: 'mute' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects a command whose connection is lost, and reconnects for the next one', async () => {
    const h = await startFakeHost();
    const pool = createSshPool();
    cleanups.push(() => pool.close(), () => h.close());
    const e = await pool.exec(targetOf(h), ['drop']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SshConnectError);
    expect(e).toMatchObject({ reason: 'closed' });
    await new Promise((r) => setTimeout(r, 50));
    expect((await pool.exec(targetOf(h), ['echo', 'again'])).stdout).toBe("'echo' 'again'\n");
    expect(h.connections).toBe(2);
  });
});
