/**
 * Change windows and blackouts (DESIGN §6 rule 2), pure: is a change allowed at `now`, why not,
 * how long is left, and when is the next window. Time comes in as an argument; all times are
 * Asia/Shanghai, computed with explicit +08:00 arithmetic (calendar-days.ts), so the machine's
 * timezone never matters and there is no DST to get wrong.
 *
 * A window occurrence belongs to the day it opens on (`days` is checked for that day) and ends
 * the next morning when end <= start. Occurrences that touch or overlap are merged. Blackouts are
 * cut out: 征期 (the 1st 00:00 to the end of the published deadline day), working hours of working
 * days, the calendar's named blackouts (inclusive dates). The last reserveMinutes of every open
 * stretch are kept free; the plan's duration must fit in what is left. Missing data (a day
 * without facts, a year without a 征期 table) fails closed: nothing is open from that day on.
 */
import type { Calendar, ChangeWindows, Window } from '../model/index.js';
import {
  addDays, clockMinutes, DAY_MS, dayStart, formatClock, formatShanghai, MINUTE_MS, shanghaiDay,
  weekdayLabel, weekdayOf, type DayFacts, type DayTable,
} from './calendar-days.js';

/** How far ahead `next` is searched; the day table must reach as far (or fail closed earlier). */
export const WINDOW_SEARCH_DAYS = 400;
/** How far back the stretch open now is traced for its opening time (it is cut there if longer). */
export const WINDOW_LOOKBACK_DAYS = 7;

/** The dates the day table must cover to assess `now`: what callers pass to buildDayTable. */
export function windowDayRange(now: Date, horizonDays: number = WINDOW_SEARCH_DAYS): { from: string; to: string } {
  const today = shanghaiDay(now.getTime());
  return { from: addDays(today, -WINDOW_LOOKBACK_DAYS), to: addDays(today, horizonDays) };
}

export interface WindowInput {
  now: Date;
  windows: ChangeWindows;
  calendar: Calendar;
  days: DayTable;
  /** The plan's estimated duration; it must fit in what is left of the window. */
  durationMinutes?: number;
  horizonDays?: number;
  /** Where the calendar is declared, for "add next year's table here" messages. */
  calendarFile?: string;
}

export interface WindowSpan {
  /** The window(s) making up this open stretch, e.g. "nightly" or "non-working-day + nightly". */
  name: string;
  /** ISO 8601 with +08:00; blackouts already cut out. */
  opensAt: string;
  closesAt: string;
}

export interface NextWindow extends WindowSpan {
  /** Minutes between opensAt and closesAt less the reserve. */
  usableMinutes: number;
}

export interface WindowAssessment {
  open: boolean;
  /** The instant assessed, ISO 8601 with +08:00. */
  at: string;
  /** Why it is closed (empty when open). */
  reasons: string[];
  /** The open stretch containing `at`, also when it is too short for the plan. */
  window?: WindowSpan;
  /** Usable minutes left in `window` (the reserve already taken off). */
  minutesLeft?: number;
  reserveMinutes: number;
  durationMinutes?: number;
  /** The next stretch that opens after `at`, is outside blackouts and fits the duration. */
  next?: NextWindow;
  /** Why there is no `next` (search horizon reached, or the calendar data ends first). */
  nextUnknown?: string;
  /** Set when missing or invalid data made the answer "closed" whatever the windows say. */
  failClosed?: string;
}

interface Interval { start: number; end: number }
interface Piece extends Interval { names: string[] }
interface Blackout extends Interval { reason: string }
interface Timeline {
  occurrences: Piece[];
  blackouts: Blackout[];
  segments: Piece[];
  /** Nothing at or after `high` is known (data ends or horizon). */
  high: number;
  /** Why nothing is known from `high` on (missing data), when that is the reason. */
  dataEnd?: string[];
}
type DayScan = { ok: true; facts: DayFacts; blackouts: Blackout[] } | { ok: false; reasons: string[] };

const minutes = (ms: number): number => Math.floor(ms / MINUTE_MS);

