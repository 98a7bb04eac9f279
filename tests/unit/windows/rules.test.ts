/**
 * The window rules on small made-up ChangeWindows over the real calendar: weekday lists, a
 * window crossing midnight belonging to the day it opens, touching windows merging, the reserve,
 * a bounded search, invalid input failing closed, and day tables that stop short.
 */
import { describe, expect, it } from 'vitest';
import { assessWindow } from '../../../src/core/windows.js';
import type { ChangeWindows, Window } from '../../../src/model/index.js';
import { assess, realData } from './fixture.js';

function windows(list: Window[], patch: Partial<ChangeWindows> = {}): ChangeWindows {
  return {
    apiVersion: 'opsctl/v1', kind: 'ChangeWindows', name: 'test', description: 'test windows',
    windows: list,
    blackouts: { collectionPeriod: false, workingHours: false, named: false },
    reserveMinutes: 0,
    ...patch,
  } as ChangeWindows;
}

const fridayNight = windows([{ name: 'friday-night', days: ['fri'], start: '22:00', end: '04:00' }]);

describe('a window crossing midnight belongs to the day it opens', () => {
  it('open Saturday 01:00 (opened Friday 22:00)', () => {
    const a = assess('2026-11-28T01:00:00+08:00', { windows: fridayNight });
    expect(a.open).toBe(true);
    expect(a.window).toEqual({ name: 'friday-night', opensAt: '2026-11-27T22:00:00+08:00', closesAt: '2026-11-28T04:00:00+08:00' });
    expect(a.minutesLeft).toBe(180);
  });

  it('closed Friday 01:00 (Thursday opens nothing), next is Friday 22:00', () => {
    const a = assess('2026-11-27T01:00:00+08:00', { windows: fridayNight });
    expect(a.open).toBe(false);
    expect(a.reasons).toEqual(['no window open at this time (friday-night 22:00–04:00 on fri)']);
    expect(a.next).toEqual({ name: 'friday-night', opensAt: '2026-11-27T22:00:00+08:00', closesAt: '2026-11-28T04:00:00+08:00', usableMinutes: 360 });
  });

  it('the opening minute is in, the closing minute is out', () => {
    expect(assess('2026-11-27T22:00:00+08:00', { windows: fridayNight }).open).toBe(true);
    expect(assess('2026-11-28T04:00:00+08:00', { windows: fridayNight }).open).toBe(false);
    expect(assess('2026-11-28T03:59:00+08:00', { windows: fridayNight }).minutesLeft).toBe(1);
  });

  it('a `non-working` window crossing midnight opens on the evening of the non-working day only', () => {
    const w = windows([{ name: 'weekend-night', days: 'non-working', start: '20:00', end: '02:00' }]);
    expect(assess('2026-11-30T01:00:00+08:00', { windows: w }).open).toBe(true); // Sunday 20:00 → Monday 02:00
    expect(assess('2026-12-01T01:00:00+08:00', { windows: w }).open).toBe(false); // Monday evening: working day
    expect(assess('2026-02-15T01:00:00+08:00', { windows: w }).open).toBe(false); // opened 02-14, a 调休 Saturday
  });
});

describe('merging and cutting', () => {
  it('touching windows make one stretch; the reserve applies once, at its end', () => {
    const w = windows([
      { name: 'a', days: 'any', start: '20:00', end: '22:00' },
      { name: 'b', days: 'any', start: '22:00', end: '23:00' },
    ], { reserveMinutes: 30 });
    const a = assess('2026-11-24T21:00:00+08:00', { windows: w });
    expect(a.window).toEqual({ name: 'a + b', opensAt: '2026-11-24T20:00:00+08:00', closesAt: '2026-11-24T23:00:00+08:00' });
    expect(a.minutesLeft).toBe(90);
  });

  it('working hours cut all-day windows; the stretches run from 17:30 to 08:30 next morning', () => {
    const w = windows([{ name: 'all-day', days: 'any', start: '00:00', end: '00:00' }], { blackouts: { collectionPeriod: false, workingHours: true, named: false } });
    const a = assess('2026-11-24T07:00:00+08:00', { windows: w });
    expect(a.window).toEqual({ name: 'all-day', opensAt: '2026-11-23T17:30:00+08:00', closesAt: '2026-11-24T08:30:00+08:00' });
    expect(assess('2026-11-24T12:00:00+08:00', { windows: w }).next?.opensAt).toBe('2026-11-24T17:30:00+08:00');
  });

  it('an override turning a working day into a holiday lifts working hours and opens `non-working`', () => {
    const calendar = { ...realData().calendar, overrides: [{ date: '2026-11-24', type: 'holiday' as const, reason: '省局通知' }] };
    const w = windows([{ name: 'day', days: 'non-working', start: '08:00', end: '18:00' }], { blackouts: { collectionPeriod: false, workingHours: true, named: false } });
    expect(assess('2026-11-24T10:00:00+08:00', { windows: w, calendar }).open).toBe(true);
    expect(assess('2026-11-24T10:00:00+08:00', { windows: w }).open).toBe(false);
  });
});

