// Data fix against the lab, through the built CLI: refused without approval, applied with it,
// rolled back to a byte-identical before-image; no unmasked 身份证号 anywhere.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabStore } from '../../src/lab/index.js';
import { imageCsv, imagesDigest, sha256 } from '../../src/datafix/index.js';
import { CANARY, type Lab } from '../scenario/support.js';
import { committedTexts, ID_NO, startGitLab } from './support.js';

const FILE = 'playbooks/data-fixes/payer-agreement-closed-account.yaml';
const IDS = ['1321000001', '1321000004'];

describe('opsctl datafix against the lab', () => {
  let lab: Lab;
  let before: Array<Record<string, unknown>>;
  const payers = (): Array<Record<string, unknown>> => openLabStore(lab.dir).read().databases['coredb']!.tables['SBF.SBF_PAYER']!.rows.filter((r) => IDS.includes(String(r.PAYER_ID)));
  beforeAll(async () => {
    lab = await startGitLab();
    before = structuredClone(payers());
  }, 60_000);
  afterAll(async () => lab?.stop());

  it('plans: counts, masked rows, the change, its rollback, approvals missing', async () => {
    const r = await lab.cli('datafix', 'plan', join(lab.dir, FILE), '--env', 'lab');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pre-check: 2 rows (expected 2)');
    expect(r.stdout).toContain('1. UPDATE SBF.SBF_PAYER SET AGREEMENT = :ended');
    expect(r.stdout).toContain('expect 2 rows · affected now: 2');
    expect(r.stdout).toContain('before-image of SBF.SBF_PAYER (personal data masked): 2 rows');
    expect(r.stdout).toContain('missing 待审批: 主管部门, 业务部门');
    expect(r.stdout).toMatch(/rollback: 2 statement\(s\)/);
    expect(r.stdout).toMatch(/"ID_NO":"\d{3}\*{11}[\dX]{4}"/);
    expect(r.stdout).not.toMatch(ID_NO);
  }, 60_000);

  it('refuses to apply without the approvals (exit 3) and changes nothing', async () => {
    const r = await lab.cli('datafix', 'apply', join(lab.dir, FILE), '--env', 'lab');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('approvals missing');
    expect(payers()).toEqual(before);
  }, 60_000);

  it('applies with the approvals: before-image outside git, one transaction, record committed', async () => {
    expect((await lab.cli('datafix', 'approve', join(lab.dir, FILE), '--role', '主管部门', '--name', '张处长')).code).toBe(0);
    expect((await lab.cli('datafix', 'approve', join(lab.dir, FILE), '--role', '主管部门', '--name', '又一人')).code).toBe(1);
    expect((await lab.cli('datafix', 'approve', join(lab.dir, FILE), '--role', '业务部门', '--name', '张处长')).code).toBe(1);
    const second = await lab.cli('datafix', 'approve', join(lab.dir, FILE), '--role', '业务部门', '--name', '李科长');
    expect(second.code, second.stderr).toBe(0);
    // Each approval is its own commit of the file alone, with trailers; nothing left uncommitted.
    const git = (...a: string[]): string => execFileSync('git', a, { cwd: lab.dir, encoding: 'utf8' });
    expect(git('status', '--porcelain')).toBe('');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(FILE);
    const message = git('log', '-1', '--format=%B');
    expect(message).toMatch(/^approve data fix payer-agreement-closed-account: 业务部门 李科长/);
    expect(message).toContain('Opsctl-DataFix: payer-agreement-closed-account');
    expect(message).toContain('Approved-By: 业务部门: 李科长');
    expect(message).toMatch(/Opsctl-DataFix-Sha256: [0-9a-f]{64}/);
    expect(git('log', '-2', '--format=%(trailers:key=Approved-By,valueonly)').trim().split(/\n+/)).toEqual(['业务部门: 李科长', '主管部门: 张处长']);
    const r = await lab.cli('datafix', 'apply', join(lab.dir, FILE), '--env', 'lab', '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as { outcome: string; changes: Array<{ rowsAffected: number }>; beforeImage: { sha256: string; vault: string; tables: Array<{ sha256: string }> }; commit: string; files: string[] };
    expect(run.outcome).toBe('applied');
    expect(run.changes.map((c) => c.rowsAffected)).toEqual([2]);
    expect(run.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const p of payers()) expect([p.AGREEMENT, p.BANK_ACCOUNT]).toEqual(['N', null]);
    const csv = readFileSync(join(run.beforeImage.vault, 'SBF.SBF_PAYER.csv'), 'utf8');
    expect(sha256(csv)).toBe(run.beforeImage.tables[0]!.sha256);
    expect(imagesDigest([{ table: 'SBF.SBF_PAYER', sha256: sha256(csv) }])).toBe(run.beforeImage.sha256);
    expect(csv).toMatch(ID_NO);
    expect(run.beforeImage.vault.startsWith(join(lab.dir, '.opsctl'))).toBe(true);
    expect(statSync(join(run.beforeImage.vault, 'SBF.SBF_PAYER.csv')).mode & 0o077).toBe(0);
    const recorded = JSON.parse(readFileSync(join(lab.dir, run.files[0]!), 'utf8')) as { beforeImage: { sha256: string; vault?: string } };
    expect(recorded.beforeImage.sha256).toBe(run.beforeImage.sha256);
    expect(recorded.beforeImage.vault).toBeUndefined();
  }, 60_000);

  it('a second apply is refused: the pre-check no longer counts 2', async () => {
    const r = await lab.cli('datafix', 'apply', join(lab.dir, FILE), '--env', 'lab');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('pre-check counts 0 rows');
  }, 60_000);

  it('rolls back to a byte-identical before-image', async () => {
    const r = await lab.cli('datafix', 'rollback', join(lab.dir, FILE), '--env', 'lab', '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const run = JSON.parse(r.stdout) as { outcome: string; beforeImage: { sha256: string; tables: Array<{ sha256: string }> } };
    expect(run.outcome).toBe('rolled-back');
    expect(payers()).toEqual(before);
    const columns = Object.keys(before[0]!);
    expect(sha256(imageCsv({ columns, rows: before as never }))).toBe(run.beforeImage.tables[0]!.sha256);
  }, 60_000);

  it('a fix of three changes on two tables: approved, applied in one transaction, rolled back', async () => {
    const multi = join(lab.dir, 'playbooks/data-fixes/treasury-2026-10-corrections.yaml');
    for (const [role, name] of [['主管部门', '张处长'], ['业务部门', '王科长']]) expect((await lab.cli('datafix', 'approve', multi, '--role', role!, '--name', name!)).code).toBe(0);
    const applied = await lab.cli('datafix', 'apply', multi, '--env', 'lab');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('applied: 3 change(s), 3 rows changed and committed in one transaction; counts verified');
    expect(applied.stdout).toMatch(/2 rows in 2 table\(s\), kept outside git/);
    const back = await lab.cli('datafix', 'rollback', multi, '--env', 'lab');
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain('rolled back: 2 rows in 2 table(s) byte-identical to the before-image, 1 inserted row(s) removed');
  }, 120_000);

  it('no unmasked 身份证号 (nor a canary password) in any output, report or commit', () => {
    // The data-fix files are authored input (in the seed commit already; an approval commit only
    // appends an approval): their 18-digit 电子税票号码 are not personal data.
    const texts = [...lab.outputs, ...committedTexts(lab.dir, (f) => f.startsWith('playbooks/data-fixes/'))];
    const reports = join(lab.dir, 'reports/lab/datafix');
    expect(readdirSync(reports).sort()).toEqual(['payer-agreement-closed-account', 'treasury-2026-10-corrections']);
    for (const f of readdirSync(reports, { recursive: true, encoding: 'utf8' })) if (f.endsWith('.md') || f.endsWith('.json')) texts.push(readFileSync(join(reports, f), 'utf8'));
    for (const t of texts) {
      expect(t).not.toMatch(ID_NO);
      for (const c of Object.values(CANARY)) expect(t).not.toContain(c);
    }
  });
});
