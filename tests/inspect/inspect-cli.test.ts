// `opsctl inspect --env lab --commit` in a temporary git repository: report files under
// reports/lab/inspections/<day>/, exactly one commit whose message counts the findings, exit 2
// (the lab's deliberate business warnings); --print-cron prints one line per playbook.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { registerInspect } from '../../src/cli/commands/inspect.js';
import { validateReport } from '../../src/health/index.js';
import { labRepo, NOW, type LabRepo } from './support.js';

let repo: LabRepo;
const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo.root, encoding: 'utf8' }).trim();

function opsctl(...args: string[]): Promise<{ code: number | undefined; stdout: string }> {
  return runCli([registerInspect], ['--repo', repo.root, '--now', NOW.toISOString(), ...args]);
}

beforeAll(() => {
  repo = labRepo();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ops@example.invalid');
  git('config', 'user.name', 'ops');
  execFileSync('sh', ['-c', 'printf ".lab/\\n" > .gitignore && git add -A && git commit -q -m init'], { cwd: repo.root });
});

afterAll(() => repo?.remove());

describe('opsctl inspect', () => {
  it('--commit writes the JSON and Markdown and makes exactly one commit counting the findings', async () => {
    const before = Number(git('rev-list', '--count', 'HEAD'));
    const { code, stdout } = await opsctl('inspect', '--env', 'lab', '--commit');
    expect(code).toBe(2);
    expect(Number(git('rev-list', '--count', 'HEAD'))).toBe(before + 1);
    const subject = git('log', '-1', '--format=%s');
    expect(subject).toBe('inspect lab daily: 0 critical, 3 warning, score 91');
    expect(stdout).toContain(subject);
    const files = git('show', '--name-only', '--format=', 'HEAD').split('\n').sort();
    expect(files).toEqual(['reports/lab/inspections/2026-11-24/daily-0730.html', 'reports/lab/inspections/2026-11-24/daily-0730.json', 'reports/lab/inspections/2026-11-24/daily-0730.md']);
    const report = JSON.parse(readFileSync(join(repo.root, files[1]!), 'utf8')) as unknown;
    expect(validateReport(report)).toEqual([]);
    expect(readFileSync(join(repo.root, files[2]!), 'utf8')).toContain('《系统健康检查报告》');
    expect(readFileSync(join(repo.root, files[0]!), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(git('status', '--porcelain', '--', 'reports')).toBe('');
  });
  it('--playbook batch-deduction --lang en --json prints the report with the stalled batch', async () => {
    const { stdout } = await opsctl('--now', new Date(NOW.getTime() + 3600_000).toISOString(), 'inspect', '--env', 'lab', '--playbook', 'batch-deduction', '--lang', 'en', '--json');
    const out = JSON.parse(stdout) as { files: string[]; report: { playbook: { name: string }; findings: { checkId: string }[] } };
    expect(out.report.playbook.name).toBe('batch-deduction');
    expect(out.report.findings.map((f) => f.checkId)).toContain('batch.deduction');
    expect(existsSync(join(repo.root, out.files[1]!))).toBe(true);
    expect(readFileSync(join(repo.root, out.files[1]!), 'utf8')).toContain('System health check report');
  });
  it('--print-cron prints one crontab line per playbook', async () => {
    const { stdout } = await opsctl('inspect', '--print-cron', '--env', 'prod');
    expect(stdout).toMatch(/^30 7 \* \* \* .* inspect --env prod --playbook daily --commit/m);
    expect(stdout.split('\n').filter((l) => l.includes(' inspect --env prod '))).toHaveLength(repo.playbooks.length);
  });
});
