// The pure parts of runbooks: targets, step descriptions, generated passwords.
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';
import { generatePassword, planSteps, resolveTarget } from '../../src/runbook/index.js';
import { ROOT } from '../scenario/support.js';

const { model } = loadRepository(ROOT);
const lab = model.environments['lab']!;
const rb = (n: string) => model.runbooks.find((r) => r.name === n)!;

describe('runbook targets and steps', () => {
  it('resolves servers, tablespaces, batches, users and hosts; refuses unknown ones', () => {
    expect(resolveTarget(lab, rb('wls-server-hung'), 'hall_ms01')).toMatchObject({ domain: 'hall', server: 'hall_ms01', hosts: ['hall-web-01'] });
    expect(resolveTarget(lab, rb('tablespace-nearly-full'))).toMatchObject({ database: 'coredb', tablespace: 'SBF_DATA' });
    expect(resolveTarget(lab, rb('batch-deduction-stalled'), 'coredb/PK202611001')).toMatchObject({ batch: 'PK202611001' });
    expect(resolveTarget(lab, rb('password-rotation'), 'coredb/OPSMON')).toMatchObject({ user: 'OPSMON' });
    expect(resolveTarget(lab, rb('log-cleanup')).hosts.length).toBe(lab.hosts.length);
    expect(() => resolveTarget(lab, rb('wls-server-hung'), 'nope')).toThrow(/no WebLogic server/);
    expect(() => resolveTarget(lab, rb('password-rotation'), "coredb/x'; drop")).toThrow();
    expect(() => resolveTarget(lab, rb('password-rotation'))).toThrow(/--target/);
  });

  it('says what every step would do and where', () => {
    const steps = planSteps(rb('wls-server-hung'), resolveTarget(lab, rb('wls-server-hung'), 'hall/hall_ms01'));
    expect(steps.map((s) => s.action)).toEqual(['thread-dump', 'collect-logs', 'restart-server', 'check']);
    expect(steps[0]!.does).toContain('kill -3');
    expect(steps[2]!.where).toBe('hall/hall_ms01 on hall-web-01');
  });

  it('generates strong passwords from a quoting-safe alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword(24);
      expect(p).toMatch(/^[A-Za-z][A-Za-z0-9_#]{23}$/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[0-9]/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});
