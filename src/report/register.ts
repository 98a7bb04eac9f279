/**
 * 《运维问题清册及处理结果》 (problem register) as a Doc, pure: every incident (status, owner,
 * prevention as 整改措施, report deadline) and every finding carried over from the inspection
 * history — 处理中 while the newest report still has it, 已解决 once a later report no longer
 * does — with the day it was first seen.
 */
import type { InspectionReport } from '../health/report-schema.js';
import { deadlineText, statusText } from '../incident/report.js';
import type { Deadline, Incident } from '../incident/index.js';
import type { Doc } from './doc.js';
import { shanghaiTime, type Lang } from './labels.js';

interface Carried {
  id: string;
  severity: string;
  message: string;
  firstSeen: string;
  lastSeen: string;
  open: boolean;
}

export function carriedFindings(history: readonly InspectionReport[], lang: Lang): Carried[] {
  const sorted = [...history].sort((a, b) => Date.parse(a.generatedAt) - Date.parse(b.generatedAt));
  const latest = sorted[sorted.length - 1];
  const byId = new Map<string, Carried>();
  for (const r of sorted) {
    for (const f of r.findings) {
      const c = byId.get(f.id) ?? { id: f.id, severity: f.severity, message: f.message[lang], firstSeen: r.generatedAt, lastSeen: r.generatedAt, open: false };
      byId.set(f.id, { ...c, severity: f.severity, message: f.message[lang], lastSeen: r.generatedAt });
    }
  }
  const open = new Set(latest?.findings.map((f) => f.id) ?? []);
  return [...byId.values()].map((c) => ({ ...c, open: open.has(c.id) })).sort((a, b) => Number(b.open) - Number(a.open) || a.firstSeen.localeCompare(b.firstSeen));
}

export function registerDoc(env: string, incidents: readonly { incident: Incident; deadline: Deadline }[], history: readonly InspectionReport[], now: Date, lang: Lang = 'zh'): Doc {
  const zh = lang === 'zh';
  const found = carriedFindings(history, lang);
  return {
    lang,
    title: zh ? '《运维问题清册及处理结果》' : 'Problem register and outcomes',
    subtitle: zh ? `环境 ${env} · 截至 ${shanghaiTime(now.toISOString())}` : `environment ${env} · as of ${shanghaiTime(now.toISOString())}`,
    facts: [[zh ? '故障' : 'Incidents', String(incidents.length)], [zh ? '巡检问题（处理中/已解决）' : 'Findings (open/resolved)', `${found.filter((f) => f.open).length} / ${found.filter((f) => !f.open).length}`]],
    sections: [
      { heading: zh ? '一、故障' : '1. Incidents', empty: zh ? '无' : 'None',
        table: { id: 'incidents', headers: zh ? ['编号', '发现时间', '级别', '问题描述', '影响', '责任人', '整改措施', '状态', '报告期限'] : ['ID', 'Detected', 'Severity', 'Description', 'Affected', 'Owner', 'Measures', 'Status', 'Report due'],
          rows: incidents.map(({ incident: i, deadline }) => ({ cls: deadline.status === 'overdue' || deadline.status === 'submitted-late' ? 'critical' : '', cells: [i.id, shanghaiTime(i.detectedAt), i.severity, `${i.title}${i.description ? `：${i.description}` : ''}`, i.affected.join(', '), i.owner ?? '—', i.prevention || '—', statusText(i, lang), deadlineText(deadline, lang)] })) } },
      { heading: zh ? '二、巡检发现的问题' : '2. Findings carried over', empty: zh ? '无' : 'None',
        table: { id: 'findings', headers: zh ? ['问题', '级别', '说明', '首次发现', '最近一次', '状态'] : ['Finding', 'Severity', 'Message', 'First seen', 'Last seen', 'Status'],
          rows: found.map((f) => ({ cls: f.open ? f.severity : 'resolved', cells: [f.id, f.severity, f.message, shanghaiTime(f.firstSeen), shanghaiTime(f.lastSeen), f.open ? (zh ? '处理中' : 'open') : (zh ? '已解决' : 'resolved')] })) } },
    ],
  };
}
