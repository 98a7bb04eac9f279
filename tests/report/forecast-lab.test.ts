// Acceptance (issue 6): ten inspections at ten successive days (--now) against the lab, with one
// filesystem growing by 2 percentage points a day in the lab state → the `trend.forecast` finding
// appears, names the filesystem, and its days-until-full matches the injected growth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { registerInspect } from '../../src/cli/commands/inspect.js';
import { validateReport } from '../../src/health/index.js';
import type { TrendedReport } from '../../src/health/trends.js';
import { labRepo, type LabRepo } from '../inspect/support.js';

let repo: LabRepo;
const DAY = 86_400_000;
const START = new Date('2026-11-10T07:30:00+08:00');

async function inspectAt(now: Date): Promise<{ code: number | undefined; out: { files: string[]; report: TrendedReport } }> {
  const { code, stdout } = await runCli([registerInspect], ['--repo', repo.root, '--now', now.toISOString(), 'inspect', '--env', 'lab', '--json']);
  return { code, out: JSON.parse(stdout) as { files: string[]; report: TrendedReport } };
}

beforeAll(() => {
  repo = labRepo(START);
});
afterAll(() => repo?.remove());

describe('ten daily inspections with a growing filesystem', () => {
  it('raise trend.forecast with a days-until-full that matches the injected growth', async () => {
    const state = repo.store.read();
    const host = Object.values(state.hosts).find((h) => h.filesystems.some((f) => f.mount !== '/'))!;
    const mount = host.filesystems.find((f) => f.mount !== '/')!.mount;
    let last: TrendedReport | undefined;
    const firstFindings: string[][] = [];
    for (let day = 0; day < 10; day++) {
      // 40 % on day 0, +2 points a day → 58 % on day 9, full 21 days later.
      repo.store.update((s) => {
        const fs = s.hosts[host.name]!.filesystems.find((f) => f.mount === mount)!;
        fs.usedMb = Math.round(fs.sizeMb * (0.4 + 0.02 * day));
      });
      const { out } = await inspectAt(new Date(START.getTime() + day * DAY));
      expect(out.files.map((f) => f.split('.').pop())).toEqual(['json', 'md', 'html']);
      last = out.report;
      firstFindings.push(last.findings.filter((f) => f.checkId === 'trend.forecast').map((f) => f.target));
    }
    const target = `lab/host:${host.name}/fs:${mount}`;
    // Two points are not a trend: no forecast on the first two days.
    expect(firstFindings[0]).toEqual([]);
    expect(firstFindings[1]).toEqual([]);
    const finding = last!.findings.find((f) => f.id === `trend.forecast@${target}`);
    expect(finding, JSON.stringify(last!.findings.map((f) => f.id))).toBeDefined();
    expect(finding!.severity).toBe('warning');
    expect(finding!.value).toBeGreaterThanOrEqual(19);
    expect(finding!.value).toBeLessThanOrEqual(23);
    expect(finding!.message.zh).toContain(mount);
    const series = last!.trends!.series.find((s) => s.target === target)!;
    expect(series.points).toHaveLength(10);
    expect(series.growthPercentPerDay).toBeGreaterThan(1.8);
    expect(series.growthPercentPerDay).toBeLessThan(2.2);
    expect(series.r2).toBeGreaterThan(0.95);
    // The report on disk is still a valid formatVersion 1 report, the HTML charts the trend.
    const json = JSON.parse(readFileSync(join(repo.root, fileOf(last!)), 'utf8')) as unknown;
    expect(readFileSync(join(repo.root, fileOf(last!).replace(/json$/, 'html')), 'utf8')).toContain('class="forecast"');
    expect(validateReport(json)).toEqual([]);
  }, 600_000);
});

function fileOf(r: TrendedReport): string {
  const t = new Date(Date.parse(r.generatedAt) + 8 * 3600_000).toISOString();
  return join('reports', 'lab', 'inspections', t.slice(0, 10), `daily-${t.slice(11, 13)}${t.slice(14, 16)}.json`);
}
