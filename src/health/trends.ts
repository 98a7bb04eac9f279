/**
 * Trends and forecast over the report history (issue 6 item 4), pure: the sequence of earlier
 * reports comes in as values, the current report is the last point, time is the reports' own
 * `generatedAt`. For every filesystem, tablespace and FRA: one point per Shanghai day (the newest
 * report of that day), a least-squares line over the last `window` points, growth per day in
 * percentage points (and MB when sizes are known), days until the critical threshold and until
 * 100 %. A forecast is *plausible* only with ≥ `minPoints` points, a positive slope and
 * R² ≥ `minR2`; only plausible forecasts become `trend.forecast` findings:
 * warning when full in < 30 days, critical when full in < 7 days (docs/reports.md).
 */
import type { InspectionReport } from './report-schema.js';
import { conclusionOf, healthScore, systemOf } from './score.js';
import type { Finding, Severity } from './types.js';

export type TrendKind = 'filesystem' | 'tablespace' | 'fra';

export interface TrendPoint {
  at: string;
  usedPercent: number;
  usedMb: number | null;
}

export interface TrendSeries {
  target: string;
  kind: TrendKind;
  label: string;
  points: TrendPoint[];
}

export interface LineFit {
  slopePerDay: number;
  intercept: number;
  r2: number;
  n: number;
}

export interface Forecast extends TrendSeries {
  latestPercent: number;
  criticalPercent: number;
  growthPercentPerDay: number | null;
  growthMbPerDay: number | null;
  r2: number | null;
  daysToCritical: number | null;
  daysToFull: number | null;
  plausible: boolean;
  /** Why a forecast is not plausible (too few points, not growing, poor fit). */
  reason?: string;
}

export interface Trends {
  method: 'least-squares';
  window: number;
  minPoints: number;
  minR2: number;
  forecastThresholds: { warningDays: number; criticalDays: number };
  series: Forecast[];
}

/** The report with its trends: an additive key of formatVersion 1 (readers ignore unknown keys). */
export type TrendedReport = InspectionReport & { trends?: Trends };

export interface TrendOptions {
  window: number;
  minPoints: number;
  minR2: number;
  warningDays: number;
  criticalDays: number;
}

export const TREND_DEFAULTS: TrendOptions = { window: 14, minPoints: 3, minR2: 0.6, warningDays: 30, criticalDays: 7 };
export const FORECAST_CHECK = 'trend.forecast';
const DAY_MS = 86_400_000;
/** Critical thresholds when the report's checks carry none (the catalogue defaults). */
const DEFAULT_CRITICAL: Record<TrendKind, [string, number]> = { filesystem: ['host.filesystem', 90], tablespace: ['db.tablespace', 97], fra: ['db.fra', 97] };

const shanghaiDay = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

function pointsOf(report: InspectionReport): { target: string; kind: TrendKind; label: string; point: TrendPoint }[] {
  const at = report.generatedAt;
  const e = report.env;
  const r = report.resources;
  return [
    ...r.hosts.flatMap((h) => h.filesystems.map((f) => ({ target: `${e}/host:${h.host}/fs:${f.mount}`, kind: 'filesystem' as const, label: `${h.host}:${f.mount}`, point: { at, usedPercent: f.usedPercent, usedMb: f.usedMb } }))),
    ...r.tablespaces.map((t) => ({ target: `${e}/oracle:${t.database}/tablespace:${t.name}`, kind: 'tablespace' as const, label: `${t.database}.${t.name}`, point: { at, usedPercent: t.usedPercent, usedMb: t.usedMb } })),
    ...r.fra.map((f) => ({ target: `${e}/oracle:${f.database}/fra`, kind: 'fra' as const, label: `${f.database} FRA`, point: { at, usedPercent: f.usedPercent, usedMb: f.usedMb } })),
  ];
}

/** One series per target, one point per Shanghai day (the newest report of the day), oldest first. */
export function seriesOf(reports: readonly InspectionReport[]): TrendSeries[] {
  const sorted = [...reports].filter((r) => r.env === reports[reports.length - 1]?.env).sort((a, b) => Date.parse(a.generatedAt) - Date.parse(b.generatedAt));
  const byTarget = new Map<string, TrendSeries & { days: Map<string, TrendPoint> }>();
  for (const report of sorted) {
    for (const p of pointsOf(report)) {
      let s = byTarget.get(p.target);
      if (!s) byTarget.set(p.target, (s = { target: p.target, kind: p.kind, label: p.label, points: [], days: new Map() }));
      s.days.set(shanghaiDay(p.point.at), p.point);
    }
  }
  return [...byTarget.values()].map(({ days, ...s }) => ({ ...s, points: [...days.values()] }));
}

