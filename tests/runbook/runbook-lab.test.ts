// Every runbook dry and for real against the lab, through the built CLI, with the condition
// created first; lab state asserted after; the rotated passwords (and the canaries) never in any
// output, report, commit or the lab's state file; a failed rotation restores the old password.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScenario, clearScenarios, openLabStore } from '../../src/lab/index.js';
import { passwordDigest } from '../../src/lab/state/password.js';
import { CANARY, type Lab } from '../scenario/support.js';
import { committedTexts, ID_NO, startGitLab } from '../datafix/support.js';
import { filesUnder, leakFinder } from '../support/leaks.js';

describe('opsctl playbook run against the lab', () => {
  let lab: Lab;
  const store = (): ReturnType<typeof openLabStore> => openLabStore(lab.dir);
  const secretStore = mkdtempSync(join(tmpdir(), 'opsctl-store-'));
  /** Every password a rotation set, for the sweep at the end. */
  const rotated: string[] = [];
  beforeAll(async () => {
    process.env.OPSCTL_SECRET_STORE = secretStore;
    lab = await startGitLab();
  }, 60_000);
  afterAll(async () => {
    delete process.env.OPSCTL_SECRET_STORE;
    await lab?.stop();
  });
  const run = async (name: string, ...args: string[]): Promise<{ code: number; json: { outcome: string; steps: Array<{ action: string; status: string; message: string; evidence: string[] }>; files: string[]; commit?: string } }> => {
    const r = await lab.cli('playbook', 'run', name, '--env', 'lab', '--json', ...args);
    expect(r.stdout, r.stderr).toMatch(/^\{/);
    return { code: r.code, json: JSON.parse(r.stdout) };
  };

  it('wls-server-hung: dry run changes nothing; executed: dumps, logs, restart, healthy', async () => {
    store().update((s) => { s.domains['hall']!.servers['hall_ms01']!.threads.stuck = 12; });
    const dry = await run('wls-server-hung', '--target', 'hall/hall_ms01');
    expect(dry.json.outcome).toBe('dry-run');
    expect(dry.json.steps.every((s) => s.status === 'dry-run')).toBe(true);
    expect(dry.json.commit).toBeUndefined();
    expect(store().read().domains['hall']!.servers['hall_ms01']!.threads.stuck).toBe(12);
    const real = await run('wls-server-hung', '--target', 'hall_ms01', '--execute');
    expect(real.json.outcome, JSON.stringify(real.json.steps)).not.toBe('failed');
    const restart = real.json.steps.find((s) => s.action === 'restart-server')!;
    expect(restart.status).toBe('ok');
    const srv = store().read().domains['hall']!.servers['hall_ms01']!;
    expect([srv.state, srv.threads.stuck]).toEqual(['RUNNING', 0]);
    expect(real.json.commit).toMatch(/^[0-9a-f]{40}$/);
  }, 120_000);

  it('tablespace-nearly-full: adds a datafile to the full tablespace', async () => {
    store().update((s) => { applyScenario(s, 'tablespace-full', { target: 'coredb/SBF_DATA' }); });
    const files = (): number => store().read().databases['coredb']!.tablespaces['SBF_DATA']!.datafiles.length;
    const n = files();
    expect((await run('tablespace-nearly-full')).json.outcome).toBe('dry-run');
    expect(files()).toBe(n);
    const real = await run('tablespace-nearly-full', '--target', 'coredb/SBF_DATA', '--execute');
    expect(real.json.steps.find((s) => s.action === 'add-datafile')!.status, JSON.stringify(real.json.steps)).toBe('ok');
    expect(files()).toBe(n + 1);
    expect(store().read().databases['coredb']!.tablespaces['SBF_DATA']!.datafiles.at(-1)!.path).toMatch(/^\+DATA\/SBFCORE\/datafile\/sbf_data_\d\d\.dbf$/);
  }, 120_000);

  it('listener-down: restarts a stopped listener', async () => {
    store().update((s) => { s.databases['coredb']!.listenerUp = false; });
    expect((await run('listener-down')).json.outcome).toBe('dry-run');
    expect(store().read().databases['coredb']!.listenerUp).toBe(false);
    const real = await run('listener-down', '--execute');
    expect(real.json.steps.find((s) => s.action === 'restart-listener')!.status, JSON.stringify(real.json.steps)).toBe('ok');
    expect(store().read().databases['coredb']!.listenerUp).toBe(true);
  }, 120_000);

  it('batch-deduction-stalled: resumes the stalled batch (and only it)', async () => {
    const batch = (id: string): Record<string, unknown> => store().read().databases['coredb']!.tables['SBF.SBF_PK_BATCH']!.rows.find((r) => r.BATCH_ID === id)!;
    const before = structuredClone(batch('PK202611001'));
    const other = structuredClone(batch('PK202611002'));
    expect((await run('batch-deduction-stalled')).json.outcome).toBe('dry-run');
    expect(batch('PK202611001')).toEqual(before);
    const real = await run('batch-deduction-stalled', '--execute');
    const resume = real.json.steps.find((s) => s.action === 'resume-batch')!;
    expect(resume.status, JSON.stringify(real.json.steps)).toBe('ok');
    expect(resume.message).toContain('PK202611001');
    expect(batch('PK202611001').STATUS).toBe('RUNNING');
    expect(String(batch('PK202611001').UPDATED_AT) > String(before.UPDATED_AT)).toBe(true);
    expect(batch('PK202611002')).toEqual(other);
    expect(real.json.steps.at(-1)!.status).toBe('ok');
  }, 120_000);

  it('log-cleanup: the dry run lists, --execute gzips and removes by the retention rules', async () => {
    const dir = '/applog/hall/hall_ms01';
    const day = 86_400_000;
    store().update((s) => {
      const h = s.hosts['hall-web-01']!;
      const file = (age: number) => ({ content: 'x\n', mode: '0640', owner: 'weblogic', group: 'weblogic', mtime: new Date(Date.now() - age * day).toISOString() });
      h.files[`${dir}/hall_ms01.log00001`] = file(40);
      h.files[`${dir}/hall_ms01.log00002`] = file(5);
      h.files[`${dir}/hall_ms01.log00003`] = file(1);
    });
    const dry = await run('log-cleanup', '--target', 'hall-web-01');
    expect(dry.json.outcome).toBe('dry-run');
    const listing = dry.json.steps[0]!.evidence.join('\n');
    expect(listing).toContain(`rm hall-web-01:${dir}/hall_ms01.log00001`);
    expect(listing).toContain(`gzip hall-web-01:${dir}/hall_ms01.log00002`);
    expect(listing).not.toContain('log00003');
    expect(Object.keys(store().read().hosts['hall-web-01']!.files).filter((f) => /hall_ms01\.log0000\d$/.test(f))).toHaveLength(3);
    await run('log-cleanup', '--target', 'hall-web-01', '--execute');
    const files = Object.keys(store().read().hosts['hall-web-01']!.files);
    expect(files).not.toContain(`${dir}/hall_ms01.log00001`);
    expect(files).toContain(`${dir}/hall_ms01.log00002.gz`);
    expect(files).toContain(`${dir}/hall_ms01.log00003`);
  }, 120_000);

  it('password-rotation of a data-source account: database, 12c (REST) and 10.3.6 (WLST) data sources, pools tested', async () => {
    const real = await run('password-rotation', '--target', 'coredb/SBF_APP', '--execute');
    const rotate = real.json.steps[0]!;
    expect(rotate.status, `${rotate.message}\n${rotate.evidence.join('\n')}`).toBe('ok');
    expect(rotate.message).toBe('SBF_APP on coredb rotated: 3 dependent data source(s) in 3 domain(s) updated and tested; value in store:oracle/lab/coredb/SBF_APP');
    const ev = rotate.evidence.join('\n');
    for (const d of ['bridge (wlst)', 'core (wlst)', 'hall (rest)']) expect(ev).toContain(`${d}: set the new password of CoreDS: password of CoreDS set, activated`);
    for (const s of ['bridge/CoreDS on bridge_ms01', 'core/CoreDS on core_ms06', 'hall/CoreDS on hall_ms06']) expect(ev).toContain(`${s}: testPool ok`);
    expect(ev).toContain('login as SBF_APP with the new password: ok');
    // The database account and every dependent data source hold the stored value; the old one is kept.
    const dir = join(secretStore, 'oracle/lab/coredb');
    expect(readdirSync(dir).filter((f) => f.startsWith('SBF_APP')).sort()).toEqual(['SBF_APP', 'SBF_APP.previous']);
    for (const f of ['SBF_APP', 'SBF_APP.previous']) expect(statSync(join(dir, f)).mode & 0o077).toBe(0);
    const value = readFileSync(join(dir, 'SBF_APP'), 'utf8').trim();
    expect(readFileSync(join(dir, 'SBF_APP.previous'), 'utf8').trim()).toBe(CANARY.oracle);
    const st = store().read();
    expect(st.databases['coredb']!.users['SBF_APP']!.passwordDigest).toBe(passwordDigest(value));
    for (const d of ['hall', 'core', 'bridge']) expect(st.domains[d]!.dataSources['CoreDS']!.passwordDigest, d).toBe(passwordDigest(value));
    // The WLST runs' 0600 files (admin password, the data source's new one) are gone from the admin hosts.
    expect(Object.values(st.hosts).flatMap((h) => Object.keys(h.files)).filter((f) => f.startsWith('/tmp/opsctl-'))).toEqual([]);
    rotated.push(value);
  }, 180_000);

  it('password-rotation with an activation that fails (hall): the old password is restored everywhere', async () => {
    const dir = join(secretStore, 'oracle/lab/coredb');
    const before = { current: readFileSync(join(dir, 'SBF_APP'), 'utf8'), previous: readFileSync(join(dir, 'SBF_APP.previous'), 'utf8') };
    store().update((s) => { applyScenario(s, 'activation-fails', { target: 'hall' }); });
    const r = await run('password-rotation', '--target', 'coredb/SBF_APP', '--execute');
    store().update((s) => { clearScenarios(s); });
    const rotate = r.json.steps[0]!;
    expect(r.code).toBe(1);
    expect(rotate.status).toBe('failed');
    expect(rotate.message).toMatch(/^rotation of SBF_APP on coredb failed at the data sources of hall: activation failed, edit cancelled, nothing changed: .*; the old password was restored everywhere \(database, 2 data source\(s\), store\)$/);
    const ev = rotate.evidence.join('\n');
    expect(ev).toContain('restore: ALTER USER SBF_APP back to the old password: ok');
    for (const d of ['bridge (wlst)', 'core (wlst)']) expect(ev).toContain(`${d}: restore the old password: password of CoreDS set, activated`);
    expect(ev).toContain('hall/CoreDS on hall_ms01: testPool ok');
    expect(ev).toContain('restore: login with the old password: ok');
    // Store, database and every data source as before the run.
    expect(readdirSync(dir).filter((f) => f.startsWith('SBF_APP')).sort()).toEqual(['SBF_APP', 'SBF_APP.previous']);
    expect({ current: readFileSync(join(dir, 'SBF_APP'), 'utf8'), previous: readFileSync(join(dir, 'SBF_APP.previous'), 'utf8') }).toEqual(before);
    const digest = passwordDigest(before.current.trim());
    const st = store().read();
    expect(st.databases['coredb']!.users['SBF_APP']!.passwordDigest).toBe(digest);
    for (const d of ['hall', 'core', 'bridge']) {
      expect(st.domains[d]!.dataSources['CoreDS']!.passwordDigest, d).toBe(digest);
      expect(st.domains[d]!.edit, d).toEqual({ lockedBy: null, pending: [] });
    }
  }, 180_000);

  it('password-rotation: ALTER USER, secret store, login verified; the value appears nowhere else', async () => {
    store().update((s) => { s.databases['coredb']!.users['OPSMON']!.passwordChangedDaysAgo = 80; });
    expect((await run('password-rotation', '--target', 'coredb/OPSMON')).json.outcome).toBe('dry-run');
    expect(store().read().databases['coredb']!.users['OPSMON']!.passwordChangedDaysAgo).toBe(80);
    const real = await run('password-rotation', '--target', 'coredb/OPSMON', '--execute');
    const rotate = real.json.steps[0]!;
    expect(rotate.status, rotate.message).toBe('ok');
    expect(rotate.evidence.join('\n')).toContain('login as OPSMON with the new password: ok');
    expect(store().read().databases['coredb']!.users['OPSMON']!.passwordChangedDaysAgo).toBe(0);
    const path = join(secretStore, 'oracle/lab/coredb/OPSMON');
    expect(statSync(path).mode & 0o077).toBe(0);
    const password = readFileSync(path, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    // The connect account of coredb itself: ALTER USER as the account (REPLACE), then the login.
    expect(rotate.evidence.join('\n')).toContain('ALTER USER OPSMON IDENTIFIED BY (new): ok');
    // The canary sweep (tests/support/leaks.ts) for every password set here and the canaries:
    // verbatim, base64, hex — in every output, file under reports/ and .opsctl/, commit, and the lab's state.
    const leaks = leakFinder({ ...CANARY, ...Object.fromEntries([password, ...rotated].map((v, i) => [`rotated ${i + 1}`, v])) });
    const texts = [
      ...lab.outputs.map((t, i) => ({ path: `output #${i}`, text: t })),
      ...committedTexts(lab.dir).map((t, i) => ({ path: `commit text #${i}`, text: t })),
      ...filesUnder(join(lab.dir, 'reports')), ...filesUnder(join(lab.dir, '.opsctl')), ...filesUnder(join(lab.dir, '.lab')).filter((f) => f.path.endsWith('state.json')),
    ];
    expect(texts.some((t) => t.path.endsWith('.lab/state.json'))).toBe(true);
    expect(leaks('control', `x${Buffer.from(password).toString('base64')}x`)).toEqual(['control: rotated 1 (base64)']);
    expect(texts.flatMap((t) => leaks(t.path, t.text))).toEqual([]);
    // Personal data: the records and outputs are masked (the lab's state and the evidence kept outside git are not).
    for (const t of texts.filter((x) => !x.path.includes(`${lab.dir}/.`))) expect(t.text, t.path).not.toMatch(ID_NO);
  }, 120_000);

  it('every run, dry or executed, is recorded', () => {
    const recs = readdirSync(join(lab.dir, 'reports/lab/runbooks')).filter((f) => f.endsWith('.json'));
    for (const name of ['wls-server-hung', 'tablespace-nearly-full', 'listener-down', 'batch-deduction-stalled', 'log-cleanup', 'password-rotation']) {
      expect(recs.filter((f) => f.includes(name) && f.endsWith('-dry.json')).length, name).toBeGreaterThanOrEqual(1);
      expect(recs.filter((f) => f.includes(name) && !f.endsWith('-dry.json')).length, name).toBeGreaterThanOrEqual(1);
    }
  });
});
