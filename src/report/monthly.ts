/**
 * 《系统运行维护报告》 (运维月报, domain.md §4.3) of one environment and month as a Doc, pure:
 * overview and availability, inspections (count, scores, findings), applies (outcome, release,
 * approvals, break-glass), releases, incidents (with the 3-working-day report status), changes
 * to desired-state/. Availability = 1 − Σ(P1/P2 outage from occurredAt to resolvedAt, clipped to
 * the month) / length of the month (docs/reports.md).
 */
import type { Doc } from './doc.js';
import { deadlineText, statusText } from '../incident/report.js';
import { shanghaiTime, type Lang } from './labels.js';
import type { MonthlyData } from './monthly-data.js';

const MIN = 60_000;

function monthBounds(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [Date.UTC(y, m - 1, 1) - 8 * 3600_000, Date.UTC(y, m, 1) - 8 * 3600_000];
}

export function availabilityOf(d: MonthlyData): { percent: number; outageMinutes: number } {
  const [from, to] = monthBounds(d.month);
  let outage = 0;
  for (const { incident: i } of d.incidents) {
    if (i.severity !== 'P1' && i.severity !== 'P2') continue;
    const start = Math.max(from, Date.parse(i.occurredAt));
    const end = Math.min(to, i.resolvedAt ? Date.parse(i.resolvedAt) : Math.min(to, Date.parse(d.generatedAt)));
    if (end > start) outage += end - start;
  }
  return { percent: Math.round((1 - outage / (to - from)) * 100_000) / 1000, outageMinutes: Math.round(outage / MIN) };
}

function inspectionsSection(d: MonthlyData, zh: boolean): Doc['sections'][number] {
  const scores = d.inspections.map((r) => r.score.value);
  const avg = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
  return {
    heading: zh ? '三、日常巡检' : '3. Inspections',
    paragraphs: [zh ? `本月巡检 ${d.inspections.length} 次，平均健康评分 ${avg ?? '—'}，最低 ${scores.length ? Math.min(...scores) : '—'}。` : `${d.inspections.length} inspections, average score ${avg ?? '—'}, lowest ${scores.length ? Math.min(...scores) : '—'}.`],
    table: { id: 'inspections', headers: zh ? ['时间', '巡检方案', '评分', '结论', '严重', '警告', '新增'] : ['Time', 'Playbook', 'Score', 'Conclusion', 'Critical', 'Warning', 'New'],
      rows: d.inspections.map((r) => ({ cls: r.summary.findings.critical ? 'critical' : r.summary.findings.warning ? 'warning' : '', cells: [shanghaiTime(r.generatedAt), r.playbook.title[zh ? 'zh' : 'en'], String(r.score.value), r.conclusion, String(r.summary.findings.critical), String(r.summary.findings.warning), String(r.comparison.new.length)] })) },
    empty: zh ? '本月无巡检报告' : 'No inspection this month',
  };
}

function appliesSection(d: MonthlyData, zh: boolean): Doc['sections'][number] {
  return {
    heading: zh ? '四、变更执行（apply）' : '4. Applies',
    paragraphs: [zh ? `本月执行 ${d.applies.length} 次，成功 ${d.applies.filter((a) => a.record?.outcome === 'succeeded').length} 次，紧急（break-glass）${d.applies.filter((a) => a.record?.breakGlass).length} 次。` : `${d.applies.length} applies, ${d.applies.filter((a) => a.record?.outcome === 'succeeded').length} succeeded, ${d.applies.filter((a) => a.record?.breakGlass).length} break-glass.`],
    table: { id: 'applies', headers: zh ? ['时间', '版本', '结果', '变更数', '审批', '紧急原因', '记录', '提交'] : ['Time', 'Release', 'Outcome', 'Changes', 'Approvals', 'Break-glass', 'Record', 'Commit'],
      rows: d.applies.map(({ commit, record, folder }) => ({
        cls: record?.outcome === 'succeeded' ? '' : 'critical',
        cells: [shanghaiTime(record?.timings.startedAt ?? commit.date), record?.release?.name ?? commit.trailers['Opsctl-Release']?.[0] ?? (zh ? '期望状态' : 'desired state'), record?.outcome ?? commit.trailers['Opsctl-Outcome']?.[0] ?? '—',
          String(record?.addresses.length ?? '—'), (record?.approvals ?? []).map((a) => `${a.role}: ${a.name}`).join('; ') || (commit.trailers['Approved-By'] ?? []).join('; '), record?.breakGlass?.reason ?? '', folder, commit.hash.slice(0, 10)],
      })) },
    empty: zh ? '本月无变更执行' : 'No apply this month',
  };
}

