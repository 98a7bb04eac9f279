/**
 * OPatch, datapatch and BSU parsers on real outputs (tests/fixtures/patch/, sources in
 * tests/fixtures/SOURCES.md): WebLogic 12.2.1.x middleware homes, 11.2 / 12.1 database homes,
 * 10.3.x BSU views (padded and collapsed), and the outcomes of apply, rollback, prereq, install,
 * remove and conflicts.
 */
import { describe, expect, it } from 'vitest';
import { parseBsuOutcome, parseBsuView, parseDatapatch, parseOpatchLsinventory, parseOpatchOutcome } from '../../../src/parsers/index.js';
import { failure, fixture, value } from './fixture.js';

const f = (name: string): string => fixture(`patch/${name}`);

describe('parseOpatchLsinventory', () => {
  it('a WebLogic 12.2.1.4 middleware home with its PSU (weblogic-image-tool)', () => {
    const inv = value(parseOpatchLsinventory(f('opatch-lsinventory-wls-12.2.1.4-wit.txt')));
    expect(inv.oracleHome).toBe('/u01/oracle');
    expect(inv.opatchVersion).toBe('13.9.4.2.2');
    expect(inv.products).toEqual([]);
    expect(inv.patches).toEqual([{
      id: '30689820', appliedOn: 'Sat Jun 06 01:10:59 GMT 2020', uniqueId: '23281789', description: 'WLS PATCH SET UPDATE 12.2.1.4.191220',
      bugs: ['26444945', '29671344', '29769772', '30067299', '30153412', '30230430', '30341541', '30342923', '30362026', '30362086', '30589563'],
    }]);
  });

  it('five patches of a 12.2.1.3 home, one-offs included', () => {
    const inv = value(parseOpatchLsinventory(f('opatch-lsinventory-wls-12.2.1.3-five-wit.txt')));
    expect(inv.patches.map((p) => [p.id, p.description])).toEqual([
      ['30965714', 'WLS PATCH SET UPDATE 12.2.1.3.0(ID:200227.1409)'], ['26355633', 'One-off'], ['26287183', 'One-off'], ['26261906', 'One-off'], ['26051289', 'One-off'],
    ]);
    expect(inv.patches[0]!.bugs).toHaveLength(182);
    expect(inv.patches[3]!.bugs).toEqual(['25559137', '25232931', '24811916']);
  });

  it('database homes: 12.1 PSU, 11.2.0.4 one-off without a description, 11.2.0.3 RAC with none and with one', () => {
    const psu = value(parseOpatchLsinventory(f('opatch-lsinventory-db-12.1.0.1-psu.txt')));
    expect(psu.products).toEqual([{ name: 'Oracle Database 12c', version: '12.1.0.1.0' }]);
    expect(psu.patches.map((p) => [p.id, p.uniqueId, p.description])).toEqual([['18031528', '17262469.1', 'Database Patch Set Update : 12.1.0.1.3 (18031528)']]);
    const oneoff = value(parseOpatchLsinventory(f('opatch-lsinventory-db-11.2.0.4-oneoff.txt')));
    expect(oneoff.oracleHome).toBe('/u01/oracle/product/11.2.0/db_1');
    expect(oneoff.patches).toEqual([{ id: '19692824', appliedOn: 'Sun Jul 17 21:45:16 CST 2022', uniqueId: '18333234', description: null, bugs: ['19692824'] }]);
    expect(value(parseOpatchLsinventory(f('opatch-lsinventory-db-11.2.0.3-rac-none.txt'))).patches).toEqual([]);
    const one = value(parseOpatchLsinventory(f('opatch-lsinventory-db-11.2.0.3-rac-one.txt')));
    expect(one.patches.map((p) => p.id)).toEqual(['14230270']);
  });

  it('a failed or cut-off run is a failure, not an empty home', () => {
    expect(failure(parseOpatchLsinventory(f('opatch-apply-checkactive-failed-db-12.2.0.1.16.txt'))).message).toMatch(/error code 73/);
    const cut = f('opatch-lsinventory-wls-12.2.1.4-wit.txt').split('OPatch succeeded.')[0]!;
    expect(failure(parseOpatchLsinventory(cut)).message).toMatch(/OPatch succeeded/);
    const lying = f('opatch-lsinventory-wls-12.2.1.4-wit.txt').replace('Interim patches (1)', 'Interim patches (2)');
    expect(failure(parseOpatchLsinventory(lying)).message).toMatch(/declares 2 .* lists 1/);
    expect(failure(parseOpatchLsinventory('')).line).toBe(0);
  });
});

