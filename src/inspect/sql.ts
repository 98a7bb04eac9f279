/**
 * Running catalogue SQL through an OracleSession: the statement text of DB_SQL without its
 * comments and final `;` (node-oracledb refuses a trailing `;`, sqlplus adds its own), and
 * reading cells as numbers, text and times.
 */
import { DB_SQL } from '../health/index.js';
import type { OracleRow, OracleSession } from '../providers/context.js';

export function statement(key: string): string {
  const text = DB_SQL[key];
  if (text === undefined) throw new Error(`no catalogue SQL named ${key}`);
  return text.split('\n').map((l) => l.replace(/--.*$/, '').trimEnd()).filter((l) => l.trim() !== '').join('\n').replace(/;\s*$/, '');
}

export function catalogueQuery(session: OracleSession, key: string): Promise<OracleRow[]> {
  return session.query(statement(key));
}

export function cellNum(row: OracleRow | undefined, col: string): number | null {
  const v = row?.[col];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function cellText(row: OracleRow | undefined, col: string): string {
  const v = row?.[col];
  return v === null || v === undefined ? '' : String(v).trim();
}

const MON: Record<string, number> = { JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11 };

/**
 * A date/time as Oracle prints it, in the database's zone (+08:00): ISO-like `2026-11-20
 * 10:15:02`, or NLS default `20-NOV-26` (with an optional `10.15.02.000000 AM` time part).
 * Null when it reads as neither.
 */
export function oracleTime(text: string): Date | null {
  const iso = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?/.exec(text);
  if (iso) return new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, +(iso[4] ?? 0) - 8, +(iso[5] ?? 0), +(iso[6] ?? 0)));
  const nls = /^(\d\d)-([A-Z]{3})-(\d\d)(?:\s+(\d\d)\.(\d\d)\.(\d\d)(?:\.\d+)?\s*(AM|PM)?)?/i.exec(text);
  if (!nls) return null;
  const month = MON[nls[2]!.toUpperCase()];
  if (month === undefined) return null;
  let hour = +(nls[4] ?? 0);
  if (nls[7]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
  if (nls[7]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
  return new Date(Date.UTC(2000 + +nls[3]!, month, +nls[1]!, hour - 8, +(nls[5] ?? 0), +(nls[6] ?? 0)));
}

/** `+00 00:05:00` (Data Guard interval) → minutes. */
export function intervalMinutes(text: string): number | null {
  const m = /^\+?(\d+)\s+(\d\d):(\d\d):(\d\d)/.exec(text.trim());
  return m ? +m[1]! * 1440 + +m[2]! * 60 + +m[3]! + +m[4]! / 60 : null;
}
