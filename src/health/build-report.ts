/**
 * Assembles the report (formatVersion 1) from what the collectors read: judge, score, compare,
 * resources, summary. Pure: the clock, the revision and the previous report come in as values.
 */
import type { EnvironmentModel, InspectionPlaybook } from '../model/index.js';
import { checkNamed } from './catalogue.js';
import { compareFindings, type PreviousReport } from './compare.js';
import { judge } from './judge.js';
import { REPORT_FORMAT_VERSION, type InspectionReport } from './report-schema.js';
import { resourcesOf } from './resources.js';
import { conclusionOf, healthScore, systemOf } from './score.js';
import { thresholdsFor } from './thresholds.js';
import type { Measurement, Unread } from './types.js';

export interface ReportInput {
  env: EnvironmentModel;
  playbook: InspectionPlaybook;
  generatedAt: Date;
  revision: string | null;
  measurements: readonly Measurement[];
  unread: readonly Unread[];
  notMeasured: readonly { checkId: string; reason: string }[];
  previous?: PreviousReport;
  durationMs: number;
}

function checksOf(input: ReportInput): InspectionReport['checks'] {
  return input.playbook.checks.flatMap(({ id }) => {
    const c = checkNamed(id);
    if (!c) return [];
    const th = thresholdsFor({ checkId: id, target: `${input.env.environment.name}/playbook:${input.playbook.name}`, value: null, unit: c.unit }, input.playbook, input.env);
    const measured = input.measurements.filter((m) => m.checkId === id).length;
    return [{ id, title: c.title, system: c.system, unit: c.unit, measuredBy: c.measuredBy, rule: c.rule, ...(th ? { thresholds: th } : {}), measured }];
  });
}

function summaryOf(input: ReportInput, findings: InspectionReport['findings']): InspectionReport['summary'] {
  const bySystem: InspectionReport['summary']['bySystem'] = {};
  for (const system of ['host', 'database', 'middleware', 'application', 'business']) bySystem[system] = { measurements: 0, critical: 0, warning: 0 };
  for (const m of input.measurements) {
    const sys = checkNamed(m.checkId)?.system;
    if (sys) bySystem[sys]!.measurements++;
  }
  for (const f of findings) bySystem[systemOf(f)]![f.severity]++;
  const targets = new Set([...input.measurements.map((m) => m.target), ...input.unread.map((u) => u.target)]);
  return {
    checks: input.playbook.checks.length,
    targets: targets.size,
    measurements: input.measurements.length,
    unread: input.unread.length,
    findings: { critical: findings.filter((f) => f.severity === 'critical').length, warning: findings.filter((f) => f.severity === 'warning').length },
    bySystem,
  };
}

export function buildReport(input: ReportInput): InspectionReport {
  const findings = judge(input);
  const env = input.env.environment;
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    kind: 'InspectionReport',
    title: { zh: '系统健康检查报告', en: 'System health check report' },
    env: env.name,
    environmentTitle: env.title,
    simulated: env.simulated === true,
    playbook: { name: input.playbook.name, title: input.playbook.title, cadence: input.playbook.cadence },
    generatedAt: input.generatedAt.toISOString(),
    revision: input.revision,
    conclusion: conclusionOf(findings),
    score: healthScore(findings),
    summary: summaryOf(input, findings),
    checks: checksOf(input),
    resources: resourcesOf(input.measurements),
    measurements: [...input.measurements],
    findings,
    unread: [...input.unread],
    notMeasured: [...input.notMeasured],
    comparison: compareFindings(findings, input.previous, { checkIds: input.playbook.checks.map((c) => c.id), unread: input.unread }),
    durationMs: input.durationMs,
  };
}
