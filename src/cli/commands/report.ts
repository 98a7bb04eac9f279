/**
 * `opsctl report monthly --env E --month YYYY-MM [--commit]` 《系统运行维护报告》,
 * `opsctl report register --env E [--commit]` 《运维问题清册及处理结果》,
 * `opsctl report emergency-plan [--commit]` 《系统应急保障方案》 (from playbooks/runbooks/),
 * `opsctl report cases [--search TEXT] [--write]` 故障案例库. Each writes .md and .html under
 * reports/ (cases only with --write) and prints the files; --json prints the Doc. Lazy imports.
 */
import type { Command } from 'commander';
import type { Doc } from '../../report/index.js';
import { contextOf } from '../context.js';

interface Common {
  env?: string;
  commit?: boolean;
  json?: boolean;
  lang: string;
}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

function langOf(l: string): 'zh' | 'en' {
  if (l !== 'zh' && l !== 'en') throw new Error(`--lang must be zh or en, got ${l}`);
  return l;
}

async function emit(cmd: Command, o: Common, base: string | undefined, doc: Doc, subject: string, command: string): Promise<void> {
  const ctx = contextOf(cmd);
  const report = await import('../../report/index.js');
  const files = base ? report.writeDoc(ctx.root, base, doc) : [];
  const commit = o.commit && files.length ? await report.commitDoc(ctx.root, files, subject, command, o.env) : undefined;
  if (o.json) return out(JSON.stringify({ files, ...(commit ? { commit } : {}), doc }, null, 2));
  if (!base) out(report.renderDocMarkdown(doc));
  for (const f of files) out(`wrote ${f}`);
  if (commit) out(`committed ${commit.slice(0, 12)}`);
}

async function monthly(o: Common & { month?: string }, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (!o.env || !o.month) throw new Error('report monthly needs --env and --month YYYY-MM');
  const [{ loadRepository }, report] = await Promise.all([import('../../load/index.js'), import('../../report/index.js')]);
  const data = await report.gatherMonthly(ctx.root, loadRepository(ctx.root).model, o.env, o.month, ctx.now);
  const doc = report.monthlyDoc(data, langOf(o.lang));
  await emit(cmd, o, `reports/${o.env}/monthly/${o.month}`, doc, `report ${o.env} monthly ${o.month}: ${data.inspections.length} inspections, ${data.applies.length} applies, ${data.incidents.length} incidents`, 'report monthly');
}

async function register(o: Common, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  if (!o.env) throw new Error('report register needs --env');
  const [{ loadRepository }, report, incident] = await Promise.all([import('../../load/index.js'), import('../../report/index.js'), import('../../incident/index.js')]);
  const { model } = loadRepository(ctx.root);
  const incidents = incident.listIncidents(ctx.root, o.env).map((i) => ({ incident: i, deadline: incident.deadlineFor(model, i, ctx.now) }));
  const doc = report.registerDoc(o.env, incidents, report.readHistory(ctx.root, o.env), ctx.now, langOf(o.lang));
  await emit(cmd, o, `reports/${o.env}/register`, doc, `report ${o.env} register: ${incidents.length} incidents`, 'report register');
}

async function emergencyPlan(o: Common, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const [{ loadRepository }, report] = await Promise.all([import('../../load/index.js'), import('../../report/index.js')]);
  const { runbooks } = loadRepository(ctx.root).model;
  await emit(cmd, o, 'reports/common/emergency-plan', report.emergencyPlanDoc(runbooks, langOf(o.lang)), `report emergency-plan: ${runbooks.length} runbooks`, 'report emergency-plan');
}

async function cases(o: Common & { search?: string; write?: boolean }, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const [{ loadRepository }, report, incident] = await Promise.all([import('../../load/index.js'), import('../../report/index.js'), import('../../incident/index.js')]);
  const lang = langOf(o.lang);
  const all = report.casesOf(incident.listIncidents(ctx.root, o.env), loadRepository(ctx.root).model.runbooks, lang);
  const found = report.searchCases(all, o.search);
  await emit(cmd, o, o.write ? 'reports/common/cases' : undefined, report.casesDoc(found, o.search, lang), `report cases: ${found.length} cases`, 'report cases');
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('deliverables from the repository: monthly report, problem register, emergency plan, case library');
  const common = (c: Command): Command => c.option('--commit', 'commit the files written').option('--json', 'print the document as JSON').option('--lang <lang>', 'zh (default) or en', 'zh');
  common(report.command('monthly').description('《系统运行维护报告》 of a month: inspections, applies, releases, incidents, changes').option('--env <env>').option('--month <YYYY-MM>'))
    .action((o: Common & { month?: string }, cmd: Command) => monthly(o, cmd));
  common(report.command('register').description('《运维问题清册及处理结果》: incidents and findings carried over').option('--env <env>'))
    .action((o: Common, cmd: Command) => register(o, cmd));
  common(report.command('emergency-plan').description('《系统应急保障方案》 generated from playbooks/runbooks/'))
    .action((o: Common, cmd: Command) => emergencyPlan(o, cmd));
  common(report.command('cases').description('故障案例库: incidents and runbooks, searchable').option('--env <env>', 'only this environment\'s incidents').option('--search <text>', 'terms that must all occur; #tag matches a tag').option('--write', 'write reports/common/cases.md and .html'))
    .action((o: Common & { search?: string; write?: boolean }, cmd: Command) => cases(o, cmd));
}
