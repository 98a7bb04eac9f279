/**
 * Bench (e): `opsctl validate` cold start on the repository itself (read-only): the median wall
 * time of N whole processes (node start, module loading, YAML, schema, references, policy).
 * Goal: < 300 ms.
 */
import { median, timed } from './proc.js';
import { goalFigure, round, type BenchContext, type BenchOutcome } from './types.js';

export async function benchValidate(ctx: BenchContext): Promise<BenchOutcome> {
  const runs = ctx.quick ? 3 : 11;
  const times: number[] = [];
  let code: number | null = null;
  await timed(process.execPath, [ctx.cli, '--repo', ctx.root, 'validate'], { cwd: ctx.root, timeoutMs: 60_000 }); // page cache warm
  for (let i = 0; i < runs; i++) {
    const r = await timed(process.execPath, [ctx.cli, '--repo', ctx.root, 'validate'], { cwd: ctx.root, timeoutMs: 60_000 });
    code = r.code;
    times.push(r.ms);
  }
  const node = await timed(process.execPath, ['-e', '0'], { timeoutMs: 30_000 });
  return {
    bench: 'e',
    title: '`opsctl validate` cold start on the repository',
    figures: [
      goalFigure({ bench: 'e', name: `validate, median of ${runs} processes`, value: round(median(times)), unit: 'ms', goal: '< 300 ms' }, (v) => v < 300),
      { bench: 'e', name: 'of which a bare `node -e 0`', value: round(node.ms), unit: 'ms', goal: '—' },
    ],
    notes: [`validate exit code ${String(code)} (0 ok, 1 errors in the repository); min ${round(Math.min(...times))} ms, max ${round(Math.max(...times))} ms; one unmeasured run first (file cache)`],
  };
}
