/**
 * The self-contained HTML 《系统健康检查报告》: inline CSS, inline SVG charts, one tiny inline
 * script for table filtering, nothing fetched. `healthHtmlRenderer` is the extra renderer that
 * `writeReport` writes next to the .json and .md.
 */
import type { InspectionReport } from '../health/report-schema.js';
import type { TrendedReport } from '../health/trends.js';
import { renderTemplate } from './ejs.js';
import { buildHealthView } from './health-view.js';
import type { Lang } from './labels.js';

export function renderHealthHtml(report: TrendedReport, lang: Lang = 'zh'): string {
  return renderTemplate('health.ejs', buildHealthView(report, lang));
}

export const healthHtmlRenderer = {
  extension: 'html',
  render: (report: InspectionReport, lang: Lang): string => renderHealthHtml(report, lang),
};
