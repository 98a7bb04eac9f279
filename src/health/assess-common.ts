/**
 * What every assessor shares: the verdict type, the numeric threshold rule and message wording.
 * An assessor turns one measurement (with the thresholds in force) into a verdict or null.
 */
import type { EnvironmentModel } from '../model/index.js';
import { checkNamed } from './catalogue.js';
import type { ThresholdInForce } from './thresholds.js';
import type { Measurement, Severity, Title } from './types.js';

export interface Verdict {
  severity: Severity;
  message: Title;
}

export type Assessor = (m: Measurement, threshold: ThresholdInForce | undefined, env: EnvironmentModel) => Verdict | null;

/** The object part of a target, for messages: `lab/oracle:coredb/tablespace:SBF_DATA` → `oracle:coredb/tablespace:SBF_DATA`. */
export function label(target: string): string {
  return target.slice(target.indexOf('/') + 1);
}

function unitText(m: Measurement): string {
  return m.unit === '%' ? '%' : m.unit === 'count' || m.unit === 'state' ? '' : ` ${m.unit}`;
}

export function fmt(v: unknown): string {
  return typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v);
}

/** Numeric rule: `above` — value ≥ critical → critical, ≥ warning → warning; `below` mirrored. */
export function numeric(m: Measurement, th: ThresholdInForce | undefined): Verdict | null {
  const check = checkNamed(m.checkId);
  if (!check || !th || typeof m.value !== 'number') return null;
  const below = check.direction === 'below';
  const hit = (limit: number): boolean => (below ? (m.value as number) <= limit : (m.value as number) >= limit);
  const severity: Severity | null = hit(th.critical) ? 'critical' : hit(th.warning) ? 'warning' : null;
  if (!severity) return null;
  const limit = severity === 'critical' ? th.critical : th.warning;
  const cmp = below ? '≤' : '≥';
  const u = unitText(m);
  return {
    severity,
    message: {
      zh: `${check.title.zh}：${label(m.target)} 为 ${fmt(m.value)}${u}（${severity === 'critical' ? '严重' : '警告'}阈值 ${cmp} ${limit}${u}）`,
      en: `${check.title.en}: ${label(m.target)} is ${fmt(m.value)}${u} (${severity} threshold ${cmp} ${limit}${u})`,
    },
  };
}

export function verdict(severity: Severity, zh: string, en: string): Verdict {
  return { severity, message: { zh, en } };
}

export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

export function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
