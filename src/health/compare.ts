/**
 * Comparison with the previous report of the same environment and playbook (health-checks.md
 * §1.5, ORAchk's diff): findings matched by their stable key (checkId@target) are new, resolved
 * or persisting; a previous finding whose check did not run this time, or whose target could not
 * be read, is "not checked" rather than resolved.
 */
import type { Finding, Severity, Unread } from './types.js';

export interface PreviousReport {
  generatedAt: string;
  file?: string;
  findings: readonly Pick<Finding, 'id' | 'checkId' | 'target' | 'severity'>[];
}

export interface Comparison {
  previous: { generatedAt: string; file: string | null } | null;
  new: string[];
  resolved: string[];
  persisting: { id: string; severity: Severity; previousSeverity: Severity }[];
  notChecked: string[];
}

export interface CompareScope {
  checkIds: readonly string[];
  unread: readonly Pick<Unread, 'target' | 'checkIds'>[];
}

function coveredByUnread(f: Pick<Finding, 'checkId' | 'target'>, unread: CompareScope['unread']): boolean {
  return unread.some((u) => (f.target === u.target || f.target.startsWith(`${u.target}/`)) && u.checkIds.includes(f.checkId));
}

export function compareFindings(current: readonly Finding[], previous: PreviousReport | undefined, scope: CompareScope): Comparison {
  if (!previous) return { previous: null, new: current.map((f) => f.id), resolved: [], persisting: [], notChecked: [] };
  const before = new Map(previous.findings.map((f) => [f.id, f]));
  const now = new Set(current.map((f) => f.id));
  const out: Comparison = { previous: { generatedAt: previous.generatedAt, file: previous.file ?? null }, new: [], resolved: [], persisting: [], notChecked: [] };
  for (const f of current) {
    const old = before.get(f.id);
    if (old) out.persisting.push({ id: f.id, severity: f.severity, previousSeverity: old.severity });
    else out.new.push(f.id);
  }
  for (const old of previous.findings) {
    if (now.has(old.id)) continue;
    if (!scope.checkIds.includes(old.checkId) || coveredByUnread(old, scope.unread)) out.notChecked.push(old.id);
    else out.resolved.push(old.id);
  }
  return out;
}