function commitsSection(heading: string, id: string, commits: MonthlyData['changes'], zh: boolean): Doc['sections'][number] {
  return {
    heading,
    table: { id, headers: zh ? ['时间', '作者', '说明', '提交'] : ['Time', 'Author', 'Message', 'Commit'], rows: commits.map((c) => ({ cells: [shanghaiTime(c.date), c.author.name, c.subject, c.hash.slice(0, 10)] })) },
    empty: zh ? '无' : 'None',
  };
}

function incidentsSection(d: MonthlyData, lang: Lang): Doc['sections'][number] {
  const zh = lang === 'zh';
  const late = d.incidents.filter((x) => x.deadline.status === 'overdue' || x.deadline.status === 'submitted-late').length;
  return {
    heading: zh ? '五、故障处理' : '5. Incidents',
    paragraphs: [zh ? `本月故障 ${d.incidents.length} 起，故障处理报告逾期 ${late} 份。` : `${d.incidents.length} incidents, ${late} incident report(s) late.`],
    table: { id: 'incidents', headers: zh ? ['编号', '级别', '标题', '发生', '恢复', '状态', '报告期限'] : ['ID', 'Severity', 'Title', 'Occurred', 'Resolved', 'Status', 'Report due'],
      rows: d.incidents.map(({ incident: i, deadline }) => ({ cls: deadline.status === 'overdue' || deadline.status === 'submitted-late' ? 'critical' : '', cells: [i.id, i.severity, i.title, shanghaiTime(i.occurredAt), i.resolvedAt ? shanghaiTime(i.resolvedAt) : '—', statusText(i, lang), deadlineText(deadline, lang)] })) },
    empty: zh ? '本月无故障' : 'No incident this month',
  };
}

export function monthlyDoc(d: MonthlyData, lang: Lang = 'zh'): Doc {
  const zh = lang === 'zh';
  const av = availabilityOf(d);
  return {
    lang,
    title: zh ? `《系统运行维护报告》${d.month}` : `Operations report ${d.month}`,
    subtitle: zh ? `金税三期社保费管理子系统 · 环境 ${d.env}` : `社保费 subsystem · environment ${d.env}`,
    facts: [[zh ? '期间' : 'Period', d.month], [zh ? '环境' : 'Environment', d.env], [zh ? '生成时间' : 'Generated', shanghaiTime(d.generatedAt)]],
    sections: [
      { heading: zh ? '一、概述' : '1. Overview', list: zh
        ? [`巡检 ${d.inspections.length} 次`, `变更执行 ${d.applies.length} 次`, `版本相关提交 ${d.releases.length} 个`, `故障 ${d.incidents.length} 起`, `期望状态变更提交 ${d.changes.length} 个`]
        : [`${d.inspections.length} inspections`, `${d.applies.length} applies`, `${d.releases.length} release commits`, `${d.incidents.length} incidents`, `${d.changes.length} desired-state commits`] },
      { heading: zh ? '二、可用性' : '2. Availability', paragraphs: [zh ? `可用率 ${av.percent}%（P1/P2 故障中断 ${av.outageMinutes} 分钟，按故障发生至恢复计算）` : `Availability ${av.percent}% (P1/P2 outage ${av.outageMinutes} minutes, occurrence to resolution)`] },
      inspectionsSection(d, zh),
      appliesSection(d, zh),
      incidentsSection(d, lang),
      commitsSection(zh ? '六、版本发布（releases/）' : '6. Releases (releases/)', 'releases', d.releases, zh),
      commitsSection(zh ? '七、配置变更（desired-state/）' : '7. Changes (desired-state/)', 'changes', d.changes, zh),
    ],
  };
}
