import { describe, expect, it } from 'vitest';
import {
  parseEtime, parseFree, parseLoadavg, parseProcMeminfo, parsePsEf, parsePsEo, parseSha256sum, parseSsListen, parseSysctl, parseUptime, tunableNumber,
} from '../../../src/parsers/index.js';
import { failure, fixture, value } from './fixture.js';

describe('parseFree', () => {
  it('reads procps-ng 4 `free -k` into bytes', () => {
    const f = value(parseFree(fixture('linux/free-k.txt')));
    expect(f.mem).toEqual({ total: 24684084 * 1024, used: 339328 * 1024, free: 23683004 * 1024, shared: 8872 * 1024, buffCache: 895456 * 1024, available: 24344756 * 1024 });
    expect(f.swap?.total).toBe(0);
  });

  it('reads -m and -b with the unit given', () => {
    expect(value(parseFree(fixture('linux/free-m-buildhost.txt'), 'm')).mem.total).toBe(24105 * 1048576);
    expect(value(parseFree(fixture('linux/free-b-buildhost.txt'), 'b')).mem.total).toBe(25276510208);
  });

  it('reads a zh_CN header by position, and fails when Mem is missing', () => {
    const zh = '               总计        已用        空闲      共享    缓冲/缓存    可用\n内存：     16266720     1234567    12000000       12345     3032153    14700000\n交换：      8388604           0     8388604\n';
    const f = value(parseFree(zh));
    expect(f.mem.available).toBe(14700000 * 1024);
    expect(f.swap?.free).toBe(8388604 * 1024);
    expect(failure(parseFree('               total        used\n')).message).toMatch(/Mem/);
  });
});

describe('/proc', () => {
  it('parseProcMeminfo reads kB lines as bytes and counts as counts', () => {
    const m = value(parseProcMeminfo(fixture('linux/proc-meminfo-buildhost.txt')));
    expect(m.MemTotal).toEqual({ value: 24684092 * 1024, unit: 'bytes' });
    expect(m['Active(anon)']?.unit).toBe('bytes');
    expect(m.HugePages_Total?.unit).toBe('count');
  });

  it('parseLoadavg reads both samples and rejects garbage', () => {
    expect(value(parseLoadavg(fixture('linux/proc-loadavg.txt')))).toEqual({ load: [0.36, 0.28, 0.13], running: 1, total: 91, lastPid: 9296 });
    expect(value(parseLoadavg(fixture('linux/proc-loadavg-buildhost.txt'))).load).toHaveLength(3);
    expect(failure(parseLoadavg('cat: /proc/loadavg: No such file')).line).toBe(1);
  });
});

describe('parseSysctl', () => {
  it('keeps 64-bit values and tab tuples as text; records sysctl errors', () => {
    const s = value(parseSysctl(fixture('linux/sysctl-buildhost.txt')));
    expect(s.values['kernel.shmmax']).toBe('18446744073692774399');
    expect(tunableNumber(s, 'kernel.shmmax')).toBeNull(); // beyond 2^53: refused, not rounded
    expect(s.values['net.ipv4.ip_local_port_range']).toBe('32768\t60999');
    expect(tunableNumber(s, 'vm.swappiness')).toBe(60);
    expect(s.errors).toHaveLength(1);
  });
});

describe('parseSsListen', () => {
  it('reads ss -ltn (header with PortProcess glued) and -H', () => {
    expect(value(parseSsListen(fixture('linux/ss-ltn.txt')))).toEqual([
      { state: 'LISTEN', recvQ: 0, sendQ: 128, address: '0.0.0.0', port: 2024, peer: '0.0.0.0:*', process: null, line: 2 },
    ]);
    expect(value(parseSsListen(fixture('linux/ss-ltnH-buildhost.txt')))[0]!.port).toBe(2024);
  });

  it('reads IPv6, zone-scoped and -p rows', () => {
    const r = value(parseSsListen('LISTEN 0 4096 127.0.0.53%lo:53 0.0.0.0:*\nLISTEN 0 128 [::]:22 [::]:* users:(("sshd",pid=812,fd=4))\n'));
    expect(r.map((x) => [x.address, x.port])).toEqual([['127.0.0.53%lo', 53], ['::', 22]]);
    expect(r[1]!.process).toBe('users:(("sshd",pid=812,fd=4))');
  });
});

