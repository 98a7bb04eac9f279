// Trends and forecast (src/health/trends.ts, pure): least squares, plausibility, severities.
import { describe, expect, it } from 'vitest';
import { fitLine, forecastFindings, forecastOf, type TrendSeries } from '../../src/health/trends.js';
import { recommendationsOf } from '../../src/health/recommend.js';

const day = (d: number): string => new Date(Date.UTC(2026, 10, 1 + d, 0, 0)).toISOString();
const series = (ys: number[]): TrendSeries => ({ target: 'lab/oracle:coredb/tablespace:SBF_DATA', kind: 'tablespace', label: 'coredb.SBF_DATA', points: ys.map((y, i) => ({ at: day(i), usedPercent: y, usedMb: y * 100 })) });

describe('forecast', () => {
  it('fits a line exactly and counts days from the newest reading', () => {
    expect(fitLine([0, 1, 2].map((i) => ({ at: day(i), y: 10 + 3 * i })))).toMatchObject({ slopePerDay: 3, intercept: 10, r2: 1, n: 3 });
    const f = forecastOf(series([70, 73, 76, 79, 82]), 97);
    expect(f).toMatchObject({ plausible: true, growthPercentPerDay: 3, growthMbPerDay: 300, daysToCritical: 5, daysToFull: 6 });
    expect(forecastFindings([f])[0]).toMatchObject({ id: 'trend.forecast@lab/oracle:coredb/tablespace:SBF_DATA', severity: 'critical', value: 6, unit: 'days' });
  });
  it('warns under 30 days, says nothing beyond', () => {
    expect(forecastFindings([forecastOf(series([40, 42, 44]), 97)])[0]?.severity).toBe('warning'); // 28 days
    expect(forecastFindings([forecastOf(series([40, 41, 42]), 97)])).toEqual([]); // 58 days
  });
  it('is not plausible with fewer than 3 points, a flat or falling line, or a poor fit', () => {
    expect(forecastOf(series([50, 60]), 97)).toMatchObject({ plausible: false, reason: '2 point(s), 3 needed' });
    expect(forecastOf(series([50, 50, 50]), 97)).toMatchObject({ plausible: false, reason: 'not growing' });
    expect(forecastOf(series([60, 55, 50]), 97).plausible).toBe(false);
    expect(forecastOf(series([50, 80, 40, 90, 45, 60]), 97)).toMatchObject({ plausible: false });
  });
  it('recommends the runbook for what it forecasts', () => {
    const findings = forecastFindings([forecastOf(series([70, 73, 76, 79, 82]), 97)]);
    expect(recommendationsOf({ findings })[0]).toMatchObject({ priority: 'high', rule: 'capacity-forecast', runbook: 'tablespace-nearly-full', targets: ['lab/oracle:coredb/tablespace:SBF_DATA'] });
  });
});
