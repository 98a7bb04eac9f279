/**
 * `opsctl inspect --env E [--playbook P] [--commit] [--json] [--lang zh|en]`: run a health
 * inspection (巡检), write reports/<env>/inspections/<date>/<playbook>-<HHMM>.json and .md,
 * optionally commit them (one commit counting the findings). Exit 0 healthy, 2 findings, 1 error.
 * `opsctl inspect --print-cron [--env E]`: the crontab lines of every inspection playbook.
 * Heavy modules (connections, collectors, git) are imported lazily in the action.
 */
import type { Command } from 'commander';
import type { InspectSelection } from '../../inspect/index.js';
import type { EnvironmentModel } from '../../model/index.js';
import { parseConcurrency } from '../concurrency.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';

interface InspectOptions {
  env?: string;
  playbook: string;
  commit?: boolean;
  json?: boolean;
  lang: string;
  printCron?: boolean;
  shard?: string;
  concurrency?: number;
}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

async function printCron(ctx: CliContext, env: string | undefined): Promise<void> {
  const [{ loadRepository }, { cronLines }] = await Promise.all([import('../../load/index.js'), import('../../health/index.js')]);
  const { model } = loadRepository(ctx.root);
  out(cronLines(model.inspections, env ?? 'prod').join('\n'));
}

async function shardSelection(envName: string, env: EnvironmentModel, text: string): Promise<InspectSelection> {
  const { parseShard, selectShard } = await import('../../engine/shard.js');
  const { hosts, domains, databases } = selectShard(envName, env, parseShard(text));
  return { hosts, domains, databases };
}

async function runInspect(opts: InspectOptions, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (opts.printCron) return printCron(ctx, opts.env);
  if (!opts.env) throw new Error('--env is required (or --print-cron)');
  if (opts.lang !== 'zh' && opts.lang !== 'en') throw new Error(`--lang must be zh or en, got ${opts.lang}`);
  const lang = opts.lang;
  const [{ loadEnvironment }, { connectEstate }, inspectMod, git] = await Promise.all([
    import('../../load/index.js'), import('../lab-connect.js'), import('../../inspect/index.js'), import('../../git/index.js'),
  ]);
  const { model, env } = loadEnvironment(ctx.root, opts.env);
  const playbook = model.inspections.find((p) => p.name === opts.playbook);
  if (!playbook) throw new Error(`no inspection playbook "${opts.playbook}" (known: ${model.inspections.map((p) => p.name).join(', ')})`);
  const revision = (await git.headRevision(ctx.root).catch(() => undefined)) ?? null;
  const previous = inspectMod.previousReport(ctx.root, opts.env, playbook.name, ctx.now);
  const estate = await connectEstate({ root: ctx.root, model: env, now: ctx.now, ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}) });
  // --shard I/N: the collectors read only the shard's hosts, domains and databases, with the whole model (docs/shards.md).
  const selection = opts.shard ? await shardSelection(opts.env, env, opts.shard) : undefined;
  let report;
  try {
    report = await inspectMod.inspect({ ctx: estate.context, playbook, revision, ...(previous ? { previous } : {}), ...(selection ? { selection } : {}) });
  } finally {
    await estate.close();
  }
  const files = inspectMod.writeReport(ctx.root, report, lang);
  const commit = opts.commit ? await inspectMod.commitReport(ctx.root, report, files) : undefined;
  if (opts.json) out(JSON.stringify({ files, ...(commit ? { commit } : {}), report }, null, 2));
  else {
    const c = report.summary.findings;
    out(`${inspectMod.commitMessage(report)} (via ${estate.via})`);
    for (const f of report.findings) out(`  ${f.severity.padEnd(8)} ${f.message[lang]}`);
    for (const file of files) out(`wrote ${file}`);
    if (commit) out(`committed ${commit.slice(0, 12)}`);
    if (c.critical + c.warning === 0) out(lang === 'zh' ? '未发现问题' : 'no findings');
  }
  process.exitCode = report.findings.length > 0 ? EXIT.changes : EXIT.ok;
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('run a health inspection (巡检), write the report files, optionally commit them; exit 0 healthy, 2 findings, 1 error')
    .option('--env <env>', 'environment to inspect')
    .option('--playbook <name>', 'inspection playbook: daily, pre-collection, monthly, batch-deduction', 'daily')
    .option('--commit', 'commit the report files (one commit whose message counts the findings)')
    .option('--json', 'print the report JSON (and the files written) instead of the summary')
    .option('--lang <lang>', 'report language: zh (default) or en', 'zh')
    .option('--shard <I/N>', 'inspect only shard I of N (docs/shards.md); merge the --json outputs with "opsctl merge-shards inspect"')
    .option('--concurrency <n>', 'hosts read at once (default: the environment\'s ssh.concurrency, else 64)', parseConcurrency)
    .option('--print-cron', 'print the crontab lines that run every inspection playbook on its schedule')
    .action((opts: InspectOptions, cmd: Command) => runInspect(opts, cmd));
}
