/**
 * Processes of lab hosts: adding `ps -ef` lines with unique pids, and making sure every process
 * the desired state requires (HostProfile.processes) is there at reset.
 */
import type { RequiredProcess } from '../../model/index.js';
import { minus, psStime } from './clock.js';
import type { Rng } from './random.js';
import type { LabHost } from './types.js';

/** True if a `ps -ef` command column matches a required-process pattern (regex, else substring). */
export function matchesPattern(command: string, pattern: string): boolean {
  try {
    return new RegExp(pattern).test(command);
  } catch {
    return command.includes(pattern);
  }
}

export interface ProcessContext {
  rnd: Rng;
  now: Date;
  /** Seconds since boot at `now`. */
  uptimeSeconds: number;
}

export function addProcess(host: LabHost, ctx: ProcessContext, user: string, command: string, ppid = 1): number {
  const used = new Set(host.processes.map((p) => p.pid));
  let pid = ctx.rnd.int(2000, 65000) * 4 + 2;
  while (used.has(pid)) pid += 2;
  const startedSecondsAgo = ctx.uptimeSeconds - ctx.rnd.int(30, 600);
  const started = minus(ctx.now, Math.max(60, startedSecondsAgo));
  host.processes.push({ user, pid, ppid, started: psStime(started, ctx.now), command });
  return pid;
}

/** A command line that a (simple) regular expression matches: `ora_pmon_.*` → `ora_pmon_x`. */
function commandFor(pattern: string): string {
  const literal = pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\.\*|\.\+/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\[([^\]])[^\]]*\]/g, '$1');
  return matchesPattern(literal, pattern) ? literal : pattern;
}

function defaultUser(pattern: string): string {
  if (/ora_|tnslsnr|ocssd|asm_/.test(pattern)) return 'oracle';
  if (/java|weblogic|NodeManager/i.test(pattern)) return 'weblogic';
  return 'root';
}

export function ensureRequiredProcesses(host: LabHost, ctx: ProcessContext, required: RequiredProcess[]): void {
  for (const r of required) {
    const count = host.processes.filter((p) => matchesPattern(p.command, r.pattern) && (!r.user || p.user === r.user)).length;
    for (let i = count; i < (r.minCount ?? 1); i++) addProcess(host, ctx, r.user ?? defaultUser(r.pattern), commandFor(r.pattern));
  }
}
