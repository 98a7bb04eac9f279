/**
 * The check catalogue as data: every check an inspection playbook may list, with its zh/en
 * title, how it is measured, its unit, direction and default thresholds. Defaults follow
 * reference/health-checks.md §2.19 (databases), §3 (hosts), §3.11 and weblogic.md §4.8
 * (middleware); thresholds are overridden per playbook, host profile (filesystems) and database
 * (tablespaces, FRA) — see thresholds.ts. docs/checks.md is this table in words.
 */
import type { CheckDef, Direction, System, Thresholds, Unit } from './types.js';

type Row = [id: string, zh: string, en: string, system: System, measuredBy: string, unit: Unit, direction: Direction,
  defaults: Thresholds | undefined, ruleZh: string, ruleEn: string, origin: string];

const t = (warning: number, critical: number): Thresholds => ({ warning, critical });

const ROWS: Row[] = [
  // host (§3)
  ['host.cpu', 'CPU 使用率', 'CPU busy', 'host', 'vmstat 5 3 (us+sy, last intervals)', '%', 'above', t(80, 95), 'us+sy 超阈值', 'us+sy at or above threshold', 'health-checks §3.1'],
  ['host.memory', '内存使用率', 'Memory in use', 'host', 'svmon -G (virtual/size) · Linux /proc/meminfo (1 − MemAvailable/MemTotal)', '%', 'above', t(90, 98), '计算内存占比超阈值', 'computational memory at or above threshold', 'health-checks §3.2'],
  ['host.paging', '交换区使用率', 'Paging space used', 'host', 'lsps -s · Linux /proc/meminfo SwapTotal/SwapFree', '%', 'above', t(50, 80), '交换区使用率超阈值', 'paging space used at or above threshold', 'health-checks §3.3'],
  ['host.filesystem', '文件系统使用率', 'Filesystem used', 'host', 'df -Pk (per mount; thresholds per mount from HostProfile.filesystems)', '%', 'above', t(80, 90), '文件系统使用率超阈值', 'filesystem used at or above threshold', 'health-checks §3.4'],
  ['host.errpt', '系统错误日志', 'System error log', 'host', 'errpt (AIX, last 24 h) · Linux dmesg --level=err', 'count', 'above', t(1, 1), 'P+H 永久硬件错误为严重，其他永久错误为警告', 'permanent hardware entries critical, other permanent entries warning', 'health-checks §3.5'],
  ['host.processes', '必需进程', 'Required processes', 'host', 'ps -ef against HostProfile.processes', 'count', 'above', t(1, 1), '缺少必需进程为严重', 'a missing required process is critical', 'health-checks §3.8'],
  ['host.log-errors', '日志错误（ORA-/BEA-）', 'Log errors (ORA-/BEA-)', 'host', 'tail of alert_<SID>.log and <server>.log on the host (last 24 h)', 'count', 'above', t(1, 20), '24 小时内 ORA-/BEA- 错误条数', 'ORA-/BEA- error records in 24 h', 'health-checks §2.7, weblogic §4.7'],
  ['host.os-level', '操作系统版本', 'OS level', 'host', 'oslevel -s vs inventory osVersion', 'state', 'state', undefined, '与清单不一致为警告', 'differs from the inventory: warning', 'health-checks §3.7'],
  ['host.password-age', '口令有效期', 'Password age', 'host', 'lsuser -a lastupdate (AIX) · chage -l (Linux)', 'days', 'above', t(76, 90), '口令使用天数接近策略上限', 'password age close to the policy maximum', 'HostProfile.passwordPolicy'],
  ['host.reachable', '主机可达', 'Host reachable', 'host', 'SSH connection and command batch (implicit in every inspection)', 'state', 'state', undefined, '无法读取为严重', 'could not be read: critical', 'issue 6 item 6'],
  // database (§2, thresholds §2.19)
  ['db.instance', '实例状态', 'Instance status', 'database', 'SQL instance (V$INSTANCE)', 'state', 'state', undefined, '非 OPEN / ARCHIVER=FAILED / RESTRICTED 为严重；24 小时内重启为警告', 'not OPEN, ARCHIVER=FAILED, RESTRICTED: critical; started < 24 h ago: warning', 'health-checks §2.1'],
  ['db.role', '角色与打开模式', 'Role and open mode', 'database', 'SQL database (V$DATABASE) vs OracleDatabase.role', 'state', 'state', undefined, '与声明不一致为严重', 'differs from the declared role: critical', 'health-checks §2.2'],
  ['db.tablespace', '表空间使用率', 'Tablespace used', 'database', 'SQL tablespace-metrics (DBA_TABLESPACE_USAGE_METRICS)', '%', 'above', t(85, 97), '已用占最大值百分比超阈值', 'used % of maximum at or above threshold', 'health-checks §2.3 (Oracle default)'],
  ['db.temp', '临时表空间', 'Temporary tablespace', 'database', 'SQL temp-free (DBA_TEMP_FREE_SPACE)', '%', 'above', t(80, 95), '临时表空间使用率超阈值', 'temp used at or above threshold', 'health-checks §2.4'],
  ['db.undo', '回滚段', 'Undo', 'database', 'SQL undostat (V$UNDOSTAT, 24 h)', 'count', 'above', t(1, 1), 'ORA-1555 为警告，空间不足为严重', 'ORA-1555 warning, no-space errors critical', 'health-checks §2.5'],
  ['db.fra', '快速恢复区', 'Fast recovery area', 'database', 'SQL fra-dest (V$RECOVERY_FILE_DEST, non-reclaimable %)', '%', 'above', t(85, 97), '不可回收占用超阈值', 'non-reclaimable used at or above threshold', 'health-checks §2.6 (usable free < 15 / < 3 %)'],
  ['db.alert-log', '告警日志错误', 'Alert-log errors', 'database', 'SQL alert-log (V$DIAG_ALERT_EXT, 24 h)', 'count', 'above', t(1, 1), 'ORA-600/7445/04xxx/257/16038/1157/1578/27048/1652-1654 严重，其他 ORA- 警告', 'ORA-600/7445/04xxx/257/16038/1157/1578/27048/1652-1654 critical, other ORA- warning', 'health-checks §2.7'],
  ['db.listener', '监听状态', 'Listener', 'database', 'lsnrctl status on each instance host', 'state', 'state', undefined, '监听停止或服务缺失为严重', 'listener down or service missing: critical', 'health-checks §2.8'],
  ['db.invalid-objects', '无效对象', 'Invalid objects', 'database', 'SQL invalid-objects, unusable-indexes, registry', 'count', 'above', t(1, 1), '无效对象为警告；不可用索引或组件无效为严重', 'invalid objects warning; unusable index or invalid component critical', 'health-checks §2.9'],
  ['db.blocking', '阻塞会话', 'Blocking sessions', 'database', 'SQL blocked-sessions (GV$SESSION)', 'seconds', 'above', t(60, 300), '被阻塞时长超阈值', 'longest wait at or above threshold', 'health-checks §2.10'],
  ['db.resource-limits', '会话/进程上限', 'Session/process limits', 'database', 'SQL resource-limit (V$RESOURCE_LIMIT)', '%', 'above', t(80, 90), '当前使用占上限百分比超阈值', 'current % of limit at or above threshold', 'health-checks §2.12'],
  ['db.rman', 'RMAN 备份', 'RMAN backups', 'database', 'SQL rman (V$RMAN_BACKUP_JOB_DETAILS, 7 days)', 'hours', 'above', t(36, 72), '最近成功备份距今小时数超阈值；失败为严重', 'hours since the last good backup at or above threshold; FAILED critical', 'health-checks §2.13'],
  ['db.dataguard-lag', 'Data Guard 延迟', 'Data Guard lag', 'database', 'SQL dataguard-stats on the standby (apply lag)', 'minutes', 'above', t(5, 30), '应用延迟分钟数超阈值', 'apply lag minutes at or above threshold', 'health-checks §2.14'],
  ['db.scheduler', '调度作业失败', 'Scheduler job failures', 'database', 'SQL scheduler-runs (24 h), scheduler-jobs (broken/overdue)', 'count', 'above', t(1, 1), '失败运行为警告，BROKEN/逾期为严重', 'failed runs warning, broken or overdue jobs critical', 'health-checks §2.15'],
  ['db.patch-level', '补丁级别', 'Patch level', 'database', 'SQL sqlpatch vs OracleDatabase.patches', 'count', 'above', t(1, 1), '声明的补丁未成功应用为严重', 'a declared patch not applied with SUCCESS: critical', 'health-checks §2.17'],
  ['db.parameters', '参数（内存与 SPFILE）', 'Parameters (memory vs SPFILE)', 'database', 'SQL spparameter-diff', 'count', 'above', t(1, 1000), '内存与 SPFILE 不一致为警告', 'memory differs from SPFILE: warning', 'health-checks §2.16'],
  ['db.reachable', '数据库可读', 'Database readable', 'database', 'OracleSession connect and the instance query (implicit in every inspection)', 'state', 'state', undefined, '无法读取为严重', 'could not be read: critical', 'issue 6 item 6'],
  // middleware (§3.11, weblogic §4.8)
  ['wls.server-state', '服务器状态', 'Server state', 'middleware', 'REST serverLifeCycleRuntimes · WLST /ServerLifeCycleRuntimes/S State', 'state', 'state', undefined, '非 RUNNING 为严重（ADMIN/STANDBY/STARTING 为警告）', 'not RUNNING: critical (ADMIN/STANDBY/STARTING warning)', 'weblogic §4.1, §4.8'],
  ['wls.health', '健康状态', 'Health state', 'middleware', 'REST serverRuntimes overallHealthState · WLST HealthState', 'state', 'state', undefined, 'warn/overloaded 为警告，critical/failed 为严重', 'warn/overloaded warning, critical/failed critical', 'weblogic §4.2'],
  ['wls.heap', '堆内存使用率', 'Heap used', 'middleware', 'REST JVMRuntime (100 − heapFreePercent) · WLST JVMRuntime', '%', 'above', t(80, 90), '堆已用百分比超阈值', 'heap used % at or above threshold', 'weblogic §4.4 (free < 20 / < 10 %)'],
  ['wls.threads', '阻塞线程（stuck）', 'Stuck threads', 'middleware', 'REST threadPoolRuntime stuckThreadCount', 'count', 'above', t(1, 10), 'stuck 线程数超阈值', 'stuck threads at or above threshold', 'weblogic §4.3 (IFS)'],
  ['wls.hogging', '占用线程（hogging）', 'Hogging threads', 'middleware', 'REST threadPoolRuntime hoggingThreadCount / executeThreadTotalCount', '%', 'above', t(50, 90), 'hogging 占总线程百分比超阈值', 'hogging % of execute threads at or above threshold', 'health-checks §3.11'],
  ['wls.jdbc', 'JDBC 连接池', 'JDBC pools', 'middleware', 'REST JDBCDataSourceRuntimeMBeans (active / maxCapacity, waiters, state)', '%', 'above', t(80, 95), '活动/最大百分比超阈值；有等待或状态非 Running 为严重', 'active % of max at or above threshold; waiters or state not Running: critical', 'weblogic §4.5'],
  ['wls.sessions', '会话数', 'Sessions', 'middleware', 'REST componentRuntimes openSessionsCurrentCount', 'count', 'above', t(5000, 20000), '会话数超阈值（以基线为准）', 'open sessions at or above threshold (baseline)', 'weblogic §4.6'],
  ['wls.log-errors', 'BEA- 日志错误', 'BEA- log errors', 'middleware', '<server>.log records of the last 24 h (Error/Critical/Alert/Emergency)', 'count', 'above', t(1, 1), 'Error 为警告；BEA-000337/310003/OOM/FAILED 为严重', 'Error records warning; BEA-000337/310003, OOM, FAILED critical', 'weblogic §4.7'],
  ['wls.patch-level', '中间件补丁级别', 'WebLogic patch level', 'middleware', 'REST serverRuntimes weblogicVersion vs WeblogicDomain.version', 'state', 'state', undefined, '与声明版本不一致为警告', 'differs from the declared version: warning', 'weblogic §4.8'],
  ['wls.reachable', '管理服务器可读', 'Admin server readable', 'middleware', 'REST domainRuntime (12.2.1.4) · WLST over SSH (10.3.6) (implicit in every inspection)', 'state', 'state', undefined, '无法读取为严重', 'could not be read: critical', 'weblogic §4.8 (reachability)'],
  // application and integration
  ['app.http-probe', '应用探测', 'Application probe', 'application', 'HTTP GET of the admin REST domainRuntime (12.2.1.4) · WLST connect (10.3.6)', 'ms', 'above', t(2000, 10000), '不可达为严重；响应时间超阈值', 'unreachable: critical; response time at or above threshold', 'weblogic §4.8 (reachability)'],
  ['link.latency', '系统间链路延迟', 'Link latency', 'application', 'round trip ops host → host (SSH) and → admin REST', 'ms', 'above', t(200, 1000), '往返时延超阈值', 'round trip at or above threshold', 'proposal'],
  ['etl.jobs', 'ETL 作业', 'ETL jobs', 'application', 'SQL scheduler-runs and scheduler-jobs on the etl database; Carte process on etl hosts', 'count', 'above', t(1, 1), '失败为警告，BROKEN 或 Carte 缺失为严重', 'failed runs warning, broken jobs or Carte missing critical', 'proposal'],
  // business (issue 7 item 2; docs/lab-oracle.md business tables)
  ['batch.deduction', '批扣批次', 'Batch deduction', 'business', 'SQL SBF.SBF_PK_BATCH: RUNNING batches hours since UPDATED_AT; FAILED in the period', 'hours', 'above', t(2, 8), 'RUNNING 批次无进展小时数超阈值；本期 FAILED 为警告', 'hours a RUNNING batch made no progress at or above threshold; FAILED in the period warning', 'issue 7 item 2'],
  ['exchange.receive', '接收失败', 'Receive failures', 'business', 'SQL SBFJS.JS_RECV_QUEUE STATUS=FAILED (登记/征集)', 'count', 'above', t(1, 50), '接收失败条数超阈值', 'failed messages at or above threshold', 'issue 7 item 2'],
  ['exchange.backlog', '接收积压', 'Receive backlog', 'business', 'SQL SBFJS.JS_RECV_QUEUE STATUS=PENDING', 'count', 'above', t(100, 1000), '待处理条数超阈值', 'pending messages at or above threshold', 'issue 7 item 2'],
  ['yz.save-errors', '应征保存错误', 'Assessment (应征) save errors', 'business', 'SQL SBF.SBF_YZ SAVE_STATUS=ERROR', 'count', 'above', t(1, 20), '保存失败条数超阈值', 'save errors at or above threshold', 'issue 7 item 2'],
];

export const CATALOGUE: readonly CheckDef[] = ROWS.map(([id, zh, en, system, measuredBy, unit, direction, defaults, ruleZh, ruleEn, origin]) => ({
  id, title: { zh, en }, system, measuredBy, unit, direction, ...(defaults ? { defaults } : {}), rule: { zh: ruleZh, en: ruleEn }, origin,
}));

const BY_ID = new Map(CATALOGUE.map((c) => [c.id, c]));

export function checkNamed(id: string): CheckDef | undefined {
  return BY_ID.get(id);
}

/** The implicit check that stands for "could not read this target", per system. */
export const REACHABLE_CHECK: Record<System, string> = {
  host: 'host.reachable', database: 'db.reachable', middleware: 'wls.reachable', application: 'app.http-probe', business: 'db.reachable',
};

export const SYSTEMS: readonly System[] = ['host', 'database', 'middleware', 'application', 'business'];
