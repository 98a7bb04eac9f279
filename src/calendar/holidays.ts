/**
 * The one adapter for `chinese-days`: public holidays and 调休 make-up working days of China,
 * turned into DayFacts for core, with the Calendar document's overrides (they win) and a
 * coverage guard (a year the calendar has not checked fails closed).
 *
 * Why the package's data file and not its functions at run time: chinese-days 1.5.7 parses
 * "YYYY-MM-DD" as UTC midnight but reads it back with local-time getters, and builds its own
 * lookup tables the same way when it loads. On a machine west of UTC (TZ=America/New_York) every
 * answer is one day off: isWorkday('2026-02-14') — the 春节 make-up Saturday — returns false.
 * The package also ships the same tables as data (dist/chinese-days.json: holidays, workdays =
 * 调休上班, inLieuDays); reading them is timezone-free. `libraryDisagreements` asks the
 * package's own isWorkday (the check the domain notes ask for: weekend working days via
 * isWorkday, never isInLieu) so tests prove the two agree where the library works.
 */
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import {
  addDays, isIsoDay, weekdayOf, type DayEntry, type DayFacts, type DayTable, type DayUncovered,
} from '../core/calendar-days.js';
import type { Calendar } from '../model/index.js';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const DATA = require('chinese-days/dist/chinese-days.json') as PackageData;
const PACKAGE_VERSION = (require('chinese-days/package.json') as { version: string }).version;

/** The years the installed chinese-days has holiday data for. */
export function packageYears(): number[] {
  const years = new Set(Object.keys(DATA.holidays).map((d) => Number(d.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}
const PACKAGE_YEARS = new Set(packageYears());

/** "Spring Festival,春节,4" → "春节 Spring Festival". */
function holidayName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const [en, zh] = raw.split(',');
  return zh ? `${zh} ${en}` : en;
}

function uncovered(reason: string): DayUncovered {
  return { covered: false, reason };
}

/** Why a year is not covered, or undefined when it is. */
function coverageGap(calendar: Calendar, year: number): string | undefined {
  if (!calendar.holidayYears.includes(year)) {
    return `no checked holiday data for ${year}: Calendar \`${calendar.name}\` lists holidayYears ${calendar.holidayYears.join(', ')}; `
      + `check the State Council holiday notice (国务院办公厅关于${year}年部分节假日安排的通知) against chinese-days and add ${year} to holidayYears`;
  }
  const ownOverrides = (calendar.overrides ?? []).some((o) => o.date.startsWith(`${year}-`));
  if (!PACKAGE_YEARS.has(year) && !ownOverrides) {
    return `chinese-days ${PACKAGE_VERSION} has no holiday data for ${year} (it would silently fall back to Mon–Fri); `
      + `upgrade chinese-days, or enter ${year}'s holidays and 调休 days as overrides in Calendar \`${calendar.name}\``;
  }
  return undefined;
}

/** What the package's data says of a day (weekday rule for ordinary days). */
function packageFacts(date: string): DayFacts {
  const weekend = ['sat', 'sun'].includes(weekdayOf(date));
  const makeUp = DATA.workdays[date];
  if (makeUp !== undefined) return withName({ covered: true, workday: true, holiday: false }, holidayName(makeUp));
  const holiday = DATA.holidays[date];
  if (holiday !== undefined) return withName({ covered: true, workday: false, holiday: true }, holidayName(holiday));
  return { covered: true, workday: !weekend, holiday: false };
}

function withName(facts: DayFacts, name: string | undefined): DayFacts {
  return name === undefined ? facts : { ...facts, name };
}

/**
 * Facts of one Shanghai date: chinese-days, then the calendar's overrides (which win), behind
 * the coverage guard. Pass "YYYY-MM-DD".
 */
export function dayFacts(calendar: Calendar, date: string): DayEntry {
  if (!isIsoDay(date)) return uncovered(`"${date}" is not a YYYY-MM-DD date`);
  const gap = coverageGap(calendar, Number(date.slice(0, 4)));
  if (gap) return uncovered(gap);
  const facts = packageFacts(date);
  const override = (calendar.overrides ?? []).find((o) => o.date === date);
  if (!override) return facts;
  const workday = override.type === 'workday';
  return { ...facts, workday, holiday: !workday, override: override.reason };
}

/** Facts for every date from `fromDate` to `toDate` inclusive: what core's assessWindow reads. */
export function buildDayTable(calendar: Calendar, fromDate: string, toDate: string): DayTable {
  const table: Record<string, DayEntry> = {};
  if (!isIsoDay(fromDate) || !isIsoDay(toDate)) return table;
  for (let d = fromDate; d <= toDate; d = addDays(d, 1)) table[d] = dayFacts(calendar, d);
  return table;
}

/**
 * Dates in [fromDate, toDate] where the package's own isWorkday disagrees with the data this
 * adapter reads (no overrides applied). Empty when the process timezone is UTC or east of it;
 * west of UTC chinese-days 1.5.7 is off by a day (see the header), which is why it is not used.
 */
export function libraryDisagreements(fromDate: string, toDate: string): string[] {
  const out: string[] = [];
  for (let d = fromDate; d <= toDate; d = addDays(d, 1)) {
    if (chineseDays.isWorkday(d) !== packageFacts(d).workday) out.push(d);
  }
  return out;
}
