/**
 * Middleware assessor (weblogic.md §4.8, health-checks.md §3.11). Measurement conventions (what
 * inspect/collect-weblogic.ts produces), per `weblogic:D/server:S` target: server-state text
 * (RUNNING, SHUTDOWN, …); health text (ok, warn, …); heap used `%`; threads stuck count; hogging
 * `%` of execute threads; jdbc active `%` of max per `datasource:` target with state/waiting;
 * sessions count; log-errors count with `ids`; patch-level text with `declared`.
 */
import { type Assessor, label, num, numeric, text, verdict } from './assess-common.js';

const TRANSITIONAL = new Set(['ADMIN', 'STANDBY', 'STARTING', 'RESUMING']);

const serverState: Assessor = (m) => {
  const state = text(m.value);
  if (state === 'RUNNING') return null;
  const severity = TRANSITIONAL.has(state) ? 'warning' : 'critical';
  return verdict(severity, `服务器未运行：${label(m.target)} 状态 ${state}`, `Server not running: ${label(m.target)} is ${state}`);
};

const health: Assessor = (m) => {
  const state = text(m.value).toLowerCase().replace(/^health_/, '');
  if (state === 'ok' || state === '') return null;
  const severity = state === 'warn' || state === 'overloaded' ? 'warning' : 'critical';
  return verdict(severity, `健康状态：${label(m.target)} 为 ${state}`, `Health state: ${label(m.target)} is ${state}`);
};

const jdbc: Assessor = (m, th) => {
  const state = text(m.detail?.state);
  if (state && state !== 'Running') return verdict('critical', `连接池状态异常：${label(m.target)} 为 ${state}`, `Data source not running: ${label(m.target)} is ${state}`);
  const waiting = num(m.detail?.waiting);
  if (waiting > 0) return verdict('critical', `连接池有等待：${label(m.target)} ${waiting} 个请求在等待连接`, `Data source has waiters: ${label(m.target)} ${waiting} requests waiting for a connection`);
  return numeric(m, th);
};

const CRITICAL_BEA = /BEA-000337|BEA-310003|OutOfMemoryError|FAILED_NOT_RESTARTABLE/;

const logErrors: Assessor = (m) => {
  if (num(m.value) <= 0) return null;
  const ids = text(m.detail?.ids);
  const severity = CRITICAL_BEA.test(ids) ? 'critical' : 'warning';
  return verdict(severity, `服务器日志 24 小时内有 ${num(m.value)} 条错误：${label(m.target)} ${ids}`, `${num(m.value)} error records in 24 h in the server log: ${label(m.target)} ${ids}`);
};

const patchLevel: Assessor = (m) => {
  const declared = text(m.detail?.declared);
  const live = /\d+(?:\.\d+)+/.exec(text(m.value))?.[0] ?? text(m.value);
  if (!declared || live.startsWith(declared)) return null;
  return verdict('warning', `WebLogic 版本：${label(m.target)} 为 ${text(m.value)}，声明 ${declared}`, `WebLogic version: ${label(m.target)} is ${text(m.value)}, declared ${declared}`);
};

export const MIDDLEWARE_ASSESSORS: Record<string, Assessor> = {
  'wls.server-state': serverState,
  'wls.health': health,
  'wls.heap': numeric,
  'wls.threads': numeric,
  'wls.hogging': numeric,
  'wls.jdbc': jdbc,
  'wls.sessions': numeric,
  'wls.log-errors': logErrors,
  'wls.patch-level': patchLevel,
};
