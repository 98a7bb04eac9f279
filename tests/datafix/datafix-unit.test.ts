// The pure parts of a data fix: masking, the SQL derived from the file, the canonical image.
import { describe, expect, it } from 'vitest';
import { affectedSelect, guardStatement, hasUnmaskedId, imageCsv, maskValue, parseChange, parseImageCsv, restoreStatements, scrubText } from '../../src/datafix/index.js';
import type { DataFix } from '../../src/model/index.js';

const FIX = {
  apiVersion: 'opsctl/v1', kind: 'DataFix', name: 'f', title: 't', problem: 'p', ticket: 'T-1', requestedBy: 'r', database: 'coredb',
  table: { schema: 'SBF', name: 'SBF_PAYER', key: ['PAYER_ID'] }, personalColumns: ['ID_NO'],
  preCheck: { sql: 'SELECT COUNT(*) FROM SBF.SBF_PAYER WHERE PAYER_ID = :p', binds: { p: '1', unused: 'x' }, expectCount: 1 },
  change: { sql: 'UPDATE SBF.SBF_PAYER SET AGREEMENT = :n WHERE PAYER_ID = :p', binds: { p: '1', n: 'N' }, expectRows: 1 },
  requiredApprovals: ['主管部门'],
} as unknown as DataFix;

describe('datafix pure parts', () => {
  it('masks 身份证号, names, phones and cards; scrubs texts', () => {
    expect(maskValue('130203200008255709')).toBe('130***********5709');
    expect(maskValue('吴平')).toBe('吴*');
    expect(maskValue('13995685794')).toBe('139****5794');
    expect(scrubText('id 13020320000825570X card 6228483748207542052')).toBe('id 130***********570X card 622************2052');
    expect(hasUnmaskedId('130203200008255709')).toBe(true);
    expect(hasUnmaskedId(scrubText('130203200008255709'))).toBe(false);
  });

  it('derives the affected rows and the guards from the file, binds only', () => {
    expect(parseChange(FIX)).toEqual({ verb: 'UPDATE', set: 'AGREEMENT = :n', where: 'PAYER_ID = :p' });
    expect(affectedSelect(FIX)).toEqual({ sql: 'SELECT * FROM SBF.SBF_PAYER WHERE PAYER_ID = :p ORDER BY PAYER_ID', binds: { p: '1' } });
    const g = guardStatement(FIX.preCheck.sql, FIX.preCheck.binds, 1);
    expect(g.sql).toBe('SELECT 1 / ROUND(1 / (1 + 2 * ABS(COUNT(*) - :opsctl_expect))) AS OPSCTL_GUARD FROM SBF.SBF_PAYER WHERE PAYER_ID = :p');
    expect(g.binds).toEqual({ p: '1', opsctl_expect: 1 });
    expect(() => guardStatement('SELECT * FROM X', {}, 1)).toThrow(/COUNT/);
    expect(() => parseChange({ ...FIX, change: { ...FIX.change, sql: 'UPDATE SBF.OTHER SET A = 1 WHERE B = 2' } })).toThrow(/UPDATE SBF.SBF_PAYER/);
  });

  it('restores every column by key with the exact values and types', () => {
    const rows = [{ PAYER_ID: '1', AGREEMENT: 'Y', N: 0.08, BANK_ACCOUNT: null }];
    const [s] = restoreStatements(FIX, ['PAYER_ID', 'AGREEMENT', 'N', 'BANK_ACCOUNT'], rows);
    expect(s).toEqual({ sql: 'UPDATE SBF.SBF_PAYER SET AGREEMENT = :v1, N = :v2, BANK_ACCOUNT = :v3 WHERE PAYER_ID = :k0_0', binds: { v1: 'Y', v2: 0.08, v3: null, k0_0: '1' } });
    const deleting = { ...FIX, change: { ...FIX.change, sql: 'DELETE FROM SBF.SBF_PAYER WHERE PAYER_ID = :p' } } as DataFix;
    expect(restoreStatements(deleting, ['PAYER_ID', 'AGREEMENT'], rows)[0]!.sql).toBe('INSERT INTO SBF.SBF_PAYER (PAYER_ID, AGREEMENT) VALUES (:v0, :v1)');
  });

  it('the canonical image keeps types and round-trips', () => {
    const image = { columns: ['A', 'B', 'C'], rows: [{ A: 'x "q"', B: 12, C: null }, { A: '12', B: 0.5, C: '' }] };
    const csv = imageCsv(image);
    expect(csv).toBe('A,B,C\n"x ""q""",12,\n"12",0.5,""\n');
    expect(parseImageCsv(csv)).toEqual(image);
  });
});
