/**
 * Plan → plain text for a terminal or a log: grouped by environment then system, one line per
 * change with its action symbol, before → after per attribute (secrets as "(sensitive)"), then
 * the steps in execution order with restart and downtime, unknown reads, diagnostics, and a
 * Terraform-like summary line. Pure: string out; only cli/ prints it.
 */
import {
  ACTION_SYMBOL,
  SYSTEM_LABEL,
  changesBySystem,
  formatSeconds,
  showValue,
  summaryLine,
  type Change,
  type Plan,
  type Step,
} from '../core/index.js';
import { formatDiagnostic } from '../diag/index.js';

export function renderPlanText(plan: Plan): string {
  const out: string[] = [];
  out.push(headerLine(plan));
  out.push('');
  const groups = changesBySystem(plan);
  if (groups.length === 0 && plan.unknown.length === 0) out.push('No changes. Live state matches the desired state.', '');
  for (const g of groups) {
    out.push(`== ${plan.env} / ${SYSTEM_LABEL[g.system]} ==`);
    for (const c of g.changes) out.push(...changeLines(c));
    out.push('');
  }
  if (plan.steps.length > 0) {
    out.push(`Steps (${plan.steps.length}; estimated ${formatSeconds(plan.estimatedSeconds)} serial, ${formatSeconds(plan.criticalPathSeconds)} with independent steps concurrent):`);
    plan.steps.forEach((s, i) => out.push(...stepLines(s, i + 1)));
    out.push('');
  }
  if (plan.unknown.length > 0) {
    out.push('Unknown (live state could not be read; this plan is INCOMPLETE):');
    for (const u of plan.unknown) out.push(`  ? ${u.address} — ${u.reason}`);
    out.push('');
  }
  if (plan.diagnostics.length > 0) {
    out.push('Diagnostics:');
    for (const d of plan.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    out.push('');
  }
  out.push(summaryLine(plan));
  return `${out.join('\n')}\n`;
}

function headerLine(plan: Plan): string {
  const parts = [`Plan for environment ${plan.env}`, `created ${plan.createdAt}`];
  if (plan.revision) parts.push(`revision ${plan.revision}`);
  if (plan.release) parts.push(`release ${plan.release}`);
  if (plan.only?.length) parts.push(`only ${plan.only.join(', ')}`);
  return parts.join(' · ');
}

function changeLines(c: Change): string[] {
  const flags = [
    c.restart ? `needs ${c.restart.scope} restart` : '',
    c.reversible ? '' : 'IRREVERSIBLE',
    c.blocked ? `BLOCKED (${c.blocked})` : '',
  ].filter(Boolean);
  const lines = [`  ${ACTION_SYMBOL[c.action].padEnd(3)} ${c.address}${flags.length ? `  [${flags.join('; ')}]` : ''}`];
  if (c.reason) lines.push(`        # ${c.reason}`);
  for (const a of c.attributes) {
    const text = c.action === 'create' ? showValue(a, 'after') : c.action === 'delete' ? showValue(a, 'before') : `${showValue(a, 'before')} → ${showValue(a, 'after')}`;
    lines.push(`        ${a.name}: ${text}`);
  }
  return lines;
}

function stepLines(s: Step, n: number): string[] {
  const head = `  ${String(n).padStart(3)}. ${ACTION_SYMBOL[s.action]} ${s.description}`;
  const lines = [s.action === 'restart' ? `${head}, downtime: ${s.downtime}` : head];
  const downtime = s.action === 'restart' ? '' : ` · downtime: ${s.downtime}`;
  lines.push(`       address: ${s.address} · ~${formatSeconds(s.estimatedSeconds)}${downtime}${s.reversible ? '' : ' · IRREVERSIBLE'}`);
  if (s.dependsOn.length > 0 && s.dependsOn.length <= 3) lines.push(`       after: ${s.dependsOn.join(', ')}`);
  else if (s.dependsOn.length > 3) lines.push(`       after: ${s.dependsOn.length} steps`);
  return lines;
}
