/**
 * One SSH channel's work on an open connection: run a command (collect stdout/stderr/exit, enforce
 * the per-command timeout by signalling and closing the channel) and SFTP calls. The pool in
 * ssh.ts owns connections and channel slots; this file only uses them.
 */
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { CommandTimeoutError, SftpError, SshChannelError, SshConnectError } from './errors.js';
import { portOf } from './ssh-config.js';
import type { SshTarget } from './ssh-config.js';

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** null when the command was ended by a signal (see `signal`) or reported no status. */
  exitCode: number | null;
  signal?: string;
}

/** An open connection as the pool keeps it. */
export interface OpenConnection {
  client: Client;
  closed: boolean;
}

interface Collected {
  out: Buffer[];
  err: Buffer[];
  exitCode: number | null;
  signal?: string;
}

/** Run `text` on a new channel; `release` is called once the channel is really closed. */
export function runOnChannel(conn: OpenConnection, release: () => void, target: SshTarget, text: string, timeoutMs: number, stdin: string | Buffer | undefined): Promise<ExecResult> {
  return new Promise<ExecResult>((resolve, reject) => {
    let done = false;
    let channel: ClientChannel | undefined;
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new CommandTimeoutError(text, timeoutMs, { host: target.host })));
      if (channel) abort(channel);
    }, timeoutMs);
    conn.client.exec(text, (err, stream) => {
      if (err) {
        release();
        finish(() => reject(new SshChannelError(`could not open a channel on ${target.host}: ${err.message}`, { host: target.host, cause: err })));
        return;
      }
      channel = stream;
      if (done) abort(stream); // timed out while the channel was opening
      const got: Collected = { out: [], err: [], exitCode: null };
      collect(stream, got);
      stream.on('close', () => {
        release();
        finish(() => settle(conn, target, got, resolve, reject));
      });
      stream.end(stdin);
    });
  });
}

function collect(stream: ClientChannel, got: Collected): void {
  stream.on('data', (d: Buffer) => got.out.push(d));
  stream.stderr.on('data', (d: Buffer) => got.err.push(d));
  stream.on('exit', (code: number | null, sig?: string) => {
    got.exitCode = typeof code === 'number' ? code : null;
    if (sig) got.signal = sig;
  });
}

function settle(conn: OpenConnection, target: SshTarget, got: Collected, resolve: (r: ExecResult) => void, reject: (e: Error) => void): void {
  if (conn.closed && got.exitCode === null && !got.signal) {
    const where = `${target.address}:${portOf(target)}`;
    reject(new SshConnectError(`connection to ${target.host} lost during a command`, 'closed', where, { host: target.host }));
    return;
  }
  const result: ExecResult = { stdout: Buffer.concat(got.out).toString('utf8'), stderr: Buffer.concat(got.err).toString('utf8'), exitCode: got.exitCode };
  if (got.signal) result.signal = got.signal;
  resolve(result);
}

/** Stop a command: signal it (if the server honours signals) and close the channel. */
function abort(channel: ClientChannel): void {
  try {
    channel.signal('KILL');
  } catch {
    // the channel may already be closing
  }
  channel.close();
}

export type SftpWork<T> = (sftp: SFTPWrapper, done: (err: Error | null | undefined, value?: T) => void) => void;

/** Open an SFTP channel, run `work`, close it; errors typed as SshChannelError / SftpError. */
export function runSftp<T>(conn: OpenConnection, release: () => void, target: SshTarget, path: string, what: string, work: SftpWork<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    conn.client.sftp((err, sftp) => {
      if (err) {
        release();
        reject(new SshChannelError(`SFTP channel to ${target.host} could not be opened: ${err.message}`, { host: target.host, cause: err }));
        return;
      }
      work(sftp, (e, value) => {
        sftp.end();
        release();
        if (e) reject(new SftpError(`${what} ${path} on ${target.host} failed: ${e.message}`, path, { host: target.host, cause: e }));
        else resolve(value as T);
      });
    });
  });
}
