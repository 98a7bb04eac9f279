/**
 * A lab host's SSH server on loopback. One node:net listener feeds each accepted socket to one
 * of two ssh2 Servers that never listen themselves: the one holding labHostKey(host, 0), or —
 * while the `hostkey-changed` fault is active — the one holding variant 1 (made on first use),
 * so a fault set after start takes effect on the next connection without a restart. Host keys
 * sign with cached KeyObjects (keys.ts). `host-down` closes the
 * listener (connects get ECONNREFUSED, checked on every connection and by a poll) and reopens
 * it on the same port when the fault is cleared. Faults are polled once per store and interval for
 * all the hosts of a lab (one timer, one read of the state per tick), not once per host: a lab of
 * 1000 hosts would otherwise stat the state 5000 times a second while idle. Sockets are set
 * TCP_NODELAY, as OpenSSH's sshd does for sessions: without it a reply split in two small writes
 * waits for the client's delayed ACK (~40 ms on Linux) before its second half is sent; the
 * packets written in one tick go out in one write (coalesceWrites).
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Connection, ParsedKey } from 'ssh2';
import ssh2 from 'ssh2';
import { labHostKey } from '../hostkeys.js';
import { hasFault } from '../shell/faults.js';
import type { LabStore } from '../state/store.js';
import type { LabState } from '../state/types.js';
import { authenticate, parseAuthorizedKeys } from './auth.js';
import { parseHostKey } from './keys.js';
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

/**
 * ssh2 writes every SSH packet to the socket on its own (a reply to an exec is channel data,
 * exit-status, EOF and close: four writes, four segments on loopback). Corking the socket for the
 * rest of the current tick sends what was written in it as one writev.
 */
function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket);
  let corked = false;
  socket.write = ((...args: Parameters<Socket['write']>) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(() => {
        corked = false;
        socket.uncork();
      });
    }
    return write(...args);
  }) as Socket['write'];
}

type Tick = (state: LabState) => void;
const pollers = new WeakMap<LabStore, Map<number, { timer: NodeJS.Timeout; ticks: Set<Tick> }>>();

/** Calls `tick` with the store's state every `pollMs`, on one timer shared by every host of that store and interval. */
function onPoll(store: LabStore, pollMs: number, tick: Tick): () => void {
  let byMs = pollers.get(store);
  if (!byMs) pollers.set(store, (byMs = new Map()));
  let poller = byMs.get(pollMs);
  if (!poller) {
    const ticks = new Set<Tick>();
    const timer = setInterval(() => {
      let state: LabState;
      try {
        state = store.read();
      } catch {
        return; // no state right now (a reset in another process): the next tick reads again
      }
      for (const t of ticks) t(state);
    }, pollMs);
    timer.unref();
    poller = { timer, ticks };
    byMs.set(pollMs, poller);
  }
  const p = poller;
  p.ticks.add(tick);
  return () => {
    p.ticks.delete(tick);
    if (p.ticks.size === 0) {
      clearInterval(p.timer);
      byMs.delete(pollMs);
    }
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
  // Variant 1 (the `hostkey-changed` fault) is made on first use: deriving a key costs ~1 ms.
  const ssh: ssh2.Server[] = [];
  const serverFor = (variant: 0 | 1): ssh2.Server => {
    const made = ssh[variant];
    if (made) return made;
    const key = labHostKey(hostName, variant);
    return (ssh[variant] = new ssh2.Server({ hostKeys: [{ key: parseHostKey(key.privateKey, key.keyObject) }], ident: 'OpenSSH_8.1 opsctl-lab' }, onClient));
  };
  serverFor(0);

  const sockets = new Set<Socket>();
  const listener = createServer((socket) => {
    if (down()) return socket.destroy();
    socket.setNoDelay(true);
    coalesceWrites(socket);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serverFor(hasFault(store.read(), hostName, 'hostkey-changed') ? 1 : 0).injectSocket(socket);
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
  const stopPolling = onPoll(store, opts.pollMs ?? 200, (state) => {
    // Only when the listener is not what the faults say (cheap: faults are a short list).
    if (busy || closed || hasFault(state, hostName, 'host-down') !== listener.listening) return;
    busy = true;
    void refresh().finally(() => { busy = false; });
  });

  return {
    port,
    refresh,
    async close(): Promise<void> {
      closed = true;
      stopPolling();
      for (const c of connections) c.end();
      for (const s of sockets) s.destroy();
      await closeListener(listener);
    },
  };
}
