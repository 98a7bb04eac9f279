/**
 * Generated Linux /proc files (meminfo, loadavg, cpuinfo, uptime, sys/…) from LabHost state, so
 * `cat /proc/meminfo` reads like procfs on the real host. Not present on AIX hosts.
 */
import type { LabHost } from '../../state/types.js';
import type { ShellContext } from '../types.js';
import { hostOf } from '../vfs.js';
import { loadAverages, uptimeSeconds } from './readings.js';

function meminfo(h: LabHost): string {
  const kb = (mb: number): number => Math.round(mb * 1024);
  const total = kb(h.memory.totalMb);
  const available = kb(h.memory.totalMb - h.memory.usedMb);
  const free = Math.round(available * 0.7);
  const cached = available - free;
  const swap = kb(h.memory.pagingSpaceMb);
  const swapFree = Math.round(swap * (1 - h.memory.pagingUsedPercent / 100));
  const rows: Array<[string, number]> = [
    ['MemTotal', total], ['MemFree', free], ['MemAvailable', available], ['Buffers', 5644], ['Cached', cached],
    ['SwapCached', 0], ['Active', Math.round(total * 0.2)], ['Inactive', Math.round(total * 0.1)],
    ['SwapTotal', swap], ['SwapFree', swapFree], ['Dirty', 64], ['Shmem', 8872],
    ['Slab', 120000], ['CommitLimit', Math.round(total / 2 + swap)], ['Committed_AS', kb(h.memory.usedMb)],
    ['HugePages_Total', 0],
  ];
  return rows.map(([k, v]) => `${`${k}:`.padEnd(16)}${String(v).padStart(8)}${k.startsWith('HugePages') ? '' : ' kB'}`).join('\n') + '\n';
}

function cpuinfo(h: LabHost): string {
  let out = '';
  for (let i = 0; i < h.cpu.cores; i++) {
    out += `processor\t: ${i}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel name\t: Intel Xeon Processor (Cascadelake)\ncpu MHz\t\t: 2992.968\ncache size\t: 16384 KB\ncpu cores\t: ${h.cpu.cores}\n\n`;
  }
  return out;
}

export function procFile(ctx: ShellContext, path: string): string | undefined {
  const h = hostOf(ctx);
  if (h.os !== 'linux' || !path.startsWith('/proc/')) return undefined;
  const up = uptimeSeconds(ctx);
  const [a, b, c] = loadAverages(h);
  switch (path) {
    case '/proc/meminfo':
      return meminfo(h);
    case '/proc/loadavg':
      return `${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} ${h.cpu.runQueue + 1}/${h.processes.length + 80} ${9000 + h.processes.length}\n`;
    case '/proc/uptime':
      return `${up.toFixed(2)} ${((up * h.cpu.cores * h.cpu.idlePercent) / 100).toFixed(2)}\n`;
    case '/proc/cpuinfo':
      return cpuinfo(h);
    case '/proc/version':
      return `Linux version ${h.osLevel} (debian-kernel@lists.debian.org) #1 SMP Debian\n`;
  }
  if (path.startsWith('/proc/sys/')) return h.tunables.sysctl[path.slice('/proc/sys/'.length).replace(/\//g, '.')]?.concat('\n');
  return undefined;
}
