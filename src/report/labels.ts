/** The fixed words of the HTML/Markdown deliverables in zh-CN and English, and small formatters. */
export type Lang = 'zh' | 'en';

const WORDS = {
  summary: ['概要', 'Summary'], score: ['健康评分', 'Health score'], conclusion: ['结论', 'Conclusion'],
  normal: ['正常', 'normal'], attention: ['关注', 'attention'], abnormal: ['异常', 'abnormal'],
  env: ['环境', 'Environment'], playbook: ['巡检方案', 'Playbook'], generatedAt: ['生成时间', 'Generated at'], revision: ['版本', 'Revision'],
  checks: ['检查项', 'Checks'], targets: ['检查对象', 'Targets'], measurements: ['测量值', 'Measurements'], unread: ['未能读取', 'Could not read'],
  critical: ['严重', 'critical'], warning: ['警告', 'warning'], system: ['子系统', 'System'], penalty: ['扣分', 'Penalty'],
  findings: ['发现的问题', 'Findings'], severity: ['级别', 'Severity'], status: ['对比上次', 'Since last report'], target: ['对象', 'Target'],
  message: ['说明', 'Message'], value: ['测量值', 'Value'], threshold: ['阈值（警告/严重）', 'Threshold (warning/critical)'],
  new: ['新增', 'new'], persisting: ['持续', 'persisting'], resolved: ['已解决', 'resolved'], notChecked: ['本次未检查', 'not checked'],
  noFindings: ['未发现问题', 'No findings'], hosts: ['主机资源', 'Host resources'], tablespaces: ['表空间使用率', 'Tablespace use'],
  fra: ['快速恢复区（FRA）', 'Fast recovery area (FRA)'], servers: ['WebLogic 服务器', 'WebLogic servers'], pools: ['JDBC 连接池', 'JDBC pools'],
  trends: ['趋势与容量预测', 'Trends and capacity forecast'], recommendations: ['系统优化建议', 'Recommendations'],
  growth: ['日增长', 'Growth per day'], daysToCritical: ['距严重阈值（天）', 'Days to critical'], daysToFull: ['距用满（天）', 'Days to full'],
  fit: ['拟合 R²', 'Fit R²'], points: ['点数', 'Points'], notPlausible: ['不作预测', 'no forecast'], filter: ['筛选…', 'Filter…'],
  domain: ['域', 'Domain'], server: ['服务器', 'Server'], state: ['状态', 'State'], health: ['健康', 'Health'], heap: ['堆使用率', 'Heap used'],
  threads: ['线程（总/空闲/占用/阻塞）', 'Threads (total/idle/hogging/stuck)'], sessions: ['会话', 'Sessions'], datasource: ['数据源', 'Data source'],
  active: ['活动/最大', 'Active/max'], waiting: ['等待', 'Waiting'], used: ['使用率', 'Used'], priority: ['优先级', 'Priority'], action: ['措施', 'Action'],
  runbook: ['应急预案', 'Runbook'], high: ['高', 'high'], medium: ['中', 'medium'], reason: ['原因', 'Reason'], notMeasured: ['未测量的检查', 'Checks not measured'],
  simulated: ['本报告针对实验室模拟环境，不代表真实生产系统。', 'This report describes the simulated lab estate, not a real system.'],
  formula: ['评分公式', 'Formula'], trendNote: ['按每天最新一次巡检取点，最近 {n} 点最小二乘拟合；增长为正且 R² ≥ {r2}、至少 {min} 点才预测；{w} 天内用满为警告，{c} 天内为严重。', 'One point per day (newest report), least squares over the last {n} points; forecast only with positive growth, R² ≥ {r2} and at least {min} points; full within {w} days is a warning, within {c} days critical.'],
  cpu: ['CPU', 'CPU'], memory: ['内存', 'Memory'], paging: ['换页空间', 'Paging space'], database: ['数据库', 'Database'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof WORDS;

export function wordsOf(lang: Lang): Record<Word, string> {
  return Object.fromEntries(Object.entries(WORDS).map(([k, v]) => [k, v[lang === 'zh' ? 0 : 1]])) as Record<Word, string>;
}

/** "2026-11-24 07:30" in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function fmt(v: number | string | boolean | null | undefined, unit = ''): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return `${Math.round(v * 10) / 10}${unit === '%' ? '%' : unit && unit !== 'state' && unit !== 'count' ? ` ${unit}` : ''}`;
  return String(v);
}
