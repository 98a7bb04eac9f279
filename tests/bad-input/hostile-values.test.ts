/**
 * Bad input (issue 8 item 3): hostile VALUES driven through the lab's real shell parsing and its
 * sqlplus (binds). A temp copy of the repository with the lab served from this process
 * (tests/scenario/support.ts); AFTER the lab was reset to the desired state, the lab overlay gains
 * a managed file whose content holds shell metacharacters, quotes and a newline, a cron entry
 * whose command holds them too, and config-table rows whose key and values hold SQL quotes and
 * `/ # , = %`. validate, plan (the changes appear), apply inside a window; then the lab state must
 * hold EXACTLY those values, nothing else may have changed (no injected command ran, no table
 * dropped), and a re-plan has no changes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import type { LabHost, LabState } from '../../src/lab/state/types.js';
import { CLI, startScenarioLab, type Lab } from '../scenario/support.js';

const NOW = '2026-11-28T22:00:00+08:00';
const HOST = 'hall-web-01';

/** Every shell hazard at once: quote break-out, command substitution both ways, a newline, globs, redirects. */
const PAYLOAD = `'; rm -rf / # "$(touch /tmp/pwned-dollar)" \`touch /tmp/pwned-backtick\` \\ $HOME * ?\nsecond line; touch /tmp/pwned-newline > /tmp/pwned-redirect & | %s %%`;
const TEMPLATE = 'zz-hostile/payload.ejs';
const FILE_PATH = '/etc/opsctl-hostile.conf';
const FILE_CONTENT = `# managed by opsctl (bad-input suite)\npayload=${PAYLOAD}\nend\n`;

/** A cron command full of shell syntax (no newline: a crontab line cannot hold one; no bare %: cron's stdin marker). */
const CRON_NAME = 'zz-hostile';
const CRON_SCHEDULE = '15 4 * * *';
const CRON_COMMAND = `/usr/bin/echo '; rm -rf / #' "$(touch /tmp/pwned-cron)" \`touch /tmp/pwned-cron-bt\` "it's" > /dev/null 2>&1; touch /tmp/pwned-cron-tail`;

const SQL = "O'Brien'); DROP TABLE x;--";
const TABLE = 'SBF.T_XT_DMCS';
const ROWS = [
  { CSBM: 'ZZ/K#1,a=b%', CSMC: SQL, CSZ: SQL, YXBZ: 'Y', BZ: "'; rm -rf / # $(id) `id`" },
  { CSBM: "ZZ'); DROP TABLE T_XT_DMCS;--", CSMC: '奥布赖恩 O\'Brien', CSZ: '%_\\%', YXBZ: 'N', BZ: null },
];

const changed = (plan: Plan) => plan.changes.filter((c) => c.action !== 'noop');

function withoutFile(h: LabHost, path: string): LabHost {
  const files = { ...h.files };
  delete files[path];
  return { ...h, files, crontab: { ...h.crontab } };
}

const LEASE = /^\/var\/opt(\/opsctl(\/.*)?)?$/;
function withoutLease(h: LabHost): LabHost {
  return { ...h, dirs: h.dirs.filter((d) => !LEASE.test(d)), files: Object.fromEntries(Object.entries(h.files).filter(([f]) => !LEASE.test(f))) };
}

