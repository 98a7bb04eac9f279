/**
 * SQL migrations in the Oracle provider. Pure: pending/applied/conflict from history rows, the
 * failure reports, the script reader (statements, refused commands), the sqlplus input, desired
 * resources (order, irreversible without a rollback script). Against the lab (real sqlplus over
 * SSH): a script failing at its second statement after a DDL reports PARTIAL and writes no row;
 * a file whose sha256 differs from the manifest is never run; a row is deleted only with its
 * rollback; the history table is dropped only when empty.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/core/index.js';
import type { EnvironmentModel, MigrationSet } from '../../../src/model/index.js';
import { conflictMessage, failureReport, historyKeyName, insertHistory, scriptState, type HistoryRow } from '../../../src/providers/oracle/migration-history.js';
import { migrationDesired } from '../../../src/providers/oracle/migration.js';
import { ORACLE_DESCRIPTOR } from '../../../src/providers/oracle/index.js';
import type { ProviderContext } from '../../../src/providers/context.js';
import type { Step } from '../../../src/core/index.js';
import { scriptInput } from '../../../src/transport/oracle-sqlplus.js';
import { completedStatements, parseSqlplusScript } from '../../../src/transport/sqlplus-script.js';
import { Secret } from '../../../src/transport/secrets.js';
import { providersOf, startTestLab, type TestLab } from './lab-support.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
  scriptId: '001_a', checksum: 'a'.repeat(64), release: 'r1', planId: null, applyId: null, appliedBy: null, appliedAt: '2026-11-28T14:00:00.000Z', rollbackChecksum: null, ...over,
});

describe('history rows → pending / applied / conflict', () => {
  it('decides by script id and checksum (case-insensitive), whatever release wrote the row', () => {
    expect(scriptState({ id: '001_a', sha256: 'a'.repeat(64) }, []).state).toBe('pending');
    expect(scriptState({ id: '001_a', sha256: 'a'.repeat(64) }, [row({ scriptId: '002_b' })]).state).toBe('pending');
    expect(scriptState({ id: '001_a', sha256: 'A'.repeat(64) }, [row({ release: 'another' })]).state).toBe('applied');
    const c = scriptState({ id: '001_a', sha256: 'b'.repeat(64) }, [row()]);
    expect(c.state).toBe('conflict');
  });

  it('a conflict names the script, both checksums, the release and the table', () => {
    const m = conflictMessage('coredb', 'SBF_SCHEMA_HISTORY', { id: '001_a', sha256: 'b'.repeat(64) }, 'r2', row());
    expect(m).toContain('migration 001_a on coredb was applied with checksum ' + 'a'.repeat(64));
    expect(m).toContain('release r2 has it with checksum ' + 'b'.repeat(64));
    expect(m).toContain('SBF_SCHEMA_HISTORY');
  });

  it('keeps key names within 30 bytes and values in binds', () => {
    expect(historyKeyName('SBF_SCHEMA_HISTORY')).toBe('SBF_SCHEMA_HISTORY_PK');
    expect(historyKeyName('A_VERY_LONG_HISTORY_TABLE_NAME_X').length).toBe(30);
    const ins = insertHistory('SBF_SCHEMA_HISTORY', row({ release: "it's; DROP TABLE x" }));
    expect(ins.sql).not.toContain("it's");
    expect(ins.binds?.release_name).toBe("it's; DROP TABLE x");
  });
});

describe('failure reports', () => {
  const parsed = parseSqlplusScript('ALTER TABLE T ADD (A NUMBER);\nUPDATE T SET A = 1;\nCREATE INDEX I ON T (A);\n');
  it('nothing completed: the schema is as before', () => {
    expect(failureReport('001_a', parsed.statements, 0, 'ORA-00942: table or view does not exist', 'x_rollback.sql'))
      .toMatch(/failed at statement 1 of 3 \(line 1: ALTER TABLE T ADD \(A NUMBER\);\): ORA-00942.*No DDL of it had completed/);
  });
  it('after a DDL: PARTIAL, naming the committed DDL (not the rolled-back DML)', () => {
    const m = failureReport('001_a', parsed.statements, 2, 'ORA-01408: such column list already indexed', 'x_rollback.sql');
    expect(m).toMatch(/failed at statement 3 of 3/);
    expect(m).toMatch(/PARTIAL: statement\(s\) 1 \(ALTER TABLE T ADD \(A NUMBER\);\) completed and are committed/);
    expect(m).not.toMatch(/UPDATE T/);
    expect(m).toContain('x_rollback.sql');
  });
});

describe('SQL*Plus scripts as migrations', () => {
  const real = (f: string) => readFileSync(join(REPO, 'releases/coredb-2026.11.1/sql', f), 'utf8');
  it('reads the real scripts: two statements each, nothing refused', () => {
    for (const f of ['001_pk_batch_retry_count.sql', '002_idx_jfxx_fkssq.sql']) {
      const p = parseSqlplusScript(real(f));
      expect(p.problems, f).toEqual([]);
      expect(p.statements.length, f).toBe(2);
    }
    expect(parseSqlplusScript(real('002_idx_jfxx_fkssq.sql')).statements[0]!.line).toBe(3);
  });

  it('PL/SQL blocks end with "/"; comments are skipped', () => {
    const p = parseSqlplusScript('/* header\n comment */\nBEGIN\n  NULL;\nEND;\n/\n-- done\nCOMMENT ON TABLE T IS \'a; b\';\n');
    expect(p.problems).toEqual([]);
    expect(p.statements.map((s) => s.kind)).toEqual(['plsql', 'sql']);
  });

  it('refuses what would leave or change the session, and an unterminated last statement', () => {
    expect(parseSqlplusScript('ALTER TABLE T ADD (A NUMBER);\nEXIT\n').problems.join()).toMatch(/line 2: SQL\*Plus command "EXIT"/);
    expect(parseSqlplusScript('CONNECT sys/x\nSELECT 1 FROM DUAL;\n').problems.join()).toMatch(/CONNECT/);
    expect(parseSqlplusScript('@other.sql\n').problems.join()).toMatch(/@other\.sql/);
    expect(parseSqlplusScript('SET AUTOCOMMIT ON\nDELETE FROM T;\n').problems.join()).toMatch(/AUTOCOMMIT/);
    expect(parseSqlplusScript('ALTER TABLE T ADD (A NUMBER)\n').problems.join()).toMatch(/not ended/);
    expect(parseSqlplusScript('UPDATE T SET A = 1;\n/\n').problems.join()).toMatch(/re-runs the previous statement/);
    expect(parseSqlplusScript('-- nothing\n').problems).toEqual(['the script has no SQL statement']);
    expect(parseSqlplusScript('PROMPT adding\nSET ECHO ON\nALTER TABLE T ADD (A NUMBER);\n').problems).toEqual([]);
  });

  it('counts completion feedback lines', () => {
    expect(completedStatements('Table altered.\n\nComment created.\n1 row created.\nPL/SQL procedure successfully completed.\nSELECT x\n')).toBe(4);
  });

  it('sends the file unmodified between markers, after WHENEVER … ROLLBACK, then the history row and COMMIT', () => {
    const text = real('001_pk_batch_retry_count.sql');
    const input = scriptInput({ hosts: { exec: async () => ({ exitCode: 0, stdout: '', stderr: '' }) } as never, host: 'h', sid: 'S', connect: { user: 'OPSMON', password: new Secret('pw', 'test'), service: 'svc', port: 1521 } }, {
      name: '001', text, after: [insertHistory('SBF_SCHEMA_HISTORY', row())],
    });
    expect(input).toContain(`PROMPT opsctl-script-begin\n${text.trimEnd()}\nPROMPT opsctl-script-end\n`);
    expect(input.indexOf('WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK')).toBeLessThan(input.indexOf('PROMPT opsctl-script-begin'));
    expect(input.indexOf('INSERT INTO "SBF_SCHEMA_HISTORY"')).toBeGreaterThan(input.indexOf('PROMPT opsctl-script-end'));
    expect(input).toMatch(/INSERT INTO[^\n]*\n\/\nCOMMIT;\nEXIT\n$/);
  });
});

