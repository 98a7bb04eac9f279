/**
 * The REAL calendar `hebei` and the REAL `production` / `preproduction` windows from the
 * repository, at dated instants whose answer can be checked by hand against the published
 * 征期 table (税总办征科函〔2025〕64号) and the State Council 2026 holiday notice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assess, realData } from './fixture.js';

beforeAll(() => {
  realData();
});

describe('the repository wires windows to environments', () => {
  it('lab and prod use production windows, preprod its own', () => {
    expect(realData().envWindows).toMatchObject({ lab: 'production', prod: 'production', preprod: 'preproduction' });
  });
});

describe('production windows, calendar hebei', () => {
  it('2026-11-28 22:00, Saturday night after November 征期 (ended 11-16): OPEN', () => {
    const a = assess('2026-11-28T22:00:00+08:00');
    expect(a.open).toBe(true);
    expect(a.reasons).toEqual([]);
    // Saturday's daytime window (08:00–21:00) runs straight into the nightly one (→ 06:00 Sunday).
    expect(a.window).toEqual({ name: 'non-working-day + nightly', opensAt: '2026-11-28T08:00:00+08:00', closesAt: '2026-11-29T06:00:00+08:00' });
    expect(a.minutesLeft).toBe(8 * 60 - 30);
    expect(a.next?.opensAt).toBe('2026-11-29T08:00:00+08:00');
  });

  it('2026-12-02 10:00, in December 征期 and working hours: CLOSED, next window right after the deadline', () => {
    const a = assess('2026-12-02T10:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.failClosed).toBeUndefined();
    expect(a.reasons).toContain('2026-12-02 is inside 征期 (12-01 … 12-15, 税总办征科函〔2025〕64号)');
    expect(a.reasons.some((r) => r.startsWith('working hours 08:30–17:30 on a working day (2026-12-02'))).toBe(true);
    expect(a.reasons.some((r) => r.startsWith('no window open at this time'))).toBe(true);
    // 征期 runs to the end of 12-15 (Tuesday). The nightly window opened 12-15 21:00 is usable from
    // midnight, when the 征期 ends, to 06:00 Wednesday 12-16: 360 min less 30 reserved.
    expect(a.next).toEqual({ name: 'nightly', opensAt: '2026-12-16T00:00:00+08:00', closesAt: '2026-12-16T06:00:00+08:00', usableMinutes: 330 });
  });

  it('the last hour of the deadline day is still 征期; midnight after it is open', () => {
    const late = assess('2026-12-15T23:30:00+08:00');
    expect(late.open).toBe(false);
    expect(late.reasons[0]).toBe('2026-12-15 is inside 征期 (12-01 … 12-15, 税总办征科函〔2025〕64号)');
    const midnight = assess('2026-12-16T00:00:00+08:00');
    expect(midnight.open).toBe(true);
    expect(midnight.window).toEqual({ name: 'nightly', opensAt: '2026-12-16T00:00:00+08:00', closesAt: '2026-12-16T06:00:00+08:00' });
    expect(midnight.minutesLeft).toBe(330);
  });

  it('a plan longer than the first stretch after the 征期 waits for the next evening', () => {
    const a = assess('2026-12-02T10:00:00+08:00', { durationMinutes: 400 });
    expect(a.next).toEqual({ name: 'nightly', opensAt: '2026-12-16T21:00:00+08:00', closesAt: '2026-12-17T06:00:00+08:00', usableMinutes: 510 });
  });

  it('2026-10-08 10:00: October 征期 runs to 10-26 (国庆 extension) and the 国庆 freeze ends that day: CLOSED', () => {
    const a = assess('2026-10-08T10:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.reasons).toContain('2026-10-08 is inside 征期 (10-01 … 10-26, 税总办征科函〔2025〕64号)');
    expect(a.reasons.some((r) => r.startsWith('blackout national-day-2026 (2026-09-30 … 2026-10-08)'))).toBe(true);
    // 10-08 (Thursday) is an ordinary working day in 2026: 国庆 is 10-01–07.
    expect(a.reasons.some((r) => r.startsWith('working hours 08:30–17:30 on a working day (2026-10-08 Thursday'))).toBe(true);
  });

  it('2026-10-05 10:00, inside the 国庆 holiday itself: a non-working day, still CLOSED (征期 + freeze), no working hours', () => {
    const a = assess('2026-10-05T10:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.reasons.some((r) => r.startsWith('2026-10-05 is inside 征期 (10-01 … 10-26'))).toBe(true);
    expect(a.reasons.some((r) => r.startsWith('working hours'))).toBe(false);
    expect(a.next?.opensAt).toBe('2026-10-27T00:00:00+08:00');
  });

  it('2026-02-14 10:00, a Saturday that is a 调休 working day: closed for working hours although a Saturday', () => {
    const a = assess('2026-02-14T10:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.reasons).toContain('working hours 08:30–17:30 on a working day (2026-02-14 Saturday 星期六, a 调休 make-up working day for 春节 Spring Festival)');
    // And the Saturday daytime window does not open: the day is not a non-working day.
    expect(a.reasons.some((r) => r.startsWith('no window open at this time'))).toBe(true);
  });

  it('a weekday night outside 征期 (Tuesday 2026-11-24 23:00): OPEN in the nightly window', () => {
    const a = assess('2026-11-24T23:00:00+08:00');
    expect(a.open).toBe(true);
    expect(a.window).toEqual({ name: 'nightly', opensAt: '2026-11-24T21:00:00+08:00', closesAt: '2026-11-25T06:00:00+08:00' });
    expect(a.minutesLeft).toBe(390);
  });

  it('a weekday daytime outside 征期 (Monday 2026-11-30 10:00): working hours, no window', () => {
    const a = assess('2026-11-30T10:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.reasons).toHaveLength(2);
    expect(a.next?.opensAt).toBe('2026-11-30T21:00:00+08:00');
  });

  it('after midnight the window that opened the evening before is still open (crosses midnight)', () => {
    const a = assess('2026-11-25T02:00:00+08:00');
    expect(a.open).toBe(true);
    expect(a.window?.opensAt).toBe('2026-11-24T21:00:00+08:00');
    expect(a.minutesLeft).toBe(210);
  });

  it('a 95-minute plan at 04:30 does not fit: 60 min left before 06:00 with 30 reserved', () => {
    const a = assess('2026-11-25T04:30:00+08:00', { durationMinutes: 95 });
    expect(a.open).toBe(false);
    expect(a.reasons).toEqual(['the plan needs 95 min but the window closes at 06:00 (60 min left, 30 reserved)']);
    expect(a.window?.name).toBe('nightly');
    expect(a.next).toEqual({ name: 'nightly', opensAt: '2026-11-25T21:00:00+08:00', closesAt: '2026-11-26T06:00:00+08:00', usableMinutes: 510 });
    expect(assess('2026-11-25T04:30:00+08:00', { durationMinutes: 60 }).open).toBe(true);
  });

  it('inside the reserve at the end of a window: CLOSED', () => {
    const a = assess('2026-11-25T05:40:00+08:00');
    expect(a.open).toBe(false);
    expect(a.minutesLeft).toBe(0);
    expect(a.reasons[0]).toMatch(/^only 20 min before the window closes at 06:00: the last 30 min are reserved/);
  });

  it('a named blackout cuts a window: the evening before year-end freeze closes at midnight', () => {
    const a = assess('2026-12-27T23:00:00+08:00');
    expect(a.open).toBe(true);
    expect(a.window?.closesAt).toBe('2026-12-28T00:00:00+08:00');
    expect(a.minutesLeft).toBe(30);
    expect(assess('2026-12-28T22:00:00+08:00').reasons[0]).toMatch(/^blackout year-end-2026 \(2026-12-28 … 2027-01-04\)/);
  });

  it('the search for the next window stops where the data stops (2027 has no table): no next, says why', () => {
    const a = assess('2026-12-30T22:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.next).toBeUndefined();
    expect(a.nextUnknown).toMatch(/^no window before 2027-01-01T00:00:00\+08:00, where the calendar data ends: no 征期 deadline table for 2027/);
  });

  it('2027-01-05: fails closed, naming the year and where to add its 征期 table', () => {
    const a = assess('2027-01-05T22:00:00+08:00');
    expect(a.open).toBe(false);
    expect(a.failClosed).toBeDefined();
    expect(a.reasons[0]).toMatch(/^no 征期 deadline table for 2027: add collectionDeadlines\."2027" to Calendar `hebei`/);
    expect(a.reasons[0]).toContain('关于明确2027年度申报纳税期限的通知');
    expect(a.reasons[1]).toMatch(/no checked holiday data for 2027/);
    expect(a.next).toBeUndefined();
  });

  it('2025: the 2025 table applies (October 征期 to 10-27, 国庆 8 days)', () => {
    expect(assess('2025-10-27T23:00:00+08:00').reasons[0]).toBe('2025-10-27 is inside 征期 (10-01 … 10-27, 税总办征科函〔2024〕71号)');
    expect(assess('2025-10-28T23:00:00+08:00').open).toBe(true);
  });

  it('a holiday daytime outside 征期 opens the non-working window (中秋 2026-09-25, a Friday)', () => {
    const a = assess('2026-09-25T10:00:00+08:00');
    expect(a.open).toBe(true);
    expect(a.window?.name).toBe('non-working-day + nightly');
    expect(a.window?.opensAt).toBe('2026-09-25T08:00:00+08:00');
  });

  it('a 调休 Sunday (2026-09-20) has no daytime window, a plain Sunday (2026-09-27) has one', () => {
    expect(assess('2026-09-20T10:00:00+08:00').open).toBe(false);
    expect(assess('2026-09-27T10:00:00+08:00').open).toBe(true);
  });
});

describe('preproduction windows: 征期 allowed, working hours not', () => {
  const pre = () => ({ windows: realData().preproduction });

  it('2026-12-02 19:00 (征期, evening): OPEN', () => {
    const a = assess('2026-12-02T19:00:00+08:00', pre());
    expect(a.open).toBe(true);
    expect(a.window).toEqual({ name: 'evening-night', opensAt: '2026-12-02T18:00:00+08:00', closesAt: '2026-12-03T08:30:00+08:00' });
    expect(a.minutesLeft).toBe(13 * 60 + 30 - 15);
  });

  it('2026-02-14 10:00 (调休 Saturday): closed for working hours only', () => {
    const a = assess('2026-02-14T10:00:00+08:00', pre());
    expect(a.open).toBe(false);
    expect(a.reasons[0]).toMatch(/^working hours 08:30–17:30 on a working day \(2026-02-14 Saturday/);
    expect(a.next?.opensAt).toBe('2026-02-14T18:00:00+08:00'); // evening-night: the day is a working day, so no daytime window
  });

  it('2026-02-15 10:00 (春节, Sunday): OPEN all day', () => {
    const a = assess('2026-02-15T10:00:00+08:00', pre());
    expect(a.open).toBe(true);
  });
});
