/**
 * Log errors of the last 24 h from the tails the host batch read: WebLogic server logs (BEA-
 * records of severity Error and above, via parseBeaLogLines) and Oracle alert logs (ORA- lines,
 * via parseAlertLogLines). Timestamps without a zone are the hosts' local time (+08:00).
 */
import { parseAlertLogLines, parseBeaLogLines } from '../parsers/index.js';

const BAD_SEVERITY = new Set(['Error', 'Critical', 'Alert', 'Emergency']);
const DAY_MS = 24 * 3600_000;

export interface LogErrors {
  count: number;
  codes: string[];
}

export function beaErrors(text: string, now: Date): LogErrors {
  const parsed = parseBeaLogLines(text);
  if (!parsed.ok) return { count: 0, codes: [] };
  const since = now.getTime() - DAY_MS;
  const bad = parsed.value.filter((r) => BAD_SEVERITY.has(r.severity) && (r.rawTimeMillis === null || (r.rawTimeMillis >= since && r.rawTimeMillis <= now.getTime())));
  const extra = parsed.value.filter((r) => /OutOfMemoryError|FAILED_NOT_RESTARTABLE/.test(r.message)).map(() => 'OutOfMemoryError');
  return { count: bad.length, codes: [...bad.map((r) => r.messageId), ...extra] };
}

function alertTime(iso: string): number {
  return Date.parse(/([+-]\d\d:\d\d|Z)$/.test(iso) ? iso : `${iso}+08:00`);
}

export function alertErrors(text: string, now: Date): LogErrors {
  const parsed = parseAlertLogLines(text);
  if (!parsed.ok) return { count: 0, codes: [] };
  const since = now.getTime() - DAY_MS;
  const recent = parsed.value.filter((e) => {
    const t = alertTime(e.iso);
    return Number.isFinite(t) && t >= since && t <= now.getTime();
  });
  const codes = recent.flatMap((e) => e.errors.filter((x) => x.facility === 'ORA').map((x) => x.code));
  return { count: codes.length, codes };
}