function shortSource(source: string): string {
  return source.split(/[（(]/)[0]?.trim() || source;
}

function collectionBlackout(input: WindowInput, date: string): Blackout | undefined | { fail: string } {
  const year = date.slice(0, 4);
  const month = date.slice(5, 7);
  const where = `Calendar \`${input.calendar.name}\`${input.calendarFile ? ` (${input.calendarFile})` : ''}`;
  const table = input.calendar.collectionDeadlines[year];
  if (!table) {
    return { fail: `no 征期 deadline table for ${year}: add collectionDeadlines."${year}" to ${where} from 国家税务总局办公厅's notice 关于明确${year}年度申报纳税期限的通知 (税总办征科函, published each December; record its number and URL); until then every change fails closed` };
  }
  const deadline = table.deadlines[month];
  if (!deadline) return { fail: `${where} has no 征期 deadline for ${year}-${month} (collectionDeadlines."${year}".deadlines."${month}"); changes fail closed` };
  if (date > deadline) return undefined;
  const reason = `${date} is inside 征期 (${month}-01 … ${deadline.slice(5)}, ${shortSource(table.source)})`;
  return { start: dayStart(date), end: dayStart(addDays(date, 1)), reason };
}

function workingHoursBlackout(calendar: Calendar, date: string, facts: DayFacts): Blackout {
  const { start, end } = calendar.workingHours;
  const weekend = ['sat', 'sun'].includes(weekdayOf(date));
  let why = weekdayLabel(date);
  if (facts.override) why = `a working day by override: ${facts.override}`;
  else if (weekend) why = `${weekdayLabel(date)}, a 调休 make-up working day${facts.name ? ` for ${facts.name}` : ''}`;
  const from = dayStart(date) + clockMinutes(start) * MINUTE_MS;
  return { start: from, end: dayStart(date) + clockMinutes(end) * MINUTE_MS, reason: `working hours ${start}–${end} on a working day (${date} ${why})` };
}

function namedBlackouts(calendar: Calendar, date: string): Blackout[] {
  return (calendar.blackouts ?? [])
    .filter((b) => b.from <= date && date <= b.to)
    .map((b) => ({ start: dayStart(date), end: dayStart(addDays(date, 1)), reason: `blackout ${b.name} (${b.from} … ${b.to}): ${b.reason}` }));
}

function scanDay(input: WindowInput, date: string): DayScan {
  const entry = input.days[date];
  const rules = input.windows.blackouts;
  const failures: string[] = [];
  const blackouts: Blackout[] = [];
  if (rules.collectionPeriod) {
    const c = collectionBlackout(input, date);
    if (c && 'fail' in c) failures.push(c.fail);
    else if (c) blackouts.push(c);
  }
  if (!entry) failures.push(`no day facts for ${date}: the day table passed in does not reach it`);
  else if (!entry.covered) failures.push(entry.reason);
  if (failures.length > 0 || !entry?.covered) return { ok: false, reasons: failures };
  if (rules.workingHours && entry.workday) blackouts.push(workingHoursBlackout(input.calendar, date, entry));
  if (rules.named) blackouts.push(...namedBlackouts(input.calendar, date));
  return { ok: true, facts: entry, blackouts };
}

/** Without facts (undefined) a `non-working` window does not open: unknown is closed. */
function opensOn(w: Window, date: string, facts: DayFacts | undefined): boolean {
  if (w.days === 'any') return true;
  if (w.days === 'non-working') return facts !== undefined && !facts.workday;
  return w.days.includes(weekdayOf(date));
}

function occurrencesOn(windows: ChangeWindows, date: string, facts: DayFacts | undefined): Piece[] {
  const base = dayStart(date);
  return windows.windows.filter((w) => opensOn(w, date, facts)).map((w) => {
    const start = clockMinutes(w.start);
    const end = clockMinutes(w.end);
    const endMs = end <= start ? base + DAY_MS + end * MINUTE_MS : base + end * MINUTE_MS;
    return { start: base + start * MINUTE_MS, end: endMs, names: [w.name] };
  });
}

function union<T extends Interval>(list: T[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ start: x.start, end: x.end });
  }
  return out;
}

function subtract(pieces: Interval[], cuts: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const p of pieces) {
    let s = p.start;
    for (const c of cuts) {
      if (c.end <= s || c.start >= p.end) continue;
      if (c.start > s) out.push({ start: s, end: c.start });
      s = Math.max(s, c.end);
    }
    if (s < p.end) out.push({ start: s, end: p.end });
  }
  return out;
}

function named(occurrences: Piece[], x: Interval): Piece {
  const overlapping = occurrences.filter((o) => o.start < x.end && o.end > x.start).sort((a, b) => a.start - b.start);
  const names = overlapping.flatMap((o) => o.names);
  return { ...x, names: [...new Set(names)] };
}

function buildTimeline(input: WindowInput, today: string, toDate: string): Timeline {
  const occurrences: Piece[] = [];
  const blackouts: Blackout[] = [];
  let low = dayStart(addDays(today, -WINDOW_LOOKBACK_DAYS));
  let high = dayStart(addDays(toDate, 1));
  let dataEnd: string[] | undefined;
  for (let d = addDays(today, -WINDOW_LOOKBACK_DAYS); d <= toDate; d = addDays(d, 1)) {
    const scan = scanDay(input, d);
    if (!scan.ok && d < today) {
      // A past day only shapes the stretch open now (its opening time, a window opened the evening
      // before): keep occurrences that need no facts, and forget everything before its midnight.
      low = dayStart(addDays(d, 1));
      occurrences.push(...occurrencesOn(input.windows, d, undefined));
      continue;
    }
    if (!scan.ok) {
      high = dayStart(d);
      dataEnd = scan.reasons;
      break;
    }
    occurrences.push(...occurrencesOn(input.windows, d, scan.facts));
    blackouts.push(...scan.blackouts);
  }
  const clipped = occurrences
    .map((o) => ({ ...o, start: Math.max(o.start, low), end: Math.min(o.end, high) }))
    .filter((o) => o.start < o.end);
  const segments = subtract(union(clipped), union(blackouts)).map((x) => named(clipped, x));
  return { occurrences: clipped, blackouts, segments, high, ...(dataEnd ? { dataEnd } : {}) };
}

