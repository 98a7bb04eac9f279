/**
 * THE FAULT MATRIX (issue 8, item 2): every lab fault × read/plan, inspect and apply, through the
 * built CLI against one in-process lab (temp copy of the repository, ssh.commandTimeoutSeconds 2,
 * so command-hangs ends by the per-command timeout). For each cell: the exit code of the CLI
 * contract, a clear error naming the host/domain/database and the reason (no stack trace, no
 * "undefined"), nothing lost (journal, no half-written managed file) and the lab either unchanged,
 * rolled back (a re-plan finds the very fingerprints the plan was made on) or, after a crash,
 * resumable with `recover`. docs/reliability.md lists the matrix and its outcomes.
 *
 * Apply cells: four drifts (kernel-param and file-content on hall-web-01, datasource-capacity on
 * hall, init-parameter on coredb) are planned once BEFORE the fault is injected; the fault is then
 * injected and the saved plan applied at NOW with --yes.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import type { InspectionReport } from '../../src/health/index.js';
import { CANARY, CANARY_ENV } from '../scenario/support.js';
import { changed, CLI, expectClearError, journalRecords, journals, labState, NOW, readPlan, startReliabilityLab, type Lab } from './support.js';

const BUILT = existsSync(CLI);
const HOST = 'hall-web-01';
const MOTD = '/etc/motd';
const DRIFTS = ['kernel-param', 'file-content', 'datasource-capacity', 'init-parameter'];
const BASE_CHANGES = [
  'lab/host:hall-web-01/file:/etc/motd',
  'lab/host:hall-web-01/tunable:no.rfc1323',
  'lab/oracle:coredb/parameter:open_cursors',
  'lab/weblogic:hall/datasource:CoreDS',
];

type ApplyOutcome = 'refused' | 'rolled-back' | 'succeeded';

interface FaultCase {
  fault: string;
  /** Target in the apply phase (where the planned changes are). */
  target: string;
  /** Target in the read/plan and inspect phases, where every fault is active at once on its own target. */
  readTarget: string;
  /** Address prefix the fault makes unreadable (read/plan), or undefined when reads still work. */
  unreadable?: string;
  /** What the plan's stderr / the inspection's "could not read" must name. */
  names: string[];
  /** Reason text expected in the plan's unknown reasons (when unreadable). */
  reason?: RegExp;
  apply: ApplyOutcome;
}

const CASES: FaultCase[] = [
  { fault: 'host-down', target: HOST, readTarget: 'hall-web-02', unreadable: 'lab/host:hall-web-02/', names: ['host hall-web-02'], reason: /refused/, apply: 'refused' },
  { fault: 'auth-fail', target: HOST, readTarget: 'hall-web-03', unreadable: 'lab/host:hall-web-03/', names: ['host hall-web-03'], reason: /authentication .* failed/i, apply: 'refused' },
  { fault: 'hostkey-changed', target: HOST, readTarget: 'hall-web-04', unreadable: 'lab/host:hall-web-04/', names: ['host hall-web-04'], reason: /host key of hall-web-04 changed/i, apply: 'refused' },
  { fault: 'slow', target: `${HOST}:100`, readTarget: 'core-svc-01:300', names: [], apply: 'succeeded' },
  { fault: 'command-hangs', target: HOST, readTarget: 'hall-web-05', unreadable: 'lab/host:hall-web-05/', names: ['host hall-web-05'], reason: /timed out after 2000 ms/, apply: 'refused' },
  { fault: 'command-hangs', target: `${HOST}:mv`, readTarget: 'core-svc-02:mv', names: [], apply: 'rolled-back' },
  { fault: 'disk-full', target: `${HOST}:/`, readTarget: 'hall-web-06:/', names: [], apply: 'rolled-back' },
  { fault: 'wls-500', target: 'hall', readTarget: 'hall', unreadable: 'lab/weblogic:hall/', names: ['domain hall'], reason: /HTTP 500/, apply: 'refused' },
  { fault: 'activation-fails', target: 'hall', readTarget: 'query', names: [], apply: 'rolled-back' },
  { fault: 'db-down', target: 'coredb', readTarget: 'coredb', unreadable: 'lab/oracle:coredb/', names: ['database coredb'], reason: /ORA-01034/, apply: 'refused' },
];
/** The apply-phase target's unreadable prefix (apply targets are hall-web-01, hall, coredb). */
const applyScope = (c: FaultCase): string => (c.target === HOST ? `lab/host:${HOST}` : c.target === 'hall' ? 'lab/weblogic:hall' : 'lab/oracle:coredb');

