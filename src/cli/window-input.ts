/**
 * What `opsctl window` and `opsctl apply` need to judge a time against an environment's change
 * windows: its ChangeWindows and Calendar from the repository, and the day table (holidays,
 * 调休) around that time. Kept out of the command modules so they load without the holiday data.
 */
import { buildDayTable } from '../calendar/index.js';
import { windowDayRange, type WindowInput } from '../core/windows.js';
import { ESTATE, loadEnvironment } from '../load/index.js';
import { formatAddress } from '../model/index.js';

/** Everything assessWindow needs for one environment, read from the repository. */
export function windowInputFor(root: string, envName: string, now: Date, durationMinutes?: number): WindowInput {
  const { model, env } = loadEnvironment(root, envName);
  const windows = model.windows.find((w) => w.name === env.environment.windows);
  const calendar = model.calendars.find((c) => c.name === env.environment.calendar);
  if (!windows) throw new Error(`environment ${envName} names ChangeWindows \`${env.environment.windows}\`, which does not exist`);
  if (!calendar) throw new Error(`environment ${envName} names Calendar \`${env.environment.calendar}\`, which does not exist`);
  const range = windowDayRange(now);
  const days = buildDayTable(calendar, range.from, range.to);
  const file = model.sources[formatAddress({ env: ESTATE, segments: [{ kind: 'calendar', name: calendar.name }] })]?.file;
  return { now, windows, calendar, days, ...(durationMinutes !== undefined ? { durationMinutes } : {}), ...(file ? { calendarFile: file } : {}) };
}
