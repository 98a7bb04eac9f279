/**
 * Approvals of one plan without a release (issue 5, gap 3), on a copy of the real estate in a
 * temporary git repository: production requires 主管部门 and 业务部门 for every change; an
 * approval is bound to the plan's sha256, so it cannot be reused for another plan; only what is
 * committed counts; break-glass waives them (reported as waived); lab and preprod need none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logWithTrailers } from '../../src/git/index.js';
import { loadRepository } from '../../src/load/index.js';
import { ApprovalRefused, approvePlan, checkPlanApprovals, planApprovalFile, planSha256 } from '../../src/release/index.js';
import type { Plan } from '../../src/core/index.js';
import { estateRepo, git, plan } from './support.js';

const A = plan('prod', ['prod/weblogic:hall/deployment:sbf-hall']);
const B: Plan = { ...A, createdAt: '2026-11-28T21:45:00+08:00' };

async function verdict(root: string, p: Plan, breakGlass = false) {
  const env = loadRepository(root).model.environments[p.env]!;
  return checkPlanApprovals({ root, env, plan: p, breakGlass });
}
const approve = (root: string, p: Plan, role: string, name: string) => approvePlan({ root, env: p.env, plan: p, role, name, date: '2026-11-27' });

describe('approvals of one plan', () => {
  it('production refuses a plan without approvals, naming each role and the command to record it', async () => {
    const root = estateRepo();
    const v = await verdict(root, A);
    expect(v.ok).toBe(false);
    expect(v.reasons).toHaveLength(2);
    expect(v.reasons[0]).toMatch(/^missing approval: 主管部门 — prod requires it/);
    expect(v.reasons[0]).toContain('opsctl approve --env prod --plan PLANFILE --role 主管部门 --name NAME');
    expect(v.reasons[1]).toMatch(/^missing approval: 业务部门/);
  });

  it('accepts the plan once both roles approved it; the approval file and commit name the plan', async () => {
    const root = estateRepo();
    const first = await approve(root, A, '主管部门', '甲');
    expect(first.missing).toEqual(['业务部门']);
    expect(first.file).toBe(planApprovalFile('prod', planSha256(A)));
    const half = await verdict(root, A);
    expect(half.ok).toBe(false);
    expect(half.reasons).toHaveLength(1);
    expect(half.reasons[0]).toMatch(/^missing approval: 业务部门/);
    const second = await approve(root, A, '业务部门', '乙');
    expect(second.missing).toEqual([]);
    const v = await verdict(root, A);
    expect(v).toMatchObject({ ok: true, reasons: [], waived: [] });
    expect(v.approvals.map((a) => `${a.role}: ${a.name}`)).toEqual(['主管部门: 甲', '业务部门: 乙']);
    const [c] = await logWithTrailers(root);
    expect(c?.trailers['Opsctl-Plan']).toEqual([planSha256(A)]);
    expect(c?.trailers['Opsctl-Env']).toEqual(['prod']);
    expect(c?.trailers['Approved-By']).toEqual(['业务部门: 乙']);
    expect(readFileSync(join(root, first.file), 'utf8')).toContain('prod/weblogic:hall/deployment:sbf-hall');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('an approval of plan A does not satisfy plan B (another plan of the same change)', async () => {
    const root = estateRepo();
    await approve(root, A, '主管部门', '甲');
    await approve(root, A, '业务部门', '乙');
    expect(planSha256(A)).not.toBe(planSha256(B));
    const v = await verdict(root, B);
    expect(v.ok).toBe(false);
    expect(v.reasons).toHaveLength(2);
    expect(v.approvals).toEqual([]);
  });

  it('only what is committed counts: an approval written by hand into the file is not one', async () => {
    const root = estateRepo();
    await approve(root, A, '主管部门', '甲');
    const file = join(root, planApprovalFile('prod', planSha256(A)));
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - role: 业务部门\n    name: 乙\n    date: "2026-11-27"\n`);
    const v = await verdict(root, A);
    expect(v.ok).toBe(false);
    expect(v.reasons.join('\n')).toMatch(/missing approval: 业务部门/);
    expect(v.reasons.join('\n')).toMatch(/uncommitted changes/);
    await expect(approve(root, A, '业务部门', '乙')).rejects.toThrow(/uncommitted changes/);
  });

  it('refuses a role the environment does not require, a second approval of a role, one person twice, a release plan, the wrong env', async () => {
    const root = estateRepo();
    await expect(approve(root, A, '财务部门', '甲')).rejects.toThrow(/role "财务部门" is not required by plan [0-9a-f]{12}… for prod/);
    await approve(root, A, '主管部门', '甲');
    await expect(approve(root, A, '主管部门', '丙')).rejects.toThrow(/already approved for 主管部门 by 甲/);
    await expect(approve(root, A, '业务部门', '甲')).rejects.toThrow(/one person approves for one role/);
    await expect(approve(root, { ...A, release: 'hall-2026.11.1' }, '业务部门', '乙')).rejects.toThrow(/approve the release instead/);
    await expect(approvePlan({ root, env: 'preprod', plan: A, role: '业务部门', name: '乙', date: '2026-11-27' })).rejects.toBeInstanceOf(ApprovalRefused);
    await expect(approve(root, plan('lab', ['lab/weblogic:hall/deployment:sbf-hall']), '主管部门', '甲')).rejects.toThrow(/required: none/);
  });

  it('break-glass goes through without approvals and names what it waived; lab and preprod need none', async () => {
    const root = estateRepo();
    await approve(root, A, '主管部门', '甲');
    expect(await verdict(root, A, true)).toMatchObject({ ok: true, waived: ['业务部门'] });
    expect(await verdict(root, plan('lab', ['lab/weblogic:hall/deployment:sbf-hall']))).toMatchObject({ ok: true, reasons: [], waived: [] });
    expect(await verdict(root, plan('preprod', ['preprod/weblogic:hall/deployment:sbf-hall']))).toMatchObject({ ok: true, reasons: [] });
  });
});