describe('desired migration resources', () => {
  const set = (rollback: boolean): MigrationSet => ({
    release: 'r1', database: 'coredb', historyTable: 'SBF_SCHEMA_HISTORY',
    scripts: [
      { id: '002_b', order: 2, file: 'releases/r1/b.sql', sha256: 'b'.repeat(64), verify: [], estimatedSeconds: 2400, rollback: { file: 'releases/r1/b_rb.sql', sha256: 'd'.repeat(64) } },
      { id: '001_a', order: 1, file: 'releases/r1/a.sql', sha256: 'a'.repeat(64), verify: [], ...(rollback ? { rollback: { file: 'releases/r1/a_rb.sql', sha256: 'c'.repeat(64) } } : {}) },
    ],
  });
  const model = (s: MigrationSet) => ({ migrations: [s] }) as unknown as EnvironmentModel;

  it('the history table first, scripts in order, each after the previous', () => {
    const d = migrationDesired('lab', model(set(true)));
    expect(d.map((r) => r.address)).toEqual(['lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY', 'lab/oracle:coredb/migration:001_a', 'lab/oracle:coredb/migration:002_b']);
    expect(d[2]!.dependsOn).toEqual(['lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY', 'lab/oracle:coredb/migration:001_a']);
    expect(d[2]!.estimatedSeconds).toBe(2400);
  });

  it('a script without a rollback script is an irreversible step with its reason', () => {
    const d = migrationDesired('lab', model(set(false)));
    const plan = buildPlan({
      env: 'lab', createdAt: '2026-11-28T14:00:00Z', desired: d, rules: { oracle: ORACLE_DESCRIPTOR.types },
      live: d.map((r) => ({ address: r.address, status: 'absent' as const, fingerprint: 'x' })),
    });
    const byId = new Map<string, Step>(plan.steps.map((s) => [s.id, s]));
    expect(plan.steps.map((s) => s.id)).toEqual(['create:lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY', 'create:lab/oracle:coredb/migration:001_a', 'create:lab/oracle:coredb/migration:002_b']);
    expect(byId.get('create:lab/oracle:coredb/migration:001_a')!.reversible).toBe(false);
    expect(byId.get('create:lab/oracle:coredb/migration:002_b')!.reversible).toBe(true);
    expect(plan.changes.find((c) => c.address.endsWith('001_a'))!.reason).toMatch(/001_a has no rollback script/);
    expect(byId.get('create:lab/oracle:coredb/migration:002_b')!.estimatedSeconds).toBe(2400);
  });
});

