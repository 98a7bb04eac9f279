/**
 * Oracle text outputs read over SSH: `lsnrctl status` (padded `Label   value` lines, or a single
 * space where a page collapsed the padding; services and instances; TNS- errors such as
 * TNS-12541 when no listener runs; zh_CN labels `状态 READY`, `命令执行成功`) and the text alert log
 * `alert_<SID>.log` (11g `Tue Mar 08 05:28:19 2016` and 12.2+ ISO-8601 timestamp lines).
 */
import { contentLines, fail, note, ok, toLines } from './result.js';
import type { ParseNote, ParseResult } from './result.js';
import { parseOraErrors } from './sqlplus.js';
import type { OraError } from './sqlplus.js';

export type InstanceStatus = 'READY' | 'BLOCKED' | 'UNKNOWN' | 'RESTRICTED' | string;

export interface ListenerService {
  name: string;
  instances: { name: string; status: InstanceStatus; handlers: number | null }[];
}

export interface ListenerStatus {
  /** False when lsnrctl says no listener is there (TNS-12541 / TNS-12560 / TNS-00511). */
  running: boolean;
  completed: boolean;
  alias: string | null;
  version: string | null;
  /** As printed, e.g. `08-MAR-2016 05:28:19`. */
  startDate: string | null;
  uptimeSeconds: number | null;
  fields: Record<string, string>;
  endpoints: string[];
  services: ListenerService[];
  errors: OraError[];
}

const LABELS = ['Alias', 'Version', 'Start Date', 'Uptime', 'Trace Level', 'Security', 'SNMP', 'Listener Parameter File', 'Listener Log File', 'Listener Trace File'];
const NO_LISTENER = new Set(['TNS-12541', 'TNS-12560', 'TNS-00511', 'TNS-12545']);

/** `0 days 3 hr. 32 min. 56 sec` → seconds. */
export function parseLsnrUptime(s: string): number | null {
  const m = /(\d+)\s+days?\s+(\d+)\s+hr\.?\s+(\d+)\s+min\.?\s+(\d+)\s+sec/.exec(s);
  return m ? Number(m[1]) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : null;
}

function labelled(t: string): [string, string] | null {
  const padded = /^(\S.*?)\s{2,}(.*)$/.exec(t);
  if (padded && LABELS.includes(padded[1]!)) return [padded[1]!, padded[2]!.trim()];
  const label = LABELS.find((l) => t.startsWith(`${l} `));
  return label ? [label, t.slice(label.length).trim()] : null;
}

export function parseLsnrctlStatus(text: string): ParseResult<ListenerStatus> {
  const lines = contentLines(text);
  if (lines.length === 0) return fail('lsnrctl', 0, 'empty output');
  const notes: ParseNote[] = [];
  const fields: Record<string, string> = {};
  const endpoints: string[] = [];
  const services: ListenerService[] = [];
  let completed = false;
  for (const line of lines) {
    const t = line.text.trim();
    const svc = /^Service "([^"]+)" has (\d+) instance/.exec(t) ?? /^服务 "([^"]+)" 包含 (\d+) 个/.exec(t);
    const inst = /^Instance "([^"]+)", (?:status|状态) (\w+)(?:, has (\d+) handler)?/.exec(t) ?? /^实例 "([^"]+)", 状态 (\w+)(?:, 包含此服务的 (\d+) 个)?/.exec(t);
    const kv = labelled(t);
    if (/^The command completed successfully|^命令执行成功/.test(t)) completed = true;
    else if (svc) services.push({ name: svc[1]!, instances: [] });
    else if (inst && services.length > 0) {
      services[services.length - 1]!.instances.push({ name: inst[1]!, status: inst[2]!, handlers: inst[3] === undefined ? null : Number(inst[3]) });
    } else if (kv) fields[kv[0]] = kv[1];
    else if (/^\(DESCRIPTION=/.test(t)) endpoints.push(t);
    else notes.push(note(line, 'not used'));
  }
  const errors = parseOraErrors(text);
  const running = !errors.some((e) => NO_LISTENER.has(e.code)) && (completed || Object.keys(fields).length > 0);
  return ok({
    running, completed, alias: fields.Alias ?? null, version: fields.Version ?? null, startDate: fields['Start Date'] ?? null,
    uptimeSeconds: fields.Uptime === undefined ? null : parseLsnrUptime(fields.Uptime), fields, endpoints, services, errors,
  }, notes);
}

export interface AlertEntry {
  /** As printed. */
  timestamp: string;
  /** `2016-03-08T05:28:19` (11g, no zone) or the ISO text itself (12.2+, with offset). */
  iso: string;
  /** Line of the timestamp. */
  line: number;
  text: string[];
  errors: OraError[];
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
const OLD_STAMP = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d\d:\d\d:\d\d) (\d{4})$/;
const ISO_STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/;

export function alertTimestamp(t: string): string | null {
  const old = OLD_STAMP.exec(t);
  if (old) return `${old[4]}-${MONTHS[old[1]!]}-${old[2]!.padStart(2, '0')}T${old[3]}`;
  return ISO_STAMP.test(t) ? t : null;
}

/** Alert log text → entries (lines before the first timestamp are noted, not lost silently). */
export function parseAlertLogLines(text: string): ParseResult<AlertEntry[]> {
  const notes: ParseNote[] = [];
  const out: AlertEntry[] = [];
  for (const line of toLines(text)) {
    const t = line.text.trim();
    const iso = alertTimestamp(t);
    if (iso) out.push({ timestamp: t, iso, line: line.n, text: [], errors: [] });
    else if (out.length === 0) {
      if (t !== '') notes.push(note(line, 'before the first timestamp (truncated head?)'));
    } else if (t !== '') {
      const entry = out[out.length - 1]!;
      entry.text.push(line.text);
      for (const e of parseOraErrors(line.text)) entry.errors.push({ ...e, line: line.n });
    }
  }
  return ok(out, notes);
}
