/**
 * 故障案例库 (case library), pure: incidents (描述/原因/解决办法/预防措施, tags) and runbooks
 * (symptoms, triggers) as cases, searchable by text: every whitespace-separated term must occur
 * (case-insensitive) in the case's text or tags; `#tag` matches a tag exactly.
 */
import type { Incident } from '../incident/schema.js';
import type { Runbook } from '../model/index.js';
import type { Doc } from './doc.js';
import { shanghaiTime, type Lang } from './labels.js';

export interface Case {
  id: string;
  kind: 'incident' | 'runbook';
  title: string;
  when: string;
  tags: string[];
  summary: string;
  text: string;
}

export function casesOf(incidents: readonly Incident[], runbooks: readonly Runbook[], lang: Lang): Case[] {
  return [
    ...incidents.map((i): Case => ({
      id: i.id, kind: 'incident', title: i.title, when: shanghaiTime(i.occurredAt), tags: [...i.tags, i.severity, ...i.runbooks],
      summary: [i.cause && `${lang === 'zh' ? '原因' : 'cause'}: ${i.cause}`, i.resolution && `${lang === 'zh' ? '解决' : 'fix'}: ${i.resolution}`].filter(Boolean).join(' · ') || i.description,
      text: [i.title, i.description, i.cause, i.resolution, i.prevention, ...i.affected, ...i.timeline.map((e) => e.text)].join('\n'),
    })),
    ...runbooks.map((r): Case => ({
      id: r.name, kind: 'runbook', title: r.title[lang], when: '', tags: [...(r.triggers ?? []), r.severity, ...(r.appliesTo.systems ?? [])],
      summary: r.symptoms.join('; '), text: [r.title.zh, r.title.en, r.description ?? '', ...r.symptoms, ...r.steps.map((s) => s.title), r.escalation].join('\n'),
    })),
  ];
}

export function searchCases(cases: readonly Case[], query: string | undefined): Case[] {
  const terms = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return cases.filter((c) => terms.every((t) => (t.startsWith('#') ? c.tags.some((g) => g.toLowerCase() === t.slice(1)) : `${c.id}\n${c.title}\n${c.text}\n${c.tags.join(' ')}`.toLowerCase().includes(t))));
}

export function casesDoc(cases: readonly Case[], query: string | undefined, lang: Lang = 'zh'): Doc {
  const zh = lang === 'zh';
  return {
    lang, title: zh ? '故障案例库' : 'Case library',
    ...(query ? { subtitle: `${zh ? '检索' : 'Search'}: ${query}` } : {}),
    facts: [[zh ? '案例数' : 'Cases', String(cases.length)]],
    sections: [{ heading: zh ? '案例' : 'Cases', empty: zh ? '没有匹配的案例' : 'No matching case',
      table: { id: 'cases', headers: zh ? ['编号', '类型', '标题', '时间', '标签', '摘要'] : ['ID', 'Kind', 'Title', 'When', 'Tags', 'Summary'],
        rows: cases.map((c) => ({ cells: [c.id, c.kind === 'incident' ? (zh ? '故障' : 'incident') : (zh ? '预案' : 'runbook'), c.title, c.when, c.tags.join(', '), c.summary] })) } }],
  };
}
