/**
 * `npm run bench [-- --only a,b] [--quick] [--no-write]`: runs the benchmarks of issue 8, prints
 * every figure next to its goal (met / MISSED), writes bench/results/<date>.json + latest.json
 * and the tables of docs/benchmarks.md. Every server it starts (lab serve, sshd) is stopped at
 * the end, also on failure or Ctrl-C. Exit 0 when every bench ran (goals missed or not), 1 when
 * one failed to run.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEstate } from './estate.js';
import { benchPeer } from './peer.js';
import { benchPlanner } from './planner.js';
import { killAll } from './proc.js';
import { machine, printOutcomes, updateDoc, writeResults } from './report.js';
import { benchScale } from './scale.js';
import type { BenchContext, BenchOutcome } from './types.js';
import { benchValidate } from './validate.js';

const BENCHES: Record<string, { title: string; run: (ctx: BenchContext) => Promise<BenchOutcome> }> = {
  a: { title: 'full-estate inspect and plan with latency', run: benchEstate },
  b: { title: 'generated lab of 100 and 1000 hosts', run: (ctx) => benchScale(ctx) },
  c: { title: 'pure planner on 100 000 resources', run: (ctx) => benchPlanner(ctx) },
  d: { title: 'peer comparison with Ansible', run: benchPeer },
  e: { title: 'validate cold start', run: benchValidate },
};

export interface BenchArgs { only: string[]; quick: boolean; write: boolean }

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { only: Object.keys(BENCHES), quick: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') args.quick = true;
    else if (a === '--no-write') args.write = false;
    else if (a === '--only' || a.startsWith('--only=')) {
      const list = a === '--only' ? argv[++i] ?? '' : a.slice('--only='.length);
      args.only = list.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = args.only.filter((b) => !BENCHES[b]);
      if (bad.length || args.only.length === 0) throw new Error(`--only takes a comma list of ${Object.keys(BENCHES).join(', ')}; got "${list}"`);
    } else throw new Error(`unknown argument ${a} (--only a,b,c,d,e · --quick · --no-write)`);
  }
  return args;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const ctx: BenchContext = { root, cli: join(root, 'dist', 'cli', 'main.js'), quick: args.quick, log: (l) => console.error(`bench: ${l}`) };
  const now = new Date();
  const outcomes: BenchOutcome[] = [];
  let failed = 0;
  for (const id of args.only) {
    const b = BENCHES[id]!;
    ctx.log(`(${id}) ${b.title}${args.quick ? ' (quick)' : ''}`);
    try {
      outcomes.push(await b.run(ctx));
    } catch (err) {
      failed++;
      outcomes.push({ bench: id, title: b.title, figures: [], skipped: `failed: ${err instanceof Error ? err.message : String(err)}`, notes: [] });
    }
  }
  printOutcomes(outcomes, (s) => console.log(s));
  if (args.write) {
    const results = { machine: machine(now), args: argv, outcomes };
    for (const f of writeResults(root, results)) console.log(`wrote ${f}`);
    console.log(`wrote ${updateDoc(root, results)}`);
  }
  return failed ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { killAll(); process.exit(130); });
process.once('exit', () => killAll());

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
