/**
 * The sections of the Markdown report and their words in zh-CN and English.
 */
import type { InspectionReport } from './report-schema.js';

export type Lang = 'zh' | 'en';
type R = InspectionReport;

const ZH = {
  simulated: '注意：本报告的对象是模拟实验室环境（lab），不是真实生产系统。',
  item: '项目', value: '内容', env: '环境', playbook: '巡检方案', generatedAt: '检查时间', revision: '仓库版本', conclusion: '总体结论', score: '健康评分',
  counts: '发现统计', critical: '严重', warning: '警告', unread: '无法读取', summary: '摘要', system: '类别', measurements: '测量数',
  conclusions: { normal: '正常', attention: '关注', abnormal: '异常' } as Record<string, string>,
  systems: { host: '主机', database: '数据库', middleware: '中间件', application: '应用与接口', business: '业务' } as Record<string, string>,
  summaryLine: (c: number, t: number, m: number) => `本次检查 ${c} 项检查、${t} 个对象、${m} 个测量值。`,
  formula: (c: number, w: number, cap: number) => `评分公式 opsctl-score-1：100 − Σ 各类扣分，每类扣分 = min(${cap}, ${c}×严重数 + ${w}×警告数)，最低 0（见 docs/inspection.md）。`,
  comparisonLine: (at: string, n: number, r: number, p: number, nc: number) => `与上次报告（${at}）比较：新增 ${n}，已解决 ${r}，持续 ${p}，本次未检查 ${nc}。`,
  noPrevious: '无上次报告可比较（首次巡检）。',
  host: '主机/操作系统', middleware: '中间件（WebLogic）', database: '数据库（Oracle）', business: '业务与接口检查', problems: '发现的问题（问题清册）', appendix: '附录',
  hostCols: '| 主机 | CPU % | 内存 % | 交换区 % | 文件系统（使用率最高） |', serverCols: '| 域 | 服务器 | 状态 | 健康 | 堆已用 % | 线程 总/空闲/hogging/stuck | 会话 |',
  poolCols: '| 域 | 服务器 | 连接池 | 状态 | 活动/最大 | 等待 |', tsCols: '| 数据库 | 表空间 | 类型 | 已用 MB | 最大 MB | 使用率 % |', fraCols: '| 数据库 | 上限 MB | 已用 MB | 可回收 MB | 不可回收 % |',
  findCols: '| 级别 | 检查 | 对象 | 说明 | 与上次比较 |', bizCols: '| 检查 | 对象 | 值 | 单位 |', thCols: '| 检查 | 名称 | 警告 | 严重 | 来源 | 测量数 |',
  none: '无。', recommend: '建议：严重问题请按对应应急预案（playbooks/runbooks/）立即处置；警告在下一个变更窗口内处理；征期前完成全部整改。',
  unreadTitle: '无法读取的对象', notMeasuredTitle: '未测量的检查', thresholdsTitle: '本次使用的阈值（方案级）', isNew: '新增', persisting: '持续',
  top: (n: number) => `（仅列出使用率最高的 ${n} 项）`,
};

const EN: typeof ZH = {
  simulated: 'Note: this report describes the simulated lab environment, not the real production estate.',
  item: 'Item', value: 'Value', env: 'Environment', playbook: 'Playbook', generatedAt: 'Inspected at', revision: 'Repository revision', conclusion: 'Conclusion', score: 'Health score',
  counts: 'Findings', critical: 'critical', warning: 'warning', unread: 'could not read', summary: 'Summary', system: 'System', measurements: 'Measurements',
  conclusions: { normal: 'normal', attention: 'attention', abnormal: 'abnormal' },
  systems: { host: 'Hosts', database: 'Databases', middleware: 'Middleware', application: 'Applications and links', business: 'Business' },
  summaryLine: (c, t, m) => `This inspection ran ${c} checks on ${t} targets and took ${m} measurements.`,
  formula: (c, w, cap) => `Score formula opsctl-score-1: 100 − Σ penalties per system, penalty = min(${cap}, ${c}×critical + ${w}×warning), floor 0 (see docs/inspection.md).`,
  comparisonLine: (at, n, r, p, nc) => `Compared with the previous report (${at}): ${n} new, ${r} resolved, ${p} persisting, ${nc} not checked this time.`,
  noPrevious: 'No previous report to compare with (first inspection).',
  host: 'Hosts / OS', middleware: 'Middleware (WebLogic)', database: 'Databases (Oracle)', business: 'Business and interface checks', problems: 'Problems found (issue register)', appendix: 'Appendix',
  hostCols: '| Host | CPU % | Memory % | Paging % | Filesystem (fullest) |', serverCols: '| Domain | Server | State | Health | Heap used % | Threads total/idle/hogging/stuck | Sessions |',
  poolCols: '| Domain | Server | Data source | State | Active/max | Waiting |', tsCols: '| Database | Tablespace | Contents | Used MB | Max MB | Used % |', fraCols: '| Database | Limit MB | Used MB | Reclaimable MB | Non-reclaimable % |',
  findCols: '| Severity | Check | Target | Message | Versus previous |', bizCols: '| Check | Target | Value | Unit |', thCols: '| Check | Title | Warning | Critical | Origin | Measurements |',
  none: 'None.', recommend: 'Recommendation: handle critical findings now with the matching runbook (playbooks/runbooks/); warnings in the next change window; everything before the 征期 opens.',
  unreadTitle: 'Targets that could not be read', notMeasuredTitle: 'Checks not measured', thresholdsTitle: 'Thresholds in force (playbook level)', isNew: 'new', persisting: 'persisting',
  top: (n) => `(only the ${n} fullest listed)`,
};

