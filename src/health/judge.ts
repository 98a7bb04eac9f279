/**
 * Judgement: measurements plus the thresholds in force → findings, through one assessor per
 * system kind (aesthetics lesson 9). A target that could not be read becomes one CRITICAL
 * finding "could not read: …" for that target; the rest of the report is judged as usual. A
 * measurement whose check has no assessor is kept in the report but judged by nothing.
 */
import type { EnvironmentModel, InspectionPlaybook } from '../model/index.js';
import type { Assessor } from './assess-common.js';
import { label } from './assess-common.js';
import { BUSINESS_ASSESSORS } from './assess-business.js';
import { DB_ASSESSORS } from './assess-db.js';
import { HOST_ASSESSORS } from './assess-host.js';
import { MIDDLEWARE_ASSESSORS } from './assess-middleware.js';
import { REACHABLE_CHECK } from './catalogue.js';
import { thresholdsFor } from './thresholds.js';
import { findingKey, type Finding, type Measurement, type Unread } from './types.js';

const ASSESSORS: Record<string, Assessor> = { ...HOST_ASSESSORS, ...DB_ASSESSORS, ...MIDDLEWARE_ASSESSORS, ...BUSINESS_ASSESSORS };

export interface JudgeInput {
  env: EnvironmentModel;
  playbook: InspectionPlaybook;
  measurements: readonly Measurement[];
  unread: readonly Unread[];
}

export function unreadFinding(u: Unread): Finding {
  const checkId = REACHABLE_CHECK[u.system];
  return {
    id: findingKey(checkId, u.target),
    checkId,
    severity: 'critical',
    target: u.target,
    message: {
      zh: `无法读取：${label(u.target)}（${u.reason}）；未完成的检查：${u.checkIds.join(', ')}`,
      en: `could not read: ${label(u.target)} (${u.reason}); checks not done: ${u.checkIds.join(', ')}`,
    },
    value: null,
    unit: 'state',
  };
}

const ORDER = { critical: 0, warning: 1 } as const;

export function judge(input: JudgeInput): Finding[] {
  const out = new Map<string, Finding>();
  const unread = new Map<string, Unread>();
  for (const u of input.unread) {
    const key = findingKey(REACHABLE_CHECK[u.system], u.target);
    const prior = unread.get(key);
    unread.set(key, prior ? { ...prior, checkIds: [...new Set([...prior.checkIds, ...u.checkIds])] } : u);
  }
  for (const [key, u] of unread) out.set(key, unreadFinding(u));
  for (const m of input.measurements) {
    const assess = ASSESSORS[m.checkId];
    if (!assess) continue;
    const threshold = thresholdsFor(m, input.playbook, input.env);
    const v = assess(m, threshold, input.env);
    if (!v) continue;
    const id = findingKey(m.checkId, m.target);
    const prior = out.get(id);
    if (prior && ORDER[prior.severity] <= ORDER[v.severity]) continue;
    out.set(id, { id, checkId: m.checkId, severity: v.severity, target: m.target, message: v.message, value: m.value, unit: m.unit, ...(threshold ? { threshold } : {}) });
  }
  return [...out.values()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.checkId.localeCompare(b.checkId) || a.target.localeCompare(b.target));
}
