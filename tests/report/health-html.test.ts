// The HTML 《系统健康检查报告》: structure (charts as inline SVG, tables, nothing fetched) from a
// real lab report after ten days of growth (fixture: the 10th report of forecast-lab.test.ts,
// measurements trimmed), and the page as headless Chromium renders it (DOM + screenshot).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrendedReport } from '../../src/health/trends.js';
import { renderHealthHtml } from '../../src/report/health-html.js';
import { findChromium, runChromium } from './chromium.js';

const report = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'lab-daily-trended.json'), 'utf8')) as TrendedReport;
const dir = mkdtempSync(join(tmpdir(), 'opsctl-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderHealthHtml', () => {
  const html = renderHealthHtml(report, 'zh');
  it('is one self-contained page: inline CSS and SVG, no URL fetched', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script[^>]+src=|@import|url\(/i);
    expect(html).not.toMatch(/https?:/);
  });
  it('has the score, the charts and the tables', () => {
    expect(html).toContain('《系统健康检查报告》');
    expect(html).toContain('class="chart score"');
    expect((html.match(/<svg class="chart bars"/g) ?? []).length).toBe(report.resources.hosts.length + 2);
    expect(html).toContain('class="chart line"');
    expect(html).toContain('class="forecast"');
    expect(html).toContain('class="chart spark"');
    for (const id of ['counts', 'findings', 'servers', 'pools', 'trends', 'recommendations']) expect(html).toContain(`<table class="data" id="${id}"`);
    expect(html).toContain('本报告针对实验室模拟环境');
    expect(html).toContain('系统优化建议');
  });
  it('lists the forecast finding with its days and escapes every text', () => {
    const f = report.findings.find((x) => x.checkId === 'trend.forecast')!;
    expect(html).toContain(f.target);
    expect(renderHealthHtml({ ...report, environmentTitle: '<b>x</b>' }, 'zh')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
  it('speaks English with lang en', () => {
    const en = renderHealthHtml(report, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Trends and capacity forecast');
    expect(en).toContain('Recommendations');
  });
});

const chromium = findChromium();
const inCi = process.env.CI === 'true';
if (!chromium && !inCi) console.warn('[health-html] chromium not found: skipping the headless rendering tests (apt-get install -y chromium; CI=true makes this a failure)');

describe.skipIf(!chromium && !inCi)('headless Chromium', () => {
  const file = join(dir, 'health.html');
  writeFileSync(file, renderHealthHtml(report, 'zh'));
  it('is installed (CI installs it in .ci/run)', () => {
    expect(chromium, 'chromium not found on PATH; .ci/run installs it').toBeDefined();
  });
  it('renders the DOM with the chart SVGs and tables', () => {
    const dom = runChromium(chromium!, file, ['--dump-dom']);
    expect((dom.match(/<svg class="chart /g) ?? []).length).toBeGreaterThan(report.resources.hosts.length + 2);
    expect(dom).toContain('class="forecast"');
    expect(dom).toMatch(/<table class="data" id="findings"/);
    expect(dom).toMatch(/<tbody><tr class="critical">/);
  }, 150_000);
  it('takes a non-empty screenshot (OPSCTL_SCREENSHOT=path keeps it, e.g. docs/img/health-report.png)', () => {
    const png = join(dir, 'shot.png');
    runChromium(chromium!, file, ['--hide-scrollbars', '--window-size=1280,2200', `--screenshot=${png}`]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(20_000);
    if (process.env.OPSCTL_SCREENSHOT) copyFileSync(png, process.env.OPSCTL_SCREENSHOT);
  }, 150_000);
});
