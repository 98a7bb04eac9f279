// Acceptance (issue 6): the monthly report of a month with an apply (a real apply record made by
// commitApplyRecord in a temporary git repository) and an incident lists both, and flags the
// incident whose 《故障处理报告》 is past its 3-working-day deadline; the register, the emergency
// plan and the case library are generated from the same repository.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { registerIncident } from '../../src/cli/commands/incident.js';
import { registerReport } from '../../src/cli/commands/report.js';
import { commitApplyRecord } from '../../src/release/index.js';
import { estateRepo, git, plan } from '../release/support.js';

let root: string;
const ADDR = 'lab/weblogic:hall/deployment:hall-web';

function opsctl(now: string, ...args: string[]): Promise<{ code: number | undefined; stdout: string }> {
  return runCli([registerReport, registerIncident], ['--repo', root, '--now', now, ...args]);
}

beforeAll(async () => {
  root = estateRepo();
  await commitApplyRecord({
    root, env: 'lab', plan: plan('lab', [ADDR]), journal: [], outcome: 'succeeded', applyId: 'feedbeef',
    startedAt: '2026-11-10T21:30:00+08:00', finishedAt: '2026-11-10T21:40:00+08:00', breakGlass: '大厅紧急修复',
    approvals: [{ role: 'change-manager', name: '王工', date: '2026-11-10' }],
  });
  // Incident on Friday 11-13, resolved the same day: report due Wednesday 11-18 (3 working days).
  await opsctl('2026-11-13T09:10:00+08:00', 'incident', 'new', '--env', 'lab', '--title', '社保费大厅登录超时', '--severity', 'P2', '--detected-by', 'monitoring',
    '--occurred', '2026-11-13T09:00:00+08:00', '--affected', 'lab/weblogic:hall', '--tags', 'weblogic,stuck-thread', '--description', '大厅登录页面超时约 40 分钟', '--commit');
  await opsctl('2026-11-13T09:40:00+08:00', 'incident', 'close', 'INC-20261113-01', '--cause', 'JDBC 连接泄漏导致 STUCK 线程', '--resolution', '滚动重启 hall 服务器',
    '--prevention', '修复连接泄漏，增加 wls.threads 巡检告警', '--commit');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('opsctl report monthly', () => {
  it('lists the apply and the incident, and flags the incident report past its deadline', async () => {
    const { stdout } = await opsctl('2026-11-30T18:00:00+08:00', 'report', 'monthly', '--env', 'lab', '--month', '2026-11', '--commit');
    expect(stdout).toContain('wrote reports/lab/monthly/2026-11.md');
    const md = readFileSync(join(root, 'reports/lab/monthly/2026-11.md'), 'utf8');
    expect(md).toContain('《系统运行维护报告》2026-11');
    expect(md).toMatch(/\| 2026-11-10 21:30 \| 期望状态 \| succeeded \| 1 \| change-manager: 王工 \| 大厅紧急修复 \| reports\/lab\/applies\/2026-11-10-feedbeef \|/);
    expect(md).toMatch(/\| INC-20261113-01 \| P2 \| 社保费大厅登录超时 \|.*2026-11-18 24:00.*已逾期/);
    expect(md).toContain('故障处理报告逾期 1 份');
    expect(md).toMatch(/可用率 99\.9\d+%（P1\/P2 故障中断 40 分钟/);
    const html = readFileSync(join(root, 'reports/lab/monthly/2026-11.html'), 'utf8');
    expect(html).toContain('<table class="data" id="applies"');
    expect(html).not.toMatch(/https?:/);
    expect(git(root, 'log', '-1', '--format=%s').trim()).toBe('report lab monthly 2026-11: 0 inspections, 1 applies, 1 incidents');
  });
  it('a month without them says so', async () => {
    const { stdout } = await opsctl('2026-11-30T18:00:00+08:00', 'report', 'monthly', '--env', 'lab', '--month', '2026-10', '--json');
    const doc = JSON.parse(stdout) as { doc: { sections: { table?: { id: string; rows: unknown[] } }[] } };
    expect(doc.doc.sections.filter((s) => s.table && ['applies', 'incidents'].includes(s.table.id)).map((s) => s.table!.rows.length)).toEqual([0, 0]);
  });
});

describe('incident records and the 《故障处理报告》', () => {
  it('writes the report with 描述, 原因, 解决办法, 预防措施 and flags it overdue; list exits 2', async () => {
    const md = readFileSync(join(root, 'reports/lab/incidents/INC-20261113-01.md'), 'utf8');
    for (const s of ['一、故障描述', '大厅登录页面超时', '三、故障原因', 'JDBC 连接泄漏', '四、解决办法', '五、预防措施']) expect(md).toContain(s);
    const { code, stdout } = await opsctl('2026-11-19T10:00:00+08:00', 'incident', 'list', '--env', 'lab');
    expect(stdout).toMatch(/INC-20261113-01 lab P2 resolved .*2026-11-18 24:00.*已逾期，迟 1 个工作日/);
    expect(code).toBe(2);
    const submitted = await opsctl('2026-11-19T10:00:00+08:00', 'incident', 'report', 'INC-20261113-01', '--submit', '--json');
    expect(JSON.parse(submitted.stdout).deadline).toMatchObject({ status: 'submitted-late', dueDay: '2026-11-18', workingDaysLate: 1 });
  });
});

describe('register, emergency plan, case library', () => {
  it('the register lists the incident', async () => {
    await opsctl('2026-11-30T18:00:00+08:00', 'report', 'register', '--env', 'lab');
    expect(readFileSync(join(root, 'reports/lab/register.md'), 'utf8')).toMatch(/\| INC-20261113-01 \|.*修复连接泄漏/);
  });
  it('the emergency plan has every runbook with its steps', async () => {
    await opsctl('2026-11-30T18:00:00+08:00', 'report', 'emergency-plan');
    const md = readFileSync(join(root, 'reports/common/emergency-plan.md'), 'utf8');
    expect(md).toContain('《系统应急保障方案》');
    for (const r of ['tablespace-nearly-full', 'listener-down', 'wls-server-hung', 'batch-deduction-stalled']) expect(md).toContain(r);
    expect(md).toContain('opsctl playbook run tablespace-nearly-full');
  });
  it('cases are searchable by text and #tag', async () => {
    const hit = JSON.parse((await opsctl('2026-11-30T18:00:00+08:00', 'report', 'cases', '--search', '连接泄漏', '--json')).stdout) as { doc: { sections: { table: { rows: { cells: string[] }[] } }[] } };
    expect(hit.doc.sections[0]!.table.rows.map((r) => r.cells[0])).toEqual(['INC-20261113-01']);
    const tag = JSON.parse((await opsctl('2026-11-30T18:00:00+08:00', 'report', 'cases', '--search', '#db.tablespace', '--json')).stdout) as typeof hit;
    expect(tag.doc.sections[0]!.table.rows.map((r) => r.cells[0])).toEqual(['tablespace-nearly-full']);
  });
});
