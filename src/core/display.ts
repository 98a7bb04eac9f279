/**
 * Display facts shared by every plan renderer (text, Markdown, JSON consumers): action symbols,
 * the one masking rule for attribute values, durations, the summary sentence. Renderers lay
 * these out; they do not decide what is sensitive or how a value is spelled.
 */
import type { AttributeChange, Change, ChangeAction, Plan, StepAction } from './plan.js';
import { looksSecret, SYSTEMS, type System } from './resource.js';

export const ACTION_SYMBOL: Record<ChangeAction | StepAction, string> = {
  noop: ' ',
  create: '+',
  update: '~',
  delete: '-',
  replace: '-/+',
  restart: '↻',
  deploy: '⇡',
  run: '✓',
};

export const SYSTEM_LABEL: Record<System, string> = {
  host: 'host 主机',
  oracle: 'oracle 数据库',
  'config-table': 'config-table 系统配置',
  weblogic: 'weblogic 中间件',
};

export const SENSITIVE = '(sensitive)';

/** Is this attribute masked? The plan flag, or a secret-looking name as a second guard. */
export function isMasked(a: Pick<AttributeChange, 'name' | 'sensitive'>): boolean {
  return a.sensitive === true || looksSecret(a.name);
}

/** One side of an attribute change as text: `(sensitive)`, `(none)`, or JSON. */
export function showValue(a: AttributeChange, side: 'before' | 'after'): string {
  const v = a[side];
  if (v === undefined) return '(none)';
  if (isMasked(a)) return SENSITIVE;
  return JSON.stringify(v);
}

export function formatSeconds(total: number): string {
  const s = Math.round(total);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${r ? `${String(r).padStart(2, '0')}s` : ''}`;
  return `${r}s`;
}

/** Terraform-like summary sentence. */
export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  const base = `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.restart} restarts; ${s.noop} unchanged`;
  const extra = [
    s.unknown ? `${s.unknown} unknown (plan incomplete)` : '',
    plan.errored ? 'ERRORED: must not be applied' : '',
  ].filter(Boolean);
  return extra.length ? `${base}; ${extra.join('; ')}.` : `${base}.`;
}

/** Changes that are not noop, grouped by system in display order. */
export function changesBySystem(plan: Plan): { system: System; changes: Change[] }[] {
  return SYSTEMS.map((system) => ({ system, changes: plan.changes.filter((c) => c.system === system && c.action !== 'noop') })).filter(
    (g) => g.changes.length > 0,
  );
}
