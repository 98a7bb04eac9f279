// The 《故障处理报告》 deadline: 3 working days after the day of resolution, counted with the
// real hebei Calendar (chinese-days data): a weekend, and 国庆 2026-10-01..07 (with the 调休
// make-up Saturday 2026-10-10) are not working days; late reports and overdue ones are flagged.
import { describe, expect, it } from 'vitest';
import { deadlineFor, newIncident, closeIncident, submitReport } from '../../src/incident/index.js';
import { loadRepository } from '../../src/load/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const { model } = loadRepository(ROOT);

function incident(occurred: string, resolved?: string) {
  const i = newIncident({ id: 'INC-20261120-01', env: 'lab', title: 'hall 响应超时', occurredAt: occurred, detectedBy: 'monitoring', severity: 'P2' });
  return resolved ? closeIncident(i, { resolvedAt: resolved, cause: 'c', resolution: 'r', prevention: 'p' }) : i;
}

describe('incident report deadline (3 working days after resolution)', () => {
  it('a Friday resolution is due the next Wednesday; submitted Thursday is late by one working day', () => {
    const i = incident('2026-11-20T09:00:00+08:00', '2026-11-20T15:00:00+08:00'); // Friday
    const d = deadlineFor(model, i, new Date('2026-11-23T10:00:00+08:00'));
    expect(d).toMatchObject({ from: 'resolvedAt', fromDay: '2026-11-20', dueDay: '2026-11-25', status: 'pending' });
    const late = submitReport(i, '2026-11-26T10:00:00+08:00');
    expect(deadlineFor(model, late, new Date('2026-11-26T10:00:00+08:00'))).toMatchObject({ status: 'submitted-late', workingDaysLate: 1 });
    const onTime = submitReport(i, '2026-11-25T23:00:00+08:00');
    expect(deadlineFor(model, onTime, new Date('2026-11-30T10:00:00+08:00')).status).toBe('submitted-on-time');
  });
  it('is flagged overdue when not submitted after the deadline', () => {
    const i = incident('2026-11-20T09:00:00+08:00', '2026-11-20T15:00:00+08:00');
    expect(deadlineFor(model, i, new Date('2026-11-27T09:00:00+08:00'))).toMatchObject({ status: 'overdue', workingDaysLate: 2 });
  });
  it('skips 国庆: resolved 2026-09-30 → due 2026-10-10 (a 调休 working Saturday), not 10-05 as Mon–Fri counting would say', () => {
    const i = incident('2026-09-30T08:00:00+08:00', '2026-09-30T20:00:00+08:00');
    const d = deadlineFor(model, i, new Date('2026-10-09T12:00:00+08:00'));
    // 10-01..07 holiday; working days after 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, make-up).
    expect(d.dueDay).toBe('2026-10-10');
    expect(d.status).toBe('pending');
    // Eight calendar days after resolution, after the holiday: on time; 10-12 is late.
    expect(deadlineFor(model, submitReport(i, '2026-10-08T10:00:00+08:00'), new Date('2026-10-08T10:00:00+08:00')).status).toBe('submitted-on-time');
    expect(deadlineFor(model, submitReport(i, '2026-10-12T10:00:00+08:00'), new Date('2026-10-12T10:00:00+08:00')).status).toBe('submitted-late');
  });
  it('while unresolved counts from occurrence; a year without calendar data is unknown, not on time', () => {
    expect(deadlineFor(model, incident('2026-11-23T09:00:00+08:00'), new Date('2026-11-23T10:00:00+08:00'))).toMatchObject({ from: 'occurredAt', dueDay: '2026-11-26' });
    const d = deadlineFor(model, incident('2027-03-01T09:00:00+08:00'), new Date('2027-03-01T10:00:00+08:00'));
    expect(d.status).toBe('unknown');
    expect(d.reason).toMatch(/2027/);
  });
});
