/**
 * `opsctl release notes R [--env E] [--plan FILE] [--out F]`: 升级说明 (Markdown) from the
 * manifest and, when given, the environment (run steps) and the saved plan.
 * `opsctl release check R --env E [--json]`: the release gate — approvals and, for production,
 * the pre-production success proved from git history. Exit 0 allowed, 3 refused, 1 error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Plan } from '../../core/index.js';
import type { Model, Release } from '../../model/index.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

async function loadRelease(root: string, name: string): Promise<{ model: Model; release: Release }> {
  const { loadRepository } = await import('../../load/index.js');
  const { model } = loadRepository(root);
  const release = model.releases.find((r) => r.name === name);
  if (!release) throw new Error(`release ${name} does not exist (known: ${model.releases.map((r) => r.name).join(', ') || 'none'})`);
  return { model, release };
}

function readPlan(file: string, release: string, env: string | undefined): Plan {
  const plan = JSON.parse(readFileSync(resolve(file), 'utf8')) as Plan;
  if (plan.formatVersion !== 1 || !Array.isArray(plan.steps)) throw new Error(`${file} is not an opsctl plan (formatVersion 1)`);
  if (plan.release && plan.release !== release) throw new Error(`${file} is a plan for release ${plan.release}, not ${release}`);
  if (env && plan.env !== env) throw new Error(`${file} is a plan for environment ${plan.env}, not ${env}`);
  return plan;
}

interface NotesOptions {
  env?: string;
  plan?: string;
  out?: string;
}

async function notes(name: string, opts: NotesOptions, command: Command): Promise<void> {
  const ctx = contextOf(command);
  const { model, release } = await loadRelease(ctx.root, name);
  const { releaseOverlay, renderReleaseNotes, requiredRoles } = await import('../../release/index.js');
  const plan = opts.plan ? readPlan(opts.plan, name, opts.env) : undefined;
  const envName = opts.env ?? plan?.env;
  const env = envName ? model.environments[envName] : undefined;
  if (envName && !env) throw new Error(`environment ${envName} does not exist`);
  const overlay = env ? releaseOverlay(model, release, env) : undefined;
  for (const d of overlay?.diagnostics ?? []) process.stderr.write(`opsctl: ${d.severity}: ${d.message}\n`);
  const text = renderReleaseNotes({
    release, ...(envName ? { env: envName } : {}), ...(plan ? { plan } : {}),
    ...(overlay ? { runSteps: overlay.runSteps } : {}), ...(env ? { requiredRoles: requiredRoles(env, release) } : {}),
  });
  if (opts.out) {
    writeFileSync(resolve(opts.out), text);
    process.stdout.write(`wrote ${opts.out}\n`);
  } else process.stdout.write(text);
  process.exitCode = EXIT.ok;
}

async function check(name: string, opts: { env: string; json?: boolean }, command: Command): Promise<void> {
  const ctx = contextOf(command);
  const { model, release } = await loadRelease(ctx.root, name);
  const env = model.environments[opts.env];
  if (!env) throw new Error(`environment ${opts.env} does not exist`);
  const { checkReleaseGate } = await import('../../release/index.js');
  const verdict = await checkReleaseGate({ root: ctx.root, env, release, model });
  if (opts.json) process.stdout.write(`${JSON.stringify({ release: name, env: opts.env, ...verdict }, null, 2)}\n`);
  else {
    process.stdout.write(verdict.ok ? `ALLOWED 准予实施: ${name} → ${opts.env}\n` : `REFUSED 不予实施: ${name} → ${opts.env}\n`);
    for (const r of verdict.reasons) process.stdout.write(`  - ${r}\n`);
    if (verdict.proof) process.stdout.write(`  proof 预生产验证: ${verdict.proof.env} ${verdict.proof.date} commit ${verdict.proof.commit.slice(0, 12)} (${verdict.proof.record})\n`);
  }
  process.exitCode = verdict.ok ? EXIT.ok : EXIT.refused;
}

export function registerRelease(program: Command): void {
  const release = program.command('release').description('releases: 升级说明 and the release gate');
  release
    .command('notes')
    .description('generate the release notes (升级说明, Markdown) from the manifest and optionally a saved plan')
    .argument('<release>', 'release name')
    .option('--env <env>', 'the environment the notes are for (adds run steps and its required approvals)')
    .option('--plan <file>', 'a plan saved with opsctl plan --release R --out FILE')
    .option('--out <file>', 'write the Markdown here instead of stdout')
    .action(notes);
  release
    .command('check')
    .description('may this release apply to the environment? approvals and pre-production proof; exit 0 allowed, 3 refused')
    .argument('<release>', 'release name')
    .requiredOption('--env <env>', 'environment name')
    .option('--json', 'print the verdict as JSON')
    .action(check);
}