function span(p: Piece): WindowSpan {
  return { name: p.names.join(' + '), opensAt: formatShanghai(p.start), closesAt: formatShanghai(p.end) };
}

function describeWindows(windows: ChangeWindows): string {
  const when = (w: Window): string => (w.days === 'any' ? 'every day' : w.days === 'non-working' ? 'on non-working days' : `on ${w.days.join(', ')}`);
  return windows.windows.map((w) => `${w.name} ${w.start}–${w.end} ${when(w)}`).join('; ');
}

function inWindow(input: WindowInput, now: number, seg: Piece, tl: Timeline): Partial<WindowAssessment> {
  const reserve = input.windows.reserveMinutes;
  const left = minutes(seg.end - reserve * MINUTE_MS - now);
  const closes = formatClock(seg.end, shanghaiDay(now));
  const dataNote = seg.end === tl.high && tl.dataEnd ? ` — the calendar data ends there: ${tl.dataEnd.join('; ')}` : '';
  const base = { window: span(seg), minutesLeft: Math.max(0, left) };
  if (left <= 0) {
    const reason = `only ${minutes(seg.end - now)} min before the window closes at ${closes}: the last ${reserve} min are reserved for verification and rollback${dataNote}`;
    return { ...base, open: false, reasons: [reason] };
  }
  const need = input.durationMinutes;
  if (need !== undefined && need > left) {
    return { ...base, open: false, reasons: [`the plan needs ${need} min but the window closes at ${closes} (${left} min left, ${reserve} reserved)${dataNote}`] };
  }
  return { ...base, open: true, reasons: [] };
}

function outside(input: WindowInput, now: number, tl: Timeline): Partial<WindowAssessment> {
  const reasons = [...new Set(tl.blackouts.filter((b) => b.start <= now && now < b.end).map((b) => b.reason))];
  if (!tl.occurrences.some((o) => o.start <= now && now < o.end)) reasons.push(`no window open at this time (${describeWindows(input.windows)})`);
  return { open: false, reasons };
}

function findNext(input: WindowInput, now: number, tl: Timeline, horizon: number): Partial<WindowAssessment> {
  const reserve = input.windows.reserveMinutes * MINUTE_MS;
  const need = Math.max(1, input.durationMinutes ?? 1);
  const found = tl.segments.find((s) => s.start > now && minutes(s.end - s.start - reserve) >= need);
  if (found) return { next: { ...span(found), usableMinutes: minutes(found.end - found.start - reserve) } };
  const what = input.durationMinutes !== undefined ? `no window with ${need} usable min` : 'no window';
  if (tl.dataEnd) return { nextUnknown: `${what} before ${formatShanghai(tl.high)}, where the calendar data ends: ${tl.dataEnd.join('; ')}` };
  return { nextUnknown: `${what} in the next ${horizon} days` };
}

function invalidInput(input: WindowInput, horizon: number): string | undefined {
  if (Number.isNaN(input.now.getTime())) return 'the time to assess is not a valid date';
  const d = input.durationMinutes;
  if (d !== undefined && (!Number.isFinite(d) || d < 0)) return `the plan duration ${d} is not a number of minutes`;
  if (!Number.isInteger(horizon) || horizon < 1) return `the search horizon ${horizon} is not a positive number of days`;
  return undefined;
}

/** Is a change allowed at `now` under these windows and this calendar? Pure; see the header. */
export function assessWindow(input: WindowInput): WindowAssessment {
  const horizon = input.horizonDays ?? WINDOW_SEARCH_DAYS;
  const now = input.now.getTime();
  const base: WindowAssessment = {
    open: false,
    at: Number.isNaN(now) ? String(input.now) : formatShanghai(now),
    reasons: [],
    reserveMinutes: input.windows.reserveMinutes,
    ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
  };
  const bad = invalidInput(input, horizon);
  if (bad) return { ...base, reasons: [bad], failClosed: bad };
  const today = shanghaiDay(now);
  const tl = buildTimeline(input, today, addDays(today, horizon));
  if (now >= tl.high) {
    const reasons = tl.dataEnd ?? [`beyond the ${horizon}-day search horizon`];
    return { ...base, reasons, failClosed: reasons.join('; ') };
  }
  const current = tl.segments.find((s) => s.start <= now && now < s.end);
  const state = current ? inWindow(input, now, current, tl) : outside(input, now, tl);
  return { ...base, ...state, ...findNext(input, now, tl, horizon) };
}
