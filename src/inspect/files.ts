/**
 * Where reports live and how they are written: reports/<env>/inspections/<YYYY-MM-DD>/
 * <playbook>-<HHMM>.json and .md (dates and times in Asia/Shanghai). `extraRenderers` is the hook
 * for siblings made from the same report (default: the HTML page with charts, src/report/health-html.ts).
 * The previous report of the same playbook is found by file name order.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderMarkdown, type InspectionReport, type Lang, type PreviousReport } from '../health/index.js';
import { healthHtmlRenderer } from '../report/health-html.js';

/** A sibling renderer: file extension (without dot) → content. */
export interface ExtraRenderer {
  extension: string;
  render(report: InspectionReport, lang: Lang): string;
}

function shanghai(at: Date): { day: string; hhmm: string } {
  const t = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { day: t.slice(0, 10), hhmm: t.slice(11, 13) + t.slice(14, 16) };
}

export function reportDir(root: string, env: string): string {
  return join(root, 'reports', env, 'inspections');
}

export function reportBase(root: string, report: InspectionReport): string {
  const { day, hhmm } = shanghai(new Date(report.generatedAt));
  return join(reportDir(root, report.env), day, `${report.playbook.name}-${hhmm}`);
}

/** What `writeReport` writes besides .json and .md unless told otherwise: the HTML page with charts. */
export const DEFAULT_RENDERERS: readonly ExtraRenderer[] = [healthHtmlRenderer];

export function writeReport(root: string, report: InspectionReport, lang: Lang, extraRenderers: readonly ExtraRenderer[] = DEFAULT_RENDERERS): string[] {
  const base = reportBase(root, report);
  mkdirSync(join(base, '..'), { recursive: true });
  const files: [string, string][] = [
    [`${base}.json`, `${JSON.stringify(report, null, 2)}\n`],
    [`${base}.md`, renderMarkdown(report, lang)],
    ...extraRenderers.map((r): [string, string] => [`${base}.${r.extension}`, r.render(report, lang)]),
  ];
  for (const [path, content] of files) writeFileSync(path, content);
  return files.map(([path]) => relative(root, path));
}

/** The newest earlier report of this playbook, strictly before `before` (ISO), if any. */
export function previousReport(root: string, env: string, playbook: string, before: Date): PreviousReport | undefined {
  const dir = reportDir(root, env);
  if (!existsSync(dir)) return undefined;
  const candidates = readdirSync(dir).filter((d) => /^\d{4}-\d\d-\d\d$/.test(d)).sort().reverse()
    .flatMap((day) => readdirSync(join(dir, day)).filter((f) => f.startsWith(`${playbook}-`) && f.endsWith('.json')).sort().reverse().map((f) => join(dir, day, f)));
  for (const file of candidates) {
    try {
      const r = JSON.parse(readFileSync(file, 'utf8')) as InspectionReport;
      if (r.formatVersion === 1 && r.playbook?.name === playbook && Date.parse(r.generatedAt) < before.getTime()) {
        return { generatedAt: r.generatedAt, file: relative(root, file), findings: r.findings };
      }
    } catch {
      // An unreadable earlier file is skipped: the comparison then looks further back.
    }
  }
  return undefined;
}
