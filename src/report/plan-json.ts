/**
 * Plan → stable JSON: keys sorted at every level, two-space indent, trailing newline. The same
 * plan value always gives byte-identical text (the plan file `opsctl plan --out` writes).
 * Sensitive values are already `sha256:` markers in the plan (core/diff.ts masks them).
 */
import { canonicalJson, type Plan } from '../core/index.js';

export function renderPlanJson(plan: Plan): string {
  return `${canonicalJson(plan, 2)}\n`;
}
