/**
 * bench — `npm run bench`: the five measured figures of issue 8 (estate, scale, planner, peer,
 * cold start), each next to its goal. Benchmarks run against the lab and loopback OpenSSH only
 * (127.0.0.1), with node's timers and /usr/bin/time; they measure, never assert (DESIGN §8).
 *
 * May import anything under src/ except cli/ (the CLI is run as a child process, dist/cli/main.js).
 */

/** One measured figure and its goal. */
export interface Figure {
  /** a, b, c, d, e */
  bench: string;
  name: string;
  value: number | null;
  unit: string;
  /** Human-readable goal, e.g. "≤ 1.5×". */
  goal: string;
  /** undefined: informational (no goal of its own). */
  met?: boolean;
  note?: string;
}

export interface BenchOutcome {
  bench: string;
  title: string;
  figures: Figure[];
  /** Set when the bench could not run (e.g. no ansible): why, and how to enable it. */
  skipped?: string;
  notes: string[];
}

export interface BenchContext {
  /** The repository the benches run from (dist/ built). */
  root: string;
  /** node dist/cli/main.js */
  cli: string;
  quick: boolean;
  log(line: string): void;
}

export function goalFigure(f: Omit<Figure, 'met'>, ok: (v: number) => boolean): Figure {
  return { ...f, ...(f.value === null ? { met: false } : { met: ok(f.value) }) };
}

export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;
