/**
 * The lab's schema DDL (src/lab/oracle/ddl.ts): the real migration scripts of
 * releases/coredb-2026.11.1 run unmodified through sqlplus, their effect shows in the catalogue
 * views, and the mistakes Oracle refuses are refused with Oracle's ORA- codes and exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseTables } from '../../../src/lab/oracle/business/release-tables.js';
import type { LabStore } from '../../../src/lab/state/store.js';
import { memoryStore } from '../../../src/lab/state/store.js';
import { fixtureState } from './fixture-state.js';
import { CSV, parseCsv, sqlplus } from './helpers.js';

const SQL = join(import.meta.dirname, '../../../releases/coredb-2026.11.1/sql');
const script = (name: string): string => readFileSync(join(SQL, name), 'utf8');

/** The fixture state with the release tables (and SBF_IDX) on coredb. */
function labWithReleaseTables(): LabStore {
  const state = fixtureState();
  const core = state.databases.coredb!;
  const batch = { BATCH_ID: 'B1', PERIOD: '2026-11', STATUS: 'DONE' };
  const jk = [1, 2, 3].map((n) => ({ VOUCHER_NO: `V${n}`, PAYER_ID: `P${n}`, XZ_CODE: '110', PERIOD: '2026-11', AMOUNT_FEN: 100 * n, PAID_AT: '2026-11-02 10:00:00', CHANNEL: '批扣' }));
  const release = releaseTables({ 'SBF.SBF_JK': { columns: Object.keys(jk[0]!), key: ['VOUCHER_NO'], rows: jk }, 'SBF.SBF_PK_BATCH': { columns: Object.keys(batch), key: ['BATCH_ID'], rows: [batch] } }, state.resetAt);
  Object.assign(core.tables, release.tables);
  core.indexes = release.indexes;
  core.tablespaces.SBF_IDX = { name: 'SBF_IDX', contents: 'PERMANENT', autoextend: false, bigfile: false, sizeMb: 1024, usedMb: 100, maxMb: 1024, datafiles: [{ path: '+DATA/sbfcore/sbf_idx01.dbf', sizeMb: 1024, maxMb: 1024, autoextend: false }] };
  return memoryStore(state);
}

const RUN = 'SET FEEDBACK ON\nWHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK\n';

async function query(store: LabStore, sql: string): Promise<string[][]> {
  const r = await sqlplus(store, `${CSV}${sql}\nEXIT\n`);
  expect(r.exitCode, r.stdout).toBe(0);
  return parseCsv(r.stdout);
}

