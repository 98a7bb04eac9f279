/**
 * The lab's command output against real samples (tests/fixtures/{aix,linux}/, sources in
 * SOURCES.md there): same header lines, same column layout (where the sample's columns end or
 * start), same number of fields per data row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/lab/shell/index.js';
import { memoryStore } from '../../../src/lab/state/store.js';
import { fixtureState } from '../ssh/fixture-state.js';

const NOW = new Date('2026-11-27T05:30:00Z');
const fixture = (name: string): string[] => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8').replace(/\n$/, '').split('\n');

async function run(line: string, host = 'app01'): Promise<string[]> {
  const r = await runShell(line, { store: memoryStore(fixtureState()), host, user: 'root', now: NOW, env: {}, cwd: '/' });
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout.replace(/\n$/, '').split('\n');
}

const tokens = (line: string): Array<{ text: string; start: number; end: number }> =>
  [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
const ends = (line: string | undefined, pick: number[]): number[] => pick.map((i) => tokens(line ?? '')[i]?.end ?? -1);
const starts = (line: string | undefined, pick: number[]): number[] => pick.map((i) => tokens(line ?? '')[i]?.start ?? -1);
const row = (lines: string[], re: RegExp): string | undefined => lines.find((l) => re.test(l));

describe('AIX output formats match the real samples', () => {
  it('vmstat: same three header lines, 17 fields per row', async () => {
    const real = fixture('aix/vmstat.txt');
    const ours = await run('vmstat 2 2');
    for (const h of real.slice(0, 3)) expect(ours).toContain(h);
    const dataRows = ours.slice(ours.indexOf(real[2] ?? '') + 1);
    expect(dataRows).toHaveLength(2);
    for (const r of dataRows) expect(tokens(r)).toHaveLength(tokens(real[3] ?? '').length);
    expect(ours[1]).toMatch(/^System configuration: lcpu=8 mem=32768MB$/);
  });

  it('svmon -G: same headers and right-aligned 11-wide columns', async () => {
    const real = fixture('aix/svmon-G.txt');
    const ours = await run('svmon -G');
    for (const h of [real[1], real[5], real[9]]) expect(ours).toContain(h);
    for (const label of [/^memory /, /^pg space /, /^pin /, /^in use /, /^s {3}4 KB /]) {
      const r = row(real, label);
      const o = row(ours, label);
      const n = tokens(r ?? '').length;
      expect(ends(o, [n - 3, n - 2, n - 1]), String(label)).toEqual(ends(r, [n - 3, n - 2, n - 1]));
    }
  });

  it('lsps -s and lsps -a', async () => {
    const realS = fixture('aix/lsps-s.txt');
    const oursS = await run('lsps -s');
    expect(oursS[0]).toBe(realS[0]);
    expect(ends(oursS[1], [0, 1])).toEqual(ends(realS[1], [0, 1]));
    expect(oursS[1]).toMatch(/^ +30528MB +1%$/);
    const realA = fixture('aix/lsps-a.txt');
    const oursA = await run('lsps -a');
    expect(oursA[0]).toBe(realA[0]);
    expect(tokens(oursA[1] ?? '').map((t) => t.text).slice(0, 3)).toEqual(['hd6', 'hdisk0', 'rootvg']);
    expect(tokens(oursA[1] ?? '')).toHaveLength(tokens(realA[1] ?? '').length);
  });

  it('df -g: same header and column ends', async () => {
    const real = fixture('aix/df-g.txt');
    const ours = await run('df -g');
    expect(ours[0]).toBe(real[0]);
    const cols = [1, 2, 3, 4, 5];
    expect(ends(row(ours, /^\/dev\/hd4 /), cols)).toEqual(ends(row(real, /^\/dev\/hd4 /), cols));
    expect(row(ours, /^\/dev\/hd4 /)).toMatch(/^\/dev\/hd4 +1\.00 +0\.67 +34% +\d+ +8% \/$/);
    expect(row(ours, /^\/dev\/lvfmw /)).toMatch(/ \/weblogic$/);
  });

  it('df -P / -Pk: POSIX headers', async () => {
    expect((await run('df -P'))[0]).toMatch(/^Filesystem +512-blocks +Used +Available +Capacity +Mounted on$/);
    expect((await run('df -Pk'))[0]).toMatch(/^Filesystem +1024-blocks +Used +Available +Capacity +Mounted on$/);
  });

  it('errpt: same header and field starts', async () => {
    const real = fixture('aix/errpt.txt');
    const ours = await run('errpt');
    expect(ours[0]).toBe(real[0]);
    expect(starts(ours[1], [0, 1, 2, 3, 4, 5])).toEqual(starts(real[1], [0, 1, 2, 3, 4, 5]));
    expect(ours[1]).toMatch(/^369D049B {3}1119082426 I O SYSPFS +UNABLE TO ALLOCATE SPACE IN FILE SYSTE$/);
    const detail = (await run('errpt -a -j 9DBCFDEE')).join('\n');
    expect(detail).toMatch(/IDENTIFIER:\s+9DBCFDEE/);
    expect(detail).toMatch(/Resource Name:\s+errdemon/);
  });

  it('iostat: same tty and Disks headers and disk columns', async () => {
    const real = fixture('aix/iostat.txt');
    const ours = await run('iostat');
    expect(ours).toContain(real[0]);
    expect(ours).toContain(real[3]);
    expect(ends(row(ours, /^hdisk0 /), [1, 2, 3, 4, 5])).toEqual(ends(row(real, /^hdisk0 /), [1, 2, 3, 4, 5]));
    expect(ends(ours[ours.indexOf(real[0] ?? '') + 1], [0, 1, 2, 3, 4, 5])).toEqual(ends(real[1], [0, 1, 2, 3, 4, 5]));
  });

  it('instfix -i and -ik', async () => {
    const re = /^All filesets for \S+ were found\.$/;
    for (const l of fixture('aix/instfix-i.txt')) expect(l).toMatch(re);
    for (const l of await run('instfix -i')) expect(l).toMatch(re);
    expect(await run('instfix -ik IJ35510')).toEqual(['All filesets for IJ35510 were found.']);
  });

  it('lssrc -a: same header and field starts', async () => {
    const real = fixture('aix/lssrc.txt');
    const ours = await run('lssrc -a');
    expect(ours[0]).toBe(real[0]);
    expect(starts(row(ours, /^ xntpd/), [0, 1, 2, 3])).toEqual(starts(row(real, /^ xntpd/), [0, 1, 2, 3]));
    expect(starts(row(ours, /^ rwhod/), [0, 1, 2])).toEqual(starts(row(real, /^ rwhod/), [0, 1, 2]));
  });

  it('uptime, oslevel', async () => {
    const re = /^ {2}\d\d:\d\d[AP]M {3}up \d+ days?, +\d+:\d\d, +\d+ users?, +load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$/;
    expect(fixture('aix/uptime.txt')[0]).toMatch(re);
    expect((await run('uptime'))[0]).toMatch(re);
    expect(await run('oslevel -s')).toEqual(['7200-05-03-2148']);
    expect(await run('oslevel -r')).toEqual(['7200-05']);
  });

  it('tunables: no/vmo/ioo, lsattr, chdev', async () => {
    expect(await run('no -o tcp_sendspace')).toEqual(['tcp_sendspace = 262144']);
    expect(await run('no -p -o tcp_sendspace=524288')).toEqual(['Setting tcp_sendspace to 524288 in nextboot file', 'Setting tcp_sendspace to 524288']);
    expect((await run('vmo -a')).find((l) => l.includes('maxperm_pct'))).toMatch(/^ +maxperm_pct = 90$/);
    expect((await run('lsattr -El sys0 -a maxuprocs'))[0]).toMatch(/^maxuprocs +4096 +Maximum number of PROCESSES allowed per user +True$/);
    expect(await run('lsattr -El sys0 -a realmem -F value')).toEqual(['33554432']);
    expect(await run('chdev -l sys0 -a maxuprocs=8192')).toEqual(['sys0 changed']);
  });
});

describe('Linux output formats match the real samples', () => {
  it('/proc/loadavg and /proc/meminfo', async () => {
    const re = /^\d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+$/;
    expect(fixture('linux/proc-loadavg.txt')[0]).toMatch(re);
    expect((await run('cat /proc/loadavg', 'lnx01'))[0]).toMatch(re);
    const mem = await run('cat /proc/meminfo', 'lnx01');
    expect(mem[0]).toBe('MemTotal:       33554432 kB');
    expect(mem.some((l) => /^MemAvailable: +\d+ kB$/.test(l))).toBe(true);
  });

  it('free -k: same header and column ends', async () => {
    const real = fixture('linux/free-k.txt');
    const ours = await run('free -k', 'lnx01');
    expect(ours[0]).toBe(real[0]);
    expect(ends(ours[1], [1, 2, 3, 4, 5, 6])).toEqual(ends(real[1], [1, 2, 3, 4, 5, 6]));
    expect(ends(ours[2], [1, 2, 3])).toEqual(ends(real[2], [1, 2, 3]));
  });

  it('df -P: same header words; numbers right-aligned under their headers, like the sample', async () => {
    const real = fixture('linux/df-P.txt');
    const ours = await run('df -P', 'lnx01');
    expect(tokens(ours[0] ?? '').map((t) => t.text)).toEqual(tokens(real[0] ?? '').map((t) => t.text));
    for (const lines of [real, ours]) {
      for (const r of lines.slice(1)) expect(ends(r, [1, 2, 3, 4])).toEqual(ends(lines[0], [1, 2, 3, 4]));
    }
  });

  it('ss -ltn: same header and column ends', async () => {
    const real = fixture('linux/ss-ltn.txt');
    const ours = await run('ss -ltn', 'lnx01');
    expect(ours[0]).toBe(real[0]);
    const r22 = row(ours, /:22 /);
    expect(starts(r22, [0, 1, 2])).toEqual(starts(real[1], [0, 1, 2]));
    expect(r22?.indexOf(':')).toBe(real[1]?.indexOf(':'));
  });

  it('uptime and vmstat', async () => {
    const re = /^ \d\d:\d\d:\d\d up .+, +\d+ users?, +load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$/;
    expect(fixture('linux/uptime.txt')[0]).toMatch(re);
    expect((await run('uptime', 'lnx01'))[0]).toMatch(re);
    const real = fixture('linux/vmstat.txt');
    const ours = await run('vmstat 1 2', 'lnx01');
    expect(ours.slice(0, 2)).toEqual(real.slice(0, 2));
    expect(tokens(ours[2] ?? '')).toHaveLength(17);
  });

  it('sysctl', async () => {
    expect(await run('sysctl vm.swappiness', 'lnx01')).toEqual(['vm.swappiness = 10']);
    expect(await run('sysctl -n net.core.somaxconn', 'lnx01')).toEqual(['128']);
    expect(await run('sysctl -w vm.swappiness=5', 'lnx01')).toEqual(['vm.swappiness = 5']);
  });
});
