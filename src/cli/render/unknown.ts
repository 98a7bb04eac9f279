/**
 * What an incomplete plan could not read, grouped by the host, domain or database the reads
 * went to, each address with its reason. Pure: text out.
 */
import type { Plan } from '../../core/index.js';
import { describeScope, scopeOf } from './types.js';

export function unknownByScope(plan: Pick<Plan, 'unknown'>): { scope: string; label: string; items: Plan['unknown'] }[] {
  const groups = new Map<string, Plan['unknown']>();
  for (const u of plan.unknown) {
    const scope = scopeOf(u.address);
    groups.set(scope, [...(groups.get(scope) ?? []), u]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([scope, items]) => ({ scope, label: describeScope(scope), items }));
}

export function renderUnknown(plan: Pick<Plan, 'unknown' | 'env'>): string {
  if (plan.unknown.length === 0) return '';
  const groups = unknownByScope(plan);
  const lines = [`INCOMPLETE: ${plan.unknown.length} address(es) of ${plan.env} could not be read, on ${groups.map((g) => g.label).join(', ')}:`];
  for (const g of groups) {
    lines.push(`  ${g.label} (${g.items.length}):`);
    for (const u of g.items) lines.push(`    ? ${u.address} — ${u.reason}`);
  }
  lines.push('Everything else was read; the changes above are the ones that could be computed.');
  return `${lines.join('\n')}\n`;
}
