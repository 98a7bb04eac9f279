/**
 * df in the real layouts (reference/health-checks.md §3.4): AIX `df -g|-m|-k` (GB blocks …
 * %Iused), AIX and Linux POSIX `df -P[k]`, Linux `df -h` / `df -k`. A `disk-full` fault shows
 * the affected filesystems at 100 %.
 */
import type { LabFilesystem } from '../../state/types.js';
import type { CommandHandler, ShellContext } from '../types.js';
import { ok } from '../types.js';
import { mountFull } from '../faults.js';
import { resolvePath, mountOf } from '../vfs.js';
import { getopts, host, lj, rj, state } from './util.js';

interface Usage {
  fs: LabFilesystem;
  usedMb: number;
  freeMb: number;
  pct: number;
}

function usages(ctx: ShellContext, operands: string[]): Usage[] {
  const h = host(ctx);
  const s = state(ctx);
  let list = h.filesystems;
  if (operands.length) {
    const picked = operands.map((o) => mountOf(h, resolvePath(ctx.cwd, o))).filter((f): f is LabFilesystem => f !== undefined);
    list = [...new Set(picked)];
  }
  return list.map((fs) => {
    const full = mountFull(s, ctx.host, fs.mount) || fs.usedMb >= fs.sizeMb;
    const usedMb = full ? fs.sizeMb : fs.usedMb;
    const pct = fs.sizeMb === 0 ? 0 : full ? 100 : Math.ceil((usedMb / fs.sizeMb) * 100);
    return { fs, usedMb, freeMb: fs.sizeMb - usedMb, pct };
  });
}

function aixNative(list: Usage[], unit: 'g' | 'm' | 'k' | 'b'): string {
  const label = unit === 'g' ? 'GB blocks' : unit === 'm' ? 'MB blocks' : unit === 'k' ? '1024-blocks' : '512-blocks';
  const conv = (mb: number): string => (unit === 'g' ? (mb / 1024).toFixed(2) : unit === 'm' ? mb.toFixed(2) : String(Math.round(mb * (unit === 'k' ? 1024 : 2048))));
  let out = `${lj('Filesystem', 14)}${rj(label, 9)}${rj('Free', 10)}${rj('%Used', 6)}${rj('Iused', 9)}${rj('%Iused', 7)} Mounted on\n`;
  for (const u of list) {
    const iused = Math.round(u.fs.inodesUsedPercent * 1500);
    out += `${lj(u.fs.device, 14)}${rj(conv(u.fs.sizeMb), 9)}${rj(conv(u.freeMb), 10)}${rj(`${u.pct}%`, 6)}${rj(iused, 9)}${rj(`${Math.round(u.fs.inodesUsedPercent)}%`, 7)} ${u.fs.mount}\n`;
  }
  return out;
}

/** Columns sized like GNU df: each as wide as its widest cell, first left-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? lj(c, widths[0] ?? 0) : i === r.length - 1 ? c : rj(c, widths[i] ?? 0))).join(' ')).join('\n') + '\n';
}

function posix(list: Usage[], blockKb: number, aix: boolean): string {
  const label = blockKb === 0.5 ? '512-blocks' : `${blockKb}-blocks`;
  const blocks = (mb: number): string => String(Math.round((mb * 1024) / blockKb));
  if (aix) {
    let out = `${lj('Filesystem', 14)}${rj(label, 11)}${rj('Used', 10)}${rj('Available', 10)}${rj('Capacity', 9)} Mounted on\n`;
    for (const u of list) out += `${lj(u.fs.device, 14)}${rj(blocks(u.fs.sizeMb), 11)}${rj(blocks(u.usedMb), 10)}${rj(blocks(u.freeMb), 10)}${rj(`${u.pct}%`, 9)} ${u.fs.mount}\n`;
    return out;
  }
  const rows = [['Filesystem', label, 'Used', 'Available', 'Capacity', 'Mounted on']];
  for (const u of list) rows.push([u.fs.device, blocks(u.fs.sizeMb), blocks(u.usedMb), blocks(u.freeMb), `${u.pct}%`, u.fs.mount]);
  return table(rows);
}

function human(mb: number): string {
  if (mb >= 1024 * 1024) return `${(mb / 1024 / 1024).toFixed(1)}T`;
  if (mb >= 1024) return `${(mb / 1024).toFixed(mb >= 10240 ? 0 : 1)}G`;
  return `${Math.round(mb)}M`;
}

function linuxNative(list: Usage[], h: boolean): string {
  const rows = [h ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on']];
  const f = (mb: number): string => (h ? human(mb) : String(Math.round(mb * 1024)));
  for (const u of list) rows.push([u.fs.device, f(u.fs.sizeMb), f(u.usedMb), f(u.freeMb), `${u.pct}%`, u.fs.mount]);
  return table(rows);
}

export const df: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  const list = usages(ctx, rest);
  const aix = host(ctx).os === 'aix';
  const unit = flags.has('g') ? 'g' : flags.has('m') ? 'm' : flags.has('k') ? 'k' : undefined;
  if (flags.has('P')) {
    const blockKb = unit === 'g' ? 1048576 : unit === 'm' ? 1024 : unit === 'k' || !aix ? 1024 : 0.5;
    return ok(posix(list, blockKb, aix));
  }
  if (aix) return ok(aixNative(list, unit ?? 'b'));
  return ok(linuxNative(list, flags.has('h')));
};
