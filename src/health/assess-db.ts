/**
 * Database assessor (health-checks.md §2, thresholds §2.19). Measurement conventions (what
 * inspect/collect-db.ts produces): instance status text with archiver/logins/databaseStatus/
 * startupHoursAgo; role `DATABASE_ROLE/OPEN_MODE` with logMode; tablespace/temp/fra `%`;
 * undo count with nospace/ora1555; alert-log count with `codes`; listener text; invalid-objects
 * count with unusableIndexes/registryInvalid; blocking seconds with `blocked`; resource-limits
 * `%` per `resource:` target; rman hours with `latestStatus`; scheduler count with `broken`.
 */
import type { OracleDatabase } from '../model/index.js';
import { type Assessor, label, num, numeric, text, verdict } from './assess-common.js';
import { segmentsOf } from './thresholds.js';

const instance: Assessor = (m) => {
  const status = text(m.value);
  const problems = [
    status !== 'OPEN' ? `STATUS=${status}` : '',
    text(m.detail?.archiver) === 'FAILED' ? 'ARCHIVER=FAILED' : '',
    text(m.detail?.logins) === 'RESTRICTED' ? 'LOGINS=RESTRICTED' : '',
    m.detail?.databaseStatus && text(m.detail.databaseStatus) !== 'ACTIVE' ? `DATABASE_STATUS=${text(m.detail.databaseStatus)}` : '',
  ].filter(Boolean);
  if (problems.length && !(status === 'MOUNTED' && m.detail?.standby === true)) {
    return verdict('critical', `实例状态异常：${label(m.target)} ${problems.join(', ')}`, `Instance not healthy: ${label(m.target)} ${problems.join(', ')}`);
  }
  const hours = m.detail?.startupHoursAgo;
  if (typeof hours === 'number' && hours < 24) {
    return verdict('warning', `实例 24 小时内启动过：${label(m.target)}（${Math.round(hours)} 小时前）`, `Instance started within 24 h: ${label(m.target)} (${Math.round(hours)} h ago)`);
  }
  return null;
};

function expectedRole(db: OracleDatabase): { role: string; modes: string[] } {
  return db.role === 'primary'
    ? { role: 'PRIMARY', modes: ['READ WRITE'] }
    : { role: 'PHYSICAL STANDBY', modes: ['MOUNTED', 'READ ONLY', 'READ ONLY WITH APPLY'] };
}

const role: Assessor = (m, _th, env) => {
  const db = env.databases.find((d) => d.name === segmentsOf(m.target).oracle);
  if (!db) return null;
  const want = expectedRole(db);
  const [liveRole, liveMode] = text(m.value).split('/');
  const logMode = text(m.detail?.logMode);
  const wrongLog = db.archive && logMode && logMode !== db.archive.logMode;
  if (liveRole === want.role && want.modes.includes(liveMode ?? '') && !wrongLog) return null;
  const said = `${want.role}/${want.modes.join('|')}${db.archive ? ` ${db.archive.logMode}` : ''}`;
  return verdict('critical', `角色或打开模式与声明不一致：${label(m.target)} 为 ${text(m.value)} ${logMode}，声明 ${said}`,
    `Role or open mode differs from the declaration: ${label(m.target)} is ${text(m.value)} ${logMode}, declared ${said}`);
};

const undo: Assessor = (m) => {
  if (num(m.detail?.nospace) > 0) return verdict('critical', `回滚段空间不足：${label(m.target)} 24 小时内 ${num(m.detail?.nospace)} 次`, `Undo out of space: ${label(m.target)} ${num(m.detail?.nospace)} times in 24 h`);
  if (num(m.detail?.ora1555) > 0) return verdict('warning', `ORA-01555：${label(m.target)} 24 小时内 ${num(m.detail?.ora1555)} 次`, `ORA-01555: ${label(m.target)} ${num(m.detail?.ora1555)} times in 24 h`);
  return null;
};

const CRITICAL_ORA = /^ORA-(00600|07445|04\d{3}|00257|16038|01157|01578|27048|0165[234]|1513[0]|1505[01]|00020|00018)$/;
const IGNORED_ORA = /^ORA-0*(54|1142|1146)$/;

