/**
 * The chinese-days adapter (src/calendar): day facts from the package's data, the 调休 make-up
 * working days (checked the way isWorkday sees them, never with isInLieu), the Calendar's
 * overrides winning, and the coverage guard failing closed for unchecked years.
 */
import { describe, expect, it } from 'vitest';
import { buildDayTable, dayFacts, packageYears } from '../../../src/calendar/index.js';
import type { Calendar } from '../../../src/model/index.js';
import { realData } from './fixture.js';

const hebei = (): Calendar => realData().calendar;
const withCalendar = (patch: Partial<Calendar>): Calendar => ({ ...hebei(), ...patch });

describe('dayFacts on the real calendar hebei (2026 State Council notice, 国办发明电〔2025〕7号)', () => {
  it.each([
    // date, workday, holiday, name
    ['2026-01-01', false, true, '元旦 New Year\'s Day'],
    ['2026-01-04', true, false, '元旦 New Year\'s Day'], // Sunday, 调休上班
    ['2026-02-14', true, false, '春节 Spring Festival'], // Saturday, 调休上班
    ['2026-02-15', false, true, '春节 Spring Festival'],
    ['2026-02-23', false, true, '春节 Spring Festival'],
    ['2026-02-24', true, false, undefined],
    ['2026-02-28', true, false, '春节 Spring Festival'], // Saturday, 调休上班
    ['2026-05-05', false, true, '劳动节 Labour Day'],
    ['2026-05-09', true, false, '劳动节 Labour Day'], // Saturday, 调休上班
    ['2026-09-20', true, false, '国庆节 National Day'], // Sunday, 调休上班
    ['2026-09-25', false, true, '中秋 Mid-autumn Festival'],
    ['2026-10-07', false, true, '国庆节 National Day'],
    ['2026-10-08', true, false, undefined], // Thursday after 国庆
    ['2026-10-10', true, false, '国庆节 National Day'], // Saturday, 调休上班
    ['2026-11-28', false, false, undefined], // ordinary Saturday
    ['2026-12-02', true, false, undefined],
  ] as const)('%s: workday %s, holiday %s (%s)', (date, workday, holiday, name) => {
    const f = dayFacts(hebei(), date);
    expect(f).toMatchObject({ covered: true, workday, holiday });
    if (f.covered) expect(f.name).toBe(name);
  });

  it.each([
    ['2025-01-26', true], ['2025-02-08', true], ['2025-04-27', true], ['2025-09-28', true], ['2025-10-11', true], // 调休上班
    ['2025-01-28', false], ['2025-10-08', false], ['2025-05-31', false],
  ] as const)('2025 (国办发明电〔2024〕12号): %s workday %s', (date, workday) => {
    expect(dayFacts(hebei(), date)).toMatchObject({ covered: true, workday });
  });
});

describe('the coverage guard', () => {
  it('a year not in holidayYears fails closed, naming the year', () => {
    const f = dayFacts(hebei(), '2027-01-05');
    expect(f.covered).toBe(false);
    if (!f.covered) expect(f.reason).toMatch(/^no checked holiday data for 2027: Calendar `hebei` lists holidayYears 2025, 2026/);
    expect(dayFacts(hebei(), '2024-12-31').covered).toBe(false);
  });

  it('a year listed in the calendar but absent from the package fails closed instead of falling back to Mon–Fri', () => {
    const last = Math.max(...packageYears());
    const cal = withCalendar({ holidayYears: [last + 1] });
    const f = dayFacts(cal, `${last + 1}-01-01`);
    expect(f.covered).toBe(false);
    if (!f.covered) expect(f.reason).toContain(`has no holiday data for ${last + 1}`);
  });

  it('…unless the calendar itself enters that year (overrides), for a December update without a package bump', () => {
    const next = Math.max(...packageYears()) + 1;
    const cal = withCalendar({ holidayYears: [next], overrides: [{ date: `${next}-01-01`, type: 'holiday', reason: '元旦' }] });
    expect(dayFacts(cal, `${next}-01-01`)).toMatchObject({ covered: true, workday: false, holiday: true, override: '元旦' });
  });

  it('a malformed date is not covered', () => {
    expect(dayFacts(hebei(), '2026-02-30').covered).toBe(false);
    expect(dayFacts(hebei(), '2026/02/14').covered).toBe(false);
  });

  it('the package has data for both checked years', () => {
    expect(packageYears()).toEqual(expect.arrayContaining([2025, 2026]));
  });
});

describe('overrides win', () => {
  it('an override makes a working day a holiday and a weekend a working day', () => {
    const cal = withCalendar({
      overrides: [
        { date: '2026-12-02', type: 'holiday', reason: '省局通知：系统割接停机' },
        { date: '2026-11-28', type: 'workday', reason: '省局通知：补班' },
      ],
    });
    expect(dayFacts(cal, '2026-12-02')).toMatchObject({ covered: true, workday: false, holiday: true, override: '省局通知：系统割接停机' });
    expect(dayFacts(cal, '2026-11-28')).toMatchObject({ covered: true, workday: true, holiday: false });
    expect(dayFacts(cal, '2026-11-27')).toMatchObject({ covered: true, workday: true });
  });
});

describe('buildDayTable', () => {
  it('one entry per day, inclusive, across a year boundary into an uncovered year', () => {
    const t = buildDayTable(hebei(), '2026-12-30', '2027-01-02');
    expect(Object.keys(t)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(t['2026-12-31']?.covered).toBe(true);
    expect(t['2027-01-01']?.covered).toBe(false);
  });

  it('a 401-day table (what opsctl window builds) has 401 entries', () => {
    expect(Object.keys(buildDayTable(hebei(), '2025-01-01', '2026-02-05'))).toHaveLength(401);
  });
});
