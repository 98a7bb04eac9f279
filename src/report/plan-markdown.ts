/**
 * Plan → Markdown for a merge-request comment: a summary table, warnings for incomplete or
 * errored plans and irreversible steps, then collapsible details per system and for the steps.
 * Secrets render as "(sensitive)". Pure: string out.
 */
import {
  ACTION_SYMBOL,
  SYSTEM_LABEL,
  changesBySystem,
  formatSeconds,
  irreversibleSteps,
  showValue,
  summaryLine,
  type Change,
  type Plan,
} from '../core/index.js';
import { formatDiagnostic } from '../diag/index.js';

/** Escape text for a table cell or inline position. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/~/g, '\\~').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

export function renderPlanMarkdown(plan: Plan): string {
  const s = plan.summary;
  const out: string[] = [];
  out.push(`### opsctl plan — ${code(plan.env)} 变更计划`);
  const meta = [`created ${plan.createdAt}`, plan.revision ? `revision ${code(plan.revision)}` : '', plan.release ? `release ${code(plan.release)}` : ''];
  out.push('', meta.filter(Boolean).join(' · '), '');
  out.push('| create 新增 | update 修改 | replace 重建 | delete 删除 | restart 重启 | unchanged 无变化 | unknown 未知 | estimated 预计 |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---|');
  out.push(`| ${s.create} | ${s.update} | ${s.replace} | ${s.delete} | ${s.restart} | ${s.noop} | ${s.unknown} | ${formatSeconds(plan.estimatedSeconds)} |`);
  out.push('');
  out.push(...warnings(plan));
  for (const g of changesBySystem(plan)) {
    out.push(`<details><summary><b>${SYSTEM_LABEL[g.system]}</b> — ${g.changes.length} change(s)</summary>`, '');
    out.push('| | address | attribute | before | after | restart |', '|---|---|---|---|---|---|');
    for (const c of g.changes) out.push(...changeRows(c));
    out.push('', '</details>', '');
  }
  if (plan.steps.length > 0) {
    out.push(`<details><summary><b>Steps 步骤</b> — ${plan.steps.length}, ${formatSeconds(plan.criticalPathSeconds)} with concurrency</summary>`, '');
    plan.steps.forEach((st, i) => out.push(`${i + 1}. ${ACTION_SYMBOL[st.action]} ${cell(st.description)} — downtime: ${cell(st.downtime)}${st.reversible ? '' : ' — **irreversible**'}`));
    out.push('', '</details>', '');
  }
  if (plan.diagnostics.length > 0) {
    out.push('<details><summary><b>Diagnostics 诊断</b></summary>', '');
    for (const d of plan.diagnostics) out.push(`- ${cell(formatDiagnostic(d))}`);
    out.push('', '</details>', '');
  }
  out.push(`_${summaryLine(plan)}_`);
  return `${out.join('\n')}\n`;
}

function warnings(plan: Plan): string[] {
  const out: string[] = [];
  if (!plan.complete) {
    out.push(`> **Incomplete 计划不完整**: ${plan.unknown.length} address(es) could not be read:`);
    for (const u of plan.unknown) out.push(`> - ${code(u.address)} — ${cell(u.reason)}`);
    out.push('');
  }
  if (plan.errored) out.push('> **Errored**: this plan must not be applied (see diagnostics).', '');
  const irreversible = irreversibleSteps(plan);
  if (irreversible.length > 0) out.push(`> **Irreversible 不可回退**: ${irreversible.map((st) => code(st.id)).join(', ')}`, '');
  return out;
}

function changeRows(c: Change): string[] {
  const sym = cell(ACTION_SYMBOL[c.action]);
  const restart = c.restart ? `${c.restart.scope}` : '';
  if (c.attributes.length === 0) return [`| ${sym} | ${code(c.address)} | | | | ${restart} |`];
  return c.attributes.map((a, i) => {
    const head = i === 0 ? `| ${sym} | ${code(c.address)}` : '| | ';
    return `${head} | ${cell(a.name)} | ${cell(showValue(a, 'before'))} | ${cell(showValue(a, 'after'))} | ${i === 0 ? restart : ''} |`;
  });
}
