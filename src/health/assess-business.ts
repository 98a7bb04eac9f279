/**
 * Application, integration and business assessor. Measurement conventions: app.http-probe and
 * link.latency `ms`; etl.jobs failed-run count with `broken`/`carteMissing`; batch.deduction per
 * `batch:` target — hours since UPDATED_AT for a RUNNING batch (value), or status FAILED;
 * exchange.receive failed count, exchange.backlog pending count, yz.save-errors error count.
 */
import { type Assessor, label, num, numeric, text, verdict } from './assess-common.js';

const etl: Assessor = (m) => {
  if (m.detail?.carteMissing === true) return verdict('critical', `ETL 调度进程未运行：${label(m.target)}`, `ETL scheduler (Carte) not running: ${label(m.target)}`);
  if (num(m.detail?.broken) > 0) return verdict('critical', `ETL 作业 BROKEN：${label(m.target)} ${text(m.detail?.jobs)}`, `ETL jobs broken: ${label(m.target)} ${text(m.detail?.jobs)}`);
  if (num(m.value) > 0) return verdict('warning', `ETL 作业 24 小时内失败 ${num(m.value)} 次：${label(m.target)} ${text(m.detail?.jobs)}`, `${num(m.value)} failed ETL runs in 24 h: ${label(m.target)} ${text(m.detail?.jobs)}`);
  return null;
};

const batch: Assessor = (m, th) => {
  const status = text(m.detail?.status);
  const what = `${label(m.target)}（${text(m.detail?.bank)} ${text(m.detail?.period)}）`;
  const whatEn = `${label(m.target)} (${text(m.detail?.bank)} ${text(m.detail?.period)})`;
  if (status === 'FAILED') {
    return verdict('warning', `批扣批次失败：${what} ${text(m.detail?.error)}`, `Batch deduction failed: ${whatEn} ${text(m.detail?.error)}`);
  }
  const v = numeric(m, th);
  if (!v) return null;
  const progress = `${num(m.detail?.processed)}/${num(m.detail?.expected)}`;
  return {
    severity: v.severity,
    message: {
      zh: `批扣批次停滞：${what} RUNNING 已 ${num(m.value)} 小时无进展（进度 ${progress}，阈值 ${v.severity === 'critical' ? th?.critical : th?.warning} 小时）`,
      en: `Batch deduction stalled: ${whatEn} RUNNING without progress for ${num(m.value)} h (progress ${progress}, threshold ${v.severity === 'critical' ? th?.critical : th?.warning} h)`,
    },
  };
};

export const BUSINESS_ASSESSORS: Record<string, Assessor> = {
  'app.http-probe': numeric,
  'link.latency': numeric,
  'etl.jobs': etl,
  'batch.deduction': batch,
  'exchange.receive': numeric,
  'exchange.backlog': numeric,
  'yz.save-errors': numeric,
};
