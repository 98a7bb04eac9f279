/**
 * The view model of the HTML 《系统健康检查报告》, built from the report value (and its additive
 * `trends` key) alone: every string, class, number and SVG chart is computed here, so the
 * template (templates/health.ejs) only places them. Pure.
 */
import type { InspectionReport } from '../health/report-schema.js';
import { recommendationsOf } from '../health/recommend.js';
import type { Forecast, TrendedReport } from '../health/trends.js';
import { fmt, shanghaiTime, wordsOf, type Lang, type Word } from './labels.js';
import { barChart, lineChart, scoreRing, sparkline, type Bar } from './svg.js';

/** A table cell: text (escaped by the template) or one of our own SVG charts. */
export type Cell = string | { svg: string };

export interface Table {
  id: string;
  headers: string[];
  rows: { cls?: string; cells: Cell[] }[];
}

export interface HealthView {
  lang: Lang;
  w: Record<Word, string>;
  title: string;
  subtitle: string;
  simulated: string | null;
  meta: [string, string][];
  conclusion: { text: string; cls: string };
  scoreSvg: string;
  scoreNote: string;
  counts: Table;
  findings: Table;
  hostCharts: { host: string; svg: string }[];
  tablespaceSvg: string | null;
  fraSvg: string | null;
  servers: Table;
  pools: Table;
  trendNote: string;
  trendCharts: { label: string; svg: string; caption: string }[];
  trendTable: Table;
  recommendations: Table;
  gaps: Table;
}

const DAY = 86_400_000;

function thresholdOf(report: InspectionReport, checkId: string): { warning?: number; critical?: number } {
  const t = report.checks.find((c) => c.id === checkId)?.thresholds;
  return t ? { warning: t.warning, critical: t.critical } : {};
}

function findingsTable(r: InspectionReport, w: Record<Word, string>, lang: Lang): Table {
  const status = new Map<string, string>([...r.comparison.new.map((id): [string, string] => [id, w.new]), ...r.comparison.persisting.map((p): [string, string] => [p.id, w.persisting])]);
  const rows: Table['rows'] = r.findings.map((f) => ({
    cls: f.severity,
    cells: [w[f.severity], status.get(f.id) ?? '', f.target, f.message[lang], fmt(f.value, f.unit), f.threshold ? `${f.threshold.warning} / ${f.threshold.critical}` : ''],
  }));
  const gone = [...r.comparison.resolved.map((id) => ({ id, s: w.resolved })), ...r.comparison.notChecked.map((id) => ({ id, s: w.notChecked }))];
  for (const g of gone) rows.push({ cls: 'resolved', cells: ['', g.s, g.id.split('@')[1] ?? g.id, g.id.split('@')[0] ?? '', '', ''] });
  return { id: 'findings', headers: [w.severity, w.status, w.target, w.message, w.value, w.threshold], rows };
}

function hostCharts(r: InspectionReport, w: Record<Word, string>): HealthView['hostCharts'] {
  const fs = thresholdOf(r, 'host.filesystem');
  return r.resources.hosts.map((h) => {
    const bars: Bar[] = [
      { label: w.cpu, percent: h.cpuPercent, ...thresholdOf(r, 'host.cpu') },
      { label: w.memory, percent: h.memoryPercent, ...thresholdOf(r, 'host.memory') },
      { label: w.paging, percent: h.pagingPercent, ...thresholdOf(r, 'host.paging') },
      ...h.filesystems.map((f) => ({ label: f.mount, percent: f.usedPercent, ...fs, ...(f.sizeMb !== null ? { note: `${f.usedMb} / ${f.sizeMb} MB` } : {}) })),
    ];
    return { host: h.host, svg: barChart(h.host, bars, 520) };
  });
}

