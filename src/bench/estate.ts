/**
 * Bench (a): the full lab estate with realistic latency — wall time of `opsctl inspect --env lab`
 * and `opsctl plan --env lab` (whole processes, lab served by a separate `opsctl lab serve`), and
 * their ratio to the slowest host's own time: the same work for that host alone (plan: --only
 * its host, its database and the config tables in it; inspect: the environment narrowed to it,
 * src/bench/inspect-one.ts). Goal: ≤ 1.5×.
 */
import { join } from 'node:path';
import { loadEnvironment } from '../load/index.js';
import { median, timed } from './proc.js';
import { opsctl, serveLab, tempRepo } from './repo.js';
import { goalFigure, round, type BenchContext, type BenchOutcome, type Figure } from './types.js';

export const SLOW_HOST = 'coredb-01';
export const ESTATE_LATENCY = `rtt=20ms,cmd=5ms,aix=150ms,host:${SLOW_HOST}=900ms`;
const LIMIT_MS = 300_000;

function onlyFor(root: string, host: string): string[] {
  const { env } = loadEnvironment(root, 'lab');
  const dbs = env.databases.filter((d) => d.instances.some((i) => i.host === host)).map((d) => d.name);
  return [
    `lab/host:${host}`,
    ...dbs.map((d) => `lab/oracle:${d}`),
    ...env.configTables.filter((t) => dbs.includes(t.database)).map((t) => `lab/config-table:${t.name}`),
  ];
}

async function wall(ctx: BenchContext, root: string, args: string[], runs: number, ok: (code: number | null) => boolean): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await opsctl(ctx, root, args, LIMIT_MS);
    if (!ok(r.code)) throw new Error(`opsctl ${args.join(' ')} exited ${r.code}${r.timedOut ? ' (time limit)' : ''}: ${(r.stderr || r.stdout).slice(-1500)}`);
    times.push(r.ms);
  }
  return median(times);
}

async function inspectOne(ctx: BenchContext, root: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(process.execPath, [join(ctx.root, 'dist', 'bench', 'inspect-one.js'), root, SLOW_HOST], { cwd: root, timeoutMs: LIMIT_MS });
    if (r.code !== 0) throw new Error(`inspect-one failed: ${r.stderr.slice(-1500)}`);
    times.push(r.ms);
  }
  return median(times);
}

export async function benchEstate(ctx: BenchContext): Promise<BenchOutcome> {
  const repo = tempRepo(ctx, 'estate');
  const serve = await serveLab(ctx, repo.root, ESTATE_LATENCY);
  const runs = ctx.quick ? 1 : 3;
  try {
    const only = onlyFor(repo.root, SLOW_HOST).flatMap((o) => ['--only', o]);
    const okPlan = (c: number | null): boolean => c === 0 || c === 2;
    const okInspect = (c: number | null): boolean => c === 0 || c === 2;
    ctx.log(`(a) plan --env lab ×${runs}`);
    const plan = await wall(ctx, repo.root, ['plan', '--env', 'lab', '--json'], runs, okPlan);
    const planOwn = await wall(ctx, repo.root, ['plan', '--env', 'lab', '--json', ...only], runs, okPlan);
    ctx.log(`(a) inspect --env lab ×${runs}`);
    const insp = await wall(ctx, repo.root, ['inspect', '--env', 'lab', '--json'], runs, okInspect);
    const inspOwn = await inspectOne(ctx, repo.root, runs);
    const figures: Figure[] = [
      { bench: 'a', name: 'plan --env lab (39 hosts), wall', value: round(plan), unit: 'ms', goal: '—' },
      { bench: 'a', name: `plan, ${SLOW_HOST} alone (${only.length / 2} --only prefixes), wall`, value: round(planOwn), unit: 'ms', goal: '—' },
      goalFigure({ bench: 'a', name: 'plan: full estate ÷ slowest host alone', value: round(plan / planOwn, 2), unit: '×', goal: '≤ 1.5×' }, (v) => v <= 1.5),
      { bench: 'a', name: 'inspect --env lab (39 hosts), wall', value: round(insp), unit: 'ms', goal: '—' },
      { bench: 'a', name: `inspect, ${SLOW_HOST} alone (narrowed environment), wall`, value: round(inspOwn), unit: 'ms', goal: '—' },
      goalFigure({ bench: 'a', name: 'inspect: full estate ÷ slowest host alone', value: round(insp / inspOwn, 2), unit: '×', goal: '≤ 1.5×' }, (v) => v <= 1.5),
    ];
    return {
      bench: 'a',
      title: 'Full-estate inspect and plan on the lab with latency',
      figures,
      notes: [
        `latency ${ESTATE_LATENCY}; lab served by a separate \`opsctl lab serve\`; median of ${runs} run(s), whole processes (node start included)`,
        `slowest host's own time = the same command for ${SLOW_HOST} alone: plan ${only.filter((o) => o !== '--only').join(' ')}; inspect with the environment narrowed to it (src/bench/inspect-one.ts)`,
      ],
    };
  } finally {
    await serve.stop();
    repo.remove();
  }
}
