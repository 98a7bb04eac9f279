/**
 * Bench (b): a generated lab of 100 and 1000 hosts (the lab's 39 plus copies of its application
 * servers; domains and databases fixed), served by a separate `opsctl lab serve`; wall time and
 * peak RSS (/usr/bin/time -v) of the `opsctl plan` and `opsctl inspect` processes alone.
 * Goal at 1000 hosts: < 10 s and < 512 MB each.
 */
import { existsSync } from 'node:fs';
import { GNU_TIME } from './proc.js';
import { growLabInventory, opsctl, serveLab, tempRepo } from './repo.js';
import { goalFigure, round, type BenchContext, type BenchOutcome, type Figure } from './types.js';

export const SCALE_LATENCY = 'rtt=20ms,cmd=5ms';
const LIMIT_MS = 300_000;

/** Why a plan/inspect run failed: the plan's unknown reads and errors, else the tail of stderr. */
function failure(stdout: string, stderr: string): string {
  try {
    const p = JSON.parse(stdout) as { unknown?: { address: string; reason: string }[]; diagnostics?: { severity: string; message: string }[] };
    const unknown = p.unknown ?? [];
    const errors = (p.diagnostics ?? []).filter((d) => d.severity === 'error');
    return `${unknown.length} unknown reads (first: ${unknown[0] ? `${unknown[0].address}: ${unknown[0].reason}` : 'none'}); ${errors.length} errors (first: ${errors[0]?.message ?? 'none'})`.slice(0, 600);
  } catch {
    return stderr.slice(-400).trim();
  }
}

async function one(ctx: BenchContext, hosts: number, figures: Figure[], notes: string[]): Promise<void> {
  const repo = tempRepo(ctx, `scale${hosts}`);
  try {
    const grown = growLabInventory(repo.root, hosts);
    const t0 = Date.now();
    const serve = await serveLab(ctx, repo.root, SCALE_LATENCY, LIMIT_MS);
    notes.push(`${grown.hosts} hosts (${grown.added} copies of application servers): lab reset + serve ready in ${Date.now() - t0} ms`);
    try {
      const goal = hosts >= 1000;
      for (const [cmd, args] of [['plan', ['plan', '--env', 'lab', '--json']], ['inspect', ['inspect', '--env', 'lab', '--json']]] as const) {
        ctx.log(`(b) ${cmd} on ${grown.hosts} hosts`);
        const r = await opsctl(ctx, repo.root, args, LIMIT_MS, true);
        const ok = (r.code === 0 || r.code === 2) && !r.timedOut;
        if (!ok) notes.push(`${cmd} at ${grown.hosts} hosts exited ${r.code}${r.timedOut ? ' (time limit)' : ''} after ${round(r.ms)} ms: ${failure(r.stdout, r.stderr)}`);
        const msName = `${cmd} --env lab, ${grown.hosts} hosts, wall`;
        const rssName = `${cmd} --env lab, ${grown.hosts} hosts, peak RSS`;
        const ms = ok ? round(r.ms) : null;
        const mb = r.maxRssKb !== undefined ? round(r.maxRssKb / 1024, 1) : null;
        figures.push(goal ? goalFigure({ bench: 'b', name: msName, value: ms, unit: 'ms', goal: '< 10 000 ms' }, (v) => v < 10_000) : { bench: 'b', name: msName, value: ms, unit: 'ms', goal: '—' });
        figures.push(goal ? goalFigure({ bench: 'b', name: rssName, value: mb, unit: 'MB', goal: '< 512 MB' }, (v) => v < 512) : { bench: 'b', name: rssName, value: mb, unit: 'MB', goal: '—' });
        if (cmd === 'plan' && ok) {
          try {
            const plan = JSON.parse(r.stdout) as { changes: unknown[]; unknown: unknown[] };
            notes.push(`plan at ${grown.hosts} hosts: ${plan.changes.length} changes/noops, ${plan.unknown.length} unknown reads`);
          } catch { /* the figure stands without the count */ }
        }
      }
    } finally {
      await serve.stop();
    }
  } finally {
    repo.remove();
  }
}

export async function benchScale(ctx: BenchContext, sizes?: readonly number[]): Promise<BenchOutcome> {
  const figures: Figure[] = [];
  const notes = [
    `latency ${SCALE_LATENCY}; the lab runs in its own \`opsctl lab serve\` process, so wall and RSS are the opsctl process's own (both share this machine's cores)`,
    'topology: domains and databases fixed (5 domains, 9 databases on the 13 database hosts); the added hosts replicate the 26 application servers round-robin (same roles, OS, host profiles)',
  ];
  if (!existsSync(GNU_TIME)) notes.push(`${GNU_TIME} not found: peak RSS not measured (apt-get install -y time)`);
  for (const n of sizes ?? [100, 1000]) await one(ctx, n, figures, notes);
  return { bench: 'b', title: 'Generated lab of 100 and 1000 hosts', figures, notes };
}
