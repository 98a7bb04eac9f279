/**
 * THE ACCEPTANCE TESTS of `opsctl plan`, `drift` and `discover` (issue 4) against the lab: the
 * real repository's lab environment copied to a temp dir, the lab served from this process,
 * the built CLI run as a child. Fresh lab → no changes; each drift scenario → exit 2 naming the
 * address, before/after and restart; drift says the same; a host down → exit 1 naming it while
 * the rest was read; discover --write then plan → no changes; canary secrets never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { CANARY, CLI, startScenarioLab, type Lab } from './support.js';

const BUILT = existsSync(CLI);

interface Case {
  scenario: string;
  address: string;
  attribute: string;
  restart: boolean;
}

/** Each lab drift scenario with its default target, as the providers name it. */
const DRIFTS: Case[] = [
  { scenario: 'datasource-capacity', address: 'lab/weblogic:hall/datasource:CoreDS', attribute: 'maxCapacity', restart: false },
  { scenario: 'jvm-heap', address: 'lab/weblogic:hall/server:hall_ms01', attribute: 'heapMaxMb', restart: true },
  { scenario: 'init-parameter', address: 'lab/oracle:coredb/parameter:open_cursors', attribute: 'value', restart: false },
  { scenario: 'file-content', address: 'lab/host:hall-web-01/file:/etc/motd', attribute: 'sha256', restart: false },
  { scenario: 'kernel-param', address: 'lab/host:hall-web-01/tunable:no.rfc1323', attribute: 'value', restart: false },
  { scenario: 'app-version', address: 'lab/weblogic:hall/deployment:sbf-hall', attribute: 'version', restart: false },
  { scenario: 'tablespace-full', address: 'lab/oracle:coredb/tablespace:SBF_DATA', attribute: 'autoextend', restart: false },
  { scenario: 'server-down', address: 'lab/weblogic:hall/server:hall_ms01', attribute: 'state', restart: false },
];

const changed = (plan: Plan) => plan.changes.filter((c) => c.action !== 'noop');
const errors = (plan: Plan) => plan.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

/** The exit code, and no error diagnostics in the plan (a missing provider would be one). */
function expectExit(code: number, want: number, plan: Plan): void {
  expect(errors(plan)).toEqual([]);
  expect(code).toBe(want);
}

