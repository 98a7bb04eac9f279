/**
 * Days and clock times in Asia/Shanghai, as plain data and explicit arithmetic.
 *
 * China has one offset all year (+08:00, no DST), so a Shanghai wall-clock time is the UTC
 * instant plus eight hours. Everything here uses Date.UTC and getUTC* only, so the machine's
 * timezone never matters. Dates are "YYYY-MM-DD" strings; instants are epoch milliseconds.
 *
 * DayTable is what the calendar adapter (src/calendar/) hands to core: one entry per date saying
 * whether it is a working day, or why the tool does not know (a year without checked data).
 */

/** What is true of one Shanghai calendar day. */
export interface DayFacts {
  covered: true;
  /** A working day: Mon–Fri not a holiday, or a 调休 make-up working day; overrides win. */
  workday: boolean;
  /** A published public holiday (not an ordinary weekend). */
  holiday: boolean;
  /** The holiday a day belongs to (also for a make-up working day), e.g. "春节 Spring Festival". */
  name?: string;
  /** Set when a Calendar override decided the day. */
  override?: string;
}

/** The tool has no checked data for the day: everything that depends on it fails closed. */
export interface DayUncovered {
  covered: false;
  reason: string;
}

export type DayEntry = DayFacts | DayUncovered;

/** Date "YYYY-MM-DD" → facts. Built by src/calendar (buildDayTable); core only reads it. */
export type DayTable = Readonly<Record<string, DayEntry>>;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+08:00 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

export type WeekdayName = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
const WEEKDAYS: readonly WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_LABELS: Readonly<Record<WeekdayName, string>> = {
  mon: 'Monday 星期一', tue: 'Tuesday 星期二', wed: 'Wednesday 星期三', thu: 'Thursday 星期四',
  fri: 'Friday 星期五', sat: 'Saturday 星期六', sun: 'Sunday 星期日',
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDay(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === text;
}

/** Epoch ms of 00:00 Shanghai on `date`. Throws on a malformed date (a programming error). */
export function dayStart(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS;
}

/** The Shanghai date an instant falls on. */
export function shanghaiDay(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since 00:00 Shanghai of the instant's day. */
export function shanghaiMinuteOfDay(instant: number): number {
  return Math.floor((instant - dayStart(shanghaiDay(instant))) / MINUTE_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(dayStart(date) + SHANGHAI_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): WeekdayName {
  return WEEKDAYS[new Date(dayStart(date) + SHANGHAI_OFFSET_MS).getUTCDay()] as WeekdayName;
}

export function weekdayLabel(date: string): string {
  return WEEKDAY_LABELS[weekdayOf(date)];
}

/** "HH:MM" → minutes after midnight. */
export function clockMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not an HH:MM clock time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** An instant as ISO 8601 in Shanghai time, e.g. "2026-12-16T00:00:00+08:00". */
export function formatShanghai(instant: number): string {
  return `${new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An instant as "HH:MM", with the date when it is not on `sameDayAs`. */
export function formatClock(instant: number, sameDayAs?: string): string {
  const iso = formatShanghai(instant);
  const hhmm = iso.slice(11, 16);
  return sameDayAs !== undefined && iso.slice(0, 10) === sameDayAs ? hhmm : `${iso.slice(0, 10)} ${hhmm}`;
}
