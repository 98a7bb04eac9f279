/**
 * health — the judgement of an inspection, pure (no I/O, no clock: time comes in as values).
 * Owns the check catalogue (catalogue.ts, catalogue-sql.ts), the thresholds in force
 * (thresholds.ts), one assessor per system kind (assess-*.ts), findings (judge.ts), the health
 * score (score.ts, formula opsctl-score-1), the comparison with the previous report
 * (compare.ts), the report contract (report-schema.ts, formatVersion 1), its Markdown rendering
 * (render-markdown.ts) and the crontab lines of the playbooks (cron.ts).
 * May import model/ and diag/ only; collectors that read live systems live in inspect/.
 */
export * from './types.js';
export { CATALOGUE, checkNamed, SYSTEMS, REACHABLE_CHECK } from './catalogue.js';
export { DB_SQL } from './catalogue-sql.js';
export { thresholdsFor, profilesFor, segmentsOf, type ThresholdInForce } from './thresholds.js';
export { judge, unreadFinding, type JudgeInput } from './judge.js';
export { classifyOra } from './assess-db.js';
export { healthScore, conclusionOf, SCORE_FORMULA, SCORE_WEIGHTS, type Score, type Conclusion } from './score.js';
export { compareFindings, type Comparison, type PreviousReport } from './compare.js';
export { buildReport, type ReportInput } from './build-report.js';
export { InspectionReportSchema, REPORT_FORMAT_VERSION, type InspectionReport } from './report-schema.js';
export { validateReport } from './validate-report.js';
export { renderMarkdown, type Lang } from './render-markdown.js';
export { cronLines } from './cron.js';
