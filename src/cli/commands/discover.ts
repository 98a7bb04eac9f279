/**
 * `opsctl discover --env E [--only ADDR]… [--write] [--json]`: turn live state into desired-state
 * YAML (adopting drift as a change to review). The same reads as plan; for every address where
 * live ≠ desired its provider's adopt() gives YAML edits, shown as a unified diff of the overlay
 * files under desired-state/<env>/. With --write they are written (each changed file backed up
 * to .bak/.bak.N first; comments and order kept), then the loader runs over the result.
 * Exit 0 done, 1 error (unknown reads, an edit that cannot be placed, loader errors after write).
 */
import type { Command } from 'commander';
import type * as LiveModule from '../../discover/live/index.js';
import { formatDiagnostic, type Diagnostic } from '../../diag/index.js';
import { loadRepository } from '../../load/index.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { renderUnknown } from '../render/unknown.js';
import { checkOnly, loadForCli, planForCli, type PlanRun } from './plan.js';

interface DiscoverOptions {
  env: string;
  only: string[];
  write?: boolean;
  json?: boolean;
}

type Live = typeof LiveModule;

interface Outcome {
  adoption: ReturnType<Live['adoptLive']>;
  patches: ReturnType<Live['patchesFor']>;
  written: ReturnType<Live['writePatches']>;
  loader: Diagnostic[];
  failure?: string;
}

async function discoverFrom(ctx: CliContext, run: PlanRun, write: boolean): Promise<Outcome> {
  const live: Live = await import('../../discover/live/index.js');
  const adoption = live.adoptLive({ changes: run.plan.changes, live: run.read.live, desired: run.read.desired, providers: run.providers });
  const empty = { adoption, patches: [], written: [], loader: [] };
  let patches: Outcome['patches'];
  try {
    patches = live.patchesFor(ctx.root, adoption.edits);
  } catch (err) {
    return { ...empty, failure: err instanceof Error ? err.message : String(err) };
  }
  if (!write || patches.length === 0) return { ...empty, patches };
  const written = live.writePatches(patches);
  const files = new Set(written.map((w) => w.rel));
  const loader = loadRepository(ctx.root).diagnostics.filter((d) => d.severity === 'error' || (d.source && files.has(d.source.file)));
  return { adoption, patches, written, loader };
}

function printText(run: PlanRun, o: Outcome, unifiedDiff: Live['unifiedDiff'], write: boolean): void {
  const out = (s: string): boolean => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  out(`Discover for environment ${run.plan.env}: ${o.adoption.adopted.length} address(es) to adopt from live state, ${o.patches.length} file(s) to change`);
  for (const a of o.adoption.adopted) out(`  ${a.address} (${a.action})`);
  for (const s of o.adoption.skipped) out(`  skipped ${s.address}: ${s.reason}`);
  for (const p of o.patches) out(unifiedDiff(p.rel, p.before, p.after));
  if (o.failure) out(`error: ${o.failure}`);
  for (const w of o.written) out(`wrote ${w.rel}${w.backup ? ` (backup ${w.backup})` : ' (new file)'}`);
  for (const d of o.loader) out(formatDiagnostic(d));
  if (write && o.written.length > 0) out(o.loader.some((d) => d.severity === 'error') ? 'loader: errors after writing (see above)' : 'loader: the written desired state loads without errors');
  if (!write && o.patches.length > 0) out('not written: run again with --write to adopt these into desired-state/');
  process.stderr.write(renderUnknown(run.plan));
}

function json(run: PlanRun, o: Outcome, unifiedDiff: Live['unifiedDiff']): string {
  return `${JSON.stringify({
    env: run.plan.env,
    complete: run.plan.complete,
    adopted: o.adoption.adopted,
    skipped: o.adoption.skipped,
    files: o.patches.map((p) => ({ file: p.rel, created: p.created, new: p.before === undefined, diff: unifiedDiff(p.rel, p.before, p.after) })),
    written: o.written.map((w) => ({ file: w.rel, backup: w.backup ?? null })),
    unknown: run.plan.unknown,
    loaderDiagnostics: o.loader,
    error: o.failure ?? null,
  }, null, 2)}\n`;
}

async function runDiscover(opts: DiscoverOptions, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  checkOnly(opts.env, opts.only);
  const model = loadForCli(ctx.root, opts.env);
  if (!model) return;
  const run = await planForCli(ctx, model, { only: opts.only, json: opts.json === true });
  const { unifiedDiff } = await import('../../discover/live/index.js');
  const outcome = await discoverFrom(ctx, run, opts.write === true);
  if (opts.json) process.stdout.write(json(run, outcome, unifiedDiff));
  else printText(run, outcome, unifiedDiff, opts.write === true);
  const failed = !run.plan.complete || outcome.failure !== undefined || outcome.loader.some((d) => d.severity === 'error');
  process.exitCode = failed ? EXIT.error : EXIT.ok;
}

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description('turn live state into desired-state YAML: preview (or --write) the overlay edits that adopt drift')
    .requiredOption('--env <env>', 'environment to read')
    .option('--only <address>', 'only addresses under this prefix (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--write', 'write the edits to desired-state/<env>/ (every changed file is backed up first)')
    .option('--json', 'print the result as JSON; no progress on stderr')
    .action((opts: DiscoverOptions, cmd: Command) => runDiscover(opts, cmd));
}