function dbCharts(r: InspectionReport, w: Record<Word, string>): Pick<HealthView, 'tablespaceSvg' | 'fraSvg'> {
  const ts = r.resources.tablespaces.map((t) => ({ label: `${t.database}.${t.name}`, percent: t.usedPercent, ...thresholdOf(r, t.contents === 'TEMPORARY' ? 'db.temp' : 'db.tablespace'), note: `${t.usedMb ?? '—'} / ${t.maxMb ?? '—'} MB` }));
  const fra = r.resources.fra.map((f) => ({ label: f.database, percent: f.usedPercent, ...thresholdOf(r, 'db.fra'), note: `${f.usedMb ?? '—'} / ${f.limitMb ?? '—'} MB` }));
  return { tablespaceSvg: ts.length ? barChart(w.tablespaces, ts, 640) : null, fraSvg: fra.length ? barChart(w.fra, fra, 640) : null };
}

function middleware(r: InspectionReport, w: Record<Word, string>): Pick<HealthView, 'servers' | 'pools'> {
  const servers: Table = {
    id: 'servers', headers: [w.domain, w.server, w.state, w.health, w.heap, w.threads, w.sessions],
    rows: r.resources.servers.map((s) => ({
      cls: s.state !== null && s.state !== 'RUNNING' ? 'critical' : (s.threads.stuck ?? 0) > 0 ? 'warning' : '',
      cells: [s.domain, s.server, fmt(s.state), fmt(s.health), fmt(s.heapUsedPercent, '%'), [s.threads.total, s.threads.idle, s.threads.hogging, s.threads.stuck].map((x) => fmt(x)).join(' / '), fmt(s.sessions)],
    })),
  };
  const pools: Table = {
    id: 'pools', headers: [w.domain, w.server, w.datasource, w.state, w.active, w.waiting, w.used],
    rows: r.resources.pools.map((p) => ({ cls: (p.waiting ?? 0) > 0 ? 'warning' : '', cells: [p.domain, p.server, p.datasource, fmt(p.state), `${fmt(p.active)} / ${fmt(p.max)}`, fmt(p.waiting), fmt(p.usedPercent, '%')] })),
  };
  return { servers, pools };
}

function trendChart(f: Forecast, w: Record<Word, string>): HealthView['trendCharts'][number] {
  const t0 = Date.parse(f.points[0]!.at);
  const points = f.points.map((p) => ({ x: (Date.parse(p.at) - t0) / DAY, y: p.usedPercent }));
  const last = points[points.length - 1]!;
  const forecast = f.plausible && f.daysToFull !== null ? [last, { x: last.x + f.daysToFull, y: 100 }] : undefined;
  const end = forecast ? shanghaiTime(new Date(t0 + forecast[1]!.x * DAY).toISOString()).slice(0, 10) : shanghaiTime(f.points[f.points.length - 1]!.at).slice(0, 10);
  const svg = lineChart({ title: f.label, points, ...(forecast ? { forecast } : {}), xLabels: [shanghaiTime(f.points[0]!.at).slice(0, 10), end], critical: f.criticalPercent });
  const caption = f.plausible ? `${w.growth} ${f.growthPercentPerDay}%, ${w.daysToFull} ${f.daysToFull}` : `${w.notPlausible}: ${f.reason ?? ''}`;
  return { label: f.label, svg, caption };
}

