// The pure parts of a data fix: masking, the SQL derived from the file, the canonical image.
import { describe, expect, it } from 'vitest';
import { affectedSelect, changeGuards, guardStatement, hasUnmaskedId, imageCsv, imagesDigest, insertedKey, maskValue, parseChange, parseImageCsv, postGuard, restoreStatements, scrubText, sha256, splitTopLevel } from '../../src/datafix/index.js';
import type { DataFix } from '../../src/model/index.js';

const PAYER = { schema: 'SBF', name: 'SBF_PAYER', key: ['PAYER_ID'] };
const UPDATE = { table: PAYER, sql: 'UPDATE SBF.SBF_PAYER SET AGREEMENT = :n WHERE PAYER_ID = :p', binds: { p: '1', n: 'N' }, expectRows: 1 };
const FIX = {
  apiVersion: 'opsctl/v1', kind: 'DataFix', name: 'f', title: 't', problem: 'p', ticket: 'T-1', requestedBy: 'r', database: 'coredb', personalColumns: ['ID_NO'],
  preCheck: { sql: 'SELECT COUNT(*) FROM SBF.SBF_PAYER WHERE PAYER_ID = :p', binds: { p: '1', unused: 'x' }, expectCount: 1 },
  changes: [UPDATE],
  requiredApprovals: ['主管部门'],
} as unknown as DataFix;
const INSERT = { table: PAYER, sql: "INSERT INTO SBF.SBF_PAYER (PAYER_ID, NAME, AGREEMENT) VALUES (:id, 'O''Brien, J', NVL(:a, 'Y'))", binds: { id: '9', a: null }, expectRows: 1 };

