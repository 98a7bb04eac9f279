/**
 * The health score, formula `opsctl-score-1` (published in docs/inspection.md; Oracle does not
 * publish ORAchk's weighting — health-checks.md §1.4 — so this is our own, explainable one):
 *
 *   penalty(system) = min(CAP, CRITICAL_WEIGHT × critical(system) + WARNING_WEIGHT × warning(system))
 *   score           = max(0, 100 − Σ penalty(system))           systems: host, database,
 *   score(system)   = max(0, 100 − CRITICAL_WEIGHT × critical − WARNING_WEIGHT × warning)
 *                                                                 middleware, application, business
 *
 * Each finding counts once (a target that could not be read is one critical finding). The cap
 * keeps one failing subsystem from hiding the state of the others; the counts per status are
 * shown next to the score so the number can always be recomputed by hand.
 */
import { SYSTEMS, checkNamed } from './catalogue.js';
import type { Finding, System } from './types.js';

export const SCORE_FORMULA = 'opsctl-score-1';
export const SCORE_WEIGHTS = { critical: 10, warning: 3, capPerSystem: 40 } as const;

export interface Score {
  value: number;
  formula: typeof SCORE_FORMULA;
  weights: typeof SCORE_WEIGHTS;
  bySystem: Record<System, { score: number; critical: number; warning: number; penalty: number }>;
}

export function systemOf(finding: Pick<Finding, 'checkId'>): System {
  return checkNamed(finding.checkId)?.system ?? 'host';
}

export function healthScore(findings: readonly Pick<Finding, 'checkId' | 'severity'>[]): Score {
  const bySystem = {} as Score['bySystem'];
  let total = 0;
  for (const system of SYSTEMS) {
    const mine = findings.filter((f) => systemOf(f) === system);
    const critical = mine.filter((f) => f.severity === 'critical').length;
    const warning = mine.length - critical;
    const raw = SCORE_WEIGHTS.critical * critical + SCORE_WEIGHTS.warning * warning;
    const penalty = Math.min(SCORE_WEIGHTS.capPerSystem, raw);
    bySystem[system] = { score: Math.max(0, 100 - raw), critical, warning, penalty };
    total += penalty;
  }
  return { value: Math.max(0, 100 - total), formula: SCORE_FORMULA, weights: SCORE_WEIGHTS, bySystem };
}

export type Conclusion = 'normal' | 'attention' | 'abnormal';

/** 正常 (no findings) · 关注 (warnings only) · 异常 (any critical) — domain.md §4.2 cover page. */
export function conclusionOf(findings: readonly Pick<Finding, 'severity'>[]): Conclusion {
  if (findings.some((f) => f.severity === 'critical')) return 'abnormal';
  return findings.length ? 'attention' : 'normal';
}
