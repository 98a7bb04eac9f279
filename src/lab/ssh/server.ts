/**
 * A lab host's SSH server on loopback. One node:net listener feeds each accepted socket to one
 * of two ssh2 Servers that never listen themselves: the one holding labHostKey(host, 0), or —
 * while the `hostkey-changed` fault is active — the one holding variant 1, so a fault set
 * after start takes effect on the next connection without a restart. `host-down` closes the
 * listener (connects get ECONNREFUSED, checked on every connection and by a poll) and reopens
 * it on the same port when the fault is cleared.
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Connection, ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';
import { labHostKey } from '../hostkeys.js';
import { hasFault } from '../shell/faults.js';
import type { LabStore } from '../state/store.js';
import { authenticate, parseAuthorizedKeys } from './auth.js';
import { serveSession } from './session.js';

export interface SshHostOptions {
  hostName: string;
  store: LabStore;
  /** 0 or absent: an ephemeral port. */
  port?: number;
  /** OpenSSH public key lines (`ssh-ed25519 AAAA… comment`). */
  authorizedKeys: string[];
  password?: string;
  now?: () => Date;
  /** How often faults are re-read to open/close the listener (ms, default 200). */
  pollMs?: number;
}

export interface SshHost {
  port: number;
  /** Re-reads faults now (e.g. right after `lab fault host-down`). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function listen(server: NetServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

function closeListener(server: NetServer): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

function clientHandler(opts: SshHostOptions, keys: ParsedKey[], now: () => Date, connections: Set<Connection>): (client: Connection) => void {
  const { hostName, store } = opts;
  return (client) => {
    connections.add(client);
    const ended = new AbortController();
    let user = 'opsctl';
    client.on('authentication', (ctx) => {
      user = ctx.username;
      authenticate(ctx, { keys, password: opts.password, refuseAll: () => hasFault(store.read(), hostName, 'auth-fail') });
    });
    client.on('ready', () => {
      client.on('session', (accept) => serveSession(accept(), { hostName, store, user, now, connection: ended.signal }));
    });
    client.on('error', () => undefined);
    client.on('close', () => {
      connections.delete(client);
      ended.abort();
    });
  };
}

export async function startSshHost(opts: SshHostOptions): Promise<SshHost> {
  const { hostName, store } = opts;
  if (!store.read().hosts[hostName]) throw new Error(`lab ssh: no host ${hostName} in the lab state`);
  const now = opts.now ?? ((): Date => new Date());
  const keys = parseAuthorizedKeys(opts.authorizedKeys);
  const connections = new Set<Connection>();
  const down = (): boolean => hasFault(store.read(), hostName, 'host-down');

  const onClient = clientHandler(opts, keys, now, connections);
  const ssh = [0, 1].map((variant) => new ssh2.Server({ hostKeys: [labHostKey(hostName, variant).privateKey], ident: 'OpenSSH_8.1 opsctl-lab' }, onClient));

  const sockets = new Set<Socket>();
  const listener = createServer((socket) => {
    if (down()) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const variant = hasFault(store.read(), hostName, 'hostkey-changed') ? 1 : 0;
    ssh[variant]?.injectSocket(socket);
  });
  let port = opts.port ?? 0;
  let closed = false;
  if (!down()) port = await listen(listener, port);
  else {
    // Reserve a port number now so the host keeps it when it comes back up.
    port = await listen(listener, port);
    await closeListener(listener);
  }

  const refresh = async (): Promise<void> => {
    if (closed) return;
    if (down() && listener.listening) {
      await closeListener(listener);
      for (const s of sockets) s.destroy();
    } else if (!down() && !listener.listening) {
      await listen(listener, port).catch(() => undefined);
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void refresh().finally(() => { busy = false; });
  }, opts.pollMs ?? 200);
  timer.unref();

  return {
    port,
    refresh,
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      for (const c of connections) c.end();
      for (const s of sockets) s.destroy();
      await closeListener(listener);
    },
  };
}
