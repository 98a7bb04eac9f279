/**
 * A sql-migration release end to end against the lab (built CLI, in-process lab, temp git
 * repository): `plan --release coredb-2026.11.1` plans the history table and the two scripts;
 * apply runs the real scripts through sqlplus and records them in SBF_SCHEMA_HISTORY; the
 * column and the index are in the catalogue; re-planning shows nothing pending; `rollback
 * --release` runs the rollback scripts in reverse and removes the rows (and the table it made).
 * Failures: a release whose second script fails exits 1 with the first rolled back by its
 * rollback script; a changed script of an applied release is refused, naming both checksums.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import { sqlplusCommand } from '../../src/lab/oracle/index.js';
import { CLI, ROOT, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const RELEASE = 'coredb-2026.11.1';
const MANIFEST = readFileSync(join(ROOT, 'releases', RELEASE, 'release.yaml'), 'utf8');
const sha = (name: string): string => new RegExp(`- name: ${name}\\n\\s+path: .*\\n\\s+sha256: ([0-9a-f]{64})`).exec(MANIFEST)![1]!;
const SHA_001 = sha('sql-001');
const SHA_002 = sha('sql-002');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe.skipIf(!existsSync(CLI))('sql-migration release against the lab', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  /** One SELECT through the lab's sqlplus on coredb (as SYSDBA on its first host), rows as CSV lines. */
  async function sql(query: string): Promise<string[]> {
    const r = await sqlplusCommand(['sqlplus', '-s', '/', 'as', 'sysdba'], {
      store: openLabStore(lab.dir), host: 'coredb-01', user: 'oracle', now: new Date(IN_WINDOW), env: { ORACLE_SID: 'SBFCORE1' }, cwd: '/',
      stdin: `SET MARKUP CSV ON\nSET FEEDBACK OFF\nWHENEVER SQLERROR EXIT SQL.SQLCODE\n${query}\nEXIT\n`,
    });
    return r.stdout.trim().split('\n').filter((l) => l !== '');
  }
  const column = () => sql("SELECT COUNT(*) AS N FROM DBA_TAB_COLUMNS WHERE OWNER='SBF' AND TABLE_NAME='T_PK_PCMX' AND COLUMN_NAME='CSCS';");
  const index = () => sql("SELECT STATUS FROM DBA_INDEXES WHERE OWNER='SBF' AND INDEX_NAME='IDX_JFXX_FKSSQ_XZ';");
  const history = () => sql('SELECT SCRIPT_ID, CHECKSUM, RELEASE_NAME FROM SBF_SCHEMA_HISTORY ORDER BY SCRIPT_ID;');

  async function plan(release: string, file: string, ...more: string[]): Promise<{ code: number; out: string; plan?: Plan }> {
    const p = await lab.cli('plan', '--env', 'lab', '--release', release, '--out', join(lab.dir, file), ...more);
    return { code: p.code, out: `${p.stdout}\n${p.stderr}`, ...(existsSync(join(lab.dir, file)) ? { plan: JSON.parse(readFileSync(join(lab.dir, file), 'utf8')) as Plan } : {}) };
  }

  it('plan → apply → catalogue and history → re-plan clean → rollback', async () => {
    expect(await column()).toEqual(['"N"', '0']);
    // The lab (tier lab) needs no approvals; the release's roles approve as they would for production.
    for (const [role, name] of [['主管部门', '示例审批人甲'], ['业务部门', '示例审批人乙']]) {
      const ap = await lab.cli('--now', IN_WINDOW, 'approve', RELEASE, '--role', role!, '--name', name!);
      expect(ap.code, `${ap.stdout}\n${ap.stderr}`).toBe(0);
    }
    const p = await plan(RELEASE, 'migration.plan.json');
    expect(p.code, p.out).toBe(0);
    const changed = p.plan!.changes.filter((c) => c.action !== 'noop');
    expect(changed.map((c) => `${c.action} ${c.address}`)).toEqual([
      'create lab/oracle:coredb/migration:001_pk_batch_retry_count',
      'create lab/oracle:coredb/migration:002_idx_jfxx_fkssq',
      'create lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY',
    ]);
    expect(p.plan!.steps.map((s) => s.id)).toEqual([
      'create:lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY',
      'create:lab/oracle:coredb/migration:001_pk_batch_retry_count',
      'create:lab/oracle:coredb/migration:002_idx_jfxx_fkssq',
    ]);
    expect(p.plan!.steps.every((s) => s.reversible)).toBe(true);
    expect(p.out).toMatch(/migration:001_pk_batch_retry_count/);

    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'migration.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);
    expect(a.stderr).toMatch(/ran 001_pk_batch_retry_count \(2\/2 statement\(s\)/);
    expect(await column()).toEqual(['"N"', '1']);
    expect(await index()).toEqual(['"STATUS"', '"VALID"']);
    expect(await history()).toEqual([
      '"SCRIPT_ID","CHECKSUM","RELEASE_NAME"',
      `"001_pk_batch_retry_count","${SHA_001}","${RELEASE}"`,
      `"002_idx_jfxx_fkssq","${SHA_002}","${RELEASE}"`,
    ]);
    const rows = openLabStore(lab.dir).read().databases.coredb!.tables['OPSMON.SBF_SCHEMA_HISTORY']!.rows;
    // The run's clock (--now), the journal's apply id and the plan's digest, and who ran it.
    expect(rows.every((r) => String(r.PLAN_ID).startsWith('sha256:') && /^\d{8}T\d{6}Z-[0-9a-f]{6}$/.test(String(r.APPLY_ID)) && String(r.APPLIED_AT).startsWith('2026-11-28T14:') && String(r.APPLIED_BY).includes('@'))).toBe(true);
    expect(`${a.stdout}${a.stderr}`).not.toMatch(/apply record was not committed/);
    const records = execFileSync('git', ['log', '--format=%H', '--grep', `Opsctl-Release: ${RELEASE}`], { cwd: lab.dir, encoding: 'utf8' }).trim().split('\n');
    const recordPath = execFileSync('git', ['show', '--name-only', '--format=', records[0]!], { cwd: lab.dir, encoding: 'utf8' }).split('\n').find((f) => f.endsWith('record.json'))!;
    const record = JSON.parse(readFileSync(join(lab.dir, recordPath), 'utf8')) as { outcome: string; approvals: Array<{ role: string }>; addresses: string[] };
    expect(record.outcome).toBe('succeeded');
    expect(record.approvals.map((x) => x.role).sort()).toEqual(['业务部门', '主管部门'].sort());
    expect(record.addresses).toContain('lab/oracle:coredb/migration:002_idx_jfxx_fkssq');
    expect(rows.map((r) => r.ROLLBACK_CHECKSUM)).toEqual([sha('sql-001-rollback'), sha('sql-002-rollback')]);

    const again = await lab.cli('plan', '--env', 'lab', '--release', RELEASE, '--detailed-exitcode');
    expect(again.code, `${again.stdout}\n${again.stderr}`).toBe(0);

    const rb = await lab.cli('--now', IN_WINDOW, 'rollback', '--env', 'lab', '--release', RELEASE);
    expect(rb.code, `${rb.stdout}\n${rb.stderr}`).toBe(0);
    expect(rb.stderr).toMatch(/rolled back 002_idx_jfxx_fkssq[\s\S]*rolled back 001_pk_batch_retry_count/);
    expect(await column()).toEqual(['"N"', '0']);
    expect(await index()).toEqual([]);
    expect((await history()).join('\n')).toMatch(/ORA-00942/);
  }, 300_000);

  it('a second script that fails: exit 1, the first rolled back by its rollback script', async () => {
    const dir = join(lab.dir, 'releases', 'coredb-failing-2026.11.9');
    mkdirSync(join(dir, 'sql'), { recursive: true });
    const files: Record<string, string> = {
      'sql/001_add_flag.sql': "-- test: adds a flag\nALTER TABLE SBF.T_PK_PCMX ADD (TEST_FLAG VARCHAR2(1) DEFAULT 'N' NOT NULL);\n",
      'sql/001_add_flag_rollback.sql': 'ALTER TABLE SBF.T_PK_PCMX DROP COLUMN TEST_FLAG;\n',
      'sql/002_bad_index.sql': 'CREATE INDEX SBF.IDX_TEST_BAD ON SBF.T_NO_SUCH_TABLE (A);\n',
      'sql/002_bad_index_rollback.sql': 'DROP INDEX SBF.IDX_TEST_BAD;\n',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    const art = (name: string, f: string) => `  - name: ${name}\n    path: ${f}\n    sha256: ${sha256(files[f]!)}\n    location: repo\n`;
    writeFileSync(join(dir, 'release.yaml'), [
      'apiVersion: opsctl/v1', 'kind: Release', 'name: coredb-failing-2026.11.9', 'title: test release whose second script fails', 'type: sql-migration',
      'artifacts:', art('s1', 'sql/001_add_flag.sql') + art('s1-rb', 'sql/001_add_flag_rollback.sql') + art('s2', 'sql/002_bad_index.sql') + art('s2-rb', 'sql/002_bad_index_rollback.sql'),
      'sqlMigration:', '  database: coredb', '  historyTable: SBF_SCHEMA_HISTORY', '  scripts:',
      '    - id: 001_add_flag', '      artifact: s1', '      rollbackArtifact: s1-rb',
      "      verify: [{ sql: \"SELECT COUNT(*) FROM DBA_TAB_COLUMNS WHERE OWNER = 'SBF' AND TABLE_NAME = 'T_PK_PCMX' AND COLUMN_NAME = 'TEST_FLAG'\", expect: 1 }]",
      '    - id: 002_bad_index', '      artifact: s2', '      rollbackArtifact: s2-rb',
      'requiredApprovals: []', 'notes:', '  summary: test only', '',
    ].join('\n'));
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'add', '-A'], { cwd: lab.dir });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-qm', 'test release'], { cwd: lab.dir });

    const p = await plan('coredb-failing-2026.11.9', 'failing.plan.json', '--only', 'lab/oracle:coredb');
    expect(p.code, p.out).toBe(0);
    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'failing.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(1);
    expect(a.stderr).toMatch(/migration 002_bad_index failed at statement 1 of 1 .*ORA-00942: table or view does not exist.*No DDL of it had completed/);
    expect(a.stderr).toMatch(/rolled back 001_add_flag with releases\/coredb-failing-2026\.11\.9\/sql\/001_add_flag_rollback\.sql/);
    expect(await sql("SELECT COUNT(*) AS N FROM DBA_TAB_COLUMNS WHERE TABLE_NAME='T_PK_PCMX' AND COLUMN_NAME='TEST_FLAG';")).toEqual(['"N"', '0']);
    expect((await history()).join('\n')).toMatch(/ORA-00942/);
  }, 300_000);

  it('a changed script of an applied release is refused, naming the script and both checksums', async () => {
    const p = await plan(RELEASE, 'again.plan.json', '--only', 'lab/oracle:coredb');
    expect(p.code, p.out).toBe(0);
    const a = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'again.plan.json'), '--yes');
    expect(a.code, `${a.stdout}\n${a.stderr}`).toBe(0);

    const file = join(lab.dir, 'releases', RELEASE, 'sql', '001_pk_batch_retry_count.sql');
    const changed = `${readFileSync(file, 'utf8')}-- edited after it was applied\n`;
    writeFileSync(file, changed);
    const manifest = join(lab.dir, 'releases', RELEASE, 'release.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(SHA_001, sha256(changed)));

    const c = await plan(RELEASE, 'conflict.plan.json', '--only', 'lab/oracle:coredb');
    expect(c.code).toBe(1);
    expect(c.out).toContain(`migration 001_pk_batch_retry_count on coredb was applied with checksum ${SHA_001}`);
    expect(c.out).toContain(`has it with checksum ${sha256(changed)}`);
    const refused = await lab.cli('--now', IN_WINDOW, 'apply', join(lab.dir, 'conflict.plan.json'), '--yes');
    expect(refused.code, `${refused.stdout}\n${refused.stderr}`).toBe(3);
    expect(await column()).toEqual(['"N"', '1']);
  }, 300_000);
});
