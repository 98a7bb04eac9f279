// sqlplus over SSH, the script it sends: binds as VARIABLE + assignment, the password only in
// the here-document on stdin (never on the command line), ORA- output typed; and the
// lab's sqlplus on 127.0.0.1 answering through it.
import { describe, expect, it } from 'vitest';
import { OracleError, QuotingError } from '../../src/transport/errors.js';
import { sqlLiteral } from '../../src/transport/oracle.js';
import { bindLines, createSqlplusSession, statementLines } from '../../src/transport/oracle-sqlplus.js';
import { Secret } from '../../src/transport/secrets.js';
import type { SshCommand } from '../../src/transport/ssh.js';

function fakeHost(stdout: string, exitCode = 0) {
  const calls: Array<{ host: string; command: SshCommand; stdin: string }> = [];
  return {
    calls,
    hosts: { exec: async (host: string, command: SshCommand, opts?: { stdin?: string | Buffer }) => (calls.push({ host, command, stdin: String(opts?.stdin ?? '') }), { stdout, stderr: '', exitCode }) },
  };
}

describe('sqlplus script', () => {
  it('declares and assigns every bind; quotes only inside the SQL*Plus assignment', () => {
    expect(bindLines({ a: "it's", n: 3, z: null })).toEqual(['VARIABLE a VARCHAR2(4)', 'VARIABLE n NUMBER', 'VARIABLE z VARCHAR2(1)', 'BEGIN', "  :a := 'it''s';", '  :n := 3;', '  :z := NULL;', 'END;', '/']);
    expect(() => bindLines({ 'a;b': 'x' })).toThrow(QuotingError);
    expect(() => sqlLiteral('two\nlines')).toThrow(QuotingError);
    expect(statementLines('SELECT 1 FROM DUAL;')).toEqual(['SELECT 1 FROM DUAL', '/']);
    expect(statementLines('BEGIN NULL; END;')).toEqual(['BEGIN NULL; END;', '/']);
  });

  it('keeps the password off the command line and returns CSV rows', async () => {
    const f = fakeHost('"NAME","VALUE"\n"open_cursors",1000\n');
    const s = createSqlplusSession({ hosts: f.hosts, host: 'db1', sid: 'SBF1', connect: { user: 'OPSMON', password: new Secret('pw-canary'), service: 'sbfcore', port: 1521 } });
    expect(await s.query('SELECT NAME, VALUE FROM V$PARAMETER WHERE NAME = :n', { n: 'open_cursors' })).toEqual([{ NAME: 'open_cursors', VALUE: 1000 }]);
    const call = f.calls[0]!;
    expect(call.command).toEqual(['/bin/sh']);
    expect(JSON.stringify(call.command)).not.toContain('pw-canary');
    expect(call.stdin).toMatch(/^ORACLE_SID='SBF1' sqlplus -s \/nolog <<'OPSCTL_SQL'\n/);
    expect(call.stdin).toContain('CONNECT OPSMON@//localhost:1521/sbfcore\npw-canary\n');
    expect(call.stdin).toContain('WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK');
    expect(call.stdin).not.toMatch(/WHERE NAME = 'open_cursors'/);
  });

  it('types ORA- output as OracleError naming the host', async () => {
    const f = fakeHost('ERROR:\nORA-01034: ORACLE not available\nORA-27101: shared memory realm does not exist\n', 1);
    const s = createSqlplusSession({ hosts: f.hosts, host: 'db1', sid: 'SBF1', connect: { user: 'OPSMON', password: new Secret('p'), service: 'sbfcore', port: 1521 } });
    const err = (await s.query('SELECT 1 FROM DUAL').catch((e: unknown) => e)) as OracleError;
    expect(err).toBeInstanceOf(OracleError);
    expect(err).toMatchObject({ code: 'ORA-01034', host: 'db1' });
    expect(err.message).toContain('ORA-27101');
  });
});
