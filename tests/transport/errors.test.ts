// Typed transport errors: names, fields, causes, and ORA- parsing of sqlplus output.
import { describe, expect, it } from 'vitest';
import { HostKeyMismatchError, OracleError, RemoteCommandError, TransportError, WeblogicHttpError, parseOraError } from '../../src/transport/index.js';

describe('transport errors', () => {
  it('set name from the class, keep cause and host', () => {
    const cause = new Error('boom');
    const e = new HostKeyMismatchError('SHA256:a', 'SHA256:b', { host: 'web01', cause });
    expect(e).toBeInstanceOf(TransportError);
    expect(e.name).toBe('HostKeyMismatchError');
    expect(e.cause).toBe(cause);
    expect(e).toMatchObject({ host: 'web01', expected: 'SHA256:a', presented: 'SHA256:b' });
    expect(e.message).toContain('SHA256:a');
  });

  it('RemoteCommandError carries exit code and stderr', () => {
    const e = new RemoteCommandError("'df' '-g'", 2, 'df: bad\n', { host: 'aix01' });
    expect(e).toMatchObject({ name: 'RemoteCommandError', exitCode: 2, stderr: 'df: bad\n', command: "'df' '-g'" });
  });

  it('WeblogicHttpError carries status, body and url', () => {
    const e = new WeblogicHttpError(404, '{"status":404}', 'http://127.0.0.1:7001/x', 'GET');
    expect(e).toMatchObject({ status: 404, url: 'http://127.0.0.1:7001/x', body: '{"status":404}' });
  });
});

describe('parseOraError', () => {
  it('finds the first ORA- code in sqlplus output', () => {
    const out = 'SQL> select * from nope;\nselect * from nope\n              *\nERROR at line 1:\nORA-00942: table or view does not exist\nORA-06512: at line 3\n';
    const e = parseOraError(out, { host: 'db01' });
    expect(e).toBeInstanceOf(OracleError);
    expect(e).toMatchObject({ code: 'ORA-00942', message: 'ORA-00942: table or view does not exist', host: 'db01', name: 'OracleError' });
  });

  it('returns undefined when there is none', () => {
    expect(parseOraError('no rows selected\n')).toBeUndefined();
    expect(parseOraError('XORA-1')).toBeUndefined();
  });
});
