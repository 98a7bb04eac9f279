// Row names: stable, parseable, any key value round-trips; SQL built with binds only.
import { describe, expect, it } from 'vitest';
import type { ConfigTable } from '../../../src/model/schema/index.js';
import { parseRowName, rowAddress, rowName, splitRowAddress } from '../../../src/providers/config-table/rows.js';
import { insertRow, selectSql, updateRow } from '../../../src/providers/config-table/table.js';

const t = { name: 'post-function', schema: 'SBF', table: 'T_GW_GN', key: ['GW_DM', 'GN_DM'], columns: ['YXBZ'], rows: [] } as unknown as ConfigTable;

describe('row names', () => {
  it('percent-encodes / # , = % and whitespace, and parses back', () => {
    const key = { GW_DM: 'a/b#c,d=e%f g\th', GN_DM: '岗位:1' };
    const name = rowName(t, key);
    expect(name).toBe('GW_DM=a%2Fb%23c%2Cd%3De%25f%20g%09h,GN_DM=岗位:1');
    expect(parseRowName(t, name)).toEqual(key);
    const address = rowAddress('lab', t, key);
    expect(splitRowAddress(address)).toEqual({ table: 'post-function', row: name });
    expect(parseRowName(t, 'GW_DM=x')).toBeUndefined();
  });

  it('builds SQL with quoted identifiers and every value bound', () => {
    expect(selectSql(t)).toBe('SELECT "GW_DM", "GN_DM", "YXBZ" FROM "SBF"."T_GW_GN"');
    const evil = "'; DROP TABLE x; --";
    expect(insertRow(t, { GW_DM: 'A', GN_DM: 'B' }, { YXBZ: evil })).toEqual({ sql: 'INSERT INTO "SBF"."T_GW_GN" ("GW_DM", "GN_DM", "YXBZ") VALUES (:v0, :v1, :v2)', binds: { v0: 'A', v1: 'B', v2: evil } });
    expect(updateRow(t, { GW_DM: 'A', GN_DM: 'B' }, { YXBZ: '' })).toEqual({ sql: 'UPDATE "SBF"."T_GW_GN" SET "YXBZ" = :v0 WHERE "GW_DM" = :k0 AND "GN_DM" = :k1', binds: { k0: 'A', k1: 'B', v0: null } });
  });
});
