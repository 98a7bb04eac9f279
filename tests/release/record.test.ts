/** commitApplyRecord: the four files, the commit's trailers read back, the >50 rule, the secret fence. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logWithTrailers } from '../../src/git/index.js';
import { RecordRefused, commitApplyRecord, parseRecord } from '../../src/release/index.js';
import type { Release } from '../../src/model/index.js';
import { emptyRepo, git, plan } from './support.js';

const HALL: Release = {
  apiVersion: 'opsctl/v1', kind: 'Release', name: 'hall-2026.11.1', title: '社保费大厅 2026.11.1', type: 'application',
  artifacts: [{ name: 'sbf-hall-war', path: 'sbf-hall-2026.11.1.war', sha256: '4b231a778707540df0c1eeecc6c551ce5ebea9b26d49d520feefdeedaef181e2' }],
  requiredApprovals: ['主管部门', '业务部门'],
  approvals: [{ role: '主管部门', name: '甲', date: '2026-11-20' }, { role: '业务部门', name: '乙', date: '2026-11-21' }],
  notes: { summary: 's' },
} as Release;
const ADDR = 'prod/weblogic:hall/deployment:sbf-hall';
const JOURNAL = [
  { seq: 1, at: '2026-11-28T22:00:05+08:00', type: 'started' },
  { seq: 2, at: '2026-11-28T22:09:40+08:00', type: 'finished', status: 'succeeded' },
];

describe('commitApplyRecord', () => {
  it('writes plan, journal, record.json and record.md and commits them with trailers', async () => {
    const root = emptyRepo();
    const r = await commitApplyRecord({
      root, env: 'prod', plan: plan('prod', [ADDR], HALL.name), journal: JOURNAL, outcome: 'succeeded', release: HALL,
      breakGlass: '社保费大厅批扣故障紧急修复', healthSummary: { status: 'healthy', checks: 12, findings: 0 }, applyId: 'a1b2c3d4',
    });
    expect(r.folder).toBe('reports/prod/applies/2026-11-28-a1b2c3d4');
    for (const f of ['plan.json', 'journal.jsonl', 'record.json', 'record.md']) expect(existsSync(join(root, r.folder, f))).toBe(true);
    const record = parseRecord(readFileSync(join(root, r.folder, 'record.json'), 'utf8'));
    expect(record?.release?.artifacts).toEqual([{ name: 'sbf-hall-war', sha256: HALL.artifacts![0]!.sha256 }]);
    expect(record?.timings).toEqual({ startedAt: JOURNAL[0]!.at, finishedAt: JOURNAL[1]!.at, durationSeconds: 575 });
    expect(record?.approvals.map((a) => a.role)).toEqual(['主管部门', '业务部门']);
    expect(readFileSync(join(root, r.folder, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    const md = readFileSync(join(root, r.folder, 'record.md'), 'utf8');
    expect(md).toContain('变更执行记录 Apply record');
    expect(md).toContain('社保费大厅批扣故障紧急修复');
    const [c] = await logWithTrailers(root);
    expect(c?.hash).toBe(r.commit);
    expect(c?.trailers['Opsctl-Env']).toEqual(['prod']);
    expect(c?.trailers['Opsctl-Release']).toEqual(['hall-2026.11.1']);
    expect(c?.trailers['Opsctl-Outcome']).toEqual(['succeeded']);
    expect(c?.trailers['Opsctl-Plan']?.[0]).toBe(record?.plan.sha256);
    expect(c?.trailers['Approved-By']).toEqual(['主管部门: 甲', '业务部门: 乙']);
    expect(c?.trailers['Break-Glass']).toEqual(['社保费大厅批扣故障紧急修复']);
    expect(c?.trailers['Opsctl-Address']).toEqual([ADDR]);
    expect(c?.trailers['Opsctl-Record']).toEqual([r.folder]);
    expect(git(root, 'status', '--porcelain')).toBe('');
    await expect(commitApplyRecord({ root, env: 'prod', plan: plan('prod', [ADDR], HALL.name), journal: JOURNAL, outcome: 'succeeded', release: HALL, applyId: 'a1b2c3d4' })).rejects.toThrow(/never overwritten/);
  });

  it('puts a count in the commit and the list in record.json when more than 50 addresses changed', async () => {
    const root = emptyRepo();
    const many = Array.from({ length: 60 }, (_, i) => `preprod/host:h${String(i).padStart(2, '0')}/tunable:no.tcp_sendspace`);
    const r = await commitApplyRecord({ root, env: 'preprod', plan: plan('preprod', many), journal: JOURNAL, outcome: 'failed-rolled-back' });
    const [c] = await logWithTrailers(root);
    expect(c?.trailers['Opsctl-Address']).toBeUndefined();
    expect(c?.trailers['Opsctl-Address-Count']).toEqual(['60']);
    expect(c?.trailers['Opsctl-Release']).toBeUndefined();
    expect(r.record.addresses).toHaveLength(60);
  });

  it('takes the engine shapes: journal file, ApplyResult, break-glass with window reasons, health lines', async () => {
    const root = emptyRepo();
    const journalFile = join(root, 'journal.jsonl');
    writeFileSync(journalFile, JOURNAL.map((j) => JSON.stringify(j)).join('\n') + '\n');
    const r = await commitApplyRecord({
      root, env: 'prod', plan: plan('prod', [ADDR], HALL.name), release: HALL, journal: { path: journalFile, planPath: 'x' },
      outcome: { status: 'succeeded', applyId: 'eng-1' }, approvals: [{ role: '主管部门', name: '甲' }],
      breakGlass: { reason: '紧急', windowReasons: ['征期 blackout until 2026-12-15'] },
      healthSummary: [{ step: 'gate:prod/weblogic:hall/server:H1', status: 'verified', message: 'RUNNING OK' }],
    });
    expect(r.folder).toBe('reports/prod/applies/2026-11-28-eng-1');
    expect(r.record.breakGlass).toEqual({ reason: '紧急', windowReasons: ['征期 blackout until 2026-12-15'] });
    expect(r.record.health).toMatchObject({ status: 'healthy', checks: 1, findings: 0 });
    expect(r.record.approvals).toEqual([{ role: '主管部门', name: '甲' }]);
  });

  it('refuses, writing nothing, when a record file holds something secret-looking', async () => {
    const root = emptyRepo();
    const leaky = [...JOURNAL, { seq: 3, at: JOURNAL[1]!.at, type: 'undo', undo: { password: 'S3cr3t-CANARY-7f3a' } }];
    await expect(commitApplyRecord({ root, env: 'lab', plan: plan('lab', ['lab/host:h1/tunable:no.x']), journal: leaky, outcome: 'succeeded', applyId: 'x1' })).rejects.toBeInstanceOf(RecordRefused);
    const entropy = [...JOURNAL, { seq: 3, at: JOURNAL[1]!.at, type: 'note', message: 'token Zx9QpL2mN8vR4tY7wK1sD6fH3jB5cX0a' }];
    await expect(commitApplyRecord({ root, env: 'lab', plan: plan('lab', ['lab/host:h1/tunable:no.x']), journal: entropy, outcome: 'succeeded', applyId: 'x2' })).rejects.toThrow(/high-entropy/);
    const known = [...JOURNAL, { seq: 3, at: JOURNAL[1]!.at, type: 'note', message: 'connected with hunter2-canary' }];
    await expect(
      commitApplyRecord({ root, env: 'lab', plan: plan('lab', ['lab/host:h1/tunable:no.x']), journal: known, outcome: 'succeeded', applyId: 'x3', secretValues: ['hunter2-canary'] }),
    ).rejects.toThrow(/resolved secret/);
    const slashed = [...JOURNAL, { seq: 3, at: JOURNAL[1]!.at, type: 'note', message: 'token Zx9QpL2mN8vR4t/Y7wK1sD6fH3jB5cX0aQ' }];
    await expect(commitApplyRecord({ root, env: 'lab', plan: plan('lab', ['lab/host:h1/tunable:no.x']), journal: slashed, outcome: 'succeeded', applyId: 'x4' })).rejects.toThrow(/high-entropy/);
    expect(existsSync(join(root, 'reports'))).toBe(false);
    expect((await logWithTrailers(root)).map((c) => c.subject)).toEqual(['initial']);
  });

  it('records addresses of every shape: config-table rows with "=" are names, not secrets', async () => {
    const root = emptyRepo();
    const rows = ['lab/config-table:code-parameter/row:CSBM=CX_FHTS_MAX', 'lab/config-table:post-function/row:GWDM=SBF_ZS01,GNDM=SBF_JFJS_ZQ', 'lab/weblogic:hall/server:hall_ms03'];
    const r = await commitApplyRecord({ root, env: 'lab', plan: plan('lab', rows), journal: JOURNAL, outcome: 'succeeded', applyId: 'rows' });
    expect(r.folder).toMatch(/^reports\/lab\/applies\//);
  });
});
