/**
 * `opsctl plan --env E [--only ADDR]… [--out F] [--format text|json|markdown]
 * [--detailed-exitcode] [--json] [--release R]`: read live, diff against desired, plan.
 * Exit 0 done (no changes, or changes without --detailed-exitcode), 2 changes with
 * --detailed-exitcode, 1 error: the model does not load, or the plan is incomplete (an unknown
 * read — each is printed with its reason and host/domain/database) or errored. `--out` writes
 * the plan JSON that `opsctl apply` takes. `--release R` plans an application release's
 * deployment, a sql-migration release's scripts or a patch release's hosts (release-model.ts); an
 * unknown release exits 1. Events go to stderr (progress on a TTY), never
 * with --json.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Plan } from '../../core/index.js';
import type { PlannedEnvironment } from '../../engine/plan.js';
import type { Provider } from '../../providers/provider.js';
import { formatDiagnostic } from '../../diag/index.js';
import { loadEnvironment, ModelError } from '../../load/index.js';
import { parseAddress } from '../../model/address.js';
import type { EnvironmentModel } from '../../model/index.js';
import { parseConcurrency } from '../concurrency.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { eventSink } from '../render/events.js';
import { releaseModelForCli } from './release-model.js';
import { renderUnknown } from '../render/unknown.js';

export interface PlanRun extends PlannedEnvironment {
  providers: Provider[];
  via: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The environment's model, or undefined after printing why it does not load (exit 1). */
export function loadForCli(root: string, env: string): EnvironmentModel | undefined {
  try {
    return loadEnvironment(root, env).env;
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    for (const d of err.diagnostics.filter((x) => x.severity === 'error')) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`opsctl: ${err.message}\n`);
    process.exitCode = EXIT.error;
    return undefined;
  }
}

export function checkOnly(env: string, only: readonly string[]): void {
  for (const o of only) {
    const parsed = parseAddress(o);
    if ('error' in parsed) throw new Error(`--only: ${parsed.error}`);
    if (parsed.env !== env) throw new Error(`--only ${o} is not an address of environment ${env}`);
  }
}

/** Connects the environment, reads and plans, renders events on stderr; always disconnects. */
export async function planForCli(ctx: CliContext, model: EnvironmentModel, opts: { only?: string[]; json?: boolean; release?: string; concurrency?: number }): Promise<PlanRun> {
  const [{ connectEstate }, { planEnvironment }] = await Promise.all([import('../lab-connect.js'), import('../../engine/plan.js')]);
  const sink = eventSink({ json: opts.json === true });
  const estate = await connectEstate({ root: ctx.root, model, now: ctx.now, ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}) });
  const abort = new AbortController();
  const onInt = (): void => abort.abort();
  process.once('SIGINT', onInt);
  try {
    const planned = await planEnvironment({
      ctx: estate.context,
      providers: estate.providers,
      emit: sink.emit,
      signal: abort.signal,
      diagnostics: estate.diagnostics,
      ...(opts.only?.length ? { only: opts.only } : {}),
      ...(opts.release ? { release: opts.release } : {}),
    });
    return { ...planned, providers: estate.providers, via: estate.via };
  } finally {
    sink.done();
    process.removeListener('SIGINT', onInt);
    await estate.close();
  }
}

/** DESIGN §5: 1 when incomplete or errored; else 2 for changes when detailed; else 0. */
export function planExitCode(plan: Plan, detailed: boolean, hasChanges: (p: Plan) => boolean): number {
  if (!plan.complete || plan.errored) return EXIT.error;
  return detailed && hasChanges(plan) ? EXIT.changes : EXIT.ok;
}

interface PlanOptions {
  env: string;
  only: string[];
  out?: string;
  format: string;
  detailedExitcode?: boolean;
  json?: boolean;
  release?: string;
  shard?: string;
  concurrency?: number;
}

const FORMATS = ['text', 'json', 'markdown'] as const;

async function runPlan(opts: PlanOptions, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const format = opts.json ? 'json' : opts.format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
  checkOnly(opts.env, opts.only);
  const plain = loadForCli(ctx.root, opts.env);
  if (!plain) return;
  const model = opts.release ? await releaseModelForCli(ctx.root, plain, opts.release) : plain;
  if (!model) return;
  const only = opts.shard ? await shardOnly(opts.env, model, opts.shard, opts.only) : opts.only;
  const { plan } = await planForCli(ctx, model, {
    only,
    json: format === 'json',
    ...(opts.release ? { release: opts.release } : {}),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  });
  const [{ renderPlanText }, { renderPlanMarkdown }, { renderPlanJson }, core] = await Promise.all([
    import('../../report/plan-text.js'),
    import('../../report/plan-markdown.js'),
    import('../../report/plan-json.js'),
    import('../../core/index.js'),
  ]);
  const body = format === 'json' ? renderPlanJson(plan) : format === 'markdown' ? renderPlanMarkdown(plan) : renderPlanText(plan);
  process.stdout.write(body);
  if (format !== 'json') process.stderr.write(renderUnknown(plan));
  if (opts.out) {
    writeFileSync(resolve(opts.out), renderPlanJson(plan));
    if (format !== 'json') process.stderr.write(`plan written to ${opts.out}${core.isApplyable(plan) ? '' : ' (incomplete or errored: apply will refuse it)'}\n`);
  }
  process.exitCode = planExitCode(plan, opts.detailedExitcode === true, core.hasChanges);
}

/** `--shard I/N`: the shard's address prefixes (docs/shards.md); not combinable with --only. */
async function shardOnly(env: string, model: EnvironmentModel, text: string, only: readonly string[]): Promise<string[]> {
  if (only.length) throw new Error('--shard and --only cannot be combined');
  const { parseShard, selectShard } = await import('../../engine/shard.js');
  const selected = selectShard(env, model, parseShard(text)).prefixes;
  return selected.length ? selected : [`${env}/host:(none in shard ${text})`];
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('read the live estate, diff it against the desired state and plan the steps (docs/plan-format.md)')
    .requiredOption('--env <env>', 'environment to plan')
    .option('--only <address>', 'plan only addresses under this prefix (repeatable), e.g. lab/weblogic:hall', collect, [])
    .option('--out <file>', 'write the plan JSON (the file "opsctl apply" takes)')
    .option('--format <format>', `output format: ${FORMATS.join('|')}`, 'text')
    .option('--detailed-exitcode', 'exit 2 when the plan has changes (0 none, 1 error)')
    .option('--release <release>', 'plan a release from releases/ (application: its deployment version and archive; sql-migration: its scripts against the history table; weblogic-patch / oracle-patch: the patch host by host; recorded in the plan)')
    .option('--json', 'print the plan JSON (same as --format json); no progress on stderr')
    .option('--shard <I/N>', 'plan only shard I of N (hosts by stable hash; a domain/database with its admin/first instance host); merge with "opsctl merge-shards plan"')
    .option('--concurrency <n>', 'hosts read at once (default: the environment\'s ssh.concurrency, else 64)', parseConcurrency)
    .action((opts: PlanOptions, cmd: Command) => runPlan(opts, cmd));
}
