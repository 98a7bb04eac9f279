/**
 * 《系统应急保障方案》 generated from the emergency runbooks (playbooks/runbooks/*.yaml), pure:
 * an index by severity, then per runbook its symptoms, triggers, scope, numbered steps (the
 * irreversible ones marked) and escalation, and how to run it (`opsctl playbook run`).
 */
import type { Runbook } from '../model/index.js';
import type { Doc, DocSection } from './doc.js';
import type { Lang } from './labels.js';

const ORDER = { P1: 0, P2: 1, P3: 2 } as const;

function runbookSection(r: Runbook, n: number, zh: boolean): DocSection {
  const scope = [...(r.appliesTo.systems ?? []), ...(r.appliesTo.roles ?? [])].join(', ');
  return {
    heading: `${n}. ${r.title[zh ? 'zh' : 'en']}（${r.name}，${r.severity}）`,
    paragraphs: [
      ...(r.description ? [r.description] : []),
      `${zh ? '适用范围' : 'Applies to'}: ${scope || '—'}${r.target ? ` · ${zh ? '对象' : 'target'} ${r.target.kind}${r.target.default ? ` (${r.target.default})` : ''}` : ''}`,
      `${zh ? '触发检查' : 'Triggered by'}: ${(r.triggers ?? []).join(', ') || '—'}`,
      `${zh ? '执行' : 'Run'}: opsctl playbook run ${r.name}${r.target ? ' --target <T>' : ''}`,
      `${zh ? '升级' : 'Escalation'}: ${r.escalation}`,
    ],
    list: r.symptoms.map((s) => `${zh ? '现象' : 'symptom'}: ${s}`),
    table: { id: `steps-${r.name}`, headers: zh ? ['步骤', '操作', '动作', '说明'] : ['Step', 'Title', 'Action', 'Notes'],
      rows: r.steps.map((s, i) => ({ cls: s.irreversible ? 'warning' : '', cells: [`${i + 1}. ${s.name}`, s.title, s.action, [s.irreversible ? (zh ? '不可逆，需明确同意' : 'irreversible: needs consent') : '', s.always ? (zh ? '总是执行' : 'always runs') : ''].filter(Boolean).join('; ')] })) },
  };
}

export function emergencyPlanDoc(runbooks: readonly Runbook[], lang: Lang = 'zh'): Doc {
  const zh = lang === 'zh';
  const sorted = [...runbooks].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.name.localeCompare(b.name));
  return {
    lang,
    title: zh ? '《系统应急保障方案》' : 'Emergency support plan',
    subtitle: zh ? '由 playbooks/runbooks/ 中的应急预案生成' : 'generated from the runbooks in playbooks/runbooks/',
    facts: [[zh ? '预案数' : 'Runbooks', String(sorted.length)], ...(['P1', 'P2', 'P3'] as const).map((p): [string, string] => [p, String(sorted.filter((r) => r.severity === p).length)])],
    sections: [
      { heading: zh ? '预案一览' : 'Index', table: { id: 'runbooks', headers: zh ? ['级别', '预案', '名称', '触发检查', '升级'] : ['Severity', 'Runbook', 'Name', 'Triggers', 'Escalation'],
        rows: sorted.map((r) => ({ cells: [r.severity, r.title[zh ? 'zh' : 'en'], r.name, (r.triggers ?? []).join(', '), r.escalation] })) } },
      ...sorted.map((r, i) => runbookSection(r, i + 1, zh)),
    ],
  };
}
