/**
 * The SSH transport: the only client-side importer of ssh2. `createSshPool` keeps ONE connection
 * per (user, host) and runs every command of that host on it as a channel — never a reconnect —
 * with at most `maxChannelsPerHost` channels open at once (OpenSSH's MaxSessions is 10; further
 * commands queue). Host keys are pinned; keepalive, connect and per-command timeouts are always
 * set. A non-zero exit is a value (`exitCode`); `execOk` turns it into RemoteCommandError.
 * A connection that drops is forgotten; the next command to that host reconnects.
 */
import { Client } from 'ssh2';
import type { ConnectConfig } from 'ssh2';
import type { Duplex } from 'node:stream';
import { Semaphore } from './concurrency.js';
import { RemoteCommandError, SshConnectError } from './errors.js';
import { shellCommand, shellQuote } from './quote.js';
import { runOnChannel, runSftp } from './ssh-channel.js';
import type { ExecResult, OpenConnection, SftpWork } from './ssh-channel.js';
import { buildConnectConfig, classifyConnectError, portOf } from './ssh-config.js';
import type { ConnectSettings, HostKeyVerdict, SshTarget } from './ssh-config.js';

export type { SshTarget } from './ssh-config.js';
export type { ExecResult } from './ssh-channel.js';

/** A command: argv (each word quoted by shellQuote) or a script run by the remote `/bin/sh -c`. */
export type SshCommand = readonly string[] | { script: string };

export interface ExecOptions {
  /** Default: the pool's commandTimeoutMs. */
  timeoutMs?: number;
  /** Written to the command's stdin, then EOF. Without it the command sees EOF at once. */
  stdin?: string | Buffer;
}

/** Opens an authenticated connection; resolves once ssh2's `ready` fired. Tests wrap or replace it. */
export type SshConnectFn = (config: ConnectConfig) => Promise<Client>;

export interface SshPoolOptions {
  connect?: SshConnectFn;
  /** Default 15 000 ms; after keepaliveCountMax (3) unanswered pings the connection is closed. */
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** TCP connect plus SSH handshake and auth. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Default per-command timeout. Default 60 000 ms. */
  commandTimeoutMs?: number;
  /** Default 8 (OpenSSH MaxSessions defaults to 10). */
  maxChannelsPerHost?: number;
}

export interface SshPool {
  exec(target: SshTarget, command: SshCommand, options?: ExecOptions): Promise<ExecResult>;
  /** exec, but a non-zero exit rejects with RemoteCommandError. */
  execOk(target: SshTarget, command: SshCommand, options?: ExecOptions): Promise<ExecResult>;
  /** Write a file over SFTP (created or truncated), then set its mode (default 0644). */
  writeFile(target: SshTarget, path: string, content: string | Buffer, mode?: number): Promise<void>;
  readFile(target: SshTarget, path: string): Promise<Buffer>;
  /** Open connections right now (for tests and status lines). */
  readonly openConnections: number;
  /** Close every connection; the pool can be used again afterwards (it reconnects). */
  close(): Promise<void>;
}

/** The default connect: a real ssh2 Client. */
export const defaultSshConnect: SshConnectFn = (config) =>
  new Promise<Client>((resolve, reject) => {
    const client = new Client();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    client.on('ready', () => settle(() => resolve(client)));
    client.on('error', (err) => settle(() => reject(err)));
    client.on('close', () => settle(() => reject(Object.assign(new Error('connection closed during handshake'), { code: 'ECONNRESET' }))));
    try {
      client.connect(config);
      // TCP_NODELAY, as OpenSSH sets it: a channel request followed by EOF (two small packets)
      // must not wait for the server's delayed ACK (~40 ms on Linux) between them.
      client.setNoDelay(true);
    } catch (err) {
      settle(() => reject(err));
    }
  });

/** The text sent to the server for a command. */
export function commandText(command: SshCommand): string {
  return 'script' in command ? `/bin/sh -c ${shellQuote(command.script)}` : shellCommand(command as readonly string[]);
}

interface Conn extends OpenConnection {
  slots: Semaphore;
}

class Pool implements SshPool {
  readonly #connect: SshConnectFn;
  readonly #settings: ConnectSettings;
  readonly #maxChannels: number;
  readonly #commandTimeoutMs: number;
  readonly #conns = new Map<string, Promise<Conn>>();
  readonly #live = new Set<Conn>();

