// node-oracledb session: a fake at the driver boundary (binds passed as binds, ORA- typed,
// transactions committed or rolled back), plus an integration test that runs only when
// OPSCTL_ORACLE_CONNECT=user/password@//host:port/service names a loopback database.
import { describe, expect, it } from 'vitest';
import { OracleError } from '../../src/transport/errors.js';
import { createOracledbSession, parseConnectUrl, type OracledbConnection, type OracledbDriver } from '../../src/transport/oracle-oracledb.js';
import { Secret } from '../../src/transport/secrets.js';

interface Call { sql: string; binds: unknown; options: unknown }

function fakeDriver(answer: (sql: string) => { rows?: unknown[]; rowsAffected?: number } | Error) {
  const calls: Call[] = [];
  const events: string[] = [];
  const attrs: unknown[] = [];
  const conn: OracledbConnection = {
    async execute(sql, binds, options) {
      calls.push({ sql, binds, options });
      const r = answer(sql);
      if (r instanceof Error) throw r;
      return r;
    },
    commit: async () => void events.push('commit'),
    rollback: async () => void events.push('rollback'),
    close: async () => void events.push('close'),
  };
  const driver: OracledbDriver = { OUT_FORMAT_OBJECT: 4002, getConnection: async (a) => (attrs.push(a), conn) };
  return { driver, calls, events, attrs, conn };
}

const ora = (text: string): Error => Object.assign(new Error(text), { errorNum: Number(text.slice(4, 9)), code: text.slice(0, 9) });

describe('createOracledbSession with a fake driver', () => {
  it('passes values as binds, never in the SQL text, and returns rows by upper-case column', async () => {
    const f = fakeDriver(() => ({ rows: [{ NAME: 'open_cursors', VALUE: '1000' }] }));
    const s = createOracledbSession({ connectString: '127.0.0.1:1521/sbfcore', user: 'OPSMON', password: new Secret('pw-canary'), driver: f.driver });
    const evil = "x'; DROP TABLE t; --";
    const rows = await s.query('SELECT NAME, VALUE FROM V$PARAMETER WHERE NAME = :n', { n: evil });
    expect(rows).toEqual([{ NAME: 'open_cursors', VALUE: '1000' }]);
    expect(f.calls[0]).toEqual({ sql: 'SELECT NAME, VALUE FROM V$PARAMETER WHERE NAME = :n', binds: { n: evil }, options: { outFormat: 4002 } });
    expect(f.attrs[0]).toMatchObject({ user: 'OPSMON', password: 'pw-canary', connectString: '127.0.0.1:1521/sbfcore' });
    expect(f.conn.callTimeout).toBe(60_000);
    await s.close();
    expect(f.events).toEqual(['close']);
  });

  it('types ORA- errors as OracleError with the code', async () => {
    const f = fakeDriver(() => ora('ORA-00942: table or view does not exist'));
    const s = createOracledbSession({ connectString: '127.0.0.1:1521/x', user: 'U', password: new Secret('p'), driver: f.driver });
    const err = await s.query('SELECT 1 FROM NOPE').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OracleError);
    expect(err).toMatchObject({ code: 'ORA-00942', host: '127.0.0.1' });
  });

  it('a failed connect is typed and the password is not in the message', async () => {
    const driver: OracledbDriver = { OUT_FORMAT_OBJECT: 4002, getConnection: async () => { throw ora('ORA-01017: invalid username/password; logon denied'); } };
    const s = createOracledbSession({ connectString: '127.0.0.1:1521/x', user: 'U', password: new Secret('pw-canary'), driver });
    const err = (await s.execute('BEGIN NULL; END;').catch((e: unknown) => e)) as OracleError;
    expect(err.code).toBe('ORA-01017');
    expect(err.message).not.toContain('pw-canary');
  });

  it('execute autocommits; a transaction commits all or rolls back on the first error', async () => {
    const f = fakeDriver((sql) => (sql.includes('BAD') ? ora('ORA-00001: unique constraint (SBF.PK) violated') : { rowsAffected: 1 }));
    const s = createOracledbSession({ connectString: '127.0.0.1:1521/x', user: 'U', password: new Secret('p'), driver: f.driver });
    expect(await s.execute('UPDATE T SET A = :a', { a: 1 })).toEqual({ rowsAffected: 1 });
    expect(f.calls[0]!.options).toEqual({ autoCommit: true });
    expect(await s.transaction([{ sql: 'INSERT 1', binds: { a: 'x' } }, { sql: 'INSERT 2' }])).toEqual({ rowsAffected: [1, 1] });
    expect(f.events).toEqual(['commit']);
    await expect(s.transaction([{ sql: 'INSERT 1' }, { sql: 'INSERT BAD' }])).rejects.toMatchObject({ code: 'ORA-00001' });
    expect(f.events).toEqual(['commit', 'rollback']);
  });

  it('parses OPSCTL_ORACLE_CONNECT', () => {
    expect(parseConnectUrl('opsmon/s3cr@t@//127.0.0.1:1521/sbfcore')?.password).toBe('s3cr@t');
    expect(parseConnectUrl('no-password-here')).toBeUndefined();
    expect(parseConnectUrl('opsmon/secret@//127.0.0.1:1521/sbfcore')).toEqual({ user: 'opsmon', password: 'secret', connectString: '127.0.0.1:1521/sbfcore', host: '127.0.0.1' });
    expect(parseConnectUrl('u/p@//[::1]:1521/svc')?.host).toBe('::1');
  });
});

const url = process.env.OPSCTL_ORACLE_CONNECT;
describe.runIf(url)('createOracledbSession against a real database (OPSCTL_ORACLE_CONNECT)', () => {
  it('queries with binds over a loopback connection only', async () => {
    const c = parseConnectUrl(url ?? '');
    expect(c, 'OPSCTL_ORACLE_CONNECT must be user/password@//host:port/service').toBeDefined();
    if (!['127.0.0.1', '::1', 'localhost'].includes(c!.host)) throw new Error(`tests connect only to loopback; refusing ${c!.host}`);
    const s = createOracledbSession({ connectString: c!.connectString, user: c!.user, password: new Secret(c!.password) });
    try {
      const rows = await s.query('SELECT :v AS V FROM DUAL', { v: "it's" });
      expect(rows).toEqual([{ V: "it's" }]);
      await expect(s.query('SELECT * FROM OPSCTL_NO_SUCH_TABLE')).rejects.toMatchObject({ code: 'ORA-00942' });
    } finally {
      await s.close();
    }
  }, 60_000);
});