const label = (c: FaultCase) => `${c.fault} --target ${c.target}`;
const EXIT: Record<ApplyOutcome, number> = { refused: 3, 'rolled-back': 1, succeeded: 0 };

describe.skipIf(!BUILT)('fault matrix: every lab fault × read/plan, inspect, apply (built CLI, in-process lab)', () => {
  let lab: Lab;
  let base: Plan;
  const baseFile = () => join(lab.dir, 'base.plan.json');
  const motd = () => labState(lab.dir).hosts[HOST]!.files[MOTD]!.content;
  let driftedMotd: string;
  let desiredMotd: string;

  async function fault<T>(c: FaultCase, body: () => Promise<T>): Promise<T> {
    const r = await lab.cli('lab', 'fault', c.fault, '--target', c.target);
    expect(r.code, r.stderr).toBe(0);
    try {
      return await body();
    } finally {
      expect((await lab.cli('lab', 'clear', c.fault)).code).toBe(0);
    }
  }

  async function planTo(name: string): Promise<{ code: number; stderr: string; stdout: string; plan: Plan }> {
    const file = join(lab.dir, `${name}.plan.json`);
    const r = await lab.cli('--now', NOW, 'plan', '--env', 'lab', '--detailed-exitcode', '--out', file);
    if (!existsSync(file)) throw new Error(`plan wrote no file (exit ${r.code}): ${r.stderr}`);
    return { ...r, plan: readPlan(file) };
  }

  /** Drift the lab and plan the four changes (before any fault). */
  async function planBase(): Promise<void> {
    desiredMotd = motd();
    for (const d of DRIFTS) expect((await lab.cli('lab', 'drift', d)).code).toBe(0);
    const r = await planTo('base');
    expect(r.code, r.stderr).toBe(2);
    base = r.plan;
    expect(changed(base).map((c) => c.address)).toEqual(BASE_CHANGES);
    driftedMotd = motd();
  }

  /** The lab is exactly where the plan found it: every planned address reads the same fingerprint. */
  async function expectUnchanged(): Promise<void> {
    const again = await planTo('again');
    expect(again.code, again.stderr).toBe(2);
    expect(changed(again.plan).map((c) => c.address)).toEqual(BASE_CHANGES);
    expect(again.plan.fingerprints).toEqual(base.fingerprints);
    expect(motd()).toBe(driftedMotd);
  }

  /** The lab objects the base plan changes (host, domain, database), as stored. */
  function touched(): unknown {
    const s = labState(lab.dir);
    return { host: s.hosts[HOST], domain: s.domains['hall'], database: s.databases['coredb'] };
  }

  async function expectNothingToRecover(): Promise<void> {
    const r = await lab.cli('recover', '--env', 'lab', '--resume', '--json');
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect((JSON.parse(r.stdout) as { refusals: { code: string }[] }).refusals.map((x) => x.code)).toEqual(['nothing-to-recover']);
  }

  beforeAll(async () => {
    lab = await startReliabilityLab(2);
    await planBase();
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  /** Every fault at once, each on its own read target (reads of different targets are independent). */
  async function allFaults<T>(body: () => Promise<T>): Promise<T> {
    for (const c of CASES) {
      const r = await lab.cli('lab', 'fault', c.fault, '--target', c.readTarget);
      expect(r.code, r.stderr).toBe(0);
    }
    try {
      return await body();
    } finally {
      for (const name of new Set(CASES.map((c) => c.fault))) await lab.cli('lab', 'clear', name);
    }
  }

  describe('read/plan: plan --env lab --detailed-exitcode with every fault active on its own target', () => {
    let run: { code: number; stderr: string; stdout: string; plan: Plan };
    beforeAll(async () => {
      run = await allFaults(() => planTo('read-faults'));
    }, 120_000);

    it('exit 1 (incomplete), the plan still written, a clear error on stderr; every drift outside the unreadable scopes still planned', () => {
      expect(run.code).toBe(1);
      expect(run.plan.complete).toBe(false);
      expectClearError(run.stderr);
      expect(run.stderr).toContain('apply will refuse it');
      expect(changed(run.plan).map((x) => x.address)).toEqual(BASE_CHANGES.filter((a) => !CASES.some((c) => c.unreadable && a.startsWith(c.unreadable))));
      const scoped = (a: string) => CASES.some((c) => c.unreadable && a.startsWith(c.unreadable)) || a.startsWith('lab/config-table:');
      expect(run.plan.unknown.filter((u) => !scoped(u.address))).toEqual([]);
    });

    for (const c of CASES) {
      it(`${c.fault} --target ${c.readTarget}: ${c.unreadable ? `${c.unreadable}* unknown with the reason, named on stderr` : 'its target is read in full'}`, () => {
        if (!c.unreadable) {
          const host = c.readTarget.split(':')[0]!;
          const prefix = host === 'query' ? 'lab/weblogic:query/' : `lab/host:${host}/`;
          expect(run.plan.unknown.filter((u) => u.address.startsWith(prefix))).toEqual([]);
          expect(run.plan.changes.some((x) => x.address.startsWith(prefix))).toBe(true);
          return;
        }
        const mine = run.plan.unknown.filter((u) => u.address.startsWith(c.unreadable!));
        expect(mine.length).toBeGreaterThan(0);
        for (const u of mine) expect(u.reason).toMatch(c.reason!);
        for (const u of mine.slice(0, 5)) expect(run.stderr).toContain(u.address);
        expectClearError(run.stderr, ...c.names);
      });
    }
  });

  describe('inspect: inspect --env lab --json with every fault active on its own target', () => {
    let code: number;
    let stderr: string;
    let out: { files: string[]; report: InspectionReport };
    beforeAll(async () => {
      const r = await allFaults(() => lab.cli('--now', NOW, 'inspect', '--env', 'lab', '--json', '--lang', 'en'));
      code = r.code;
      stderr = r.stderr;
      out = JSON.parse(r.stdout) as typeof out;
    }, 120_000);

    it('exit 2 (findings), the report files written, nothing on stderr that is a stack or "undefined"', () => {
      expect(code, stderr).toBe(2);
      expectClearError(stderr);
      expect(out.files.length).toBeGreaterThan(0);
      for (const f of out.files) expect(existsSync(join(lab.dir, f))).toBe(true);
      for (const u of out.report.unread) expectClearError(`${u.target}: ${u.reason}`);
    });

    for (const c of CASES) {
      it(`${c.fault} --target ${c.readTarget}: ${c.unreadable ? 'one unread entry naming the target with the reason, and a critical finding' : 'its target is read'}`, () => {
        const scope = c.unreadable?.replace(/\/$/, '');
        if (!scope) {
          const host = c.readTarget.split(':')[0]!;
          const target = host === 'query' ? 'lab/weblogic:query' : `lab/host:${host}`;
          expect(out.report.unread.filter((u) => u.target === target)).toEqual([]);
          if (c.fault === 'disk-full') expect(out.report.findings.some((f) => f.severity === 'critical' && f.message.en.includes(host))).toBe(true);
          return;
        }
        const mine = out.report.unread.filter((u) => u.target === scope);
        expect(mine.length, out.report.unread.map((u) => u.target).join(', ')).toBeGreaterThan(0);
        for (const u of mine) {
          expect(u.reason).toMatch(c.reason!);
          expect(u.checkIds.length).toBeGreaterThan(0);
        }
        const short = scope.replace(/^lab\//, '');
        expect(out.report.findings.some((f) => f.severity === 'critical' && f.message.en.includes(short))).toBe(true);
      });
    }
  });

  describe('apply: the saved plan (made before the fault) applied at NOW --yes while the fault is active', () => {
    for (const c of CASES) {
      it(`${label(c)}: exit ${EXIT[c.apply]} (${c.apply}); ${c.apply === 'succeeded' ? 'the change is made' : 'the lab is exactly as planned'}; no interrupted journal`, async () => {
        const before = new Set(journals(lab.dir));
        const snapshot = touched();
        const r = await fault(c, () => lab.cli('--now', NOW, 'apply', baseFile(), '--yes'));
        const text = r.stdout + r.stderr;
        expectClearError(text);
        expect(r.code, text).toBe(EXIT[c.apply]);
        if (c.apply === 'refused') {
          expect(r.stdout).toContain('REFUSED');
          expect(r.stdout).toContain('nothing was changed');
          expect(text).toContain(applyScope(c));
          expect(text).toMatch(/could not be re-read|cannot confirm/);
        } else {
          // Journaled: a new journal, written before the change, finished with the outcome.
          const added = journals(lab.dir).filter((f) => !before.has(f));
          expect(added.length).toBe(1);
          const records = journalRecords(added[0]!);
          expect(records[0]!.type).toBe('start');
          expect(records.filter((x) => x.type === 'intent').length).toBeGreaterThan(0);
          expect(records.at(-1)).toMatchObject({ type: 'finished', status: c.apply === 'succeeded' ? 'succeeded' : 'failed-rolled-back' });
          if (c.apply === 'rolled-back') {
            // The failing step is named: a `failed` record (apply/verify), or the finish message (prepare).
            expect(records.some((x) => x.type === 'failed') || /failed \(prepare\)/.test(records.at(-1)!.message ?? '')).toBe(true);
            expect(records.some((x) => x.type === 'rolled-back')).toBe(true);
            expect(text).toMatch(/rolled back|rolled-back/);
            // No half-written file left beside the managed one.
            expect(Object.keys(labState(lab.dir).hosts[HOST]!.files).filter((f) => f.endsWith('.opsctl-new'))).toEqual([]);
          }
        }
        await expectNothingToRecover();
        if (c.apply === 'succeeded') {
          expect(motd()).toBe(desiredMotd);
          const after = await planTo('after-success');
          expect(after.code, after.stderr).toBe(0);
          await lab.cli('lab', 'clear');
          await planBase();
        } else if (c.apply === 'refused') {
          // Refused before any step: the objects the plan touches are exactly as before.
          expect(touched()).toEqual(snapshot);
        } else {
          await expectUnchanged();
        }
      }, 90_000);
    }
  });

  describe('apply crashes (SIGKILL mid-apply, hall-web-01 slow): the journal is resumable', () => {
    async function crashMidApply(): Promise<void> {
      await lab.cli('lab', 'fault', 'slow', '--target', `${HOST}:400`);
      const before = new Set(journals(lab.dir));
      const mine = () => journals(lab.dir).find((f) => !before.has(f));
      const child = spawn(process.execPath, [CLI, '--repo', lab.dir, '--now', NOW, 'apply', baseFile(), '--yes'], { env: { ...process.env, [CANARY_ENV]: CANARY.env }, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Wait (event-driven polling, no timing assertion) until the file step is journaled as intent.
      for (;;) {
        const file = mine();
        const recs = file ? journalRecords(file) : [];
        if (recs.some((x) => x.type === 'intent' && x.step === `update:lab/host:${HOST}/file:${MOTD}`)) break;
        if (child.exitCode !== null) throw new Error('apply finished before it could be killed');
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await exited;
      await lab.cli('lab', 'clear', 'slow');
      const recs = journalRecords(mine()!);
      expect(recs.some((x) => x.type === 'finished')).toBe(false);
      // Not lost: the managed file is either old or new, never half-written.
      expect([driftedMotd, desiredMotd]).toContain(motd());
      // A new apply is refused until recovered.
      const again = await lab.cli('--now', NOW, 'apply', baseFile(), '--yes');
      expect(again.code).toBe(3);
      expect(again.stdout, again.stdout).toMatch(/lab is locked|interrupted/);
    }

    it('recover --resume finishes the apply: exit 0, then plan has no changes', async () => {
      await crashMidApply();
      const r = await lab.cli('--now', NOW, 'recover', '--env', 'lab', '--resume');
      expectClearError(r.stdout + r.stderr);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const after = await planTo('after-resume');
      expect(after.code, after.stderr).toBe(0);
      await expectNothingToRecover();
      await lab.cli('lab', 'clear');
      await planBase();
    }, 120_000);

    it('recover --rollback undoes it: exit 0, then the lab reads exactly as planned', async () => {
      await crashMidApply();
      const r = await lab.cli('--now', NOW, 'recover', '--env', 'lab', '--rollback');
      expectClearError(r.stdout + r.stderr);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      await expectUnchanged();
      await expectNothingToRecover();
    }, 120_000);
  });
});