export const WORDS: Record<Lang, typeof ZH> = { zh: ZH, en: EN };

const v = (x: unknown): string => (x === null || x === undefined ? '—' : String(x));
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const short = (t: string): string => t.slice(t.indexOf('/') + 1);

function sectionFindings(r: R, lang: Lang, systems: string[]): string[] {
  const mine = r.findings.filter((f) => systems.some((s) => r.checks.find((c) => c.id === f.checkId)?.system === s || (s === 'host' && f.checkId === 'host.reachable') || (s === 'database' && f.checkId === 'db.reachable') || (s === 'middleware' && f.checkId === 'wls.reachable')));
  return mine.map((f) => `- **${WORDS[lang][f.severity]}** ${cell(f.message[lang])}`);
}

export function hostSection(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const rows = r.resources.hosts.map((h) => {
    const fullest = [...h.filesystems].sort((a, b) => b.usedPercent - a.usedPercent)[0];
    return `| ${h.host} | ${v(h.cpuPercent)} | ${v(h.memoryPercent)} | ${v(h.pagingPercent)} | ${fullest ? `${fullest.mount} ${fullest.usedPercent}%` : '—'} |`;
  });
  return [`## 2. ${w.host}`, '', ...(rows.length ? [w.hostCols, '|---|---:|---:|---:|---|', ...rows] : [w.none]), '', ...sectionFindings(r, lang, ['host']), ''];
}

export function middlewareSection(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const servers = r.resources.servers.map((s) => `| ${s.domain} | ${s.server} | ${v(s.state)} | ${v(s.health)} | ${v(s.heapUsedPercent)} | ${v(s.threads.total)}/${v(s.threads.idle)}/${v(s.threads.hogging)}/${v(s.threads.stuck)} | ${v(s.sessions)} |`);
  const pools = r.resources.pools.map((p) => `| ${p.domain} | ${p.server} | ${p.datasource} | ${v(p.state)} | ${v(p.active)}/${v(p.max)} | ${v(p.waiting)} |`);
  return [
    `## 3. ${w.middleware}`, '',
    ...(servers.length ? [w.serverCols, '|---|---|---|---|---:|---|---:|', ...servers, ''] : [w.none, '']),
    ...(pools.length ? [w.poolCols, '|---|---|---|---|---|---:|', ...pools, ''] : []),
    ...sectionFindings(r, lang, ['middleware']), '',
  ];
}

export function databaseSection(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const top = [...r.resources.tablespaces].sort((a, b) => b.usedPercent - a.usedPercent).slice(0, 30);
  const ts = top.map((t) => `| ${t.database} | ${t.name} | ${v(t.contents)} | ${v(t.usedMb)} | ${v(t.maxMb)} | ${t.usedPercent} |`);
  const fra = r.resources.fra.map((f) => `| ${f.database} | ${v(f.limitMb)} | ${v(f.usedMb)} | ${v(f.reclaimableMb)} | ${f.usedPercent} |`);
  return [
    `## 4. ${w.database}`, '',
    ...(ts.length ? [w.tsCols, '|---|---|---|---:|---:|---:|', ...ts, r.resources.tablespaces.length > top.length ? w.top(top.length) : '', ''] : [w.none, '']),
    ...(fra.length ? [w.fraCols, '|---|---:|---:|---:|---:|', ...fra, ''] : []),
    ...sectionFindings(r, lang, ['database']), '',
  ];
}

export function businessSection(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const ms = r.measurements.filter((m) => ['business', 'application'].includes(r.checks.find((c) => c.id === m.checkId)?.system ?? ''));
  const rows = ms.map((m) => `| ${m.checkId} | ${short(m.target)} | ${v(m.value)} | ${m.unit} |`);
  return [`## 5. ${w.business}`, '', ...(rows.length ? [w.bizCols, '|---|---|---:|---|', ...rows] : [w.none]), '', ...sectionFindings(r, lang, ['business', 'application']), ''];
}

export function findingsTable(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const isNew = new Set(r.comparison.new);
  const rows = r.findings.map((f) => `| ${w[f.severity]} | ${f.checkId} | ${cell(short(f.target))} | ${cell(f.message[lang])} | ${isNew.has(f.id) ? w.isNew : w.persisting} |`);
  const resolved = r.comparison.resolved.map((id) => `- ✔ ${cell(id)}`);
  return [`## 6. ${w.problems}`, '', ...(rows.length ? [w.findCols, '|---|---|---|---|---|', ...rows] : [w.none]), '', ...resolved, '', w.recommend, ''];
}

export function appendix(r: R, lang: Lang): string[] {
  const w = WORDS[lang];
  const th = r.checks.map((c) => `| ${c.id} | ${c.title[lang]} | ${v(c.thresholds?.warning)} | ${v(c.thresholds?.critical)} | ${v(c.thresholds?.origin)} | ${c.measured} |`);
  return [
    `## 7. ${w.appendix}`, '',
    `### ${w.thresholdsTitle}`, '', w.thCols, '|---|---|---:|---:|---|---:|', ...th, '',
    `### ${w.unreadTitle}`, '', ...(r.unread.length ? r.unread.map((u) => `- ${short(u.target)}: ${cell(u.reason)} (${u.checkIds.join(', ')})`) : [w.none]), '',
    `### ${w.notMeasuredTitle}`, '', ...(r.notMeasured.length ? r.notMeasured.map((n) => `- ${n.checkId}: ${n.reason}`) : [w.none]), '',
  ];
}
