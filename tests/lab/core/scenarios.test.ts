// Every scenario changes the lab visibly, and `lab clear` restores exactly the state before it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeFault, applyScenario, clearScenarios, SCENARIOS, ScenarioError } from '../../../src/lab/scenarios/index.js';
import { buildLabState, type LabState } from '../../../src/lab/state/index.js';
import { templateRenderer } from '../../../src/template/index.js';
import { miniEnv, writeTemplates } from '../support/mini-env.js';

let base: LabState;
const env = miniEnv();
const now = new Date('2026-11-21T03:00:00Z');

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-scn-'));
  writeTemplates(root);
  base = buildLabState(env, { root, seed: 3, resetAt: new Date('2026-11-20T02:00:00Z'), render: templateRenderer(root) });
});

/** What each scenario must visibly change, checked on the state after it applied. */
const VISIBLE: Record<string, (s: LabState) => void> = {
  'datasource-capacity': (s) => expect(s.domains.hall!.dataSources.SbfDS!.maxCapacity).toBe(50),
  'jvm-heap': (s) => expect(s.domains.hall!.servers.hall_ms1!.heap.maxMb).toBe(2048),
  'init-parameter': (s) => expect(s.databases.coredb!.parameters.open_cursors!.value).toBe('500'),
  'file-content': (s) => expect(s.hosts['hall-web-01']!.files['/weblogic/bin/setUserOverrides.sh']!.content).toMatch(/edited by hand/),
  'kernel-param': (s) => expect(s.hosts['hall-web-01']!.tunables.no.rfc1323).toBe('0'),
  'app-version': (s) => expect(s.domains.hall!.deployments['sbf-hall']).toMatchObject({ version: '3.2.1-hotfix1', previous: { version: '3.2.1' } }),
  'tablespace-full': (s) => {
    const t = s.databases.coredb!.tablespaces.SBF_DATA!;
    expect(t.usedMb / t.maxMb).toBeCloseTo(0.97, 2);
    expect(t.sizeMb).toBe(t.maxMb);
    expect([t.autoextend, ...t.datafiles.map((f) => f.autoextend)].every((a) => a === false)).toBe(true);
  },
  'server-down': (s) => {
    expect(s.domains.hall!.servers.hall_ms1!.state).toBe('SHUTDOWN');
    expect(s.hosts['hall-web-01']!.processes.some((p) => p.command.includes('-Dweblogic.Name=hall_ms1 '))).toBe(false);
  },
  'host-down': (s) => expect(activeFault(s, 'host-down', 'hall-web-01')).toBeDefined(),
  'auth-fail': (s) => expect(activeFault(s, 'auth-fail', 'hall-web-01')).toBeDefined(),
  'hostkey-changed': (s) => expect(activeFault(s, 'hostkey-changed', 'hall-web-01')).toBeDefined(),
  slow: (s) => expect(activeFault(s, 'slow', 'hall-web-01')).toBeDefined(),
  'command-hangs': (s) => expect(activeFault(s, 'command-hangs', 'hall-web-01')?.target).toBe('hall-web-01:df'),
  'disk-full': (s) => {
    const fs = s.hosts['hall-web-01']!.filesystems.find((f) => f.mount === '/weblogic')!;
    expect(fs.usedMb).toBe(fs.sizeMb);
    expect(activeFault(s, 'disk-full', 'hall-web-01')?.target).toBe('hall-web-01:/weblogic');
  },
  'wls-500': (s) => expect(activeFault(s, 'wls-500', 'hall')).toBeDefined(),
  'activation-fails': (s) => expect(activeFault(s, 'activation-fails', 'hall')).toBeDefined(),
  'db-down': (s) => {
    expect(s.databases.coredb!.instances[0]!.status).toBe('DOWN');
    expect(s.hosts['core-db-01']!.processes.some((p) => p.command === 'ora_pmon_CORE1')).toBe(false);
  },
  'home-busy': (s) => expect(s.hosts['hall-web-01']!.processes.some((p) => p.command === '/bin/sh /weblogic/fmw12214/oracle_common/common/bin/wlst.sh')).toBe(true),
};

describe('scenarios', () => {
  it('covers every scenario the issue asks for', () => {
    expect(SCENARIOS.map((s) => s.name).sort()).toEqual(Object.keys(VISIBLE).sort());
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.kind} ${scenario.name}: visible, then cleared exactly`, () => {
      const s = structuredClone(base);
      const active = applyScenario(s, scenario.name, { env, now });
      expect(s).not.toEqual(base);
      VISIBLE[scenario.name]!(s);
      expect((scenario.kind === 'drift' ? s.drifts : s.faults).map((a) => a.name)).toEqual([scenario.name]);
      const cleared = clearScenarios(s, { name: scenario.name });
      expect(cleared).toEqual([active]);
      expect(s).toEqual(base);
    });
  }

  it('clears all of them at once back to the reset state', () => {
    const s = structuredClone(base);
    for (const scenario of SCENARIOS) applyScenario(s, scenario.name, { env, now });
    expect(s.drifts).toHaveLength(8);
    expect(s.faults).toHaveLength(10);
    clearScenarios(s);
    expect(s).toEqual(base);
  });

  it('clears one of two overlapping scenarios without undoing the other', () => {
    const s = structuredClone(base);
    applyScenario(s, 'server-down', { target: 'hall_ms1', now });
    applyScenario(s, 'server-down', { target: 'hall/AdminServer', now });
    applyScenario(s, 'db-down', { now });
    clearScenarios(s, { name: 'server-down', target: 'hall/hall_ms1' });
    expect(s.domains.hall!.servers.AdminServer!.state).toBe('SHUTDOWN');
    expect(s.hosts['hall-web-01']!.processes.some((p) => p.command.includes('-Dweblogic.Name=hall_ms1 '))).toBe(true);
    clearScenarios(s);
    expect(s).toEqual(base);
  });

  it('takes targets, checks them and refuses a second copy on the same target', () => {
    const s = structuredClone(base);
    expect(applyScenario(s, 'jvm-heap', { target: 'core', now }).target).toBe('core/core_ms1');
    expect(applyScenario(s, 'kernel-param', { target: 'hall-web-01:tcp_sendspace', now }).target).toBe('hall-web-01:tcp_sendspace');
    expect(s.hosts['hall-web-01']!.tunables.no.tcp_sendspace).toBe('524288');
    expect(applyScenario(s, 'slow', { target: '*', now }).target).toBe('*');
    expect(activeFault(s, 'slow', 'core-db-01')).toBeDefined();
    expect(() => applyScenario(s, 'host-down', { target: 'nosuch', now })).toThrow(ScenarioError);
    expect(() => applyScenario(s, 'jvm-heap', { target: 'core', now })).toThrow(/already active/);
    expect(() => applyScenario(s, 'host-down', {}, 'drift')).toThrow(/no drift scenario/);
  });

  it('picks defaults without the desired state too', () => {
    const s = structuredClone(base);
    expect(applyScenario(s, 'file-content', { now }).target).toBe('hall-web-01:/weblogic/bin/setUserOverrides.sh');
    expect(applyScenario(s, 'kernel-param', { now }).target).toBe('hall-web-01:tcp_sendspace');
  });
});
