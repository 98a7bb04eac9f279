/**
 * What every command needs from the global options: the repository root and the clock.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';

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

/** The global options as given (`--repo`, `--now`). */
export interface GlobalOptions {
  repo?: string;
  now?: string;
}

export function contextOf(command: Command): CliContext {
  return contextFrom(command.optsWithGlobals<GlobalOptions>());
}

/** The context from the global options; throws on a missing repository or a bad --now. */
export function contextFrom(opts: GlobalOptions): CliContext {
  const root = opts.repo ? resolve(opts.repo) : findRepoRoot(process.cwd());
  if (!root) throw new Error('not inside an opsctl repository (no inventory/ and desired-state/ found above the working directory); pass --repo DIR');
  const now = opts.now ? new Date(opts.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now "${opts.now}" is not an ISO 8601 date-time`);
  return { root, now };
}
