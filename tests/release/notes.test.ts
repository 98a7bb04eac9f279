/** releaseOverlay and 升级说明 on the real manifests and estate. */
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';
import type { Release } from '../../src/model/index.js';
import { releaseOverlay, renderReleaseNotes, type PatchHostStep, type SqlScriptStep } from '../../src/release/index.js';
import { ROOT, plan } from './support.js';

const { model } = loadRepository(ROOT);
const rel = (name: string): Release => model.releases.find((r) => r.name === name)!;

describe('releaseOverlay', () => {
  it('sets the deployment version, artifact and checksum of an application release, leaving the model alone', () => {
    const o = releaseOverlay(model, rel('hall-2026.11.1'), 'prod');
    expect(o.diagnostics).toEqual([]);
    expect(o.addresses).toEqual(['prod/weblogic:hall/deployment:sbf-hall']);
    const dep = o.env.domains.find((d) => d.name === 'hall')?.deployments?.find((d) => d.name === 'sbf-hall');
    expect(dep).toMatchObject({ version: '2026.11.1', artifact: { path: '/weblogic/releases/hall/sbf-hall-2026.11.1.war', sha256: '4b231a778707540df0c1eeecc6c551ce5ebea9b26d49d520feefdeedaef181e2' } });
    expect(model.environments['prod']?.domains.find((d) => d.name === 'hall')?.deployments?.[0]?.version).toBe('2026.10.1');
  });

  it('orders SQL scripts with checksums, rollbacks and the history row', () => {
    const o = releaseOverlay(model, rel('coredb-2026.11.1'), 'preprod');
    const steps = o.runSteps as SqlScriptStep[];
    expect(steps.map((s) => [s.order, s.id])).toEqual([[1, '001_pk_batch_retry_count'], [2, '002_idx_jfxx_fkssq']]);
    expect(steps[0]).toMatchObject({
      database: 'coredb', address: 'preprod/oracle:coredb/migration:001_pk_batch_retry_count',
      artifact: { path: 'sql/001_pk_batch_retry_count.sql', sha256: '92a4accc04247da6e92dbb07718439b25e3e8deba2da1b85dd12af3e62c7597a' },
      rollback: { path: 'sql/001_pk_batch_retry_count_rollback.sql' },
      history: { table: 'SBF_SCHEMA_HISTORY', columns: { script_id: '001_pk_batch_retry_count', release: 'coredb-2026.11.1' } },
    });
  });

  it('names the hosts of the HostProfiles an os-tunables release groups', () => {
    const o = releaseOverlay(model, rel('os-tunables-2026.11'), 'prod');
    expect(o.diagnostics).toEqual([]);
    expect(o.addresses.length).toBeGreaterThan(20);
    expect(o.addresses.every((a) => a.startsWith('prod/host:'))).toBe(true);
  });

  it('describes WebLogic patches host by host, rolling per cluster, the admin host last, executable', () => {
    const steps = releaseOverlay(model, rel('hall-wlspsu-2026.11'), 'prod').runSteps as PatchHostStep[];
    const hall = model.environments['prod']!.domains.find((d) => d.name === 'hall')!;
    expect(steps.at(-1)?.host).toBe(hall.admin.host);
    expect(steps.slice(0, -1).every((s) => s.rolling && s.tool === 'opatch' && s.executable)).toBe(true);
    expect(new Set(steps.map((s) => s.host)).size).toBe(steps.length);
  });

  it('weblogic-patch adds the patch (and its archive) to the domain, dropping what it replaces', () => {
    const o = releaseOverlay(model, rel('core-wlspsu-2026.11'), 'lab');
    expect(o.diagnostics).toEqual([]);
    const core = o.env.domains.find((d) => d.name === 'core')!;
    expect(core.patches).toEqual([{ id: 'B47X', description: 'WLS PATCH SET UPDATE 10.3.6.0.180717', archive: { file: 'p27919965_1036_Generic.zip', sha256: 'c2e5233a05ed4e9c0a97441fcaa9fc494e4f9a9ea1841db653d0902e8b364079' }, replaces: ['GFWX'] }]);
    expect(o.env.domains.find((d) => d.name === 'hall')!.patches).toBeUndefined();
    expect(o.addresses).toEqual(['lab/weblogic:core']);
    const wrongTool = { ...rel('core-wlspsu-2026.11'), weblogicPatch: { ...rel('core-wlspsu-2026.11').weblogicPatch!, tool: 'opatch' } } as Release;
    expect(releaseOverlay(model, wrongTool, 'lab').diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/core is WebLogic 10\.3\.6, patched with bsu, not opatch/)]);
    const notZip = { ...rel('hall-wlspsu-2026.11'), artifacts: [{ ...rel('hall-wlspsu-2026.11').artifacts![0]!, path: 'p1.tar' }] } as Release;
    expect(releaseOverlay(model, notZip, 'lab').diagnostics[0]?.message).toMatch(/must be a \.zip/);
  });

  it('oracle-patch adds the patch with its archive to the database and its standby; datapatch after the homes', () => {
    const o = releaseOverlay(model, rel('coredb-dpbp-2026.11'), 'lab');
    for (const n of ['coredb', 'coredb-stby']) {
      expect(o.env.databases.find((d) => d.name === n)!.patches?.find((p) => p.id === '35787077')).toMatchObject({ description: 'DATAPUMP BUNDLE PATCH 19.21.0.0.0', archive: { file: 'p35787077_1921000DBRU_Generic.zip' } });
    }
    const steps = o.runSteps as PatchHostStep[];
    expect(steps.map((s) => s.host)).toEqual(['coredb-stby-01', 'coredb-01', 'coredb-02']);
    expect(steps.every((s) => s.executable)).toBe(true);
  });
});

describe('renderReleaseNotes', () => {
  it('writes 升级说明 with changes, steps and downtime, verification, rollback and approvals', () => {
    const r = rel('coredb-2026.11.1');
    const o = releaseOverlay(model, r, 'prod');
    const text = renderReleaseNotes({ release: r, env: 'prod', plan: plan('prod', ['prod/oracle:coredb'], r.name), runSteps: o.runSteps, requiredRoles: ['主管部门', '业务部门'] });
    for (const h of ['# 升级说明：核心库 2026.11.1 数据库变更', '## 一、概述 Summary', '## 四、实施步骤与停机', '## 五、验证 Verification', '## 六、回退方案 Rollback', '## 七、审批 Approvals']) expect(text).toContain(h);
    expect(text).toContain('none — cluster keeps serving');
    expect(text).toMatch(/run 001_pk_batch_retry_count on coredb/);
    expect(text.indexOf('sql/002_idx_jfxx_fkssq_rollback.sql')).toBeLessThan(text.indexOf('sql/001_pk_batch_retry_count_rollback.sql', text.indexOf('回退脚本')));
    expect(text).toContain('- [ ] 主管部门：待审批');
    expect(text).toContain('DBA_INDEXES 中 IDX_JFXX_FKSSQ_XZ 状态 VALID');
  });

  it('lists recorded approvals as done', () => {
    const text = renderReleaseNotes({ release: rel('hall-2026.10.1') });
    expect(text).toContain('- [x] 主管部门：示例审批人甲（2026-10-20）');
    expect(text).toContain('重新部署上一版本');
  });
});
