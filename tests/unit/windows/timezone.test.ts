/**
 * Machine-timezone independence and DST-free arithmetic. The same instants are assessed under
 * the process timezone, America/New_York (DST) and Pacific/Kiritimati (UTC+14); answers must be
 * identical, and stretches spanning the US DST switches must have their true length in minutes.
 * Node re-reads process.env.TZ when it changes; each test checks the switch really happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assess, realData } from './fixture.js';

const INSTANTS = [
  '2026-11-28T22:00:00+08:00', '2026-12-02T10:00:00+08:00', '2026-12-16T00:00:00+08:00',
  '2026-02-14T10:00:00+08:00', '2026-10-08T10:00:00+08:00', '2026-11-25T04:30:00+08:00',
  '2027-01-05T10:00:00+08:00', '2026-03-08T12:00:00+08:00', '2025-12-31T23:59:00+08:00',
  '2026-01-01T00:00:00+08:00', '2026-06-30T16:30:00Z',
];

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

function setTz(tz: string, julyOffset: number): void {
  process.env.TZ = tz;
  expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(julyOffset);
}

const snapshot = () => INSTANTS.map((i) => assess(i)).concat(INSTANTS.map((i) => assess(i, { windows: realData().preproduction, durationMinutes: 90 })));

describe('machine timezone does not matter', () => {
  it('America/New_York and Pacific/Kiritimati give the answers Asia/Shanghai gives', () => {
    setTz('Asia/Shanghai', -480);
    const shanghai = snapshot();
    setTz('America/New_York', 240);
    expect(snapshot()).toEqual(shanghai);
    setTz('Pacific/Kiritimati', -840);
    expect(snapshot()).toEqual(shanghai);
    setTz('UTC', 0);
    expect(snapshot()).toEqual(shanghai);
  });

  it('an instant written in UTC is read as Shanghai time (2026-06-30T16:30Z is 07-01 00:30 in Shanghai)', () => {
    setTz('America/New_York', 240);
    const a = assess('2026-06-30T16:30:00Z');
    expect(a.at).toBe('2026-07-01T00:30:00+08:00');
    expect(a.reasons[0]).toMatch(/^2026-07-01 is inside 征期 \(07-01 … 07-15/);
  });
});

describe('no DST: minutes are real minutes across the US switches', () => {
  it('spring forward (US 2026-03-08 15:00 Shanghai): Sunday 12:00 → Monday 08:30 is 1230 min, 1215 usable', () => {
    setTz('America/New_York', 240);
    const a = assess('2026-03-08T12:00:00+08:00', { windows: realData().preproduction });
    expect(a.window).toEqual({ name: 'evening-night + non-working-day', opensAt: '2026-03-06T18:00:00+08:00', closesAt: '2026-03-09T08:30:00+08:00' });
    expect(a.minutesLeft).toBe(1215);
  });

  it('fall back (US 2026-11-01 14:00 Shanghai): Saturday 12:00 → Monday 08:30 is 2670 min, 2655 usable', () => {
    setTz('America/New_York', 240);
    const a = assess('2026-10-31T12:00:00+08:00', { windows: realData().preproduction });
    expect(a.window?.closesAt).toBe('2026-11-02T08:30:00+08:00');
    expect(a.minutesLeft).toBe(2655);
  });
});
