import { describe, expect, it } from 'vitest';
import { parseLspsA, parseLspsS, parseSvmonG, parseVmstat } from '../../../src/parsers/index.js';
import { failure, fixture, value } from './fixture.js';

describe('parseVmstat', () => {
  it('reads the IBM Performance Guide sample, dropping the since-boot row', () => {
    const v = value(parseVmstat(fixture('aix/vmstat.txt')));
    expect(v.flavor).toBe('aix');
    expect(v.rows).toHaveLength(2);
    expect(v.sinceBootDropped).toBe(true);
    expect(v.average.avm).toBe(22506);
    expect(v.average.sy).toBe(1476); // syscalls, the first `sy`
    expect(v.cpu).toEqual({ user: 48, system: 37, idle: 0, wait: 16, busy: 85 });
  });

  it('reads System configuration and a single row (kept: nothing to drop)', () => {
    const v = value(parseVmstat(fixture('aix/vmstat-syscfg-aliyun.txt')));
    expect(v.config).toEqual({ lcpu: '4', mem: '3920MB' });
    expect(v.sinceBootDropped).toBe(false);
    expect(v.cpu.idle).toBe(98);
  });

  it('maps the shared-LPAR pc/ec columns by header', () => {
    const v = value(parseVmstat(fixture('aix/vmstat-shared-lpar-thegeekdiary.txt')));
    expect(v.columns.slice(-2)).toEqual(['pc', 'ec']);
    expect(v.average.ec).toBe(0.2);
    expect(v.average.fre).toBe(1649286);
  });

  it('reads Linux vmstat (one sy column, st)', () => {
    const v = value(parseVmstat(fixture('linux/vmstat.txt')));
    expect(v.flavor).toBe('linux');
    expect(v.cpu).toEqual({ user: 0, system: 0, idle: 100, wait: 0, busy: 0 });
    expect(v.average.st).toBe(0);
  });

  it('fails on empty output and on a header without samples; notes banner lines', () => {
    expect(failure(parseVmstat('')).message).toMatch(/header/);
    const head = fixture('aix/vmstat.txt').split('\n').slice(0, 3).join('\n');
    expect(failure(parseVmstat(head)).message).toMatch(/no samples/);
    const noisy = value(parseVmstat(`# vmstat 2\nstty: not a tty\n${fixture('aix/vmstat.txt')}`));
    expect(noisy.rows).toHaveLength(2);
  });

  it('ignores a cut-off last row', () => {
    const v = value(parseVmstat(`${fixture('aix/vmstat.txt')} 1  0 22`));
    expect(v.rows).toHaveLength(2);
  });
});

describe('parseSvmonG', () => {
  it('reads the IBM AIX 7.2 sample in MB (4 KB pages)', () => {
    const s = value(parseSvmonG(fixture('aix/svmon-G.txt')));
    expect(s.unit).toBe('pages');
    expect(s.memory).toEqual({ size: 4096, inuse: 1661.23, free: 2434.77, pin: 259.85, virtual: 621.84 });
    expect(s.pagingSpace).toEqual({ size: 1024, inuse: 124.98 });
    expect(s.inuse).toEqual({ work: 506.25, pers: 1074.98, clnt: 0 });
    expect(s.pages['memory.size']).toBe(1048576);
  });

  it('takes the last report of `svmon -G -i 1 2` and honours `Unit: MB` and the available column', () => {
    const text = `${fixture('aix/svmon-G.txt')}\nUnit: MB\n               size       inuse        free         pin     virtual   available\nmemory      4096.00     1800.00     2296.00      260.00      700.00     3300.00\n`;
    const s = value(parseSvmonG(text));
    expect(s.memory.inuse).toBe(1800);
    expect(s.memory.available).toBe(3300);
  });

  it('fails without a memory row (not root: svmon prints only an error)', () => {
    expect(failure(parseSvmonG('svmon: 3004-164 You must be root to run this command.')).line).toBe(0);
  });
});

describe('lsps', () => {
  it('parseLspsS reads the summary', () => {
    expect(value(parseLspsS(fixture('aix/lsps-s.txt')))).toEqual({ totalMb: 30528, usedPercent: 1 });
  });

  it('parseLspsS fails on a header with no value line', () => {
    expect(failure(parseLspsS('Total Paging Space   Percent Used\n')).message).toMatch(/truncated/);
  });

  it('parseLspsA reads the IBM sample', () => {
    expect(value(parseLspsA(fixture('aix/lsps-a.txt')))).toEqual([
      { name: 'hd6', physicalVolume: 'hdisk0', volumeGroup: 'rootvg', sizeMb: 512, usedPercent: 1, active: true, auto: true, type: 'lv', chksum: 8 },
    ]);
  });

  it('parseLspsA: older levels without Chksum, GB sizes, and no header at all', () => {
    const r = value(parseLspsA('Page Space  Physical Volume   Volume Group    Size %Used Active  Auto  Type\npaging00    hdisk1            rootvg         2GB     3     yes   yes    lv\n'));
    expect(r[0]).toMatchObject({ name: 'paging00', sizeMb: 2048, chksum: null });
    expect(failure(parseLspsA('')).kind).toBe('parse');
  });
});