describe('parseOpatchOutcome', () => {
  it('a silent apply on a WebLogic 12.2.1.4 home succeeded', () => {
    const o = parseOpatchOutcome(f('opatch-napply-silent-wls-13.9.4.2.2-wit-soa.txt'));
    expect(o).toMatchObject({ succeeded: true, errorCode: null, failedChecks: [], applied: ['30761841'] });
  });

  it('CheckActiveFilesAndExecutables: error 73 with the active executable named', () => {
    const o = parseOpatchOutcome(f('opatch-apply-checkactive-failed-db-12.2.0.1.16.txt'));
    expect(o.succeeded).toBe(false);
    expect(o.errorCode).toBe(73);
    expect(o.failedChecks).toEqual(['CheckActiveFilesAndExecutables']);
    expect(o.details).toEqual(['Following active executables are not used by opatch process :', '/oracle/app/oracle/12.1.0/bin/oracle', 'Following active executables are used by opatch process :']);
  });

  it('rollback and prereq', () => {
    expect(parseOpatchOutcome(f('opatch-rollback-db-19c-12.2.0.1.45.txt'))).toMatchObject({ succeeded: true, rolledBack: ['27605010'] });
    expect(parseOpatchOutcome(f('opatch-prereq-conflict-passed-db-11.2.0.4.txt'))).toMatchObject({ succeeded: true, passedChecks: ['checkConflictAgainstOHWithDetail'], failedChecks: [] });
  });
});

describe('parseDatapatch', () => {
  it('12.2 datapatch -verbose applying the RU', () => {
    const d = parseDatapatch(f('datapatch-verbose-12.2.0.1.txt'));
    expect(d).toEqual({ results: [{ id: '28163133', action: 'apply', status: 'SUCCESS' }], completed: true, nothingToDo: false });
  });
});

describe('parseBsuView', () => {
  it('10.3.3, padded labels, non-verbose: ids and the bug in brackets', () => {
    const v = value(parseBsuView(f('bsu-view-applied-10.3.3-oracle-dba-ru.txt')));
    expect(v).toMatchObject({ productName: 'WebLogic Server', productVersion: '10.3 MP3', beaHome: 'C:\\bea1033', productHome: 'C:\\bea1033\\wlserver_10.3', profile: 'Default' });
    expect(v.patches.map((p) => [p.id, p.bug])).toEqual([['WFMJ', null], ['2LZX', '9322540']]);
  });

  it('10.3.6 verbose (padding collapsed by the page): container, CR/BUG, restart, description', () => {
    const v = value(parseBsuView(f('bsu-view-applied-verbose-10.3.6-csdn.txt')));
    expect(v.productVersion).toBe('10.3 MP6');
    expect(v.productHome).toBe('/app/weblogic/wlserver_10.3');
    expect(v.patches).toEqual([{ id: 'B47X', bug: '27919965', container: 'B47X.jar', description: 'WLS PATCH SET UPDATE 10.3.6.0.180717', restart: true }]);
  });

  it('text without labels is a failure', () => {
    expect(failure(parseBsuView('bash: bsu.sh: command not found\n')).message).toMatch(/not a bsu -view output/);
  });
});

describe('parseBsuOutcome', () => {
  it('install and remove succeeded; already installed counts as success', () => {
    expect(parseBsuOutcome(f('bsu-install-success-oracle-dba-ru.txt'))).toMatchObject({ succeeded: true, installed: ['2LZX'] });
    expect(parseBsuOutcome(f('bsu-install-success-10.3.6.txt'))).toMatchObject({ succeeded: true, installed: ['FMJJ'] });
    expect(parseBsuOutcome(f('bsu-remove-success-10.3.6.txt'))).toMatchObject({ succeeded: true, removed: ['B25A'] });
    expect(parseBsuOutcome(f('bsu-install-already-oracle-dba-ru.txt'))).toMatchObject({ succeeded: true, alreadyInstalled: ['2LZX'] });
  });

  it('a conflict is a failure naming both patches', () => {
    const o = parseBsuOutcome(f('bsu-install-conflict-10.3.6.txt'));
    expect(o.succeeded).toBe(false);
    expect(o.conflicts).toEqual([{ patch: 'FMJJ', with: ['B25A'] }]);
    expect(o.errors[0]).toMatch(/Conflict\(s\) detected/);
  });
});