describe('datafix pure parts', () => {
  it('masks 身份证号, names, phones and cards; scrubs texts', () => {
    expect(maskValue('130203200008255709')).toBe('130***********5709');
    expect(maskValue('吴平')).toBe('吴*');
    expect(maskValue('13995685794')).toBe('139****5794');
    expect(scrubText('id 13020320000825570X card 6228483748207542052')).toBe('id 130***********570X card 622************2052');
    expect(hasUnmaskedId('130203200008255709')).toBe(true);
    expect(hasUnmaskedId(scrubText('130203200008255709'))).toBe(false);
    // A hash with a long run of digits is not a card number (a commit hash was masked once).
    const hash = 'bea8d49b65fc8d00d5b1410987654321096771c3';
    expect(scrubText(`commit ${hash} sha256 ${hash}${hash.slice(0, 24)}`)).toBe(`commit ${hash} sha256 ${hash}${hash.slice(0, 24)}`);
  });

  it('derives the affected rows and the guards from the file, binds only', () => {
    expect(parseChange(UPDATE)).toEqual({ verb: 'UPDATE', set: 'AGREEMENT = :n', where: 'PAYER_ID = :p' });
    expect(affectedSelect(UPDATE)).toEqual({ sql: 'SELECT * FROM SBF.SBF_PAYER WHERE PAYER_ID = :p ORDER BY PAYER_ID', binds: { p: '1' } });
    const g = guardStatement(FIX.preCheck.sql, FIX.preCheck.binds, 1);
    expect(g.sql).toBe('SELECT 1 / ROUND(1 / (1 + 2 * ABS(COUNT(*) - :opsctl_expect))) AS OPSCTL_GUARD FROM SBF.SBF_PAYER WHERE PAYER_ID = :p');
    expect(g.binds).toEqual({ p: '1', opsctl_expect: 1 });
    expect(() => guardStatement('SELECT * FROM X', {}, 1)).toThrow(/COUNT/);
    expect(() => parseChange({ ...UPDATE, sql: 'UPDATE SBF.OTHER SET A = 1 WHERE B = 2' })).toThrow(/UPDATE SBF.SBF_PAYER/);
    expect(() => parseChange({ ...UPDATE, sql: 'UPDATE SBF.SBF_PAYER SET NAME = :n, PAYER_ID = :p WHERE PAYER_ID = :p' })).toThrow(/sets the key column PAYER_ID/);
    expect(parseChange({ ...UPDATE, sql: 'DELETE FROM SBF.SBF_PAYER WHERE PAYER_ID = :p' })).toEqual({ verb: 'DELETE', where: 'PAYER_ID = :p' });
  });

  it('parses an INSERT: columns, values (commas inside quotes and calls kept), the key of its row', () => {
    expect(splitTopLevel("a, f(b, c), 'x,y', 'it''s'")).toEqual(['a', 'f(b, c)', "'x,y'", "'it''s'"]);
    expect(parseChange(INSERT)).toEqual({ verb: 'INSERT', columns: ['PAYER_ID', 'NAME', 'AGREEMENT'], values: [':id', "'O''Brien, J'", "NVL(:a, 'Y')"] });
    expect(insertedKey(INSERT)).toEqual({ PAYER_ID: '9' });
    expect(insertedKey({ ...INSERT, sql: "INSERT INTO SBF.SBF_PAYER (NAME, PAYER_ID) VALUES ('x', 42)", binds: {} })).toEqual({ PAYER_ID: 42 });
    expect(affectedSelect(INSERT)).toEqual({ sql: 'SELECT * FROM SBF.SBF_PAYER WHERE (PAYER_ID = :k0_0) ORDER BY PAYER_ID', binds: { k0_0: '9' } });
    expect(() => insertedKey({ ...INSERT, sql: 'INSERT INTO SBF.SBF_PAYER (NAME) VALUES (:id)' })).toThrow(/key column PAYER_ID as a bind or a literal/);
    expect(() => parseChange({ ...INSERT, sql: 'INSERT INTO SBF.SBF_PAYER (PAYER_ID, NAME) VALUES (:id)' })).toThrow(/2 columns but 1 values/);
    expect(() => parseChange({ ...INSERT, expectRows: 2 })).toThrow(/expectRows must be 1/);
    expect(() => parseChange({ ...INSERT, sql: 'INSERT INTO SBF.SBF_PAYER SELECT * FROM SBF.OLD' })).toThrow(/a change must be/);
  });

  it('guards each change inside the transaction: its count, no row outside the before-image, a free key to insert', () => {
    const [count, outside] = changeGuards(UPDATE, [{ PAYER_ID: '1' }, { PAYER_ID: '2' }]);
    expect(count).toEqual(guardStatement('SELECT COUNT(*) FROM SBF.SBF_PAYER WHERE PAYER_ID = :p', UPDATE.binds, 1));
    expect(outside!.sql).toBe('SELECT 1 / ROUND(1 / (1 + 2 * ABS(COUNT(*) - :opsctl_expect))) AS OPSCTL_GUARD FROM SBF.SBF_PAYER WHERE (PAYER_ID = :p) AND NOT ((PAYER_ID = :opsctl_k0_0) OR (PAYER_ID = :opsctl_k1_0))');
    expect(outside!.binds).toEqual({ p: '1', opsctl_k0_0: '1', opsctl_k1_0: '2', opsctl_expect: 0 });
    expect(changeGuards(INSERT, [])).toEqual([{ sql: 'SELECT 1 / ROUND(1 / (1 + 2 * ABS(COUNT(*) - :opsctl_expect))) AS OPSCTL_GUARD FROM SBF.SBF_PAYER WHERE PAYER_ID = :opsctl_k0_0', binds: { opsctl_k0_0: '9', opsctl_expect: 0 } }]);
  });

  it('the post-check defaults to the pre-check minus the rows only for one UPDATE/DELETE', () => {
    expect(postGuard(FIX).binds).toEqual({ p: '1', opsctl_expect: 0 });
    expect(() => postGuard({ ...FIX, changes: [UPDATE, UPDATE] })).toThrow(/explicit postCheck/);
    expect(() => postGuard({ ...FIX, changes: [INSERT] })).toThrow(/explicit postCheck/);
    const post = { sql: 'SELECT COUNT(*) FROM SBF.SBF_PAYER WHERE AGREEMENT = :n', binds: { n: 'N' }, expectCount: 3 };
    expect(postGuard({ ...FIX, changes: [UPDATE, INSERT], postCheck: post }).binds).toEqual({ n: 'N', opsctl_expect: 3 });
  });

  it('restores a table: UPDATE back what is there, INSERT back what is gone, DELETE what the fix inserted', () => {
    const rows = [{ PAYER_ID: '1', AGREEMENT: 'Y', N: 0.08, BANK_ACCOUNT: null }, { PAYER_ID: '2', AGREEMENT: 'Y', N: 1, BANK_ACCOUNT: 'x' }];
    const columns = ['PAYER_ID', 'AGREEMENT', 'N', 'BANK_ACCOUNT'];
    const [update, insert, drop] = restoreStatements(PAYER, columns, rows, (r) => r.PAYER_ID === '1', [{ PAYER_ID: '9' }]);
    expect(update).toEqual({ sql: 'UPDATE SBF.SBF_PAYER SET AGREEMENT = :v1, N = :v2, BANK_ACCOUNT = :v3 WHERE PAYER_ID = :k0_0', binds: { v1: 'Y', v2: 0.08, v3: null, k0_0: '1' } });
    expect(insert).toEqual({ sql: 'INSERT INTO SBF.SBF_PAYER (PAYER_ID, AGREEMENT, N, BANK_ACCOUNT) VALUES (:v0, :v1, :v2, :v3)', binds: { v0: '2', v1: 'Y', v2: 1, v3: 'x' } });
    expect(drop).toEqual({ sql: 'DELETE FROM SBF.SBF_PAYER WHERE PAYER_ID = :k0_0', binds: { k0_0: '9' } });
  });

  it('the canonical image keeps types and round-trips; the digest covers every table in order', () => {
    const image = { columns: ['A', 'B', 'C'], rows: [{ A: 'x "q"', B: 12, C: null }, { A: '12', B: 0.5, C: '' }] };
    const csv = imageCsv(image);
    expect(csv).toBe('A,B,C\n"x ""q""",12,\n"12",0.5,""\n');
    expect(parseImageCsv(csv)).toEqual(image);
    expect(parseImageCsv(imageCsv({ columns: [], rows: [] }))).toEqual({ columns: [], rows: [] });
    const a = { table: 'SBF.A', sha256: sha256('a') };
    const b = { table: 'SBF.B', sha256: sha256('b') };
    expect(imagesDigest([a, b])).toBe(sha256(`SBF.A ${a.sha256}\nSBF.B ${b.sha256}\n`));
    expect(imagesDigest([b, a])).not.toBe(imagesDigest([a, b]));
  });
});