describe.skipIf(!BUILT)('plan, drift and discover against the lab (built CLI, in-process lab)', () => {
  let lab: Lab;
  const planFile = (name: string) => join(lab.dir, `${name}.plan.json`);

  async function plan(name: string, ...extra: string[]): Promise<{ code: number; text: string; stderr: string; plan: Plan }> {
    const r = await lab.cli('plan', '--env', 'lab', '--detailed-exitcode', '--out', planFile(name), ...extra);
    if (!existsSync(planFile(name))) throw new Error(`plan wrote no file (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, text: r.stdout, stderr: r.stderr, plan: JSON.parse(readFileSync(planFile(name), 'utf8')) as Plan };
  }

  beforeAll(async () => {
    lab = await startScenarioLab();
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('fresh lab: plan --detailed-exitcode has no changes (exit 0)', async () => {
    const r = await plan('fresh');
    expect(changed(r.plan)).toEqual([]);
    expect(r.plan.complete).toBe(true);
    expectExit(r.code, 0, r.plan);
    expect(r.text).toContain('No changes.');
  });

  for (const c of DRIFTS) {
    it(`drift ${c.scenario}: plan exits 2 naming ${c.address}, before/after and restart; drift says the same`, async () => {
      expect((await lab.cli('lab', 'drift', c.scenario)).code).toBe(0);
      try {
        const r = await plan(c.scenario);
        const change = changed(r.plan).find((x) => x.address === c.address);
        expect(change, `plan names ${c.address}`).toBeDefined();
        expect(changed(r.plan).map((x) => x.address)).toEqual([c.address]);
        const attr = change!.attributes.find((a) => a.name === c.attribute)!;
        expect(attr.before).not.toEqual(attr.after);
        expect(Boolean(change!.restart)).toBe(c.restart);
        expectExit(r.code, 2, r.plan);
        expect(r.text).toContain(c.address);
        expect(r.text).toContain(`${c.attribute}: ${JSON.stringify(attr.before)} → ${JSON.stringify(attr.after)}`);
        expect(r.text.includes(`${c.address}  [needs`)).toBe(c.restart);

        const d = await lab.cli('drift', '--env', 'lab', '--json');
        if (!d.stdout) throw new Error(`drift printed nothing (exit ${d.code}): ${d.stderr}`);
        const report = JSON.parse(d.stdout) as { drift: { address: string; restartNeeded: boolean; attributes: { name: string; desired: unknown; live: unknown }[] }[] };
        expect(report.drift.map((x) => x.address)).toEqual([c.address]);
        expect(report.drift[0]!.restartNeeded).toBe(c.restart);
        expect(report.drift[0]!.attributes).toContainEqual({ name: c.attribute, desired: attr.after, live: attr.before, sensitive: false });
        expect(d.code).toBe(2);
        const text = await lab.cli('drift', '--env', 'lab');
        expect(text.stdout).toContain(c.address);
        expect(text.stdout).toContain(`restart needed: ${c.restart ? 'yes' : 'no'}`);
      } finally {
        await lab.cli('lab', 'clear');
      }
    });
  }

  it('a host down: plan exits 1 naming the host, and the rest of the estate was still read', async () => {
    await lab.cli('lab', 'fault', 'host-down', '--target', 'hall-web-02');
    try {
      const r = await plan('host-down');
      expect(r.code).toBe(1);
      expect(r.plan.complete).toBe(false);
      expect(r.plan.unknown.length).toBeGreaterThan(0);
      expect(r.plan.unknown.every((u) => u.address.startsWith('lab/host:hall-web-02/'))).toBe(true);
      expect(r.stderr).toContain('host hall-web-02');
      for (const u of r.plan.unknown) expect(r.stderr).toContain(u.address);
      const read = new Set(r.plan.changes.map((x) => x.address.split('/')[1]));
      for (const other of ['host:hall-web-01', 'host:coredb-01', 'weblogic:hall', 'oracle:coredb']) expect(read.has(other)).toBe(true);
    } finally {
      await lab.cli('lab', 'clear');
    }
  });

  it('discover --write adopts drift into desired-state/lab (with backups); then plan has no changes', async () => {
    for (const s of ['datasource-capacity', 'jvm-heap', 'init-parameter', 'kernel-param', 'app-version']) await lab.cli('lab', 'drift', s);
    const preview = await lab.cli('discover', '--env', 'lab');
    expect(preview.code, preview.stdout + preview.stderr).toBe(0);
    expect(preview.stdout).toContain('+++ b/desired-state/lab/weblogic/hall.yaml');
    expect(existsSync(join(lab.dir, 'desired-state/lab/weblogic/hall.yaml.bak'))).toBe(false);
    const w = await lab.cli('discover', '--env', 'lab', '--write');
    expect(w.code, w.stdout + w.stderr).toBe(0);
    expect(w.stdout).toContain('loader: the written desired state loads without errors');
    expect(existsSync(join(lab.dir, 'desired-state/lab/weblogic/hall.yaml.bak'))).toBe(true);
    const validate = await lab.cli('validate');
    expect(validate.code, validate.stdout).toBe(0);
    const r = await plan('after-discover');
    expect(changed(r.plan)).toEqual([]);
    expectExit(r.code, 0, r.plan);
  });

  it('the plan in markdown and JSON, and every output so far, never contain a canary secret', async () => {
    await lab.cli('lab', 'drift', 'datasource-capacity');
    await lab.cli('plan', '--env', 'lab', '--format', 'markdown');
    await lab.cli('plan', '--env', 'lab', '--json');
    await lab.cli('lab', 'clear');
    const files = ['fresh', 'host-down', 'after-discover', ...DRIFTS.map((c) => c.scenario)].filter((n) => existsSync(planFile(n))).map((n) => readFileSync(planFile(n), 'utf8'));
    expect(files.length).toBeGreaterThan(5);
    for (const text of [...lab.outputs, ...files]) for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
    expect(lab.outputs.length).toBeGreaterThan(20);
  });
});
