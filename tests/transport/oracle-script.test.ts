// runScript on both Oracle sessions with fakes at their boundaries: sqlplus (canned output of an
// SSH run: how far the script got, which error) and node-oracledb (statements as SQL*Plus splits
// them, no autocommit, `after` then COMMIT; ROLLBACK on the first error).
import { describe, expect, it } from 'vitest';
import { OracleScriptError } from '../../src/transport/oracle.js';
import { createOracledbSession, type OracledbConnection, type OracledbDriver } from '../../src/transport/oracle-oracledb.js';
import { createSqlplusSession } from '../../src/transport/oracle-sqlplus.js';
import { Secret } from '../../src/transport/secrets.js';

const SCRIPT = '-- two statements\nALTER TABLE SBF.T ADD (A NUMBER(3) DEFAULT 0 NOT NULL);\nCOMMENT ON COLUMN SBF.T.A IS \'重试次数\';\n';
const AFTER = [{ sql: 'INSERT INTO "H" (SCRIPT_ID) VALUES (:id)', binds: { id: '001_a' } }];

function sqlplusWith(stdout: string, exitCode = 0) {
  const seen: string[] = [];
  const hosts = { exec: async (_h: string, _c: unknown, o?: { stdin?: string; timeoutMs?: number }) => (seen.push(`${o?.timeoutMs}|${o?.stdin ?? ''}`), { exitCode, stdout, stderr: '' }) };
  const s = createSqlplusSession({ hosts: hosts as never, host: 'db01', sid: 'SBFCORE1', connect: { user: 'OPSMON', password: new Secret('pw'), service: 'sbfcore', port: 1521 } });
  return { s, seen };
}

describe('sqlplus runScript', () => {
  it('succeeds: counts the completed statements between the markers; passes its own timeout', async () => {
    const { s, seen } = sqlplusWith('opsctl-script-begin\nTable altered.\n\nComment created.\n\nopsctl-script-end\n1 row created.\n\nCommit complete.\n');
    const r = await s.runScript!({ name: '001_a', text: SCRIPT, after: AFTER, timeoutMs: 1_800_000 });
    expect(r.completed).toBe(2);
    expect(seen[0]).toMatch(/^1800000\|/);
    expect(seen[0]).toContain(SCRIPT.trimEnd());
  });

  it('fails at the second statement: OracleScriptError with completed 1, not finished', async () => {
    const { s } = sqlplusWith('opsctl-script-begin\nTable altered.\n\nCOMMENT ON COLUMN SBF.T.B IS \'x\'\n                        *\nERROR at line 1:\nORA-00904: "B": invalid identifier\n\n', 904 % 256);
    const err = await s.runScript!({ name: '001_a', text: SCRIPT, after: AFTER }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OracleScriptError);
    expect(err).toMatchObject({ code: 'ORA-00904', completed: 1, scriptFinished: false, started: true });
  });

  it('fails in the history insert: scriptFinished', async () => {
    const { s } = sqlplusWith('opsctl-script-begin\nTable altered.\nComment created.\nopsctl-script-end\nINSERT INTO "H"\n*\nERROR at line 1:\nORA-00001: unique constraint (OPSMON.H_PK) violated\n', 1);
    expect(await s.runScript!({ name: '001_a', text: SCRIPT, after: AFTER }).catch((e: unknown) => e)).toMatchObject({ code: 'ORA-00001', completed: 2, scriptFinished: true });
  });

  it('a logon failure: not started', async () => {
    const { s } = sqlplusWith('ERROR:\nORA-01017: invalid username/password; logon denied\n', 1);
    expect(await s.runScript!({ name: '001_a', text: SCRIPT }).catch((e: unknown) => e)).toMatchObject({ code: 'ORA-01017', started: false, completed: 0 });
  });
});

function fakeConnection(failOn?: RegExp) {
  const calls: Array<{ sql: string; autoCommit: unknown }> = [];
  const events: string[] = [];
  const conn: OracledbConnection = {
    async execute(sql, _binds, options) {
      calls.push({ sql, autoCommit: options.autoCommit });
      if (failOn?.test(sql)) throw Object.assign(new Error('ORA-00904: "B": invalid identifier'), { errorNum: 904 });
      return { rowsAffected: 0 };
    },
    commit: async () => void events.push('commit'),
    rollback: async () => void events.push('rollback'),
    close: async () => void events.push('close'),
  };
  const driver: OracledbDriver = { OUT_FORMAT_OBJECT: 4002, getConnection: async () => conn };
  return { calls, events, conn, session: createOracledbSession({ connectString: '127.0.0.1:1521/x', user: 'U', password: new Secret('p'), driver }) };
}

describe('node-oracledb runScript', () => {
  it('runs each statement without its ";" and without autocommit, then after, then COMMIT', async () => {
    const f = fakeConnection();
    const r = await f.session.runScript!({ name: '001_a', text: `${SCRIPT}BEGIN\n  NULL;\nEND;\n/\nPROMPT done\n`, after: AFTER, timeoutMs: 120_000 });
    expect(r.completed).toBe(3);
    expect(f.calls.map((c) => c.sql)).toEqual([
      'ALTER TABLE SBF.T ADD (A NUMBER(3) DEFAULT 0 NOT NULL)',
      "COMMENT ON COLUMN SBF.T.A IS '重试次数'",
      'BEGIN\n  NULL;\nEND;',
      'INSERT INTO "H" (SCRIPT_ID) VALUES (:id)',
    ]);
    expect(f.calls.every((c) => c.autoCommit === false)).toBe(true);
    expect(f.events).toEqual(['commit']);
    expect(f.conn.callTimeout).toBe(60_000);
  });

  it('rolls back on the first error and says how many statements completed', async () => {
    const f = fakeConnection(/^COMMENT/);
    const err = await f.session.runScript!({ name: '001_a', text: SCRIPT, after: AFTER }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ORA-00904', completed: 1, scriptFinished: false, started: true });
    expect(f.events).toEqual(['rollback']);
    expect(f.calls.map((c) => c.sql)).not.toContain('INSERT INTO "H" (SCRIPT_ID) VALUES (:id)');
  });
});
