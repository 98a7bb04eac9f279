/**
 * Bench (e): `opsctl validate` cold start on the repository itself: the median wall time of N
 * whole processes (node start, module loading, YAML, schema, references, policy), as run by
 * default — unchanged files from the parse cache, .opsctl/cache/parse.json, written by the first,
 * unmeasured run — and with `--no-cache` (every file parsed), runs interleaved. CPU time (user +
 * system, from /usr/bin/time -v) next to each, since other work on the machine inflates wall
 * times. Goal: < 300 ms.
 */
import { median, timed, type Timed } from './proc.js';
import { goalFigure, round, type BenchContext, type BenchOutcome, type Figure } from './types.js';

export async function benchValidate(ctx: BenchContext): Promise<BenchOutcome> {
  const runs = ctx.quick ? 3 : 11;
  const args = [ctx.cli, '--repo', ctx.root, 'validate'];
  // The bench measures the default behaviour, whatever the caller's environment says.
  const env = { ...process.env, OPSCTL_NO_CACHE: '' };
  const run = (extra: string[]): Promise<Timed> => timed(process.execPath, [...args, ...extra], { cwd: ctx.root, env, timeoutMs: 60_000, rss: true });
  await run([]); // page cache and parse cache warm
  const cached: Timed[] = [];
  const parsed: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    cached.push(await run([]));
    parsed.push(await run(['--no-cache']));
  }
  const node = await timed(process.execPath, ['-e', '0'], { timeoutMs: 30_000, rss: true });
  const cpu = (list: Timed[]): number | null => (list.every((r) => r.cpuMs !== undefined) ? round(median(list.map((r) => r.cpuMs!))) : null);
  const wall = (list: Timed[]): number => round(median(list.map((r) => r.ms)));
  const figures: Figure[] = [
    goalFigure({ bench: 'e', name: `validate, median of ${runs} processes (parse cache warm: the default)`, value: wall(cached), unit: 'ms', goal: '< 300 ms' }, (v) => v < 300),
    { bench: 'e', name: 'validate, CPU time (user + system), median', value: cpu(cached), unit: 'ms', goal: '—' },
    { bench: 'e', name: `validate --no-cache (every file parsed), median of ${runs}`, value: wall(parsed), unit: 'ms', goal: '—' },
    { bench: 'e', name: 'validate --no-cache, CPU time (user + system), median', value: cpu(parsed), unit: 'ms', goal: '—' },
    { bench: 'e', name: 'of which a bare `node -e 0`', value: round(node.ms), unit: 'ms', goal: '—' },
    { bench: 'e', name: 'a bare `node -e 0`, CPU time', value: cpu([node]), unit: 'ms', goal: '—' },
  ];
  const codes = [...new Set([...cached, ...parsed].map((r) => String(r.code)))].join(', ');
  const span = (list: Timed[]): string => `min ${round(Math.min(...list.map((r) => r.ms)))} ms, max ${round(Math.max(...list.map((r) => r.ms)))} ms`;
  return {
    bench: 'e',
    title: '`opsctl validate` cold start on the repository',
    figures,
    notes: [
      `validate exit code ${codes} (0 ok, 1 errors in the repository); cached ${span(cached)}; --no-cache ${span(parsed)}`,
      'one unmeasured run first (file cache; it also writes .opsctl/cache/parse.json); cached and --no-cache runs alternate; each run under /usr/bin/time -v for its CPU time',
    ],
  };
}
