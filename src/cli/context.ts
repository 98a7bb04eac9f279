/**
 * What every command needs from the global options: the repository root and the clock.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';

export interface CliContext {
  root: string;
  /** The clock: --now if given, else the system clock read once at start. */
  now: Date;
}

export function findRepoRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'inventory')) && existsSync(join(dir, 'desired-state'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `--concurrency N` (hosts read at once): an integer 1…1024, else a usage error. */
export function parseConcurrency(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new InvalidArgumentError(`--concurrency must be an integer from 1 to 1024, got "${text}"`);
  return n;
}

export function contextOf(command: Command): CliContext {
  const opts = command.optsWithGlobals<{ repo?: string; now?: string }>();
  const root = opts.repo ? resolve(opts.repo) : findRepoRoot(process.cwd());
  if (!root) throw new Error('not inside an opsctl repository (no inventory/ and desired-state/ found above the working directory); pass --repo DIR');
  const now = opts.now ? new Date(opts.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now "${opts.now}" is not an ISO 8601 date-time`);
  return { root, now };
}