describe('against the lab', () => {
  let lab: TestLab;
  beforeAll(async () => {
    lab = await startTestLab();
  }, 60_000);
  afterAll(async () => {
    await lab?.stop();
  });

  function release(name: string, files: Record<string, string>): (script: string, id: string, rollback?: string) => MigrationSet['scripts'][number] {
    mkdirSync(join(lab.root, 'releases', name), { recursive: true });
    for (const [f, t] of Object.entries(files)) writeFileSync(join(lab.root, 'releases', name, f), t);
    return (script, id, rollback) => ({
      id, order: Number(id.slice(0, 3)), file: `releases/${name}/${script}`, sha256: sha256(files[script]!), verify: [],
      ...(rollback ? { rollback: { file: `releases/${name}/${rollback}`, sha256: sha256(files[rollback]!) } } : {}),
    });
  }

  function contextWith(set: MigrationSet): ProviderContext {
    const { context } = lab.connections();
    return { ...context, model: { ...context.model, migrations: [set] } };
  }

  const step = (address: string, action: Step['action'] = 'create'): Step => ({
    id: `${action}:${address}`, action, address: address as Step['address'], system: 'oracle', description: '', changes: [address as Step['address']], dependsOn: [], estimatedSeconds: 60, reversible: true, disruption: 'none', downtime: 'none',
  });

  it('a script failing at its second statement after a DDL: PARTIAL, no row; the first statement stays', async () => {
    const s = release('partial-1', {
      'a.sql': "ALTER TABLE SBF.T_PK_PCMX ADD (PART_A VARCHAR2(1) DEFAULT 'N' NOT NULL);\nCREATE INDEX SBF.IDX_PART ON SBF.T_NO_SUCH (A);\n",
      'a_rb.sql': 'ALTER TABLE SBF.T_PK_PCMX DROP COLUMN PART_A;\n',
    });
    const set: MigrationSet = { release: 'partial-1', database: 'coredb', historyTable: 'SBF_SCHEMA_HISTORY', scripts: [s('a.sql', '001_part', 'a_rb.sql')] };
    const ctx = contextWith(set);
    const oracle = providersOf(ctx).oracle;
    const req = (a: string) => ({ env: 'lab', model: ctx.model, step: step(a), fingerprints: {}, run: { applyId: 'A1', planDigest: 'sha256:p', operator: 'ops@test' } });
    const h = await oracle.apply(req('lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY'));
    expect(h.outcome, h.message).toBe('applied');
    const inv = await oracle.prepareInverse(req('lab/oracle:coredb/migration:001_part'));
    expect(inv.undo).toMatchObject({ kind: 'migration', script: '001_part', rollback: { file: 'releases/partial-1/a_rb.sql' } });
    const r = await oracle.apply(req('lab/oracle:coredb/migration:001_part'));
    expect(r.outcome).toBe('failed');
    expect(r.message).toMatch(/failed at statement 2 of 2 \(line 2: CREATE INDEX SBF\.IDX_PART.*ORA-00942.*PARTIAL: statement\(s\) 1 \(ALTER TABLE SBF\.T_PK_PCMX ADD \(PART_A/);
    const core = lab.store.read().databases.coredb!;
    expect(core.tables['SBF.T_PK_PCMX']!.columns).toContain('PART_A');
    expect(core.tables['OPSMON.SBF_SCHEMA_HISTORY']!.rows).toEqual([]);
    const v = await oracle.verify(req('lab/oracle:coredb/migration:001_part'));
    expect(v.status).toBe('degraded');
    // The history table is empty: its inverse drops it.
    const drop = await oracle.rollback({ ...req('lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY'), step: step('lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY', 'delete'), rollback: { of: step('lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY') } });
    expect(drop.message).toMatch(/dropped the empty history table/);
  }, 120_000);

  it('a file that differs from its manifest sha256 is never run; a verify query that fails degrades', async () => {
    const s = release('changed-1', { 'a.sql': 'ALTER TABLE SBF.T_PK_PCMX ADD (CHG_A NUMBER);\n', 'a_rb.sql': 'ALTER TABLE SBF.T_PK_PCMX DROP COLUMN CHG_A;\n' });
    const script = { ...s('a.sql', '001_chg', 'a_rb.sql'), verify: [{ sql: "SELECT COUNT(*) FROM DBA_TAB_COLUMNS WHERE TABLE_NAME = 'T_PK_PCMX' AND COLUMN_NAME = 'NOT_THERE'", expect: 1 }] };
    const set: MigrationSet = { release: 'changed-1', database: 'coredb', historyTable: 'SBF_SCHEMA_HISTORY', scripts: [script] };
    const ctx = contextWith(set);
    const oracle = providersOf(ctx).oracle;
    const req = (a: string, action: Step['action'] = 'create') => ({ env: 'lab', model: ctx.model, step: step(a, action), fingerprints: {} });
    expect((await oracle.apply(req('lab/oracle:coredb/schema-history:SBF_SCHEMA_HISTORY'))).outcome).toBe('applied');
    writeFileSync(join(lab.root, 'releases/changed-1/a.sql'), 'ALTER TABLE SBF.T_PK_PCMX ADD (CHG_B NUMBER);\n');
    const refused = await oracle.apply(req('lab/oracle:coredb/migration:001_chg'));
    expect(refused.outcome).toBe('failed');
    expect(refused.message).toMatch(/has sha256 [0-9a-f]{64}, the release says [0-9a-f]{64}: not run/);
    expect(lab.store.read().databases.coredb!.tables['SBF.T_PK_PCMX']!.columns).not.toContain('CHG_B');

    writeFileSync(join(lab.root, 'releases/changed-1/a.sql'), 'ALTER TABLE SBF.T_PK_PCMX ADD (CHG_A NUMBER);\n');
    expect((await oracle.apply(req('lab/oracle:coredb/migration:001_chg'))).outcome).toBe('applied');
    const v = await oracle.verify(req('lab/oracle:coredb/migration:001_chg'));
    expect(v.status).toBe('degraded');
    expect(v.message).toMatch(/verification failed: SELECT COUNT\(\*\) .* returned 0, expected 1/);
    // Undo: the rollback script, then the row; the table now records nothing and is dropped.
    const undo = await oracle.rollback({ ...req('lab/oracle:coredb/migration:001_chg', 'delete'), rollback: { of: step('lab/oracle:coredb/migration:001_chg'), undo: (await oracle.prepareInverse(req('lab/oracle:coredb/migration:001_chg'))).undo! } });
    expect(undo.outcome, undo.message).toBe('applied');
    expect(lab.store.read().databases.coredb!.tables['SBF.T_PK_PCMX']!.columns).not.toContain('CHG_A');
    expect(lab.store.read().databases.coredb!.tables['OPSMON.SBF_SCHEMA_HISTORY']!.rows).toEqual([]);
    const again = await oracle.rollback({ ...req('lab/oracle:coredb/migration:001_chg', 'delete'), rollback: { of: step('lab/oracle:coredb/migration:001_chg') } });
    expect(again.message).toMatch(/not recorded as applied .* rollback script was not run/);
  }, 120_000);
});
