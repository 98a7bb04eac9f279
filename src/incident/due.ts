/**
 * The 《故障处理报告》 deadline, pure: due at the end (24:00 Shanghai) of the 3rd working day after
 * the day the incident was RESOLVED (resolvedAt); while it is unresolved, provisionally after
 * the day it OCCURRED. Working days come from the holiday calendar (src/calendar buildDayTable:
 * 调休 make-up Saturdays count, 国庆/春节 days do not). Late = submitted after the due time, or
 * not submitted and `now` past it. A day the calendar does not cover makes the deadline unknown.
 */
import { addDays, dayStart, shanghaiDay, type DayTable } from '../core/calendar-days.js';
import type { Incident } from './schema.js';

export const REPORT_DUE_WORKING_DAYS = 3;

export interface Deadline {
  from: 'resolvedAt' | 'occurredAt';
  fromDay: string;
  /** The Shanghai day the report is due (end of day), or null when the calendar has a gap. */
  dueDay: string | null;
  dueAt: string | null;
  status: 'submitted-on-time' | 'submitted-late' | 'pending' | 'overdue' | 'unknown';
  /** Working days late (submitted late, or overdue at `now`). */
  workingDaysLate: number;
  reason?: string;
}

/** The date `n` working days after `day` (exclusive), or an error when a day is not covered. */
export function addWorkingDays(table: DayTable, day: string, n: number): { day: string } | { error: string } {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    const e = table[d];
    if (!e || !e.covered) return { error: e && !e.covered ? e.reason : `no calendar data for ${d}` };
    if (e.workday) left--;
  }
  return { day: d };
}

function workingDaysBetween(table: DayTable, fromDay: string, toDay: string): number {
  let n = 0;
  for (let d = addDays(fromDay, 1); d <= toDay; d = addDays(d, 1)) {
    const e = table[d];
    if (e?.covered && e.workday) n++;
  }
  return n;
}

export function deadlineOf(incident: Pick<Incident, 'occurredAt' | 'resolvedAt' | 'reportedAt'>, table: DayTable, now: Date): Deadline {
  const from = incident.resolvedAt ? 'resolvedAt' : 'occurredAt';
  const fromDay = shanghaiDay(Date.parse(incident.resolvedAt ?? incident.occurredAt));
  const due = addWorkingDays(table, fromDay, REPORT_DUE_WORKING_DAYS);
  if ('error' in due) return { from, fromDay, dueDay: null, dueAt: null, status: 'unknown', workingDaysLate: 0, reason: due.error };
  const dueEnd = dayStart(addDays(due.day, 1));
  const dueAt = new Date(dueEnd).toISOString();
  const at = incident.reportedAt ? Date.parse(incident.reportedAt) : now.getTime();
  const late = at >= dueEnd;
  const lateDays = late ? Math.max(1, workingDaysBetween(table, due.day, shanghaiDay(at))) : 0;
  const status = incident.reportedAt ? (late ? 'submitted-late' : 'submitted-on-time') : late ? 'overdue' : 'pending';
  return { from, fromDay, dueDay: due.day, dueAt, status, workingDaysLate: lateDays };
}
