/**
 * One SSH session channel of a lab host: `exec` runs the command line through the lab shell
 * (stdin from the channel when the command reads it, exit status and stderr propagated, the
 * injected latency of LabState.latency — round trip plus the latency model's commandLatencyMs:
 * host:, else aix=/linux=, else cmd= — aborted when the channel closes), `shell` gives a
 * line-based prompt, `sftp` serves the virtual files, `env` and `pty` are accepted.
 */
import type { ServerChannel, Session } from 'ssh2';
import { parseShell, runShell } from '../shell/index.js';
import { sleep } from '../shell/faults.js';
import { homeOf } from '../shell/vfs.js';
import { commandLatencyMs } from '../scenarios/latency.js';
import type { LabStore } from '../state/store.js';
import type { LabState } from '../state/types.js';
import { readsStdin } from './stdin.js';
import { serveSftp } from './sftp.js';

export interface SessionOptions {
  hostName: string;
  store: LabStore;
  user: string;
  now: () => Date;
  /** Aborted when the SSH connection ends. */
  connection: AbortSignal;
}

/** One exec's injected latency: the round trip plus the host's command cost (host:, then aix=/linux=, then cmd=). */
export function execLatencyMs(state: LabState, host: string): number {
  if (!state.latency) return 0;
  return (state.latency.roundTripMs ?? 0) + (commandLatencyMs(state, host) ?? 0);
}

function channelAbort(stream: ServerChannel, connection: AbortSignal): AbortController {
  const ac = new AbortController();
  const abort = (): void => ac.abort();
  connection.addEventListener('abort', abort, { once: true });
  stream.on('close', () => {
    connection.removeEventListener('abort', abort);
    abort();
  });
  return ac;
}

function needsStdin(command: string): boolean {
  try {
    return readsStdin(parseShell(command));
  } catch {
    return false;
  }
}

async function runExec(stream: ServerChannel, command: string, o: SessionOptions, env: Record<string, string>): Promise<void> {
  const ac = channelAbort(stream, o.connection);
  const chunks: Buffer[] = [];
  let eof = false;
  const ended = new Promise<void>((resolve) => {
    stream.on('end', () => { eof = true; resolve(); });
    stream.on('close', () => resolve());
  });
  stream.on('data', (c: Buffer) => chunks.push(c));
  try {
    if (needsStdin(command) && !eof) await ended;
    const result = await runShell(command, { store: o.store, host: o.hostName, user: o.user, now: o.now(), env, cwd: homeOf(o.user), stdin: Buffer.concat(chunks).toString('utf8'), signal: ac.signal });
    await sleep(execLatencyMs(o.store.read(), o.hostName), ac.signal);
    if (ac.signal.aborted) return;
    if (result.stdoutBytes) stream.write(result.stdoutBytes);
    else if (result.stdout) stream.write(result.stdout);
    if (result.stderr) stream.stderr.write(result.stderr);
    stream.exit(result.exitCode);
    stream.end();
  } catch {
    // Aborted (channel or connection closed): nothing left to answer.
  }
}

function runInteractive(stream: ServerChannel, o: SessionOptions, env: Record<string, string>, pty: boolean): void {
  const hostname = o.store.read().hosts[o.hostName]?.hostname ?? o.hostName;
  let cwd = homeOf(o.user);
  let vars = { ...env };
  let buffer = '';
  let busy = Promise.resolve();
  const nl = (s: string): string => (pty ? s.replace(/\r?\n/g, '\r\n') : s);
  const prompt = (): void => { stream.write(`${hostname}:${cwd}$ `); };
  prompt();
  const ac = channelAbort(stream, o.connection);
  stream.on('data', (chunk: Buffer) => {
    const textIn = chunk.toString('utf8');
    if (pty) stream.write(nl(textIn.replace(/\r/g, '\n')));
    buffer += textIn.replace(/\r\n?/g, '\n');
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      busy = busy.then(async () => {
        if (ac.signal.aborted) return;
        const r = await runShell(line, { store: o.store, host: o.hostName, user: o.user, now: o.now(), env: vars, cwd, signal: ac.signal, onExit: (end) => { cwd = end.cwd; vars = end.env; if (end.exited) ac.abort(); } });
        stream.write(nl(r.stdout));
        stream.stderr.write(nl(r.stderr));
        if (ac.signal.aborted) {
          stream.exit(r.exitCode);
          stream.end();
        } else prompt();
      }).catch(() => undefined);
    }
  });
}

export function serveSession(session: Session, o: SessionOptions): void {
  const env: Record<string, string> = {};
  let pty = false;
  session.on('env', (accept, _reject, info) => {
    env[info.key] = info.val;
    accept?.();
  });
  session.on('pty', (accept) => {
    pty = true;
    accept?.();
  });
  session.on('window-change', (accept) => accept?.());
  session.on('exec', (accept, _reject, info) => {
    void runExec(accept(), info.command, o, { ...env });
  });
  session.on('shell', (accept) => runInteractive(accept(), o, env, pty));
  session.on('sftp', (accept) => serveSftp(accept(), { store: o.store, host: o.hostName, user: o.user, now: o.now() }));
}
