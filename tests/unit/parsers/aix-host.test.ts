import { describe, expect, it } from 'vitest';
import {
  parseCsum, parseDfG, parseDfP, parseErrptSummary, parseInstfix, parseLsattrSys0, parseLssrc, parseOslevel,
  parseTunables, sys0Number, tunableNumber,
} from '../../../src/parsers/index.js';
import { failure, fixture, value } from './fixture.js';

describe('parseDfG', () => {
  it('reads the AIX sample and keeps /proc (all `-`) as a note', () => {
    const r = parseDfG(fixture('aix/df-g.txt'));
    const fs = value(r);
    expect(fs).toHaveLength(10);
    expect(fs[0]).toEqual({ filesystem: '/dev/hd4', sizeGb: 1, freeGb: 0.67, usedPercent: 33, inodesUsed: 12526, inodesUsedPercent: 8, mountedOn: '/' });
    expect(fs.find((f) => f.mountedOn === '/oracle/fmw')?.freeGb).toBe(14.94);
    expect(r.ok && r.notes.map((n) => n.text.trim().split(/\s+/)[0])).toEqual(['/proc']);
  });

  it('joins an NFS device name wrapped onto its own line', () => {
    const text = 'Filesystem    GB blocks      Free %Used    Iused %Iused Mounted on\nnimsrv:/export/lpp_source/aix72\n                  50.00     10.00   80%    12000     1% /mnt/lpp\n';
    expect(value(parseDfG(text))[0]).toMatchObject({ filesystem: 'nimsrv:/export/lpp_source/aix72', usedPercent: 80, mountedOn: '/mnt/lpp' });
  });

  it('fails without the header', () => {
    expect(failure(parseDfG('df: /oracle: A file or directory in the path name does not exist.')).parser).toBe('df-g');
  });
});

describe('parseDfP', () => {
  it('reads Linux df -P (1024-blocks) into bytes', () => {
    const d = value(parseDfP(fixture('linux/df-P.txt')));
    expect(d.blockSize).toBe(1024);
    expect(d.filesystems.find((f) => f.mountedOn === '/')).toEqual({
      filesystem: '/dev/vda', totalBytes: 264212084 * 1024, usedBytes: 24690000 * 1024, availableBytes: 81700912 * 1024, capacityPercent: 24, mountedOn: '/',
    });
    expect(value(parseDfP(fixture('linux/df-Pk-buildhost.txt'))).filesystems).toHaveLength(3);
  });

  it('accepts the AIX 512-blocks header and mount points with spaces', () => {
    const text = 'Filesystem    512-blocks      Used Available Capacity Mounted on\n/dev/hd4         2097152    702672   1394480      34% /\n/dev/fslv00      1048576      1024   1047552       1% /data/my dir\n';
    const d = value(parseDfP(text));
    expect(d.blockSize).toBe(512);
    expect(d.filesystems[0]!.usedBytes).toBe(702672 * 512);
    expect(d.filesystems[1]!.mountedOn).toBe('/data/my dir');
  });

  it('fails on an unknown block column, notes odd rows', () => {
    expect(failure(parseDfP('Filesystem  Xblocks Used Available Capacity Mounted on\n')).message).toMatch(/block-size/);
    const r = parseDfP(`${fixture('linux/df-P.txt')}df: /mnt/nfs: Stale file handle\n`);
    expect(r.ok && r.notes).toHaveLength(1);
  });
});

describe('parseErrptSummary', () => {
  it('reads the sample with MMDDhhmmYY timestamps', () => {
    const e = value(parseErrptSummary(fixture('aix/errpt.txt')));
    expect(e).toHaveLength(5);
    expect(e[0]).toMatchObject({ identifier: '9DBCFDEE', type: 'T', errorClass: 'O', resource: 'errdemon', description: 'ERROR LOGGING TURNED ON' });
    expect(e[0]!.timestamp).toEqual({ month: 1, day: 9, hour: 3, minute: 44, year: 2000, local: '2000-01-09T03:44' });
    expect(e[4]!.description).toBe('UNABLE TO ALLOCATE SPACE IN FILE SYSTE');
  });

  it('notes rows with an impossible timestamp and returns [] for empty output (no errors logged)', () => {
    const r = parseErrptSummary('IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\nDEADBEEF   1399999999 P H hdisk0 DISK OPERATION ERROR\n');
    expect(value(r)).toEqual([]);
    expect(r.ok && r.notes[1]!.reason).toBe('not an errpt row');
    expect(value(parseErrptSummary(''))).toEqual([]);
  });
});