  constructor(options: SshPoolOptions) {
    this.#connect = options.connect ?? defaultSshConnect;
    this.#settings = {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      keepaliveIntervalMs: options.keepaliveIntervalMs ?? 15_000,
      keepaliveCountMax: options.keepaliveCountMax ?? 3,
    };
    this.#maxChannels = options.maxChannelsPerHost ?? 8;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 60_000;
  }

  get openConnections(): number {
    return this.#live.size;
  }

  exec(target: SshTarget, command: SshCommand, opts: ExecOptions = {}): Promise<ExecResult> {
    const text = commandText(command);
    const timeoutMs = opts.timeoutMs ?? this.#commandTimeoutMs;
    return this.#withChannel(target, (conn, release) => runOnChannel(conn, release, target, text, timeoutMs, opts.stdin));
  }

  async execOk(target: SshTarget, command: SshCommand, opts: ExecOptions = {}): Promise<ExecResult> {
    const result = await this.exec(target, command, opts);
    if (result.exitCode !== 0) throw new RemoteCommandError(commandText(command), result.exitCode, result.stderr, { host: target.host });
    return result;
  }

  writeFile(target: SshTarget, path: string, content: string | Buffer, mode = 0o644): Promise<void> {
    const work: SftpWork<void> = (sftp, done) => sftp.writeFile(path, content, { mode }, (err) => (err ? done(err) : sftp.chmod(path, mode, (e) => done(e))));
    return this.#withChannel(target, (conn, release) => runSftp(conn, release, target, path, 'writing', work));
  }

  readFile(target: SshTarget, path: string): Promise<Buffer> {
    const work: SftpWork<Buffer> = (sftp, done) => sftp.readFile(path, (err, data) => done(err, data));
    return this.#withChannel(target, (conn, release) => runSftp(conn, release, target, path, 'reading', work));
  }

  async close(): Promise<void> {
    const all = [...this.#live];
    this.#conns.clear();
    await Promise.all(all.map(endConnection));
  }

  async #withChannel<T>(target: SshTarget, fn: (conn: Conn, release: () => void) => Promise<T>): Promise<T> {
    const conn = await this.#connection(target);
    const release = await conn.slots.acquire();
    if (conn.closed) {
      release();
      throw new SshConnectError(`connection to ${target.host} closed`, 'closed', `${target.address}:${portOf(target)}`, { host: target.host });
    }
    return fn(conn, release);
  }

  /** The pooled connection of (user, host), opening it if there is none. */
  #connection(target: SshTarget): Promise<Conn> {
    const key = `${target.user}@${target.host}`;
    const existing = this.#conns.get(key);
    if (existing) return existing;
    const p = this.#open(target);
    this.#conns.set(key, p);
    const forget = (): void => {
      if (this.#conns.get(key) === p) this.#conns.delete(key);
    };
    p.then((c) => c.client.on('close', forget), forget);
    return p;
  }

  async #open(target: SshTarget): Promise<Conn> {
    const verdict: HostKeyVerdict = {};
    const config = buildConnectConfig(target, this.#settings, verdict);
    if (target.jump) config.sock = await forwardThrough(await this.#connection(target.jump), target);
    let client: Client;
    try {
      client = await this.#connect(config);
    } catch (err) {
      throw classifyConnectError(err, target, verdict);
    }
    if (verdict.outcome !== 'accepted') {
      // A connect factory that skipped the verifier must not hand us an unverified connection.
      client.end();
      throw classifyConnectError(new Error('host key not verified'), target, verdict);
    }
    const conn: Conn = { client, slots: new Semaphore(this.#maxChannels), closed: false };
    this.#live.add(conn);
    client.on('error', () => undefined); // always followed by 'close', handled there
    client.on('close', () => {
      conn.closed = true;
      this.#live.delete(conn);
    });
    return conn;
  }
}

/** A direct-tcpip channel from the jump host to the target, used as the target's socket. */
function forwardThrough(jump: Conn, target: SshTarget): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jump.client.forwardOut('127.0.0.1', 0, target.address, portOf(target), (err, stream) => {
      if (!err) return resolve(stream);
      const where = `${target.address}:${portOf(target)}`;
      reject(new SshConnectError(`jump host ${target.jump?.host} could not reach ${target.host} (${where}): ${err.message}`, 'unreachable', where, { host: target.host, cause: err }));
    });
  });
}

function endConnection(c: Conn): Promise<void> {
  return new Promise<void>((resolve) => {
    if (c.closed) return resolve();
    c.client.once('close', () => resolve());
    c.client.end();
    setTimeout(resolve, 2000).unref();
  });
}

export function createSshPool(options: SshPoolOptions = {}): SshPool {
  return new Pool(options);
}