/** Alert-log ORA- classification (§2.7, EM defaults plus the proposals). */
export function classifyOra(codes: string[]): 'critical' | 'warning' | null {
  const relevant = codes.filter((c) => !IGNORED_ORA.test(c));
  if (relevant.some((c) => CRITICAL_ORA.test(c))) return 'critical';
  return relevant.length ? 'warning' : null;
}

const alertLog: Assessor = (m) => {
  const codes = text(m.detail?.codes).split(',').filter(Boolean);
  const severity = classifyOra(codes);
  if (!severity) return null;
  const list = [...new Set(codes)].join(', ');
  return verdict(severity, `告警日志 24 小时内有错误：${label(m.target)} ${list}`, `Alert-log errors in 24 h: ${label(m.target)} ${list}`);
};

const listener: Assessor = (m) => {
  const v = text(m.value);
  if (v === 'READY') return null;
  const why = v === 'down' ? { zh: '监听未运行', en: 'listener not running' } : { zh: `服务 ${text(m.detail?.service)} 未注册或未就绪`, en: `service ${text(m.detail?.service)} not registered or not READY` };
  return verdict('critical', `监听异常：${label(m.target)} ${why.zh}`, `Listener problem: ${label(m.target)} ${why.en}`);
};

const invalid: Assessor = (m) => {
  const unusable = num(m.detail?.unusableIndexes);
  const registry = num(m.detail?.registryInvalid);
  if (unusable + registry > 0) return verdict('critical', `不可用索引 ${unusable} 个、无效组件 ${registry} 个：${label(m.target)}`, `${unusable} unusable indexes, ${registry} invalid registry components: ${label(m.target)}`);
  if (num(m.value) > 0) return verdict('warning', `无效对象 ${num(m.value)} 个：${label(m.target)}`, `${num(m.value)} invalid objects: ${label(m.target)}`);
  return null;
};

const blocking: Assessor = (m, th) => {
  if (num(m.detail?.blocked) > 10) return verdict('critical', `阻塞会话 ${num(m.detail?.blocked)} 个：${label(m.target)}`, `${num(m.detail?.blocked)} sessions blocked: ${label(m.target)}`);
  return numeric(m, th);
};

const rman: Assessor = (m, th) => {
  const status = text(m.detail?.latestStatus);
  if (status === 'FAILED' || status.includes('ERRORS')) return verdict('critical', `RMAN 备份失败：${label(m.target)} 最近一次 ${status}`, `RMAN backup failed: ${label(m.target)} latest ${status}`);
  if (m.value === null) return verdict('critical', `RMAN 7 天内无成功备份：${label(m.target)}`, `No good RMAN backup in 7 days: ${label(m.target)}`);
  const byAge = numeric(m, th);
  if (byAge) return byAge;
  return status.includes('WARNINGS') ? verdict('warning', `RMAN 备份有警告：${label(m.target)} ${status}`, `RMAN backup with warnings: ${label(m.target)} ${status}`) : null;
};

const scheduler: Assessor = (m) => {
  const broken = num(m.detail?.broken);
  if (broken > 0) return verdict('critical', `调度作业 BROKEN/逾期 ${broken} 个：${label(m.target)} ${text(m.detail?.jobs)}`, `${broken} scheduler jobs broken or overdue: ${label(m.target)} ${text(m.detail?.jobs)}`);
  if (num(m.value) > 0) return verdict('warning', `调度作业 24 小时内失败 ${num(m.value)} 次：${label(m.target)} ${text(m.detail?.jobs)}`, `${num(m.value)} failed scheduler runs in 24 h: ${label(m.target)} ${text(m.detail?.jobs)}`);
  return null;
};

const patchLevel: Assessor = (m) => num(m.value) > 0
  ? verdict('critical', `声明的补丁未应用：${label(m.target)} ${text(m.detail?.missing)}`, `Declared patches not applied: ${label(m.target)} ${text(m.detail?.missing)}`)
  : null;

export const DB_ASSESSORS: Record<string, Assessor> = {
  'db.instance': instance,
  'db.role': role,
  'db.tablespace': numeric,
  'db.temp': numeric,
  'db.undo': undo,
  'db.fra': numeric,
  'db.alert-log': alertLog,
  'db.listener': listener,
  'db.invalid-objects': invalid,
  'db.blocking': blocking,
  'db.resource-limits': numeric,
  'db.rman': rman,
  'db.dataguard-lag': numeric,
  'db.scheduler': scheduler,
  'db.patch-level': patchLevel,
  'db.parameters': numeric,
};