describe('lab sqlplus: schema DDL of release migrations', () => {
  it('runs the real coredb-2026.11.1 scripts unmodified; the catalogue views follow', async () => {
    const store = labWithReleaseTables();
    const one = await sqlplus(store, `${RUN}${script('001_pk_batch_retry_count.sql')}\nEXIT\n`);
    expect(one.exitCode, one.stdout).toBe(0);
    expect(one.stdout).toMatch(/Table altered\.\n[\s\S]*Comment created\./);
    const two = await sqlplus(store, `${RUN}${script('002_idx_jfxx_fkssq.sql')}\nEXIT\n`);
    expect(two.exitCode, two.stdout).toBe(0);
    expect(two.stdout).toMatch(/Index created\.\n[\s\S]*Index altered\./);

    expect(await query(store, "SELECT DATA_TYPE, DATA_PRECISION, NULLABLE, DATA_DEFAULT FROM DBA_TAB_COLUMNS WHERE OWNER='SBF' AND TABLE_NAME='T_PK_PCMX' AND COLUMN_NAME='CSCS';"))
      .toEqual([['DATA_TYPE', 'DATA_PRECISION', 'NULLABLE', 'DATA_DEFAULT'], ['NUMBER', '3', 'N', '0']]);
    expect(await query(store, "SELECT COMMENTS FROM DBA_COL_COMMENTS WHERE OWNER='SBF' AND TABLE_NAME='T_PK_PCMX' AND COLUMN_NAME='CSCS';")).toEqual([['COMMENTS'], ['重试次数']]);
    // Existing rows read the default (11g: metadata-only DEFAULT … NOT NULL).
    expect(await query(store, 'SELECT COUNT(*) AS N FROM SBF.T_PK_PCMX WHERE CSCS = 0;')).toEqual([['N'], ['3']]);
    expect(await query(store, "SELECT STATUS, TABLESPACE_NAME, DEGREE, UNIQUENESS FROM DBA_INDEXES WHERE OWNER='SBF' AND INDEX_NAME='IDX_JFXX_FKSSQ_XZ';"))
      .toEqual([['STATUS', 'TABLESPACE_NAME', 'DEGREE', 'UNIQUENESS'], ['VALID', 'SBF_IDX', '1', 'NONUNIQUE']]);
    expect(await query(store, "SELECT COLUMN_NAME FROM DBA_IND_COLUMNS WHERE INDEX_NAME='IDX_JFXX_FKSSQ_XZ' ORDER BY COLUMN_POSITION;")).toEqual([['COLUMN_NAME'], ['FKSSQ'], ['XZDM']]);
    expect(await query(store, "SELECT OBJECT_TYPE, STATUS FROM DBA_OBJECTS WHERE OWNER='SBF' AND OBJECT_NAME='IDX_JFXX_FKSSQ_XZ';")).toEqual([['OBJECT_TYPE', 'STATUS'], ['INDEX', 'VALID']]);

    // Run again: Oracle refuses both, and WHENEVER SQLERROR exits with the code mod 256.
    const again = await sqlplus(store, `${RUN}${script('001_pk_batch_retry_count.sql')}\nEXIT\n`);
    expect(again.stdout).toMatch(/ORA-01430: column being added already exists in table/);
    expect(again.exitCode).toBe(1430 % 256);
    const again2 = await sqlplus(store, `${RUN}${script('002_idx_jfxx_fkssq.sql')}\nEXIT\n`);
    expect(again2.stdout).toMatch(/ORA-00955: name is already used by an existing object/);
    expect(again2.exitCode).toBe(955 % 256);

    // The rollback scripts, in reverse order.
    for (const f of ['002_idx_jfxx_fkssq_rollback.sql', '001_pk_batch_retry_count_rollback.sql']) {
      const r = await sqlplus(store, `${RUN}${script(f)}\nEXIT\n`);
      expect(r.exitCode, r.stdout).toBe(0);
    }
    expect(await query(store, "SELECT COUNT(*) AS N FROM DBA_TAB_COLUMNS WHERE TABLE_NAME='T_PK_PCMX' AND COLUMN_NAME='CSCS';")).toEqual([['N'], ['0']]);
    expect(await query(store, "SELECT COUNT(*) AS N FROM DBA_INDEXES WHERE INDEX_NAME='IDX_JFXX_FKSSQ_XZ';")).toEqual([['N'], ['0']]);
    const gone = await sqlplus(store, `${RUN}${script('002_idx_jfxx_fkssq_rollback.sql')}\nEXIT\n`);
    expect(gone.stdout).toMatch(/ORA-01418: specified index does not exist/);
    expect(gone.exitCode).toBe(1418 % 256);
    const noCol = await sqlplus(store, `${RUN}${script('001_pk_batch_retry_count_rollback.sql')}\nEXIT\n`);
    expect(noCol.stdout).toMatch(/ORA-00904: "CSCS": invalid identifier/);
  });

  it('creates a history table, inserts, selects and deletes rows; drops it', async () => {
    const store = labWithReleaseTables();
    const create = await sqlplus(store, `${RUN}CREATE TABLE "SBF_SCHEMA_HISTORY" (\n  SCRIPT_ID VARCHAR2(200) NOT NULL,\n  CHECKSUM VARCHAR2(64) NOT NULL,\n  APPLIED_AT VARCHAR2(40),\n  CONSTRAINT "SBF_SCHEMA_HISTORY_PK" PRIMARY KEY (SCRIPT_ID)\n);\nINSERT INTO "SBF_SCHEMA_HISTORY" (SCRIPT_ID, CHECKSUM) VALUES ('001_a', 'abc');\nCOMMIT;\nEXIT\n`);
    expect(create.exitCode, create.stdout).toBe(0);
    expect(create.stdout).toMatch(/Table created\.\n1 row created\./);
    expect(await query(store, 'SELECT SCRIPT_ID, CHECKSUM FROM SBF_SCHEMA_HISTORY;')).toEqual([['SCRIPT_ID', 'CHECKSUM'], ['001_a', 'abc']]);
    expect(await query(store, "SELECT OWNER, OBJECT_TYPE FROM DBA_OBJECTS WHERE OBJECT_NAME='SBF_SCHEMA_HISTORY';")).toEqual([['OWNER', 'OBJECT_TYPE'], ['SYS', 'TABLE']]);
    const dup = await sqlplus(store, `${RUN}INSERT INTO SBF_SCHEMA_HISTORY (SCRIPT_ID, CHECKSUM) VALUES ('001_a', 'x');\nEXIT\n`);
    expect(dup.stdout).toMatch(/ORA-00001/);
    const twice = await sqlplus(store, `${RUN}CREATE TABLE SBF_SCHEMA_HISTORY (A NUMBER);\nEXIT\n`);
    expect(twice.stdout).toMatch(/ORA-00955/);
    const del = await sqlplus(store, `${RUN}DELETE FROM SBF_SCHEMA_HISTORY WHERE SCRIPT_ID = '001_a';\nDROP TABLE SBF_SCHEMA_HISTORY PURGE;\nEXIT\n`);
    expect(del.exitCode, del.stdout).toBe(0);
    const missing = await sqlplus(store, `${CSV}SELECT * FROM SBF_SCHEMA_HISTORY;\nEXIT\n`);
    expect(missing.stdout).toMatch(/ORA-00942: table or view does not exist/);
  });

  it('refuses what Oracle refuses, leaving the state unchanged', async () => {
    const store = labWithReleaseTables();
    const cases: Array<[string, RegExp]> = [
      ['ALTER TABLE SBF.NO_SUCH ADD (X NUMBER);', /ORA-00942/],
      ['ALTER TABLE SBF.T_PK_PCMX ADD (NEWCOL NUMBER NOT NULL);', /ORA-01758/],
      ['ALTER TABLE SBF.T_PK_PCMX DROP COLUMN PCMX_ID;', /ORA-12992/],
      ['CREATE INDEX SBF.IDX_X ON SBF.T_JF_JFXX (NO_SUCH_COL);', /ORA-00904: "NO_SUCH_COL": invalid identifier/],
      ['CREATE INDEX SBF.IDX_X ON SBF.T_JF_JFXX (FKSSQ) TABLESPACE NO_TS;', /ORA-00959: tablespace 'NO_TS' does not exist/],
      ['CREATE INDEX SBF.IDX_X ON SBF.T_JF_JFXX (JFXX_ID);', /ORA-01408/],
      ['DROP INDEX SBF.PK_T_JF_JFXX;', /ORA-02429/],
      ['ALTER INDEX SBF.NO_SUCH NOPARALLEL;', /ORA-01418/],
      ['CREATE VIEW SBF.V AS SELECT 1 FROM DUAL;', /ORA-01031/],
    ];
    const before = JSON.stringify(store.read().databases.coredb);
    for (const [sql, error] of cases) {
      const r = await sqlplus(store, `${RUN}${sql}\nEXIT\n`);
      expect(r.stdout, sql).toMatch(error);
      expect(r.exitCode, sql).not.toBe(0);
    }
    expect(JSON.stringify(store.read().databases.coredb)).toBe(before);
  });

  it('DDL on the standby is refused with ORA-16000', async () => {
    const store = labWithReleaseTables();
    const r = await sqlplus(store, `${RUN}ALTER TABLE SBF.T_PK_PCMX ADD (CSCS NUMBER(3) DEFAULT 0 NOT NULL);\nEXIT\n`, { sid: 'sbfcore', host: 'db03' });
    expect(r.stdout).toMatch(/ORA-16000/);
  });
});
