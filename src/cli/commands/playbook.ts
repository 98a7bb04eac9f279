/**
 * `opsctl playbook run NAME --env E [--execute] [--target T] [--json]`: run a runbook (应急预案,
 * log cleanup, password rotation). Dry by default: every step says what it would read or do and
 * where (clean-logs lists its candidates); --execute runs the steps. Every run is recorded in
 * reports/<env>/runbooks/; executed runs are committed. Exit 0 done (or dry), 2 done with
 * warnings, 1 failed. `opsctl playbook list` lists the runbooks.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { RunbookRun } from '../../runbook/index.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface RunOpts {
  env: string;
  execute?: boolean;
  target?: string;
  json?: boolean;
}

const out = (t: string): void => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);

function render(run: RunbookRun, files: string[], commit: string | undefined, via: string): string {
  const lines = [
    `runbook ${run.runbook} — ${run.title.zh} / ${run.title.en} (${run.severity}) on ${run.target.text} in ${run.env} via ${via}`,
    run.execute ? `executed: ${run.outcome}` : 'dry run 演练 (nothing changed; --execute to run):',
    ...run.steps.flatMap((s, i) => [`  ${i + 1}. [${s.status}] ${s.title} — ${s.action} @ ${s.where}`, `     ${s.message}`, ...s.evidence.slice(0, 12).map((e) => `       ${e}`)]),
    ...files.map((f) => `wrote ${f}`),
    ...(commit ? [`committed ${commit.slice(0, 12)}`] : []),
  ];
  return lines.join('\n');
}

async function runPlaybook(name: string, opts: RunOpts, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const [{ loadEnvironment }, { connectEstate }, rb, { scrubText }, { secretStoreDir }] = await Promise.all([
    import('../../load/index.js'), import('../lab-connect.js'), import('../../runbook/index.js'), import('../../datafix/index.js'), import('../../transport/index.js'),
  ]);
  const { model, env } = loadEnvironment(ctx.root, opts.env);
  const runbook = model.runbooks.find((r) => r.name === name);
  if (!runbook) throw new Error(`no runbook "${name}" (known: ${model.runbooks.map((r) => r.name).join(', ')})`);
  const estate = await connectEstate({ root: ctx.root, model: env, now: ctx.now });
  let run: RunbookRun;
  try {
    run = await rb.runRunbook({
      ctx: estate.context, runbook, execute: opts.execute === true, ...(opts.target ? { target: opts.target } : {}),
      evidenceRoot: process.env.OPSCTL_EVIDENCE_DIR || join(ctx.root, '.opsctl', 'runbooks'),
      secretStore: secretStoreDir({ ...process.env, HOME: process.env.HOME || homedir() }),
    });
  } finally {
    await estate.close();
  }
  const files = rb.writeRunbookRecord(ctx.root, run);
  const commit = run.execute ? await rb.commitRunbookRecord(ctx.root, run, files).catch((e: Error) => { process.stderr.write(`opsctl playbook: not committed: ${e.message}\n`); return undefined; }) : undefined;
  out(scrubText(opts.json ? JSON.stringify({ ...run, files, ...(commit ? { commit } : {}) }, null, 2) : render(run, files, commit, estate.via)));
  process.exitCode = run.outcome === 'failed' ? EXIT.error : run.outcome === 'completed-with-warnings' ? EXIT.changes : EXIT.ok;
}

export function registerPlaybook(program: Command): void {
  const pb = program.command('playbook').description('runbooks 应急预案 (and log cleanup, password rotation): list, run (dry by default)');
  pb.command('run')
    .description('run a runbook: dry by default (each step says what and where), --execute to run; recorded in reports/<env>/runbooks/; exit 0, 2 warnings, 1 failed')
    .argument('<name>', 'runbook name (playbooks/runbooks/NAME.yaml)')
    .requiredOption('--env <env>', 'environment')
    .option('--execute', 'run the steps for real (default: dry run)')
    .option('--target <target>', 'server (domain/server), database, database/TABLESPACE, database/BATCH_ID, host, database/USER — by the runbook')
    .option('--json', 'print the run as JSON')
    .action((name: string, opts: RunOpts, cmd: Command) => runPlaybook(name, opts, cmd));
  pb.command('list')
    .description('the runbooks, with their target kind and steps')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { loadRepository } = await import('../../load/index.js');
      for (const r of loadRepository(ctx.root).model.runbooks) out(`${r.name.padEnd(26)} ${r.severity} target ${r.target?.kind ?? '-'}: ${r.title.zh} — ${r.steps.map((s) => s.action).join(' → ')}`);
    });
}
