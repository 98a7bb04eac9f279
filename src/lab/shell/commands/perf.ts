/**
 * Performance readings in the real layouts (reference/health-checks.md §3.1-3.3, 3.6):
 * vmstat (AIX and Linux), svmon -G, lsps -s / -a, iostat. Values come from LabHost.cpu/memory.
 */
import type { LabHost } from '../../state/types.js';
import type { CommandHandler } from '../types.js';
import { fail, ok } from '../types.js';
import { getopts, host, lj, rj } from './util.js';

const PAGES_PER_MB = 256;

function cpuSplit(h: LabHost): [number, number, number, number] {
  const us = Math.round(h.cpu.userPercent);
  const sy = Math.round(h.cpu.systemPercent);
  const wa = Math.round(h.cpu.waitPercent);
  return [us, sy, Math.max(0, 100 - us - sy - wa), wa];
}

function pagingActivity(h: LabHost): [number, number] {
  const pressure = h.memory.usedMb / h.memory.totalMb;
  return pressure > 0.95 || h.memory.pagingUsedPercent > 50 ? [12, 9] : [0, 0];
}

/** Column widths of the IBM sample (health-checks.md §3.1); wider values push right, as on AIX. */
const AIX_VM_WIDTHS = [2, 2, 5, 5, 3, 3, 3, 3, 4, 3, 3, 4, 3, 2, 2, 2, 2];

function aixVmstat(h: LabHost, count: number): string {
  const head = ['r', 'b', 'avm', 'fre', 're', 'pi', 'po', 'fr', 'sr', 'cy', 'in', 'sy', 'cs', 'us', 'sy', 'id', 'wa'];
  const [us, sy, id, wa] = cpuSplit(h);
  const [pi, po] = pagingActivity(h);
  const avm = h.memory.usedMb * PAGES_PER_MB;
  const fre = (h.memory.totalMb - h.memory.usedMb) * PAGES_PER_MB;
  const row = [h.cpu.runQueue, 0, avm, fre, 0, pi, po, pi, pi * 3, 0, 188, 1380, 157, us, sy, id, wa];
  const line = (cells: Array<string | number>): string => cells.map((c, i) => rj(c, AIX_VM_WIDTHS[i] ?? 2)).join(' ');
  let out = `\nSystem configuration: lcpu=${h.cpu.cores} mem=${h.memory.totalMb}MB\n\n`;
  out += 'kthr     memory             page              faults        cpu\n';
  out += '----- ----------- ------------------------ ------------ -----------\n';
  out += `${line(head)}\n`;
  for (let i = 0; i < count; i++) out += `${line(row)}\n`;
  return out;
}

function linuxVmstat(h: LabHost, count: number): string {
  const [us, sy, id, wa] = cpuSplit(h);
  const freeKb = (h.memory.totalMb - h.memory.usedMb) * 1024;
  const widths = [2, 2, 6, 6, 6, 6, 4, 4, 5, 5, 4, 4, 2, 2, 2, 2, 2];
  const line = (cells: Array<string | number>): string => cells.map((c, i) => rj(c, widths[i] ?? 2)).join(' ');
  let out = 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n';
  out += `${line(['r', 'b', 'swpd', 'free', 'buff', 'cache', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st'])}\n`;
  for (let i = 0; i < count; i++) out += `${line([h.cpu.runQueue, 0, 0, freeKb, 5644, Math.round(h.memory.usedMb * 256), 0, 0, 12, 30, 483, 1178, us, sy, id, wa, 0])}\n`;
  return out;
}

export const vmstat: CommandHandler = (argv, ctx) => {
  const { rest } = getopts(argv.slice(1));
  const nums = rest.map(Number);
  if (nums.some((n) => !Number.isInteger(n) || n < 0)) return fail(1, `vmstat: invalid argument ${rest.join(' ')}\n`);
  const count = nums.length === 0 ? 1 : (nums[1] ?? 1);
  const h = host(ctx);
  return ok(h.os === 'aix' ? aixVmstat(h, count) : linuxVmstat(h, count));
};

