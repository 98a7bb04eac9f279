/**
 * Writing a period's outputs under reports/<env>/reconciliation/<YYYY-MM>/: reconciliation.md
 * (《社保费对账报告》), reconciliation.json (versioned) and unpaid.csv (应缴未缴/未足额). A rerun of
 * the same period replaces them. Returns repository-relative paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderMarkdown, toJson, unpaidCsv, type Lang, type ReconciliationReport } from './match/index.js';

export const FILE_NAMES = { markdown: 'reconciliation.md', json: 'reconciliation.json', csv: 'unpaid.csv' } as const;

export function reportDir(root: string, env: string, period: string): string {
  return join(root, 'reports', env, 'reconciliation', period);
}

export function writeReconciliation(root: string, report: ReconciliationReport, lang: Lang): string[] {
  const dir = reportDir(root, report.env, report.period);
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    [FILE_NAMES.markdown, renderMarkdown(report, lang, FILE_NAMES.csv)],
    [FILE_NAMES.json, toJson(report)],
    [FILE_NAMES.csv, unpaidCsv(report.unpaid, lang)],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return files.map(([name]) => relative(root, join(dir, name)).split('\\').join('/'));
}
