// The pure judgement: thresholds in force, assessors, score formula, comparison, report schema
// and Markdown — on synthetic measurements of the lab environment's model.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  buildReport, classifyOra, compareFindings, conclusionOf, cronLines, healthScore, judge, renderMarkdown, thresholdsFor, validateReport,
  type Finding, type Measurement,
} from '../../src/health/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import type { EnvironmentModel, InspectionPlaybook } from '../../src/model/index.js';

const REPO = join(import.meta.dirname, '..', '..');
let env: EnvironmentModel;
let daily: InspectionPlaybook;
let pre: InspectionPlaybook;
let all: InspectionPlaybook[];

beforeAll(() => {
  const loaded = loadEnvironment(REPO, 'lab');
  env = loaded.env;
  all = loaded.model.inspections;
  daily = all.find((p) => p.name === 'daily')!;
  pre = all.find((p) => p.name === 'pre-collection')!;
});

const f = (checkId: string, severity: 'critical' | 'warning', target = 'lab/host:x'): Finding => ({
  id: `${checkId}@${target}`, checkId, severity, target, message: { zh: '', en: '' }, value: null, unit: 'state',
});

describe('score opsctl-score-1', () => {
  it('starts at 100 and subtracts 10 per critical, 3 per warning', () => {
    expect(healthScore([]).value).toBe(100);
    expect(healthScore([f('host.cpu', 'critical'), f('db.tablespace', 'warning'), f('db.fra', 'warning')]).value).toBe(100 - 10 - 6);
  });
  it('caps the penalty of one system at 40 and floors the score at 0', () => {
    const many = Array.from({ length: 9 }, (_, i) => f('host.filesystem', 'critical', `lab/host:h${i}`));
    const s = healthScore(many);
    expect(s.bySystem.host).toEqual({ score: 10, critical: 9, warning: 0, penalty: 40 });
    expect(s.value).toBe(60);
    const everywhere = ['host.cpu', 'db.instance', 'wls.heap', 'app.http-probe', 'batch.deduction'].flatMap((c) => Array.from({ length: 5 }, (_, i) => f(c, 'critical', `lab/x:${i}`)));
    expect(healthScore(everywhere).value).toBe(0);
  });
  it('gives the conclusion 正常/关注/异常', () => {
    expect(conclusionOf([])).toBe('normal');
    expect(conclusionOf([f('host.cpu', 'warning')])).toBe('attention');
    expect(conclusionOf([f('host.cpu', 'warning'), f('db.role', 'critical')])).toBe('abnormal');
  });
});

describe('comparison with the previous report', () => {
  it('classifies new, resolved, persisting and not checked by checkId@target', () => {
    const previous = { generatedAt: '2026-11-23T07:30:00+08:00', findings: [f('db.tablespace', 'warning', 'lab/oracle:coredb/tablespace:A'), f('host.cpu', 'warning'), f('host.errpt', 'critical', 'lab/host:down'), f('host.password-age', 'warning')] };
    const current = [f('db.tablespace', 'critical', 'lab/oracle:coredb/tablespace:A'), f('wls.heap', 'warning', 'lab/weblogic:hall/server:s1')];
    const c = compareFindings(current, previous, { checkIds: ['db.tablespace', 'host.cpu', 'host.errpt', 'wls.heap'], unread: [{ target: 'lab/host:down', checkIds: ['host.errpt'] }] });
    expect(c.new).toEqual(['wls.heap@lab/weblogic:hall/server:s1']);
    expect(c.persisting).toEqual([{ id: 'db.tablespace@lab/oracle:coredb/tablespace:A', severity: 'critical', previousSeverity: 'warning' }]);
    expect(c.resolved).toEqual(['host.cpu@lab/host:x']);
    expect(c.notChecked.sort()).toEqual(['host.errpt@lab/host:down', 'host.password-age@lab/host:x']);
  });
  it('without a previous report every finding is new', () => {
    expect(compareFindings([f('host.cpu', 'warning')], undefined, { checkIds: [], unread: [] })).toMatchObject({ previous: null, new: ['host.cpu@lab/host:x'] });
  });
});

describe('thresholds in force', () => {
  const fs = (mount: string, value: number): Measurement => ({ checkId: 'host.filesystem', target: `lab/host:hall-web-01/fs:${mount}`, value, unit: '%' });
  it('takes a mount\'s thresholds from the host profile, else the playbook, else the catalogue', () => {
    expect(thresholdsFor(fs('/tmp', 1), daily, env)).toEqual({ warning: 70, critical: 85, origin: 'host-profile' });
    expect(thresholdsFor(fs('/weird', 1), daily, env)).toEqual({ warning: 80, critical: 90, origin: 'catalogue' });
    expect(thresholdsFor({ checkId: 'host.cpu', target: 'lab/host:hall-web-01', value: 1, unit: '%' }, daily, env)?.origin).toBe('playbook');
  });
  it('in a pre-collection playbook the stricter of playbook and object applies', () => {
    expect(thresholdsFor(fs('/var', 1), pre, env)).toEqual({ warning: 70, critical: 85, origin: 'stricter-of-playbook-and-object' });
  });
  it('takes a tablespace\'s thresholds from its database', () => {
    const th = thresholdsFor({ checkId: 'db.tablespace', target: 'lab/oracle:coredb/tablespace:UNDOTBS2', value: 1, unit: '%' }, daily, env);
    expect(th).toEqual({ warning: 85, critical: 95, origin: 'database' });
  });
});

