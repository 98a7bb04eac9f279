/**
 * Bench (c): the pure planner, core.buildPlan, on 100 000 synthetic resources (~1% drift), in a
 * child process of its own so its peak RSS is the planner's. Goal: < 2 s.
 */
import { join } from 'node:path';
import { median, timed } from './proc.js';
import { goalFigure, round, type BenchContext, type BenchOutcome } from './types.js';

interface ChildFigures { n: number; generateMs: number; buildMs: number; buildCpuMs: number; changes: number; changed: number; steps: number; heapMb: number; maxRssMb: number }

export async function benchPlanner(ctx: BenchContext, n = 100_000): Promise<BenchOutcome> {
  const runs = ctx.quick ? 1 : 3;
  const results: ChildFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(process.execPath, [join(ctx.root, 'dist', 'bench', 'planner-child.js'), String(n)], { timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(`planner-child failed (${r.code}${r.timedOut ? ', time limit' : ''}): ${r.stderr.slice(-1500)}`);
    results.push(JSON.parse(r.stdout) as ChildFigures);
  }
  const ms = median(results.map((r) => r.buildMs));
  const last = results[results.length - 1]!;
  return {
    bench: 'c',
    title: `Pure planner (core.buildPlan) on ${n.toLocaleString('en')} synthetic resources`,
    figures: [
      goalFigure({ bench: 'c', name: `buildPlan, ${n} resources, wall`, value: round(ms), unit: 'ms', goal: '< 2 000 ms' }, (v) => v < 2000),
      { bench: 'c', name: 'buildPlan, CPU time (user + system, GC threads included)', value: round(median(results.map((r) => r.buildCpuMs))), unit: 'ms', goal: '—' },
      { bench: 'c', name: 'planner process peak RSS (resources generated + plan)', value: round(median(results.map((r) => r.maxRssMb)), 1), unit: 'MB', goal: '—' },
      { bench: 'c', name: 'heap used after the plan', value: round(median(results.map((r) => r.heapMb)), 1), unit: 'MB', goal: '—' },
    ],
    notes: [
      `median of ${runs} run(s) in a fresh node process each; generating the inputs (${round(last.generateMs)} ms) is not counted`,
      `${last.changes} changes (${last.changed} not noop), ${last.steps} steps; ${n / 100} hosts × (80 sysctl tunables, 15 files, 5 cron entries), rules = the host provider's HOST_TYPES`,
    ],
  };
}