/** Least squares of y over x (x in days since the first point). */
export function fitLine(points: readonly { at: string; y: number }[]): LineFit | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const t0 = Date.parse(points[0]!.at);
  const xs = points.map((p) => (Date.parse(p.at) - t0) / DAY_MS);
  const ys = points.map((p) => p.y);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slopePerDay: slope, intercept: my - slope * mx, r2, n };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

function criticalOf(report: InspectionReport, kind: TrendKind): number {
  const [checkId, fallback] = DEFAULT_CRITICAL[kind];
  return report.checks.find((c) => c.id === checkId)?.thresholds?.critical ?? fallback;
}

/** The forecast of one series: growth per day, days until critical and until 100 %. */
export function forecastOf(series: TrendSeries, criticalPercent: number, o: TrendOptions = TREND_DEFAULTS): Forecast {
  const points = series.points.slice(-o.window);
  const latest = points[points.length - 1]!;
  const base: Forecast = { ...series, points, latestPercent: latest.usedPercent, criticalPercent, growthPercentPerDay: null, growthMbPerDay: null, r2: null, daysToCritical: null, daysToFull: null, plausible: false };
  if (points.length < o.minPoints) return { ...base, reason: `${points.length} point(s), ${o.minPoints} needed` };
  const fit = fitLine(points.map((p) => ({ at: p.at, y: p.usedPercent })));
  if (!fit) return { ...base, reason: 'all points on the same day' };
  const mb = points.every((p) => p.usedMb !== null) ? fitLine(points.map((p) => ({ at: p.at, y: p.usedMb as number }))) : undefined;
  const growth = { ...base, growthPercentPerDay: Math.round(fit.slopePerDay * 100) / 100, growthMbPerDay: mb ? round1(mb.slopePerDay) : null, r2: Math.round(fit.r2 * 1000) / 1000 };
  if (fit.slopePerDay <= 0) return { ...growth, reason: 'not growing' };
  if (fit.r2 < o.minR2) return { ...growth, reason: `poor fit (R² ${growth.r2} < ${o.minR2})` };
  // Days from the newest point, along the fitted line's slope, starting at the newest reading.
  const daysTo = (limit: number): number => Math.max(0, round1((limit - latest.usedPercent) / fit.slopePerDay));
  return { ...growth, daysToCritical: daysTo(criticalPercent), daysToFull: daysTo(100), plausible: true };
}

function severityOf(f: Forecast, o: TrendOptions): Severity | undefined {
  if (!f.plausible || f.daysToFull === null) return undefined;
  if (f.daysToFull < o.criticalDays) return 'critical';
  return f.daysToFull < o.warningDays ? 'warning' : undefined;
}

const KIND_ZH: Record<TrendKind, string> = { filesystem: '文件系统', tablespace: '表空间', fra: '快速恢复区' };
const KIND_EN: Record<TrendKind, string> = { filesystem: 'filesystem', tablespace: 'tablespace', fra: 'fast recovery area' };

/** `trend.forecast` findings for the plausible forecasts that fill up within the warning horizon. */
export function forecastFindings(forecasts: readonly Forecast[], o: TrendOptions = TREND_DEFAULTS): Finding[] {
  return forecasts.flatMap((f): Finding[] => {
    const severity = severityOf(f, o);
    if (!severity) return [];
    const g = f.growthPercentPerDay;
    return [{
      id: `${FORECAST_CHECK}@${f.target}`, checkId: FORECAST_CHECK, severity, target: f.target, value: f.daysToFull, unit: 'days',
      threshold: { warning: o.warningDays, critical: o.criticalDays, origin: 'catalogue' },
      message: {
        zh: `${KIND_ZH[f.kind]} ${f.label} 按每天增长 ${g} 个百分点（当前 ${f.latestPercent}%），预计 ${f.daysToCritical} 天后达到严重阈值 ${f.criticalPercent}%，${f.daysToFull} 天后用满`,
        en: `${KIND_EN[f.kind]} ${f.label} grows ${g} points per day (now ${f.latestPercent}%): critical threshold ${f.criticalPercent}% in ${f.daysToCritical} days, full in ${f.daysToFull} days`,
      },
    }];
  });
}