describe('assessors', () => {
  const m = (x: Partial<Measurement> & Pick<Measurement, 'checkId' | 'target' | 'value'>): Measurement => ({ unit: '%', ...x });
  it('judge: numeric, state rules, and one critical "could not read" per unread target', () => {
    const findings = judge({
      env, playbook: daily,
      measurements: [
        m({ checkId: 'db.tablespace', target: 'lab/oracle:coredb/tablespace:SBF_DATA', value: 97 }),
        m({ checkId: 'host.cpu', target: 'lab/host:hall-web-01', value: 81 }),
        m({ checkId: 'host.cpu', target: 'lab/host:hall-web-02', value: 10 }),
        m({ checkId: 'wls.server-state', target: 'lab/weblogic:hall/server:hall-ms1', value: 'SHUTDOWN', unit: 'state' }),
        m({ checkId: 'db.role', target: 'lab/oracle:coredb', value: 'PHYSICAL STANDBY/MOUNTED', unit: 'state' }),
      ],
      unread: [{ target: 'lab/host:hall-web-03', system: 'host', checkIds: ['host.cpu'], reason: 'connection refused' }, { target: 'lab/host:hall-web-03', system: 'host', checkIds: ['host.filesystem'], reason: 'again' }],
    });
    const by = (id: string): Finding | undefined => findings.find((x) => x.id === id);
    expect(by('db.tablespace@lab/oracle:coredb/tablespace:SBF_DATA')?.severity).toBe('critical');
    expect(by('host.cpu@lab/host:hall-web-01')?.severity).toBe('warning');
    expect(by('host.cpu@lab/host:hall-web-02')).toBeUndefined();
    expect(by('wls.server-state@lab/weblogic:hall/server:hall-ms1')?.message.en).toContain('hall-ms1');
    expect(by('db.role@lab/oracle:coredb')?.severity).toBe('critical');
    const unread = findings.filter((x) => x.checkId === 'host.reachable');
    expect(unread).toHaveLength(1);
    expect(unread[0]!.message.en).toMatch(/^could not read: host:hall-web-03 \(connection refused\); checks not done: host.cpu, host.filesystem/);
  });
  it('classifies alert-log ORA- codes', () => {
    expect(classifyOra(['ORA-00600'])).toBe('critical');
    expect(classifyOra(['ORA-01653'])).toBe('critical');
    expect(classifyOra(['ORA-01555'])).toBe('warning');
    expect(classifyOra(['ORA-00054'])).toBeNull();
  });
});

describe('report', () => {
  it('validates against the formatVersion 1 schema and renders Markdown in zh and en', () => {
    const r = buildReport({
      env, playbook: daily, generatedAt: new Date('2026-11-24T07:30:00+08:00'), revision: null, durationMs: 5,
      measurements: [
        { checkId: 'host.filesystem', target: 'lab/host:hall-web-01/fs:/tmp', value: 88, unit: '%', detail: { sizeMb: 1024, usedMb: 901 } },
        { checkId: 'db.tablespace', target: 'lab/oracle:coredb/tablespace:SBF_DATA', value: 50, unit: '%', detail: { usedMb: 5, maxMb: 10, contents: 'PERMANENT' } },
      ],
      unread: [], notMeasured: [{ checkId: 'host.password-age', reason: 'no collector yet' }],
    });
    expect(validateReport(r)).toEqual([]);
    expect(validateReport({ ...r, formatVersion: 2 })).not.toEqual([]);
    expect(r.findings.map((x) => x.id)).toEqual(['host.filesystem@lab/host:hall-web-01/fs:/tmp']);
    expect(r.score.value).toBe(90);
    expect(r.resources.hosts[0]?.filesystems[0]).toEqual({ mount: '/tmp', sizeMb: 1024, usedMb: 901, usedPercent: 88 });
    const zh = renderMarkdown(r, 'zh');
    expect(zh).toContain('《系统健康检查报告》');
    expect(zh).toContain('模拟');
    for (const h of ['## 1. 摘要', '## 2. 主机/操作系统', '## 3. 中间件（WebLogic）', '## 4. 数据库（Oracle）', '## 5. 业务与接口检查', '## 6. 发现的问题（问题清册）', '## 7. 附录']) expect(zh).toContain(h);
    expect(renderMarkdown(r, 'en')).toContain('## 6. Problems found (issue register)');
  });
  it('makes one crontab line per playbook from its schedule', () => {
    const lines = cronLines(all, 'prod');
    expect(lines.filter((l) => l.includes('inspect --env prod --playbook daily --commit'))[0]).toMatch(/^30 7 \* \* \* /);
    expect(lines.filter((l) => / inspect --env prod /.test(l))).toHaveLength(all.length);
  });
});

describe('middleware patch level', () => {
  it('compares the version number inside weblogicVersion with the declared one', () => {
    const m = (value: string): Measurement => ({ checkId: 'wls.patch-level', target: 'lab/weblogic:hall/server:s1', value, unit: 'state', detail: { declared: '12.2.1.4' } });
    expect(judge({ env, playbook: daily, measurements: [m('WebLogic Server 12.2.1.4.0 Thu Sep 12 04:04:29 GMT 2019')], unread: [] })).toEqual([]);
    expect(judge({ env, playbook: daily, measurements: [m('WebLogic Server 12.2.1.3.0')], unread: [] })[0]?.severity).toBe('warning');
  });
});
