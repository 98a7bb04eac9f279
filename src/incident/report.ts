/**
 * The 《故障处理报告》 of one incident as a Doc (domain.md §4.4): basic information with the
 * 3-working-day deadline and whether it was met, 故障描述, 处理过程, 故障原因, 解决办法, 预防措施,
 * related records. Pure: the deadline comes in computed.
 */
import type { Doc } from '../report/doc.js';
import { shanghaiTime, type Lang } from '../report/labels.js';
import type { Deadline } from './due.js';
import type { Incident } from './schema.js';

const STATUS = {
  zh: { open: '处理中', resolved: '已恢复', closed: '已关闭', 'submitted-on-time': '按期提交', 'submitted-late': '逾期提交', pending: '待提交', overdue: '已逾期', unknown: '无法计算（日历缺数据）' },
  en: { open: 'open', resolved: 'resolved', closed: 'closed', 'submitted-on-time': 'submitted on time', 'submitted-late': 'submitted late', pending: 'due', overdue: 'OVERDUE', unknown: 'unknown (calendar gap)' },
} as const;

export function deadlineText(d: Deadline, lang: Lang): string {
  const s = STATUS[lang][d.status];
  const late = d.workingDaysLate > 0 ? (lang === 'zh' ? `，迟 ${d.workingDaysLate} 个工作日` : `, ${d.workingDaysLate} working day(s) late`) : '';
  const base = lang === 'zh' ? (d.from === 'resolvedAt' ? '恢复' : '发生') : d.from === 'resolvedAt' ? 'resolution' : 'occurrence';
  return d.dueDay ? `${d.dueDay} 24:00（${base} ${d.fromDay} + 3 ${lang === 'zh' ? '个工作日' : 'working days'}）· ${s}${late}` : `${s}: ${d.reason ?? ''}`;
}

export function statusText(i: Incident, lang: Lang): string {
  return STATUS[lang][i.status];
}

const t = (v: string | null): string => (v ? shanghaiTime(v) : '—');
const orDash = (s: string): string => (s.trim() ? s : '—');

export function incidentReportDoc(i: Incident, deadline: Deadline, lang: Lang = 'zh'): Doc {
  const zh = lang === 'zh';
  return {
    lang,
    title: zh ? `《故障处理报告》${i.id}` : `Incident report ${i.id}`,
    subtitle: i.title,
    ...(deadline.status === 'overdue' || deadline.status === 'submitted-late' ? { notice: zh ? `报告逾期：${deadlineText(deadline, lang)}` : `Report late: ${deadlineText(deadline, lang)}` } : {}),
    facts: [
      [zh ? '编号' : 'ID', i.id], [zh ? '环境' : 'Environment', i.env], [zh ? '级别' : 'Severity', i.severity], [zh ? '状态' : 'Status', statusText(i, lang)],
      [zh ? '发生时间' : 'Occurred', t(i.occurredAt)], [zh ? '发现时间 / 发现者' : 'Detected / by', `${t(i.detectedAt)} / ${i.detectedBy}`],
      [zh ? '恢复时间' : 'Resolved', t(i.resolvedAt)], [zh ? '影响范围' : 'Affected', i.affected.join(', ') || '—'],
      [zh ? '负责人' : 'Owner', i.owner ?? '—'], [zh ? '报告提交' : 'Report submitted', t(i.reportedAt)], [zh ? '报告期限（3 个工作日）' : 'Report due (3 working days)', deadlineText(deadline, lang)],
    ],
    sections: [
      { heading: zh ? '一、故障描述' : '1. Description', paragraphs: [orDash(i.description)] },
      { heading: zh ? '二、处理过程' : '2. Timeline', table: { id: 'timeline', headers: [zh ? '时间' : 'Time', zh ? '处理' : 'Action'], rows: i.timeline.map((e) => ({ cells: [shanghaiTime(e.at), e.text] })) } },
      { heading: zh ? '三、故障原因' : '3. Cause', paragraphs: [orDash(i.cause)] },
      { heading: zh ? '四、解决办法' : '4. Resolution', paragraphs: [orDash(i.resolution)] },
      { heading: zh ? '五、预防措施' : '5. Prevention', paragraphs: [orDash(i.prevention)] },
      { heading: zh ? '六、相关记录' : '6. Related records', list: [...i.runbooks.map((r) => `${zh ? '应急预案' : 'runbook'} ${r}`), ...i.related, ...i.tags.map((x) => `#${x}`)] },
    ],
  };
}
