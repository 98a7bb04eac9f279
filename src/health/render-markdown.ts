/**
 * The report as Markdown 《系统健康检查报告》, zh-CN by default, English on request. Sections
 * follow domain.md §4.2: cover, summary, host, middleware, database, business/interfaces,
 * problems found (with the comparison and recommendations), appendix (thresholds, what could
 * not be read, what is not measured). Pure: renders the report value, computes nothing new.
 */
import type { InspectionReport } from './report-schema.js';
import { findingsTable, hostSection, databaseSection, middlewareSection, businessSection, appendix, WORDS, type Lang } from './markdown-sections.js';

export type { Lang } from './markdown-sections.js';

function cover(r: InspectionReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const c = r.summary.findings;
  return [
    `# ${lang === 'zh' ? '《系统健康检查报告》' : 'System health check report (系统健康检查报告)'}`,
    '',
    ...(r.simulated ? [`> ${w.simulated}`, ''] : []),
    `| ${w.item} | ${w.value} |`, '|---|---|',
    `| ${w.env} | ${r.env} (${r.environmentTitle}) |`,
    `| ${w.playbook} | ${r.playbook.title[lang]} (\`${r.playbook.name}\`) |`,
    `| ${w.generatedAt} | ${r.generatedAt} |`,
    `| ${w.revision} | ${r.revision ?? '—'} |`,
    `| ${w.conclusion} | **${w.conclusions[r.conclusion]}** |`,
    `| ${w.score} | **${r.score.value}** / 100 (\`${r.score.formula}\`) |`,
    `| ${w.counts} | ${w.critical} ${c.critical} · ${w.warning} ${c.warning} · ${w.unread} ${r.summary.unread} |`,
    '',
  ];
}

function summary(r: InspectionReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const rows = Object.entries(r.score.bySystem).map(([s, v]) => `| ${w.systems[s] ?? s} | ${r.summary.bySystem[s]?.measurements ?? 0} | ${v.critical} | ${v.warning} | ${v.score} |`);
  const cmp = r.comparison;
  return [
    `## 1. ${w.summary}`, '',
    w.summaryLine(r.summary.checks, r.summary.targets, r.summary.measurements),
    '',
    `| ${w.system} | ${w.measurements} | ${w.critical} | ${w.warning} | ${w.score} |`, '|---|---:|---:|---:|---:|',
    ...rows, '',
    w.formula(r.score.weights.critical, r.score.weights.warning, r.score.weights.capPerSystem),
    '',
    cmp.previous
      ? w.comparisonLine(cmp.previous.generatedAt, cmp.new.length, cmp.resolved.length, cmp.persisting.length, cmp.notChecked.length)
      : w.noPrevious,
    '',
  ];
}

export function renderMarkdown(r: InspectionReport, lang: Lang = 'zh'): string {
  return [
    ...cover(r, lang),
    ...summary(r, lang),
    ...hostSection(r, lang),
    ...middlewareSection(r, lang),
    ...databaseSection(r, lang),
    ...businessSection(r, lang),
    ...findingsTable(r, lang),
    ...appendix(r, lang),
  ].join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
