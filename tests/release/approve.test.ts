/** approveRelease: edits the manifest keeping its comments, validates, commits with trailers; refusals. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logWithTrailers } from '../../src/git/index.js';
import { loadRepository } from '../../src/load/index.js';
import { ApprovalRefused, appendApproval, approveRelease, checksumsDigest } from '../../src/release/index.js';
import { estateRepo, git } from './support.js';

const NAME = 'hall-2026.11.1';
const FILE = `releases/${NAME}/release.yaml`;

describe('approveRelease', () => {
  it('appends the approval after requiredApprovals, keeps comments and style, and commits with trailers', async () => {
    const root = estateRepo();
    const before = readFileSync(join(root, FILE), 'utf8');
    const r = await approveRelease({ root, release: NAME, role: '主管部门', name: '示例审批人甲', date: '2026-11-21', comment: '预生产验证通过' });
    expect(r.missing).toEqual(['业务部门']);
    const after = readFileSync(join(root, FILE), 'utf8');
    // only the approval block was inserted: comments, quoting and flow style are byte-identical
    expect(after.replace('approvals:\n  - role: 主管部门\n    name: 示例审批人甲\n    date: "2026-11-21"\n    comment: 预生产验证通过\n', '')).toBe(before);
    expect(after).toContain('requiredApprovals: [主管部门, 业务部门]\napprovals:\n  - role: 主管部门\n    name: 示例审批人甲\n    date: "2026-11-21"\n    comment: 预生产验证通过\nnotes:');
    const release = loadRepository(root).model.releases.find((x) => x.name === NAME)!;
    expect(release.approvals).toEqual([{ role: '主管部门', name: '示例审批人甲', date: '2026-11-21', comment: '预生产验证通过' }]);
    const [c] = await logWithTrailers(root);
    expect(c?.hash).toBe(r.commit);
    expect(c?.trailers['Opsctl-Release']).toEqual([NAME]);
    expect(c?.trailers['Approved-By']).toEqual(['主管部门: 示例审批人甲']);
    expect(c?.trailers['Opsctl-Artifacts']).toEqual([checksumsDigest(release)]);
    expect(git(root, 'status', '--porcelain')).toBe('');
    const second = await approveRelease({ root, release: NAME, role: '业务部门', name: '示例审批人乙', date: '2026-11-22' });
    expect(second.missing).toEqual([]);
    expect(loadRepository(root).model.releases.find((x) => x.name === NAME)?.approvals).toHaveLength(2);
  });

  it('refuses unknown roles, a second approval of a role, one person for two roles, and unknown releases', async () => {
    const root = estateRepo();
    await expect(approveRelease({ root, release: NAME, role: '财务部门', name: 'x', date: '2026-11-21' })).rejects.toThrow(/role "财务部门" is not required/);
    await approveRelease({ root, release: NAME, role: '主管部门', name: '甲', date: '2026-11-21' });
    await expect(approveRelease({ root, release: NAME, role: '主管部门', name: '丙', date: '2026-11-21' })).rejects.toThrow(/already approved for 主管部门 by 甲/);
    await expect(approveRelease({ root, release: NAME, role: '业务部门', name: '甲', date: '2026-11-21' })).rejects.toThrow(/one person approves for one role/);
    await expect(approveRelease({ root, release: 'nope', role: '主管部门', name: '甲', date: '2026-11-21' })).rejects.toBeInstanceOf(ApprovalRefused);
  });

  it('refuses a manifest with uncommitted changes (an approval covers exactly what is committed)', async () => {
    const root = estateRepo();
    const file = join(root, FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/sha256: 4b23[0-9a-f]+/, `sha256: ${'d'.repeat(64)}`));
    await expect(approveRelease({ root, release: NAME, role: '主管部门', name: '甲', date: '2026-11-21' })).rejects.toThrow(/uncommitted changes/);
  });

  it('adds to an existing approvals list', () => {
    const text = 'name: r\nrequiredApprovals: [a, b]\napprovals:\n  # first\n  - role: a\n    name: x\n    date: "2026-01-01"\nnotes:\n  summary: s\n';
    const out = appendApproval(text, { role: 'b', name: 'y', date: '2026-01-02' });
    expect(out).toContain('  # first\n  - role: a\n    name: x\n    date: "2026-01-01"\n  - role: b\n    name: y\n    date: "2026-01-02"\nnotes:');
  });
});
