/**
 * Shared pieces for the window tests: the REAL calendar `hebei` and change windows from the
 * repository (loaded the way `opsctl window` loads them), and an `assess` helper that builds the
 * day table through the chinese-days adapter for the instant given.
 */
import { join } from 'node:path';
import { buildDayTable } from '../../../src/calendar/index.js';
import { assessWindow, windowDayRange, type WindowAssessment } from '../../../src/core/windows.js';
import { loadEnvironment } from '../../../src/load/index.js';
import type { Calendar, ChangeWindows } from '../../../src/model/index.js';

export const ROOT = join(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'dist/cli/main.js');

export interface RealData {
  calendar: Calendar;
  production: ChangeWindows;
  preproduction: ChangeWindows;
  /** The windows name each environment declares. */
  envWindows: Record<string, string>;
}

let cached: RealData | undefined;

/** Loads the repository once: lab, prod and preprod environments and their documents. */
export function realData(): RealData {
  if (cached) return cached;
  const { model, env } = loadEnvironment(ROOT, 'lab');
  const find = (name: string): ChangeWindows => {
    const w = model.windows.find((x) => x.name === name);
    if (!w) throw new Error(`no ChangeWindows ${name} in the repository`);
    return w;
  };
  const calendar = model.calendars.find((c) => c.name === env.environment.calendar);
  if (!calendar) throw new Error('the lab names no calendar');
  const envWindows = Object.fromEntries(Object.entries(model.environments).map(([n, e]) => [n, e.environment.windows]));
  cached = { calendar, production: find('production'), preproduction: find('preproduction'), envWindows };
  return cached;
}

export interface AssessOptions {
  windows?: ChangeWindows;
  calendar?: Calendar;
  durationMinutes?: number;
  horizonDays?: number;
}

/** assessWindow at an ISO instant, with a day table from the adapter over windowDayRange. */
export function assess(iso: string, opts: AssessOptions = {}): WindowAssessment {
  const data = realData();
  const calendar = opts.calendar ?? data.calendar;
  const now = new Date(iso);
  const range = windowDayRange(now, opts.horizonDays);
  const days = buildDayTable(calendar, range.from, range.to);
  return assessWindow({
    now, calendar, days,
    windows: opts.windows ?? data.production,
    ...(opts.durationMinutes !== undefined ? { durationMinutes: opts.durationMinutes } : {}),
    ...(opts.horizonDays !== undefined ? { horizonDays: opts.horizonDays } : {}),
  });
}