/** Forecasts of every series in the history plus the current report (the last point). */
export function trendsOf(current: InspectionReport, history: readonly InspectionReport[], o: TrendOptions = TREND_DEFAULTS): Trends {
  const earlier = history.filter((r) => r.env === current.env && Date.parse(r.generatedAt) < Date.parse(current.generatedAt));
  const series = seriesOf([...earlier, current]).filter((s) => s.points[s.points.length - 1]?.at === current.generatedAt);
  return {
    method: 'least-squares', window: o.window, minPoints: o.minPoints, minR2: o.minR2,
    forecastThresholds: { warningDays: o.warningDays, criticalDays: o.criticalDays },
    series: series.map((s) => forecastOf(s, criticalOf(current, s.kind), o)),
  };
}

/** The check a forecast finding is scored and counted under (the catalogue has no trend check). */
const PROXY: Record<string, string> = { fs: 'host.filesystem', tablespace: 'db.tablespace', fra: 'db.fra' };
function proxied(f: Pick<Finding, 'checkId' | 'target' | 'severity'>): Pick<Finding, 'checkId' | 'severity'> {
  if (f.checkId !== FORECAST_CHECK) return f;
  const kind = /\/fs:/.test(f.target) ? 'fs' : /\/tablespace:/.test(f.target) ? 'tablespace' : 'fra';
  return { checkId: PROXY[kind]!, severity: f.severity };
}

/**
 * What trends read of an earlier report (withTrends, trendsOf): its time, environment, checks,
 * resources and forecast findings; not its measurements or its own trends (most of its size).
 */
export function trendInput(report: InspectionReport): InspectionReport {
  const { trends: _trends, ...rest } = report as TrendedReport;
  void _trends;
  return { ...rest, measurements: [], findings: report.findings.filter((f) => f.checkId === FORECAST_CHECK) };
}

/**
 * The report with its trends and `trend.forecast` findings merged in: findings (critical first),
 * score, conclusion, counts and the comparison with the previous report (a forecast finding of the
 * previous report is persisting or resolved) follow. Forecast findings count under the system of
 * what they forecast (filesystem → host, tablespace/FRA → database).
 */
export function withTrends(report: InspectionReport, history: readonly InspectionReport[], o: TrendOptions = TREND_DEFAULTS): TrendedReport {
  const trends = trendsOf(report, history, o);
  const added = forecastFindings(trends.series, o);
  const kept = report.findings.filter((f) => f.checkId !== FORECAST_CHECK);
  const findings = [...kept, ...added].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
  const summary = structuredClone(report.summary);
  summary.findings = { critical: findings.filter((f) => f.severity === 'critical').length, warning: findings.filter((f) => f.severity === 'warning').length };
  for (const f of added) summary.bySystem[systemOf(proxied(f))]![f.severity]++;
  const prev = history.find((r) => r.generatedAt === report.comparison.previous?.generatedAt);
  const prevForecasts = new Map((prev?.findings ?? []).filter((f) => f.checkId === FORECAST_CHECK).map((f) => [f.id, f]));
  const isForecast = (id: string): boolean => id.startsWith(`${FORECAST_CHECK}@`);
  const c0 = report.comparison;
  const comparison = { ...c0, new: c0.new.filter((id) => !isForecast(id)), resolved: c0.resolved.filter((id) => !isForecast(id)), persisting: c0.persisting.filter((p) => !isForecast(p.id)), notChecked: c0.notChecked.filter((id) => !isForecast(id)) };
  if (comparison.previous) {
    for (const f of added) {
      const old = prevForecasts.get(f.id);
      if (old) comparison.persisting.push({ id: f.id, severity: f.severity, previousSeverity: old.severity });
      else comparison.new.push(f.id);
    }
    for (const id of prevForecasts.keys()) if (!added.some((f) => f.id === id)) comparison.resolved.push(id);
  } else comparison.new.push(...added.map((f) => f.id));
  return { ...report, findings, summary, score: healthScore(findings.map(proxied)), conclusion: conclusionOf(findings), comparison, trends };
}
