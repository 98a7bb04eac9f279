/**
 * `--concurrency N` of `plan` and `inspect` (hosts read at once). Its own file because it needs
 * commander's InvalidArgumentError, and context.ts must stay free of commander for the
 * validate fast path (fast-path.ts).
 */
import { InvalidArgumentError } from 'commander';

/** `--concurrency N`: an integer 1…1024, else a usage error. */
export function parseConcurrency(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new InvalidArgumentError(`--concurrency must be an integer from 1 to 1024, got "${text}"`);
  return n;
}
