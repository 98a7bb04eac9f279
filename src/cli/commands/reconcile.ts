/**
 * `opsctl reconcile --env E --period YYYY-MM [--playbook NAME] [--json] [--commit] [--lang zh|en]`:
 * run the reconciliation playbooks (对账) for one 费款所属期, write 《社保费对账报告》 (Markdown),
 * the versioned JSON and the unpaid list (CSV) under reports/<env>/reconciliation/<YYYY-MM>/,
 * optionally commit them. Exit 0 balanced, 2 exceptions found, 1 error. Heavy modules are
 * imported lazily in the action.
 */
import type { Command } from 'commander';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';
import type * as Rec from '../../reconcile/index.js';

interface ReconcileOptions {
  env: string;
  period: string;
  playbook?: string[];
  commit?: boolean;
  json?: boolean;
  lang: string;
}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

async function runReconcile(opts: ReconcileOptions, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (opts.lang !== 'zh' && opts.lang !== 'en') throw new Error(`--lang must be zh or en, got ${opts.lang}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.period)) throw new Error(`--period must be YYYY-MM, got ${opts.period}`);
  const lang = opts.lang;
  const [{ loadEnvironment }, { connectEstate }, rec, git] = await Promise.all([
    import('../../load/index.js'), import('../lab-connect.js'), import('../../reconcile/index.js'), import('../../git/index.js'),
  ]);
  const { model, env } = loadEnvironment(ctx.root, opts.env);
  const known = model.reconciliations.map((p) => p.name);
  const wanted = opts.playbook ?? known;
  const missing = wanted.filter((n) => !known.includes(n));
  if (missing.length) throw new Error(`no reconciliation playbook ${missing.map((n) => `"${n}"`).join(', ')} (known: ${known.join(', ') || 'none'})`);
  const playbooks = model.reconciliations.filter((p) => wanted.includes(p.name));
  if (playbooks.length === 0) throw new Error('no reconciliation playbooks to run');
  const revision = (await git.headRevision(ctx.root).catch(() => undefined)) ?? null;
  const estate = await connectEstate({ root: ctx.root, model: env, now: ctx.now });
  let report;
  try {
    report = await rec.reconcile({ ctx: estate.context, playbooks, period: opts.period, revision });
  } finally {
    await estate.close();
  }
  const files = rec.writeReconciliation(ctx.root, report, lang);
  const commit = opts.commit ? await rec.commitReconciliation(ctx.root, report, files) : undefined;
  if (opts.json) out(JSON.stringify({ files, ...(commit ? { commit } : {}), report: JSON.parse(rec.toJson(report)) as unknown }, null, 2));
  else printSummary(report, lang, files, commit, estate.via, rec);
  process.exitCode = report.summary.balanced ? EXIT.ok : EXIT.changes;
}

function printSummary(report: Rec.ReconciliationReport, lang: 'zh' | 'en', files: string[], commit: string | undefined, via: string, rec: typeof Rec): void {
  out(`${rec.commitMessage(report)} (via ${via})`);
  for (const p of report.pairs) {
    out(`  ${p.title[lang]}: ${p.left.count} / ${p.right.count}, ${lang === 'zh' ? '匹配' : 'matched'} ${p.matched}`);
    for (const e of p.exceptions) {
      const amounts = `${e.taxAmountFen === null ? '—' : rec.yuan(e.taxAmountFen)} / ${e.otherAmountFen === null ? '—' : rec.yuan(e.otherAmountFen)}`;
      out(`    ${(e.counted ? '!' : '·')} ${rec.CLASS[e.class][lang].padEnd(lang === 'zh' ? 6 : 16)} ${rec.SIDE[e.side][lang].padEnd(lang === 'zh' ? 5 : 16)} ${e.key}  ${amounts}`);
    }
  }
  for (const file of files) out(`wrote ${file}`);
  if (commit) out(`committed ${commit.slice(0, 12)}`);
  if (report.summary.balanced) out(lang === 'zh' ? '账账相符，无差异' : 'balanced: no exceptions');
}

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('reconcile (对账) one fee period: write 《社保费对账报告》, JSON and the unpaid list, optionally commit; exit 0 balanced, 2 exceptions, 1 error')
    .requiredOption('--env <env>', 'environment')
    .requiredOption('--period <YYYY-MM>', '费款所属期 to reconcile')
    .option('--playbook <name...>', 'reconciliation playbook(s) to run (default: all)')
    .option('--commit', 'commit the report files (one commit whose message counts the exceptions)')
    .option('--json', 'print the report JSON (and the files written) instead of the summary')
    .option('--lang <lang>', 'report language: zh (default) or en', 'zh')
    .action((opts: ReconcileOptions, cmd: Command) => runReconcile(opts, cmd));
}