describe.skipIf(!existsSync(CLI))('hostile values through the lab shell and sqlplus (built CLI, in-process lab)', () => {
  let lab: Lab;
  let before: LabState;
  let n = 0;

  async function plan(): Promise<{ code: number; plan: Plan; out: string }> {
    const file = join(lab.dir, `h${++n}.plan.json`);
    const r = await lab.cli('plan', '--env', 'lab', '--detailed-exitcode', '--out', file);
    if (!existsSync(file)) throw new Error(`plan wrote no file (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
    return { code: r.code, plan: JSON.parse(readFileSync(file, 'utf8')) as Plan, out: file };
  }

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
    // The lab is reset to the repository's desired state; only now does the overlay gain the hostile values.
    before = structuredClone(openLabStore(lab.dir).read());
    mkdirSync(join(lab.dir, 'templates/zz-hostile'), { recursive: true });
    writeFileSync(join(lab.dir, 'templates', TEMPLATE), '# managed by opsctl (bad-input suite)\npayload=<%- payload %>\nend\n');
    mkdirSync(join(lab.dir, 'desired-state/lab/hosts'), { recursive: true });
    writeFileSync(
      join(lab.dir, 'desired-state/lab/hosts/zz-hostile.yaml'),
      stringify({
        apiVersion: 'opsctl/v1',
        kind: 'HostProfile',
        name: 'zz-hostile',
        appliesTo: { hosts: [HOST] },
        files: [{ path: FILE_PATH, template: TEMPLATE, vars: { payload: PAYLOAD }, mode: '0644', owner: 'root', group: 'system' }],
        cron: [{ name: CRON_NAME, user: 'root', schedule: CRON_SCHEDULE, command: CRON_COMMAND }],
      }),
    );
    mkdirSync(join(lab.dir, 'desired-state/lab/config-tables'), { recursive: true });
    writeFileSync(join(lab.dir, 'desired-state/lab/config-tables/code-parameter.yaml'), stringify({ apiVersion: 'opsctl/v1', kind: 'ConfigTable', name: 'code-parameter', rows: ROWS }));
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('validate accepts the hostile values (they are data, not syntax)', async () => {
    const r = await lab.cli('validate');
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 60_000);

  it('plan shows the file, the cron entry and both rows; apply writes them; the lab holds exactly those values; nothing else changed; re-plan is empty', async () => {
    const p = await plan();
    expect(p.code, JSON.stringify(p.plan.diagnostics)).toBe(2);
    const addrs = changed(p.plan).map((c) => c.address);
    expect(addrs.some((a) => a.startsWith(`lab/host:${HOST}/`) && a.includes(FILE_PATH)), addrs.join('\n')).toBe(true);
    expect(addrs.some((a) => a.startsWith(`lab/host:${HOST}/`) && a.includes(CRON_NAME)), addrs.join('\n')).toBe(true);
    expect(addrs.filter((a) => a.includes('T_XT_DMCS') || a.includes('code-parameter')), addrs.join('\n')).toHaveLength(2);
    expect(changed(p.plan), addrs.join('\n')).toHaveLength(4);

    const r = await lab.cli('--now', NOW, 'apply', p.out, '--yes');
    expect(r.code, r.stdout + r.stderr).toBe(0);

    const after = openLabStore(lab.dir).read();
    const host = after.hosts[HOST]!;
    // The file: byte for byte the rendered template, with the requested attributes.
    expect(host.files[FILE_PATH]?.content).toBe(FILE_CONTENT);
    expect(host.files[FILE_PATH]).toMatchObject({ mode: '0644', owner: 'root', group: 'system' });
    // The crontab: the marker and the line, verbatim, appended after root's existing lines.
    expect(host.crontab['root']).toEqual([...(before.hosts[HOST]!.crontab['root'] ?? []), `# opsctl: ${CRON_NAME}`, `${CRON_SCHEDULE} ${CRON_COMMAND}`]);
    // Nothing else on that host changed: no /tmp/pwned-*, no other file, the other crontabs as they were.
    expect(Object.keys(host.files).filter((f) => /pwned|^\/tmp\/x$/.test(f))).toEqual([]);
    expect(Object.keys(host.files).filter((f) => !(f in before.hosts[HOST]!.files))).toEqual([FILE_PATH]);
    const { root: _a, ...otherTabsAfter } = host.crontab;
    const { root: _b, ...otherTabsBefore } = before.hosts[HOST]!.crontab;
    expect(otherTabsAfter).toEqual(otherTabsBefore);
    expect(withoutFile({ ...host, crontab: {} }, FILE_PATH).files).toEqual(withoutFile({ ...before.hosts[HOST]!, crontab: {} }, FILE_PATH).files);
    expect(host.dirs).toEqual(before.hosts[HOST]!.dirs);
    // Every other host exactly as it was.
    // (The apply's remote lease lives under /var/opt/opsctl on the lock host, src/engine/lock/remote.ts: set aside.)
    for (const name of Object.keys(before.hosts)) if (name !== HOST) expect(withoutLease(after.hosts[name]!), name).toEqual(withoutLease(before.hosts[name]!));

    // The table still exists, with exactly two more rows holding exactly those values; every other table as it was.
    const db = after.databases['coredb']!;
    const tBefore = before.databases['coredb']!.tables[TABLE]!;
    const tAfter = db.tables[TABLE];
    expect(tAfter).toBeDefined();
    expect(tAfter!.rows).toHaveLength(tBefore.rows.length + 2);
    for (const row of ROWS) expect(tAfter!.rows.filter((r) => r['CSBM'] === row.CSBM)).toEqual([row]);
    expect(tAfter!.rows.filter((r) => !ROWS.some((x) => x.CSBM === r['CSBM']))).toEqual(tBefore.rows);
    expect(Object.keys(db.tables).sort()).toEqual(Object.keys(before.databases['coredb']!.tables).sort());
    for (const t of Object.keys(db.tables)) if (t !== TABLE) expect(db.tables[t], t).toEqual(before.databases['coredb']!.tables[t]);
    for (const name of Object.keys(before.databases)) if (name !== 'coredb') expect(after.databases[name], name).toEqual(before.databases[name]);

    const again = await plan();
    expect(again.code, JSON.stringify(changed(again.plan).map((c) => c.address))).toBe(0);
  }, 240_000);

  it('a managed file whose PATH holds a space, a quote and $(…): created at exactly that path, nothing else; re-plan empty', async () => {
    const path = "/etc/opsctl hostile $(id) it's `id`.conf";
    const doc = join(lab.dir, 'desired-state/lab/hosts/zz-hostile.yaml');
    const profile = parse(readFileSync(doc, 'utf8')) as { files: Array<Record<string, unknown>> };
    profile.files.push({ path, template: TEMPLATE, vars: { payload: 'plain' }, mode: '0600', owner: 'root', group: 'system' });
    writeFileSync(doc, stringify(profile));
    const start = structuredClone(openLabStore(lab.dir).read());
    expect((await lab.cli('validate')).code).toBe(0);
    const p = await plan();
    expect(changed(p.plan).map((c) => c.address)).toHaveLength(1);
    const r = await lab.cli('--now', NOW, 'apply', p.out, '--yes');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const host = openLabStore(lab.dir).read().hosts[HOST]!;
    expect(host.files[path]).toMatchObject({ content: '# managed by opsctl (bad-input suite)\npayload=plain\nend\n', mode: '0600', owner: 'root', group: 'system' });
    expect(Object.keys(host.files).filter((f) => !(f in start.hosts[HOST]!.files))).toEqual([path]);
    expect(host.dirs).toEqual(start.hosts[HOST]!.dirs);
    const again = await plan();
    expect(again.code, JSON.stringify(changed(again.plan).map((c) => c.address))).toBe(0);
  }, 240_000);

  // Found by this suite (docs/reliability.md "Bugs found"): a newline in a cron command used to
  // pass validate and become a second, UNMARKED crontab line that rollback left behind. The
  // schema (src/model/schema/host.ts, CronEntry.command) now refuses CR/LF.
  it('a cron command holding a NEWLINE is refused by validate (it would become a second, unmarked crontab line)', async () => {
    const doc = join(lab.dir, 'desired-state/lab/hosts/zz-newline.yaml');
    writeFileSync(
      doc,
      stringify({
        apiVersion: 'opsctl/v1',
        kind: 'HostProfile',
        name: 'zz-newline',
        appliesTo: { hosts: [HOST] },
        cron: [{ name: 'zz-newline', user: 'root', schedule: '0 5 * * *', command: '/usr/bin/true\n* * * * * touch /tmp/pwned-cron-newline' }],
      }),
    );
    try {
      const r = await lab.cli('validate');
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/zz-newline\.yaml:\d+:\d+: error:/);
    } finally {
      rmSync(doc);
    }
  }, 60_000);
});
