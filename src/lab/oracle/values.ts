/**
 * Values inside the lab's SQL engine and how SQL*Plus prints them: numbers bare (Oracle style,
 * `.5` without a leading zero), strings as they are, DATE/TIMESTAMP through the session's NLS
 * formats. Time is shown in the lab's zone, China Standard Time (+08:00).
 */
import type { Scalar } from '../state/types.js';
import { ora } from './errors.js';

export interface SqlDate {
  kind: 'date' | 'timestamp' | 'timestamptz';
  /** Milliseconds since the epoch. */
  ms: number;
}

export type SqlValue = string | number | null | SqlDate;

export interface NlsFormats {
  date: string;
  timestamp: string;
  timestamptz: string;
}

export const DEFAULT_NLS: NlsFormats = {
  date: 'DD-MON-RR',
  timestamp: 'DD-MON-RR HH.MI.SSXFF AM',
  timestamptz: 'DD-MON-RR HH.MI.SSXFF AM TZR',
};

export const TZ_OFFSET_MINUTES = 8 * 60;

export function isDate(v: SqlValue): v is SqlDate {
  return typeof v === 'object' && v !== null;
}

export function date(iso: string | Date | number, kind: SqlDate['kind'] = 'date'): SqlDate {
  const ms = typeof iso === 'number' ? iso : typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return { kind, ms };
}

export function fromScalar(v: Scalar): SqlValue {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Store a SQL value into a lab table cell (dates become 'YYYY-MM-DD HH24:MI:SS' text). */
export function toScalar(v: SqlValue): Scalar {
  if (isDate(v)) return formatDate(v, 'YYYY-MM-DD HH24:MI:SS');
  return v;
}

/** Oracle's default number display: no trailing zeros, no leading zero before the point. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  let text = String(Number(n.toPrecision(15)));
  if (text.startsWith('0.')) text = text.slice(1);
  else if (text.startsWith('-0.')) text = `-${text.slice(2)}`;
  return text;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const TOKEN = /^(YYYY|RRRR|RR|YY|MONTH|MON|MM|DD|HH24|HH12|HH|MI|SS|XFF|FF\d?|AM|PM|TZR|TZH|TZM)/i;

/** Formats a date with a subset of Oracle format models (enough for the NLS defaults). */
export function formatDate(v: SqlDate, format: string): string {
  const d = new Date(v.ms + TZ_OFFSET_MINUTES * 60_000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const h24 = d.getUTCHours();
  const parts: Record<string, () => string> = {
    YYYY: () => String(d.getUTCFullYear()), RRRR: () => String(d.getUTCFullYear()),
    RR: () => p2(d.getUTCFullYear() % 100), YY: () => p2(d.getUTCFullYear() % 100),
    MONTH: () => (MONTHS[d.getUTCMonth()] ?? '').padEnd(9), MON: () => MONTHS[d.getUTCMonth()] ?? '',
    MM: () => p2(d.getUTCMonth() + 1), DD: () => p2(d.getUTCDate()),
    HH24: () => p2(h24), HH12: () => p2(h24 % 12 || 12), HH: () => p2(h24 % 12 || 12),
    MI: () => p2(d.getUTCMinutes()), SS: () => p2(d.getUTCSeconds()),
    XFF: () => `.${String(d.getUTCMilliseconds()).padStart(3, '0')}000`,
    FF: () => `${String(d.getUTCMilliseconds()).padStart(3, '0')}000`,
    AM: () => (h24 < 12 ? 'AM' : 'PM'), PM: () => (h24 < 12 ? 'AM' : 'PM'),
    TZR: () => '+08:00', TZH: () => '+08', TZM: () => '00',
  };
  let out = '';
  let rest = format;
  while (rest.length > 0) {
    const m = TOKEN.exec(rest);
    if (m) {
      const key = m[1]!.toUpperCase().replace(/^FF\d$/, 'FF');
      out += parts[key]?.() ?? m[1];
      rest = rest.slice(m[1]!.length);
    } else if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      out += rest.slice(1, end < 0 ? undefined : end);
      rest = end < 0 ? '' : rest.slice(end + 1);
    } else {
      out += rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}

export function displayValue(v: SqlValue, nls: NlsFormats): string {
  if (v === null) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return formatDate(v, nls[v.kind]);
}

/** Oracle comparison: strings compared to numbers are converted (ORA-01722 when not numeric). */
export function compare(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  if (isDate(a) || isDate(b)) {
    const am = isDate(a) ? a.ms : Date.parse(String(a));
    const bm = isDate(b) ? b.ms : Date.parse(String(b));
    return am === bm ? 0 : am < bm ? -1 : 1;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const an = toNumber(a);
    const bn = toNumber(b);
    return an === bn ? 0 : an < bn ? -1 : 1;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

export function toNumber(v: SqlValue): number {
  if (typeof v === 'number') return v;
  const text = typeof v === 'string' ? v.trim() : '';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw ora.invalidNumber();
  return Number(text);
}