describe('parseSha256sum', () => {
  it('reads plain, spaced, escaped and --tag lines; error lines are errors', () => {
    const d = value(parseSha256sum(fixture('linux/sha256sum-buildhost.txt')));
    expect(d.digests.map((x) => x.file)).toEqual(['abc.txt', 'empty file.txt', 'back\\slash.txt', 'abc.txt']);
    expect(d.digests[0]!.digest).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(d.digests[3]!.algorithm).toBe('sha256');
    expect(d.errors).toHaveLength(1);
  });
});

describe('processes', () => {
  it('parsePsEf reads Linux ps -ef', () => {
    const p = value(parsePsEf(fixture('linux/ps-ef-buildhost.txt')));
    expect(p[0]).toMatchObject({ uid: 'root', pid: 2, ppid: 0, stime: '12:05', tty: '?', cmd: '[kthreadd]' });
    expect(p.at(-1)!.cmd).toBe('sleep 600');
  });

  it('parsePsEf reads AIX two-word STIME and Java command lines', () => {
    const aix = '     UID     PID    PPID   C    STIME    TTY  TIME CMD\n  oracle 6488190       1   0   Mar 08      -  1:02 ora_pmon_CORE1\n  weblogic 7340032 7209000  3 10:15:02  pts/0 12:34 /usr/java8_64/bin/java -Dweblogic.Name=hall_ms1 weblogic.Server\n';
    const p = value(parsePsEf(aix));
    expect(p[0]).toMatchObject({ stime: 'Mar 08', tty: '-', time: '1:02', cmd: 'ora_pmon_CORE1' });
    expect(p[1]!.cmd).toContain('-Dweblogic.Name=hall_ms1');
    expect(failure(parsePsEf('')).parser).toBe('ps-ef');
  });

  it('parsePsEo reads elapsed time for restart detection', () => {
    const p = value(parsePsEo(fixture('linux/ps-eo-buildhost.txt')));
    expect(p.map((x) => x.elapsedSeconds)).toEqual([20 * 60 + 35, 0]);
    expect(parseEtime('3-04:05:06')).toBe(3 * 86400 + 4 * 3600 + 5 * 60 + 6);
    expect(parseEtime('x')).toBeNull();
  });
});

describe('parseUptime', () => {
  it('reads the AIX form (days, h:mm, users)', () => {
    expect(value(parseUptime(fixture('aix/uptime.txt')))).toEqual({ clock: '01:30PM', uptimeSeconds: 10 * 86400 + 2 * 3600 + 34 * 60, users: 5, load: [1.2, 1.1, 1.05] });
  });

  it('reads the Linux forms', () => {
    expect(value(parseUptime(fixture('linux/uptime.txt')))).toMatchObject({ uptimeSeconds: 300, users: 0, load: [0.36, 0.28, 0.13] });
    expect(value(parseUptime(' 10:01:02 up 1 day, 20 min,  2 users,  load average: 0.00, 0.01, 0.05')).uptimeSeconds).toBe(86400 + 1200);
    expect(value(parseUptime('  09:00AM   up 3 hrs,  1 user,  load average: 2.00, 1.00, 0.50')).uptimeSeconds).toBe(3 * 3600);
  });

  it('reads a comma-decimal locale and fails on unreadable lines', () => {
    expect(value(parseUptime(' 10:00:00 up 2 days,  3:04,  1 user,  load average: 0,52, 0,58, 0,59')).load).toEqual([0.52, 0.58, 0.59]);
    expect(failure(parseUptime('')).line).toBe(0);
    expect(failure(parseUptime(' 10:00 up forever,  1 user,  load average: 1.0, 1.0, 1.0')).message).toMatch(/up/);
  });
});
