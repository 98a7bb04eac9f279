/**
 * Tokens and secrets: @@SECRET@@/@@ENV@@/@@FILE@@ become references; literal and encrypted
 * passwords, @@PROP@@ passwords and URL credentials are dropped and listed; a canary never
 * appears anywhere in what the import returns.
 */
import { describe, expect, it } from 'vitest';
import { parseOracleUrl, parseProperties } from '../../../src/discover/wdt/index.js';
import { doc, everything, fixture, run } from './support.js';

const CANARY = 'CANARY-7fQ2-s3cr3t';

describe('no secret value in the output', () => {
  it('simple-model.yaml with its passwords (welcome1) replaced by a canary', () => {
    const text = fixture('simple-model.yaml').replaceAll('welcome1', CANARY);
    const r = run('simple-model.yaml', {}, text);
    expect(everything(r)).not.toContain(CANARY);
    expect(r.unmapped.filter((u) => u.reason.startsWith('secret dropped')).map((u) => u.path)).toEqual([
      'domainInfo:/AdminPassword',
      'resources:/JDBCSystemResource/Generic1/JdbcResource/JDBCDriverParams/PasswordEncrypted',
      'resources:/JDBCSystemResource/Generic2/JdbcResource/JDBCDriverParams/PasswordEncrypted',
    ]);
  });

  it('simple-demo-jms-full.yaml: welcome1 under Foreign JNDI, foreign server and SAF login never appears', () => {
    expect(everything(run('simple-demo-jms-full.yaml'))).not.toContain('welcome1');
  });

  it('hall-estate.yaml: none of its CANARY- values appears', () => {
    const r = run('hall-estate.yaml');
    expect(everything(r)).not.toMatch(/CANARY-/);
    expect(r.unmapped.map((u) => u.path)).toEqual(expect.arrayContaining([
      'topology:/Server/hall_ms01/ServerStart/PasswordEncrypted',
      'resources:/JDBCSystemResource/LegacyDS/JdbcResource/JDBCDriverParams/Properties/password',
    ]));
  });

  it('jdbc-model.yaml: a @@PROP@@ password is never resolved, even when the variables hold it', () => {
    const r = run('jdbc-model.yaml', { variables: parseProperties(`jdbc.password=${CANARY}\n`) });
    expect(everything(r)).not.toContain(CANARY);
    expect(r.tokens).toEqual([expect.objectContaining({ token: '@@PROP:jdbc.password@@', action: 'secret-dropped' })]);
    expect(r.unmapped.find((u) => u.path.endsWith('PasswordEncrypted'))?.reason).toMatch(/^secret dropped, reference needed/);
  });

  it('credentials inside a JDBC URL are dropped', () => {
    const text = fixture('jdbc-model.yaml').replace('jdbc:oracle:thin:@//localhost', `jdbc:oracle:thin:scott/${CANARY}@//localhost`);
    const r = run('jdbc-model.yaml', {}, text);
    expect(everything(r)).not.toContain(CANARY);
    expect(r.unmapped.find((u) => u.path.endsWith('/URL'))?.reason).toContain('credentials in the URL');
  });
});

describe('tokens', () => {
  it('@@SECRET:name:key@@ → store:<env>/weblogic/<domain>/<name>/<key>, @@ENV:NAME@@ → env:NAME', () => {
    const r = run('hall-estate.yaml');
    const d = doc(r);
    expect(d.admin.credential).toBe('store:prod/weblogic/hall/hall-admin/password');
    expect(d.dataSources?.[0]?.credential).toBe('store:prod/weblogic/hall/coreds/password');
    expect(d.dataSources?.[1]?.credential).toBe('env:FRONTDS_PASSWORD');
    expect(r.tokens.filter((t) => t.action === 'secret-reference')).toHaveLength(3);
  });

  it('@@FILE:path@@ → file:path, with @@PROP@@ inside the path resolved', () => {
    const text = fixture('jdbc-model.yaml').replace("'@@PROP:jdbc.password@@'", "'@@FILE:/run/secrets/@@PROP:ds@@.pw@@'");
    const r = run('jdbc-model.yaml', { variables: new Map([['ds', 'datasource-1']]) }, text);
    expect(doc(r).dataSources?.[0]?.credential).toBe('file:/run/secrets/datasource-1.pw');
    expect(r.tokens).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'file-reference', reference: 'file:/run/secrets/datasource-1.pw' })]));
  });

  it('@@ENV@@ and path tokens in non-secret values are kept and listed', () => {
    const text = fixture('simple-model.yaml').replace("ListenAddress: 127.0.0.1\n            ListenPort: 8001", "ListenAddress: '@@ENV:S1_HOST@@'\n            ListenPort: 8001");
    const r = run('simple-model.yaml', {}, text);
    expect(r.tokens).toEqual([expect.objectContaining({ path: 'topology:/Server/s1/ListenAddress', token: '@@ENV:S1_HOST@@', action: 'kept' })]);
  });

  it('.properties files: separators, comments, continuations, escapes', () => {
    const p = parseProperties('# c\n! c\na=1\nb : two words\nc three\nd=x\\\n   y\ne=\\u0041\\tB\n');
    expect(Object.fromEntries(p)).toEqual({ a: '1', b: 'two words', c: 'three', d: 'xy', e: 'A\tB' });
  });
});

describe('Oracle thin URLs', () => {
  it('parses the forms WDT models use', () => {
    expect(parseOracleUrl('jdbc:oracle:thin:@//den00chv.us.oracle.com:1521/PDBORCL')).toMatchObject({ addresses: [{ host: 'den00chv.us.oracle.com', port: 1521 }], service: 'PDBORCL' });
    expect(parseOracleUrl('jdbc:oracle:thin:@oldhost:1521:LEGACY')).toMatchObject({ addresses: [{ host: 'oldhost', port: 1521 }], sid: 'LEGACY' });
    expect(parseOracleUrl('jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=slc05til.us.oracle.com)(PORT=1521)))(CONNECT_DATA=(SERVICE_NAME=orcl.us.oracle.com)))')).toMatchObject({ addresses: [{ host: 'slc05til.us.oracle.com', port: 1521 }], service: 'orcl.us.oracle.com' });
    expect(parseOracleUrl('jdbc:oracle:thin:@SBFCORE')).toMatchObject({ alias: 'SBFCORE', addresses: [] });
    expect(parseOracleUrl('jdbc:oracle:thin:u/p@h:1521/s')?.hadCredentials).toBe(true);
    expect(parseOracleUrl('jdbc:db2://h:50000/x')).toBeUndefined();
  });
});