describe('levels', () => {
  it('parseOslevel reads -s, -r and the plain form', () => {
    expect(value(parseOslevel(fixture('aix/oslevel-s-ibm.txt')))).toEqual({ raw: '6100-00-01-0748', base: '6.1.0.0', technologyLevel: 0, servicePack: 1, build: '0748' });
    expect(value(parseOslevel(fixture('aix/oslevel-r-ibm.txt')))).toMatchObject({ base: '5.3.0.0', technologyLevel: 9, servicePack: null });
    expect(value(parseOslevel('7.2.0.0\n')).base).toBe('7.2.0.0');
    expect(failure(parseOslevel('ksh: oslevel: not found')).line).toBe(1);
  });

  it('parseInstfix reads found / not found / unknown', () => {
    expect(value(parseInstfix(fixture('aix/instfix-i.txt'))).map((x) => [x.id, x.complete])).toEqual([
      ['7.3.0.0_AIX_ML', true], ['7300-00_AIX_ML', true], ['IJ35510', true],
    ]);
    const r = value(parseInstfix('Not all filesets for 7200-05_AIX_ML were found.\nThere was no data for IJ99999 in the fix database.\n'));
    expect(r.map((x) => [x.complete, x.known])).toEqual([[false, true], [false, false]]);
  });
});

describe('parseLssrc', () => {
  it('reads rows with and without PID', () => {
    const s = value(parseLssrc(fixture('aix/lssrc.txt'))).subsystems;
    expect(s).toHaveLength(5);
    expect(s[0]).toMatchObject({ subsystem: 'inetd', group: 'tcpip', pid: 37578, status: 'active' });
    expect(s[3]).toMatchObject({ subsystem: 'muxatmd', group: 'tcpip', pid: null, status: 'inoperative' });
  });

  it('reads subsystems without a group, and SRC error messages', () => {
    const r = value(parseLssrc('Subsystem         Group            PID          Status\n ctrmc            rsct             4194582      active\n IBM.MgmtDomainRM                  4587798      active\n clcomd                            inoperative\n0513-085 The sshdx Subsystem is not on file.\n'));
    expect(r.subsystems[1]).toMatchObject({ subsystem: 'IBM.MgmtDomainRM', group: null, pid: 4587798 });
    expect(r.subsystems[2]).toMatchObject({ group: null, pid: null, status: 'inoperative' });
    expect(r.messages).toEqual([{ code: '0513-085', text: 'The sshdx Subsystem is not on file.', line: 5 }]);
  });
});

describe('parseLsattrSys0', () => {
  it('reads the AIX 7.1 attribute list', () => {
    const a = value(parseLsattrSys0(fixture('aix/lsattr-El-sys0-aix71-cnblogs.txt')));
    expect(a).toHaveLength(24);
    expect(a[1]).toMatchObject({ attribute: 'autorestart', value: 'true', description: 'Automatically REBOOT OS after a crash', userSettable: true });
    expect(a.find((x) => x.attribute === 'boottype')).toMatchObject({ description: 'N/A', userSettable: false });
  });

  it('reads realmem as KB and fails on an error message', () => {
    expect(sys0Number(value(parseLsattrSys0(fixture('aix/lsattr-sys0-realmem.txt'))), 'realmem')).toBe(98828288);
    expect(failure(parseLsattrSys0('lsattr: 0514-528 The "realmemx" attribute does not exist in the predefined\n        device configuration database.')).line).toBe(1);
  });
});

describe('parseTunables (no / vmo / ioo)', () => {
  it('reads vmo -a from the IBM doc (stray tab, %-names, n/a values)', () => {
    const t = value(parseTunables(fixture('aix/vmo-a-ibm-aix71.txt')));
    expect(Object.keys(t.values)).toHaveLength(18);
    expect(t.values['ame_cpus_per_pool']).toBe('n/a');
    expect(tunableNumber(t, 'maxpin%')).toBe(90);
    expect(tunableNumber(t, 'ame_cpus_per_pool')).toBeNull();
  });

  it('reads `no -o udp_ttl`, skipping the prompt line', () => {
    const r = parseTunables(fixture('aix/no-o-udp_ttl-tcpip-illustrated.txt'));
    expect(value(r).values).toEqual({ udp_ttl: '30' });
    expect(r.ok && r.notes).toHaveLength(1);
  });

  it('keeps lists and reports unknown tunables as errors', () => {
    const t = value(parseTunables('delayackports = {80,30080}\nrfc1323 = 1\n0514-xxx\nTunable foo is not defined.\n'));
    expect(t.values.delayackports).toBe('{80,30080}');
    expect(t.errors.map((e) => e.line)).toEqual([4]);
  });
});

describe('parseCsum', () => {
  it('reads the IBM examples, lower-casing digests', () => {
    const d = value(parseCsum(fixture('aix/csum-md5-ibm-aix72.txt'))).digests;
    expect(d).toEqual([
      { digest: '9875dd0b18c15899988f29e9d85346a4', file: 'cars', algorithm: 'md5', line: 1 },
      { digest: 'e8c3abb5e1d48fa519135eab0fe40932', file: 'trucks', algorithm: 'md5', line: 2 },
    ]);
    expect(value(parseCsum(fixture('aix/csum-o-mdvalues-ibm-aix72.txt'))).digests.map((x) => x.file)).toEqual(['file1', 'file2']);
  });

  it('recognises a SHA-256 digest (tab separated) and notes a truncated digest', () => {
    const r = parseCsum('BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD\t/opt/rel/app-2.4.0.war\nD7FCE9FEE471194AA8B5B6E47267F03\n');
    expect(value(r).digests[0]).toMatchObject({ algorithm: 'sha256', file: '/opt/rel/app-2.4.0.war' });
    expect(r.ok && r.notes).toHaveLength(1);
  });
});
