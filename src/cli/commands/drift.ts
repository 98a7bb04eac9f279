/**
 * `opsctl drift --env E [--only ADDR]… [--json]`: a read-only drift report — the same reads as
 * plan, every address whose live state differs from desired with both values and whether a
 * restart is needed. Exit 0 no drift, 2 drift, 1 error (unknown reads: drift there is unknown).
 */
import type { Command } from 'commander';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';
import { checkOnly, loadForCli, planForCli } from './plan.js';

interface DriftOptions {
  env: string;
  only: string[];
  json?: boolean;
}

async function runDrift(opts: DriftOptions, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  checkOnly(opts.env, opts.only);
  const model = loadForCli(ctx.root, opts.env);
  if (!model) return;
  const { plan } = await planForCli(ctx, model, { only: opts.only, json: opts.json === true });
  const { driftReport, renderDriftText } = await import('../render/drift.js');
  const report = driftReport(plan);
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderDriftText(report));
  process.exitCode = !plan.complete || plan.errored ? EXIT.error : report.drift.length > 0 ? EXIT.changes : EXIT.ok;
}

export function registerDrift(program: Command): void {
  program
    .command('drift')
    .description('read-only drift report: where live state differs from the desired state')
    .requiredOption('--env <env>', 'environment to read')
    .option('--only <address>', 'only addresses under this prefix (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--json', 'print the report as JSON; no progress on stderr')
    .action((opts: DriftOptions, cmd: Command) => runDrift(opts, cmd));
}