function trendsOfView(r: TrendedReport, w: Record<Word, string>): Pick<HealthView, 'trendNote' | 'trendCharts' | 'trendTable'> {
  const t = r.trends;
  const series = t?.series ?? [];
  const note = t ? w.trendNote.replace('{n}', String(t.window)).replace('{r2}', String(t.minR2)).replace('{min}', String(t.minPoints)).replace('{w}', String(t.forecastThresholds.warningDays)).replace('{c}', String(t.forecastThresholds.criticalDays)) : '';
  // Charts for what grows, most urgent first (at most 12); every series in the table.
  const growing = series.filter((s) => s.plausible).sort((a, b) => (a.daysToFull ?? Infinity) - (b.daysToFull ?? Infinity)).slice(0, 12);
  const rows = [...series].sort((a, b) => (a.daysToFull ?? Infinity) - (b.daysToFull ?? Infinity)).map((s) => ({
    cls: s.plausible && (s.daysToFull ?? Infinity) < (t?.forecastThresholds.criticalDays ?? 7) ? 'critical' : s.plausible && (s.daysToFull ?? Infinity) < (t?.forecastThresholds.warningDays ?? 30) ? 'warning' : '',
    cells: [s.label, { svg: sparkline(s.points.map((p) => p.usedPercent)) }, fmt(s.latestPercent, '%'), s.growthPercentPerDay === null ? '—' : `${s.growthPercentPerDay}%${s.growthMbPerDay !== null ? ` (${s.growthMbPerDay} MB)` : ''}`, fmt(s.r2), String(s.points.length), s.plausible ? fmt(s.daysToCritical) : w.notPlausible, s.plausible ? fmt(s.daysToFull) : s.reason ?? ''],
  }));
  return { trendNote: note, trendCharts: growing.map((s) => trendChart(s, w)), trendTable: { id: 'trends', headers: [w.target, '', w.used, w.growth, w.fit, w.points, w.daysToCritical, w.daysToFull], rows } };
}

function counts(r: InspectionReport, w: Record<Word, string>): Table {
  return {
    id: 'counts', headers: [w.system, w.measurements, w.critical, w.warning, w.penalty, w.score],
    rows: Object.entries(r.summary.bySystem).map(([sys, c]) => {
      const s = r.score.bySystem[sys];
      return { cells: [sys, String(c.measurements), String(c.critical), String(c.warning), String(s?.penalty ?? 0), String(s?.score ?? 100)] };
    }),
  };
}

/** The view model of one report, in one language. */
export function buildHealthView(report: TrendedReport, lang: Lang): HealthView {
  const w = wordsOf(lang);
  const recs = recommendationsOf(report);
  const sum = report.summary;
  return {
    lang, w,
    title: `《${report.title.zh}》`,
    subtitle: lang === 'zh' ? `${report.environmentTitle} · ${report.playbook.title.zh}` : `${report.title.en} · ${report.environmentTitle} · ${report.playbook.title.en}`,
    simulated: report.simulated ? w.simulated : null,
    meta: [[w.env, report.env], [w.playbook, report.playbook.title[lang]], [w.generatedAt, shanghaiTime(report.generatedAt)], [w.revision, report.revision?.slice(0, 12) ?? '—'],
      [w.checks, String(sum.checks)], [w.targets, String(sum.targets)], [w.measurements, String(sum.measurements)], [w.unread, String(sum.unread)]],
    conclusion: { text: w[report.conclusion], cls: report.conclusion },
    scoreSvg: scoreRing(report.score.value, w.score),
    scoreNote: `${w.formula} ${report.score.formula}: 100 − Σ min(${report.score.weights.capPerSystem}, ${report.score.weights.critical}×${w.critical} + ${report.score.weights.warning}×${w.warning}) · ${w.critical} ${sum.findings.critical} · ${w.warning} ${sum.findings.warning}`,
    counts: counts(report, w),
    findings: findingsTable(report, w, lang),
    hostCharts: hostCharts(report, w),
    ...dbCharts(report, w),
    ...middleware(report, w),
    ...trendsOfView(report, w),
    recommendations: {
      id: 'recommendations', headers: [w.priority, w.recommendations, w.action, w.target, w.runbook],
      rows: recs.map((r) => ({ cls: r.priority === 'high' ? 'critical' : 'warning', cells: [w[r.priority], r.title[lang], r.action[lang], r.targets.join(', '), r.runbook ?? ''] })),
    },
    gaps: {
      id: 'gaps', headers: [w.target, w.checks, w.reason],
      rows: [...report.unread.map((u) => ({ cls: 'critical', cells: [u.target, u.checkIds.join(', '), u.reason] })), ...report.notMeasured.map((n) => ({ cells: ['', n.checkId, n.reason] }))],
    },
  };
}
