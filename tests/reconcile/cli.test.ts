// `opsctl reconcile` end to end (the built CLI, dist/ — run `npm run build` first) against a lab in
// a temp repository: exit 2 with exceptions, 0 when the lab's period is repaired to balance,
// 1 on errors; --json, --lang en, --playbook, --commit (one commit counting the exceptions);
// nothing printed or committed holds an unmasked 身份证号 or mobile.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdNo } from '../../src/lab/oracle/business/index.js';
import { leaks, personalValues } from './independent.js';
import { NOW, REPO, labRepo, type LabRepo, type LabRow } from './support.js';

const CLI = join(REPO, 'dist/cli/main.js');
let repo: LabRepo;
let secrets: string[];

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, '--repo', repo.root, '--now', NOW.toISOString(), 'reconcile', '--env', 'lab', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo.root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Repairs every injected mismatch of `period` in the lab's tables, so the period balances. */
function repair(period: string): void {
  const injected = repo.manifest.injectedMismatches.filter((m) => m.period === period);
  repo.store.update((s) => {
    const rk = s.databases.coredb!.tables['SBF.SBF_RK']!;
    const dz = s.databases.frontdb!.tables['SBFQZ.SBF_SB_DZ']!;
    const jk = s.databases.coredb!.tables['SBF.SBF_JK']!.rows;
    for (const m of injected) {
      const other = m.pair === 'treasury' ? rk : dz;
      const mine = (r: LabRow): boolean => r.VOUCHER_NO === m.voucherNo;
      if (m.class === 'one-side-only' && m.side === 'tax') {
        const src = jk.find(mine)!;
        const id: LabRow = m.pair === 'treasury' ? { FEEDBACK_ID: `RKFIX${m.voucherNo}`, TXN_TYPE: '入库' } : { DZ_ID: `DZFIX${m.voucherNo}`, STATUS: '到账' };
        other.rows.push(Object.fromEntries(other.columns.map((c) => [c, id[c] ?? src[c] ?? null])));
      } else if (m.class === 'one-side-only') other.rows = other.rows.filter((r) => !mine(r));
      else if (m.class === 'duplicate') other.rows = other.rows.filter((r, i, all) => !mine(r) || all.findIndex(mine) === i);
      else if (m.class === 'amount-mismatch') other.rows.find(mine)!.AMOUNT_FEN = m.taxAmountFen;
    }
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run npm run build');
  repo = labRepo();
  secrets = personalValues(repo.rows('coredb', 'SBF.SBF_PAYER'));
  git('init', '--quiet');
  git('config', 'user.email', 'ops@example.invalid');
  git('config', 'user.name', 'ops');
  git('commit', '--quiet', '--allow-empty', '-m', 'init');
}, 60_000);

afterAll(() => repo?.remove());

describe('opsctl reconcile', () => {
  it('exits 2 with the exceptions of a period, printing them masked, and writes the three files', () => {
    const r = run('--period', '2026-06');
    expect(r.err).toBe('');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^reconcile lab 2026-06: 6 exceptions \(3 one-side-only, 2 amount-mismatch, 1 duplicate\), 0 in transit, 2 refund\(s\), \d+ unpaid/);
    for (const m of repo.manifest.injectedMismatches.filter((x) => x.period === '2026-06')) expect(r.out).toContain(m.voucherNo);
    expect(leaks(r.out, secrets, isValidIdNo)).toEqual([]);
    for (const f of ['reconciliation.md', 'reconciliation.json', 'unpaid.csv']) expect(existsSync(join(repo.root, 'reports/lab/reconciliation/2026-06', f))).toBe(true);
  }, 120_000);

  it('--json --lang en --playbook prints the versioned report of one playbook', () => {
    const r = run('--period', '2026-01', '--json', '--lang', 'en', '--playbook', 'collection-vs-treasury');
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { files: string[]; report: { formatVersion: number; kind: string; pairs: Array<{ playbook: string; exceptions: unknown[] }>; summary: { mismatches: number } } };
    expect(doc.report).toMatchObject({ formatVersion: 1, kind: 'opsctl/reconciliation-report' });
    expect(doc.report.pairs.map((p) => p.playbook)).toEqual(['collection-vs-treasury']);
    expect(doc.report.summary.mismatches).toBe(4);
    expect(readFileSync(join(repo.root, doc.files[0]!), 'utf8')).toContain('# Social insurance fee reconciliation report');
    expect(leaks(r.out, secrets, isValidIdNo)).toEqual([]);
  }, 120_000);

  it('--commit makes one commit counting the exceptions, with masked content', () => {
    const r = run('--period', '2026-11', '--commit');
    expect(r.code).toBe(2);
    const message = git('log', '-1', '--format=%B');
    expect(message).toMatch(/^reconcile lab 2026-11: 6 exceptions \(3 one-side-only, 2 amount-mismatch, 1 duplicate\), 6 in transit, 2 refund\(s\), \d+ unpaid/);
    expect(message).toContain('Opsctl-Command: reconcile');
    expect(message).toContain('Opsctl-Exceptions: 6');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(
      ['reconciliation.json', 'reconciliation.md', 'unpaid.csv'].map((f) => `reports/lab/reconciliation/2026-11/${f}`),
    );
    expect(leaks(git('show', 'HEAD'), secrets, isValidIdNo)).toEqual([]);
  }, 120_000);

  it('exits 0 when the period balances (the lab repaired), listing in-transit and refunds apart', () => {
    repair('2026-03');
    const r = run('--period', '2026-03');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('账账相符，无差异');
    expect(r.out).toContain('冲正/退费');
  }, 120_000);

  it('exits 1 on errors: a bad period, an unknown playbook, an unknown environment', () => {
    expect(run('--period', '2026-13').code).toBe(1);
    const unknown = run('--period', '2026-06', '--playbook', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no reconciliation playbook "nope"');
    const r = spawnSync(process.execPath, [CLI, '--repo', repo.root, 'reconcile', '--env', 'nowhere', '--period', '2026-06'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
  }, 120_000);
});
