/**
 * Issue 5, gap 3, end to end: an environment that requires approvals (here the lab copy's
 * environment document is given production's `requiredApprovals`) applies a plan without a
 * release only when each role approved that exact plan with `opsctl approve --env --plan`;
 * an approval of plan A does not let plan B through; break-glass runs without them, with a
 * reason, and the record says which approvals it went without.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, gitInit, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';

describe.skipIf(!existsSync(CLI))('approvals of a plan in an environment that requires them (lab copy)', () => {
  let lab: Lab;
  let n = 0;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: lab.dir, encoding: 'utf8' });
  const lastRecord = (): { approvals: Array<{ role: string; name: string }>; breakGlass: { reason: string; waivedApprovals?: string[] } | null } => {
    const folder = git('log', '-1', '--format=%(trailers:key=Opsctl-Record,valueonly)').trim();
    return JSON.parse(readFileSync(join(lab.dir, folder, 'record.json'), 'utf8'));
  };
  async function plan(): Promise<string> {
    const file = join(lab.dir, `a${++n}.plan.json`);
    const r = await lab.cli('plan', '--env', 'lab', '--detailed-exitcode', '--out', file);
    expect(r.code, r.stderr).toBe(2);
    return file;
  }
  const apply = (file: string, ...extra: string[]) => lab.cli('--now', IN_WINDOW, 'apply', file, '--yes', ...extra);
  const approve = (file: string, role: string, name: string) => lab.cli('approve', '--env', 'lab', '--plan', file, '--role', role, '--name', name);

  beforeAll(async () => {
    lab = await startScenarioLab({ git: false });
    const env = join(lab.dir, 'inventory/lab/environment.yaml');
    writeFileSync(env, readFileSync(env, 'utf8').replace('simulated: true\n', 'simulated: true\nrequiredApprovals: [主管部门, 业务部门]\n'));
    gitInit(lab.dir);
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('refused (exit 3) naming the missing roles and the command; approved plan A applies, plan B does not', async () => {
    expect((await lab.cli('lab', 'drift', 'datasource-capacity')).code).toBe(0);
    const a = await plan();
    const b = await plan();
    expect(readFileSync(a, 'utf8')).not.toBe(readFileSync(b, 'utf8'));

    const refused = await apply(a);
    expect(refused.code, refused.stdout + refused.stderr).toBe(3);
    expect(refused.stdout).toMatch(/missing approval: 主管部门/);
    expect(refused.stdout).toMatch(/missing approval: 业务部门/);
    expect(refused.stdout).toContain('opsctl approve --env lab --plan PLANFILE --role 主管部门 --name NAME');

    const one = await approve(a, '主管部门', '张三');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/still missing 待审批: 业务部门/);
    const half = await apply(a);
    expect(half.code).toBe(3);
    expect(half.stdout).not.toMatch(/missing approval: 主管部门/);
    expect(half.stdout).toMatch(/missing approval: 业务部门/);
    expect((await approve(a, '业务部门', '李四')).code).toBe(0);

    const other = await apply(b);
    expect(other.code, 'an approval of plan A must not let plan B through').toBe(3);
    expect(other.stdout).toMatch(/missing approval: 主管部门/);

    const done = await apply(a);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(lastRecord().approvals.map((x) => `${x.role}: ${x.name}`)).toEqual(['主管部门: 张三', '业务部门: 李四']);
    expect(git('log', '-1', '--format=%(trailers:key=Approved-By,valueonly)').trim().split('\n')).toEqual(['主管部门: 张三', '业务部门: 李四']);
  }, 240_000);

  it('break-glass applies without approvals only with a reason, and records what it waived', async () => {
    expect((await lab.cli('lab', 'drift', 'kernel-param')).code).toBe(0);
    const c = await plan();
    const empty = await apply(c, '--break-glass', ' ');
    expect(empty.code).toBe(3);
    expect(empty.stdout).toMatch(/break-glass needs a reason/);
    const r = await apply(c, '--break-glass', '社保缴费高峰 连接池耗尽');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/BREAK-GLASS without the approvals of 未经审批: 主管部门, 业务部门/);
    expect(lastRecord().breakGlass).toMatchObject({ reason: '社保缴费高峰 连接池耗尽', waivedApprovals: ['主管部门', '业务部门'] });
    expect(git('log', '-1', '--format=%(trailers:key=Break-Glass,valueonly)').trim()).toBe('社保缴费高峰 连接池耗尽');
  }, 240_000);
});
