/**
 * Recommendations (系统优化建议) from a report's findings and forecasts, pure: one rule per
 * check family says what to do and which emergency runbook (playbooks/runbooks/) applies; the
 * findings of one rule are grouped into one recommendation listing its targets. Rules are data.
 */
import type { InspectionReport } from './report-schema.js';
import type { Severity, Title } from './types.js';

export interface Recommendation {
  priority: 'high' | 'medium';
  rule: string;
  title: Title;
  action: Title;
  targets: string[];
  runbook?: string;
}

interface Rule {
  id: string;
  matches: (checkId: string) => boolean;
  title: Title;
  action: Title;
  runbook?: string;
}

const prefix = (...ps: string[]) => (id: string): boolean => ps.some((p) => id === p || id.startsWith(`${p}.`) || id.startsWith(p));

const RULES: readonly Rule[] = [
  { id: 'capacity-forecast', matches: prefix('trend.forecast'), title: { zh: '容量预测：提前扩容', en: 'Capacity forecast: extend before full' }, action: { zh: '按预测天数安排扩容或清理（在变更窗口内、避开征期），并在下次巡检确认增长趋势', en: 'Schedule an extension or cleanup within the forecast horizon (inside a change window, outside 征期) and confirm the growth at the next inspection' }, runbook: 'tablespace-nearly-full' },
  { id: 'tablespace', matches: prefix('db.tablespace', 'db.temp', 'db.undo'), title: { zh: '表空间扩容', en: 'Extend tablespaces' }, action: { zh: '为表空间增加数据文件或提高自动扩展上限，并核查异常增长的对象', en: 'Add a datafile or raise the autoextend maximum, and check the objects that grow unexpectedly' }, runbook: 'tablespace-nearly-full' },
  { id: 'fra', matches: prefix('db.fra', 'db.archive', 'db.rman'), title: { zh: '归档与备份空间', en: 'Archive and backup space' }, action: { zh: '确认 RMAN 备份成功后删除已备份归档，必要时扩大 DB_RECOVERY_FILE_DEST_SIZE', en: 'After a successful RMAN backup delete backed-up archive logs; raise DB_RECOVERY_FILE_DEST_SIZE if needed' } },
  { id: 'filesystem', matches: prefix('host.filesystem'), title: { zh: '文件系统清理与扩容', en: 'Filesystem cleanup and extension' }, action: { zh: '按保留策略清理日志（月度巡检的日志清理候选），空间仍不足时扩容文件系统', en: 'Clean logs by the retention rules (monthly log-cleanup candidates); extend the filesystem if still short' } },
  { id: 'host-resources', matches: prefix('host.cpu', 'host.memory', 'host.paging'), title: { zh: '主机资源', en: 'Host resources' }, action: { zh: '定位高占用进程，评估是否需要调整 JVM/SGA 或增加资源', en: 'Find the processes using the resource; review JVM/SGA sizing or add capacity' } },
  { id: 'weblogic-threads', matches: prefix('wls.threads', 'wls.health', 'wls.server-state'), title: { zh: 'WebLogic 线程与服务状态', en: 'WebLogic threads and server state' }, action: { zh: '采集线程转储，分析 STUCK/HOGGING 线程；必要时在窗口内滚动重启', en: 'Take thread dumps, analyse STUCK/HOGGING threads; restart in a rolling way inside a window if needed' }, runbook: 'wls-server-hung' },
  { id: 'weblogic-heap', matches: prefix('wls.heap'), title: { zh: 'JVM 堆', en: 'JVM heap' }, action: { zh: '分析 GC 日志与堆使用，评估 -Xmx 与会话超时设置', en: 'Analyse GC logs and heap use; review -Xmx and session timeouts' } },
  { id: 'jdbc', matches: prefix('wls.jdbc', 'db.sessions', 'db.processes', 'db.blocking'), title: { zh: '连接池与会话', en: 'Connection pools and sessions' }, action: { zh: '检查连接泄漏与阻塞会话，评估连接池上限与数据库 processes 参数', en: 'Look for connection leaks and blocking sessions; review pool maxima and the processes parameter' } },
  { id: 'listener', matches: prefix('db.listener', 'db.instance'), title: { zh: '监听与实例', en: 'Listener and instance' }, action: { zh: '按应急预案恢复监听/实例，并核查告警日志', en: 'Restore the listener/instance by the runbook and read the alert log' }, runbook: 'listener-down' },
  { id: 'batch', matches: prefix('batch.'), title: { zh: '批扣业务', en: 'Batch deduction' }, action: { zh: '核查停滞或失败的批扣批次，与银行对账后按预案续批', en: 'Check the stalled or failed batches, reconcile with the bank, then resume by the runbook' }, runbook: 'batch-deduction-stalled' },
  { id: 'exchange', matches: prefix('exchange.', 'yz.'), title: { zh: '数据交换与应征数据', en: 'Data exchange and 应征 data' }, action: { zh: '处理失败报文与积压，核对前置库/接收库数据并补录保存失败的应征记录', en: 'Handle failed and pending messages, reconcile the front/receive databases and re-save failed 应征 rows' } },
  { id: 'logs', matches: prefix('host.errpt', 'host.log', 'db.alert', 'wls.log'), title: { zh: '日志告警', en: 'Log errors' }, action: { zh: '逐条分析错误日志（ORA-/BEA-/errpt），确认是否需要厂商支持', en: 'Analyse each logged error (ORA-/BEA-/errpt); open a vendor case when needed' } },
  { id: 'unread', matches: prefix('reachable', 'app.', 'link.'), title: { zh: '连通性与可达性', en: 'Connectivity and reachability' }, action: { zh: '恢复对目标的访问（网络、账号、服务），保证巡检完整', en: 'Restore access to the target (network, account, service) so the inspection is complete' } },
];

const OTHER: Rule = { id: 'other', matches: () => true, title: { zh: '其他问题', en: 'Other findings' }, action: { zh: '逐项核查并纳入运维问题清册跟踪整改', en: 'Review each item and track it in the problem register' } };

/** Recommendations for the report's findings, high priority (any critical) first. */
export function recommendationsOf(report: Pick<InspectionReport, 'findings'>): Recommendation[] {
  const groups = new Map<Rule, { severity: Severity; targets: Set<string> }>();
  for (const f of report.findings) {
    const rule = RULES.find((r) => r.matches(f.checkId)) ?? OTHER;
    const g = groups.get(rule) ?? { severity: 'warning' as Severity, targets: new Set<string>() };
    if (f.severity === 'critical') g.severity = 'critical';
    g.targets.add(f.target);
    groups.set(rule, g);
  }
  const out = [...groups.entries()].map(([rule, g]): Recommendation => ({
    priority: g.severity === 'critical' ? 'high' : 'medium', rule: rule.id, title: rule.title, action: rule.action, targets: [...g.targets].sort(),
    ...(rule.runbook ? { runbook: rule.runbook } : {}),
  }));
  return out.sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1));
}