describe('the plan duration', () => {
  const nightly = windows([{ name: 'nightly', days: 'any', start: '21:00', end: '06:00' }], { reserveMinutes: 30 });

  it('fits exactly: open; one minute more: closed', () => {
    expect(assess('2026-11-25T04:30:00+08:00', { windows: nightly, durationMinutes: 60 }).open).toBe(true);
    const a = assess('2026-11-25T04:30:00+08:00', { windows: nightly, durationMinutes: 61 });
    expect(a.open).toBe(false);
    expect(a.reasons).toEqual(['the plan needs 61 min but the window closes at 06:00 (60 min left, 30 reserved)']);
  });

  it('a plan longer than any window: no next within the horizon, said so', () => {
    const a = assess('2026-11-25T04:30:00+08:00', { windows: nightly, durationMinutes: 600, horizonDays: 30 });
    expect(a.next).toBeUndefined();
    expect(a.nextUnknown).toBe('no window with 600 usable min in the next 30 days');
  });

  it('a negative or non-finite duration fails closed', () => {
    expect(assess('2026-11-25T01:00:00+08:00', { windows: nightly, durationMinutes: -5 }).failClosed).toMatch(/not a number of minutes/);
    expect(assess('2026-11-25T01:00:00+08:00', { windows: nightly, durationMinutes: Number.NaN }).open).toBe(false);
  });
});

describe('failing closed on missing data', () => {
  const nightly = windows([{ name: 'nightly', days: 'any', start: '21:00', end: '06:00' }]);

  it('an empty day table: closed, with the day named', () => {
    const a = assessWindow({ now: new Date('2026-11-24T23:00:00+08:00'), windows: nightly, calendar: realData().calendar, days: {} });
    expect(a.open).toBe(false);
    expect(a.failClosed).toBe('no day facts for 2026-11-24: the day table passed in does not reach it');
  });

  it('a day table that stops: the open stretch ends where the data ends', () => {
    const days = { '2026-11-23': { covered: true, workday: true, holiday: false }, '2026-11-24': { covered: true, workday: true, holiday: false } } as const;
    const a = assessWindow({ now: new Date('2026-11-24T23:00:00+08:00'), windows: nightly, calendar: realData().calendar, days, durationMinutes: 120 });
    expect(a.window?.closesAt).toBe('2026-11-25T00:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.reasons[0]).toContain('the calendar data ends there: no day facts for 2026-11-25');
  });

  it('an invalid date fails closed', () => {
    const a = assessWindow({ now: new Date('not a date'), windows: nightly, calendar: realData().calendar, days: {} });
    expect(a.open).toBe(false);
    expect(a.failClosed).toBe('the time to assess is not a valid date');
  });

  it('a 征期 month missing from a year table fails closed naming the month', () => {
    const cal = realData().calendar;
    const y2026 = cal.collectionDeadlines['2026']!;
    const { '12': _dropped, ...rest } = y2026.deadlines;
    const calendar = { ...cal, collectionDeadlines: { ...cal.collectionDeadlines, '2026': { ...y2026, deadlines: rest } } };
    const a = assess('2026-12-20T22:00:00+08:00', { calendar });
    expect(a.failClosed).toMatch(/has no 征期 deadline for 2026-12 \(collectionDeadlines\."2026"\.deadlines\."12"\)/);
  });

  it('past days without data do not stop today: a window opened last night is cut at midnight', () => {
    // 2025-01-01 00:30: 2024 is not covered, so 2024-12-31 is unknown; the nightly window that
    // opened then is counted only from 00:00. (2025-01-01 is 元旦 and inside January 征期.)
    const pre = { windows: realData().preproduction };
    const a = assess('2025-01-01T00:30:00+08:00', pre);
    expect(a.failClosed).toBeUndefined();
    expect(a.open).toBe(true);
    expect(a.window?.opensAt).toBe('2025-01-01T00:00:00+08:00');
  });
});