export const svmon: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1), 'i');
  if (!flags.has('G')) return fail(1, 'svmon: only -G is simulated in the lab\n');
  const h = host(ctx);
  const size = h.memory.totalMb * PAGES_PER_MB;
  const inuse = h.memory.usedMb * PAGES_PER_MB;
  const virtual = Math.round(inuse * 0.8);
  const pin = Math.round(size * 0.06);
  const workPin = Math.round(pin * 0.7);
  const pgSize = h.memory.pagingSpaceMb * PAGES_PER_MB;
  const pgUsed = Math.round((pgSize * h.memory.pagingUsedPercent) / 100);
  const row = (label: string, cells: Array<string | number>): string => `${lj(label, 8)}${cells.map((c) => rj(c, 11)).join('')}`.trimEnd();
  const lines = [
    row('', ['size', 'inuse', 'free', 'pin', 'virtual']),
    row('memory', [size, inuse, size - inuse, pin, virtual]),
    row('pg space', [pgSize, pgUsed]),
    '',
    row('', ['work', 'pers', 'clnt']),
    row('pin', [workPin, 0, 0]),
    row('in use', [virtual, inuse - virtual, 0]),
    '',
    row('PageSize', ['PoolSize', 'inuse', 'pgsp', 'pin', 'virtual']),
    row('s   4 KB', ['-', inuse, pgUsed, workPin, virtual]),
  ];
  return ok(`\n${lines.join('\n')}\n`);
};

export const lsps: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1));
  const h = host(ctx);
  const pct = Math.round(h.memory.pagingUsedPercent);
  if (flags.has('s')) return ok(`Total Paging Space   Percent Used\n${rj(`${h.memory.pagingSpaceMb}MB`, 13)}${rj(`${pct}%`, 17)}\n`);
  if (flags.has('a')) {
    const head = 'Page Space   PhysicalVolume  Volume Group    Size   %Used  Active  Auto  Type  Chksum';
    const row = `${lj('hd6', 14)}${lj('hdisk0', 16)}${lj('rootvg', 14)}${rj(`${h.memory.pagingSpaceMb}MB`, 8)}${rj(pct, 5)}${rj('yes', 8)}${rj('yes', 8)}${rj('lv', 5)}${rj(0, 6)}`;
    return ok(`${head}\n${row}\n`);
  }
  return fail(1, 'Usage: lsps -a | -s\n');
};

export const iostat: CommandHandler = (_argv, ctx) => {
  const h = host(ctx);
  const [us, sy, id, wa] = cpuSplit(h);
  const busy = Math.min(100, wa * 3);
  const disk = (name: string, act: number, kbps: number, tps: number, rd: number, wr: number): string =>
    `${lj(name, 14)}${rj(act.toFixed(1), 6)}${rj(kbps.toFixed(1), 10)}${rj(tps.toFixed(1), 10)}${rj(rd, 11)}${rj(wr, 10)}`;
  const out = [
    `\nSystem configuration: lcpu=${h.cpu.cores} drives=3 paths=3 vdisks=0\n`,
    'tty:      tin         tout    avg-cpu:  % user    % sys     % idle    % iowait',
    `${rj('0.1', 13)}${rj('9.0', 13)}${rj(us.toFixed(1), 18)}${rj(sy.toFixed(1), 10)}${rj(id.toFixed(1), 10)}${rj(wa.toFixed(1), 10)}`,
    '',
    'Disks:        % tm_act     Kbps      tps    Kb_read   Kb_wrtn',
    disk('hdisk1', busy / 2, 0.7, 0.0, 39191, 242113),
    disk('hdisk0', busy, 11.1, 0.8, 3926601, 822579),
    disk('cd0', 0, 0, 0, 780, 0),
  ];
  return ok(`${out.join('\n')}\n`);
};
