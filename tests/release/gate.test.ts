/**
 * The release gate on a copy of the real estate in a temporary git repository: production needs
 * both approvals and a preprod success with the same checksums, proved from committed records.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';
import type { Release } from '../../src/model/index.js';
import { approveRelease, checkReleaseGate, commitApplyRecord } from '../../src/release/index.js';
import { estateRepo, plan } from './support.js';

const NAME = 'hall-2026.11.1';
const SHA = '4b231a778707540df0c1eeecc6c551ce5ebea9b26d49d520feefdeedaef181e2';

async function gate(root: string, env: string) {
  const { model } = loadRepository(root);
  const release = model.releases.find((r) => r.name === NAME)!;
  return checkReleaseGate({ root, env: model.environments[env]!, release, model });
}

async function preprodApply(root: string, outcome: 'succeeded' | 'failed-rolled-back', sha: string, id: string): Promise<void> {
  const release = loadRepository(root).model.releases.find((r) => r.name === NAME)!;
  const tampered: Release = { ...release, artifacts: release.artifacts!.map((a) => ({ ...a, sha256: sha })) };
  await commitApplyRecord({
    root, env: 'preprod', plan: plan('preprod', ['preprod/weblogic:hall/deployment:sbf-hall'], NAME), release: tampered,
    journal: [{ seq: 1, at: '2026-11-20T22:00:00+08:00', type: 'started' }], outcome, applyId: id,
  });
}

async function approveBoth(root: string): Promise<void> {
  await approveRelease({ root, release: NAME, role: '主管部门', name: '示例审批人甲', date: '2026-11-21' });
  await approveRelease({ root, release: NAME, role: '业务部门', name: '示例审批人乙', date: '2026-11-22' });
}

describe('checkReleaseGate', () => {
  it('refuses production without approvals and without a preprod success, naming each', async () => {
    const root = estateRepo();
    const v = await gate(root, 'prod');
    expect(v.ok).toBe(false);
    expect(v.reasons.some((r) => r.startsWith('missing approval: 主管部门'))).toBe(true);
    expect(v.reasons.some((r) => r.startsWith('missing approval: 业务部门'))).toBe(true);
    expect(v.reasons.some((r) => r.includes(`release ${NAME} has not been applied successfully to preprod with these artifact checksums (sbf-hall-war sha256 ${SHA.slice(0, 12)}`))).toBe(true);
  });

  it('lets lab and preprod through without approvals or proof', async () => {
    const root = estateRepo();
    expect((await gate(root, 'preprod')).ok).toBe(true);
    expect((await gate(root, 'lab')).ok).toBe(true);
  });

  it('refuses production with approvals but no preprod success; a failed preprod apply does not count', async () => {
    const root = estateRepo();
    await approveBoth(root);
    await preprodApply(root, 'failed-rolled-back', SHA, 'f1');
    const v = await gate(root, 'prod');
    expect(v.ok).toBe(false);
    expect(v.reasons).toHaveLength(1);
    expect(v.reasons[0]).toMatch(/has not been applied successfully to preprod/);
  });

  it('refuses production when the preprod success had other checksums', async () => {
    const root = estateRepo();
    await approveBoth(root);
    await preprodApply(root, 'succeeded', 'c'.repeat(64), 'other');
    const v = await gate(root, 'prod');
    expect(v.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/succeeded there only with other checksums: .*sbf-hall-war sha256 cccccccccccc/);
  });

  it('accepts production with both approvals and a preprod success with the same checksums', async () => {
    const root = estateRepo();
    await preprodApply(root, 'succeeded', SHA, 'ok1');
    expect((await gate(root, 'prod')).reasons.every((r) => r.startsWith('missing approval'))).toBe(true);
    await approveBoth(root);
    const v = await gate(root, 'prod');
    expect(v.reasons).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.proof?.env).toBe('preprod');
    expect(v.proof?.record).toBe('reports/preprod/applies/2026-11-20-ok1');
  });

  it('does not take a record that was never committed as proof', async () => {
    const root = estateRepo();
    await approveBoth(root);
    await preprodApply(root, 'succeeded', SHA, 'real');
    const other = estateRepo();
    await approveBoth(other);
    const folder = 'reports/preprod/applies/2026-11-20-real';
    mkdirSync(join(other, folder), { recursive: true });
    cpSync(join(root, folder), join(other, folder), { recursive: true });
    const v = await gate(other, 'prod');
    expect(v.ok).toBe(false);
    expect(v.reasons[0]).toMatch(/has not been applied successfully to preprod/);
  });

  it('refuses a production release whose manifest has uncommitted changes', async () => {
    const root = estateRepo();
    await preprodApply(root, 'succeeded', SHA, 'ok2');
    await approveBoth(root);
    const file = join(root, 'releases', NAME, 'release.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 社保费大厅 2026.11.1 版本升级', 'title: 社保费大厅 2026.11.1 版本升级（改）'));
    const v = await gate(root, 'prod');
    expect(v.ok).toBe(false);
    expect(v.reasons).toEqual([`releases/${NAME} has uncommitted changes: approvals and checksums count for production only as committed`]);
  });
});
