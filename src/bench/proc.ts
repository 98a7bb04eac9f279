/**
 * Child processes for the benchmarks: run a command with a wall-clock figure (node's hrtime)
 * and, when /usr/bin/time exists, the child's peak RSS ("Maximum resident set size" of
 * `/usr/bin/time -v`) and CPU time (its user + system seconds); background servers (lab serve, sshd) registered so that every one of
 * them is stopped at the end, even on failure. Every child has a time limit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the child in KiB (undefined without /usr/bin/time). */
  maxRssKb?: number;
  /** CPU time of the child, user + system, in ms (undefined without /usr/bin/time). */
  cpuMs?: number;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Wrap in `/usr/bin/time -v` to read the peak RSS and the CPU time. */
  rss?: boolean;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/** Runs one command to its end (or its time limit) and measures it. */
export async function timed(cmd: string, args: readonly string[], o: RunOptions): Promise<Timed> {
  const useTime = o.rss === true && existsSync(GNU_TIME);
  const dir = useTime ? mkdtempSync(join(tmpdir(), 'opsctl-bench-time-')) : undefined;
  const out = dir ? join(dir, 'time.txt') : undefined;
  const [file, argv] = out ? [GNU_TIME, ['-v', '-o', out, cmd, ...args]] : [cmd, [...args]];
  const t0 = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: o.cwd, env: o.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => { if (stdout.length < 64_000_000) stdout += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { if (stderr.length < 1_000_000) stderr += d.toString(); });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; killGroup(child, 'SIGKILL'); }, o.timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', (err) => { stderr += String(err); resolve(null); });
    child.once('close', (c) => resolve(c));
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearTimeout(timer);
  live.delete(child);
  let maxRssKb: number | undefined;
  let cpuMs: number | undefined;
  if (out && existsSync(out)) {
    const text = readFileSync(out, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
    if (m) maxRssKb = Number(m[1]);
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
    if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  return { ms, code, stdout, stderr, timedOut, ...(maxRssKb !== undefined ? { maxRssKb } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}) };
}

export interface Background {
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a long-running child; `ready()` is polled (every 100 ms, up to timeoutMs). */
export async function background(cmd: string, args: readonly string[], o: { cwd?: string; timeoutMs: number; ready: () => boolean }): Promise<Background> {
  const child = spawn(cmd, [...args], { cwd: o.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let text = '';
  const keep = (d: Buffer): void => { if (text.length < 200_000) text += d.toString(); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  const stop = async (): Promise<void> => {
    killGroup(child, 'SIGTERM');
    const late = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    clearTimeout(late);
    live.delete(child);
  };
  const deadline = Date.now() + o.timeoutMs;
  while (!o.ready()) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${cmd} ${args.join(' ')} did not become ready in ${o.timeoutMs} ms: ${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid ?? -1, output: () => text, stop };
}

/** Kills every child still running (process groups): the last line of defence on exit. */
export function killAll(): void {
  for (const c of live) killGroup(c, 'SIGKILL');
  live.clear();
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
