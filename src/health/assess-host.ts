/**
 * Host assessor (health-checks.md §3). Measurement conventions (what inspect/collect-host.ts
 * produces): cpu/memory/paging `%` per host; filesystem `%` per `fs:` target with sizeMb/usedMb;
 * errpt count of the last 24 h with `permanentHardware`/`permanentSoftware`; processes count per
 * `process:` target with `minCount`; log-errors count with `codes`; os-level text with `declared`.
 */
import { type Assessor, label, num, numeric, text, verdict } from './assess-common.js';

const errpt: Assessor = (m) => {
  const hw = num(m.detail?.permanentHardware);
  const sw = num(m.detail?.permanentSoftware);
  if (hw > 0) return verdict('critical', `系统错误日志：${label(m.target)} 24 小时内有 ${hw} 条永久硬件错误`, `System error log: ${label(m.target)} has ${hw} permanent hardware entries in 24 h`);
  if (sw > 0) return verdict('warning', `系统错误日志：${label(m.target)} 24 小时内有 ${sw} 条永久软件错误`, `System error log: ${label(m.target)} has ${sw} permanent software entries in 24 h`);
  return null;
};

const processes: Assessor = (m) => {
  const min = num(m.detail?.minCount) || 1;
  if (num(m.value) >= min) return null;
  const pattern = text(m.detail?.pattern);
  return verdict('critical', `必需进程缺失：${label(m.target)}（匹配 "${pattern}"，运行 ${num(m.value)} 个，至少 ${min} 个）`,
    `Required process missing: ${label(m.target)} (pattern "${pattern}", ${num(m.value)} running, at least ${min})`);
};

const osLevel: Assessor = (m) => {
  const declared = text(m.detail?.declared);
  if (!declared || text(m.value) === declared) return null;
  return verdict('warning', `操作系统版本：${label(m.target)} 为 ${text(m.value)}，清单声明 ${declared}`, `OS level: ${label(m.target)} is ${text(m.value)}, the inventory says ${declared}`);
};

export const HOST_ASSESSORS: Record<string, Assessor> = {
  'host.cpu': numeric,
  'host.memory': numeric,
  'host.paging': numeric,
  'host.filesystem': numeric,
  'host.errpt': errpt,
  'host.processes': processes,
  'host.log-errors': numeric,
  'host.os-level': osLevel,
  'host.password-age': numeric,
};
