/**
 * Process, identity and clock commands: ps -ef / -eo, uptime, uname, hostname, date, id,
 * whoami, free (Linux, procps-ng 4 layout). Values from LabHost and the lab clock.
 */
import type { LabHost } from '../../state/types.js';
import type { CommandHandler, ShellContext } from '../types.js';
import { fail, ok } from '../types.js';
import { DAYS, MONTHS, cst, getopts, host, lj, p2, rj } from './util.js';
import { hashNum, loadAverages, uptimeSeconds } from './readings.js';

function aixPs(h: LabHost): string {
  let out = `${rj('UID', 8)}${rj('PID', 8)}${rj('PPID', 8)}${rj('C', 4)}${rj('STIME', 9)}${rj('TTY', 7)}${rj('TIME', 6)} CMD\n`;
  for (const p of h.processes) out += `${rj(p.user, 8)}${rj(p.pid, 8)}${rj(p.ppid, 8)}${rj(0, 4)}${rj(p.started, 9)}${rj('-', 7)}${rj('0:05', 6)} ${p.command}\n`;
  return out;
}

function linuxPs(h: LabHost): string {
  let out = `${lj('UID', 8)} ${rj('PID', 7)} ${rj('PPID', 7)}  C ${lj('STIME', 5)} ${lj('TTY', 8)} ${rj('TIME', 8)} CMD\n`;
  for (const p of h.processes) out += `${lj(p.user, 8)} ${rj(p.pid, 7)} ${rj(p.ppid, 7)}  0 ${lj(p.started.replace(' ', ''), 5)} ${lj('?', 8)} 00:00:05 ${p.command}\n`;
  return out;
}

function etime(p: { started: string }, ctx: ShellContext): string {
  const up = uptimeSeconds(ctx);
  const secs = /^\d\d:\d\d:\d\d$/.test(p.started) ? Math.min(up, 3600 * 5) : up;
  const d = Math.floor(secs / 86400);
  const hms = `${p2(Math.floor((secs % 86400) / 3600))}:${p2(Math.floor((secs % 3600) / 60))}:${p2(secs % 60)}`;
  return d ? `${d}-${hms}` : hms;
}

export const ps: CommandHandler = (argv, ctx) => {
  const h = host(ctx);
  const { flags } = getopts(argv.slice(1), 'opu');
  const fmt = flags.get('o');
  if (fmt !== undefined) {
    const cols = fmt.split(',').map((c) => c.trim().replace(/=.*$/, ''));
    const cell = (p: LabHost['processes'][number], c: string): string =>
      c === 'pid' ? rj(p.pid, 8) : c === 'ppid' ? rj(p.ppid, 8) : c === 'user' || c === 'ruser' ? lj(p.user, 8) : c === 'etime' ? rj(etime(p, ctx), 11) : c === 'args' || c === 'command' || c === 'comm' ? p.command : '-';
    const head = cols.map((c) => (c === 'pid' || c === 'ppid' ? rj(c.toUpperCase(), 8) : c === 'etime' ? rj('ELAPSED', 11) : c === 'user' ? lj('USER', 8) : c === 'args' ? 'COMMAND' : c.toUpperCase())).join(' ');
    return ok(`${head}\n${h.processes.map((p) => cols.map((c) => cell(p, c)).join(' ')).join('\n')}\n`);
  }
  if (!flags.has('e') && !flags.has('A') && !flags.has('f')) return ok(`${rj('PID', 8)}    TTY  TIME CMD\n${rj(4242, 8)}  pts/0  0:00 ksh\n`);
  return ok(h.os === 'aix' ? aixPs(h) : linuxPs(h));
};

export const uptime: CommandHandler = (_argv, ctx) => {
  const h = host(ctx);
  const t = cst(ctx.now);
  const up = uptimeSeconds(ctx);
  const days = Math.floor(up / 86400);
  const hm = `${Math.floor((up % 86400) / 3600)}:${p2(Math.floor((up % 3600) / 60))}`;
  const upText = days ? `${days} day${days === 1 ? '' : 's'}, ${hm.padStart(5)}` : up < 3600 ? `${Math.floor(up / 60)} min` : hm;
  const load = loadAverages(h).map((l) => l.toFixed(2)).join(', ');
  if (h.os === 'aix') {
    const hr = t.getUTCHours();
    const clock = `${p2(hr % 12 === 0 ? 12 : hr % 12)}:${p2(t.getUTCMinutes())}${hr < 12 ? 'AM' : 'PM'}`;
    return ok(`  ${clock}   up ${upText},  2 users,  load average: ${load}\n`);
  }
  return ok(` ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} up ${upText},  1 user,  load average: ${load}\n`);
};

export const uname: CommandHandler = (argv, ctx) => {
  const h = host(ctx);
  const { flags } = getopts(argv.slice(1));
  const aix = h.os === 'aix';
  const [ver = '7', rel = '2'] = aix ? [h.osLevel[0], h.osLevel[1]] : [];
  const parts: Record<string, string> = aix
    ? { s: 'AIX', n: h.hostname, r: rel, v: ver, m: `00C8F4E3${p2(hashNum(h.name, 99))}00`, p: 'powerpc' }
    : { s: 'Linux', n: h.hostname, r: h.osLevel, v: '#1 SMP Debian', m: 'x86_64', p: 'unknown', o: 'GNU/Linux' };
  const order = aix ? ['s', 'n', 'r', 'v', 'm'] : ['s', 'n', 'r', 'v', 'm', 'o'];
  const wanted = flags.has('a') ? order : order.concat('p').filter((k) => flags.has(k));
  return ok(`${(wanted.length ? wanted : ['s']).map((k) => parts[k]).join(' ')}\n`);
};

export const hostname: CommandHandler = (_argv, ctx) => ok(`${host(ctx).hostname}\n`);

export function formatDate(now: Date, format?: string): string {
  const t = cst(now);
  const map: Record<string, string> = {
    Y: String(t.getUTCFullYear()), y: p2(t.getUTCFullYear() % 100), m: p2(t.getUTCMonth() + 1), d: p2(t.getUTCDate()),
    H: p2(t.getUTCHours()), M: p2(t.getUTCMinutes()), S: p2(t.getUTCSeconds()), s: String(Math.floor(now.getTime() / 1000)),
    a: DAYS[t.getUTCDay()] ?? '', b: MONTHS[t.getUTCMonth()] ?? '', e: String(t.getUTCDate()).padStart(2), Z: 'CST', z: '+0800',
    j: String(Math.floor((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'), '%': '%', n: '\n',
  };
  map.F = `${map.Y}-${map.m}-${map.d}`;
  map.T = `${map.H}:${map.M}:${map.S}`;
  const f = format ?? '%a %b %e %H:%M:%S %Z %Y';
  return f.replace(/%(.)/g, (_m, c: string) => map[c] ?? `%${c}`);
}

export const date: CommandHandler = (argv, ctx) => {
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  return ok(`${formatDate(ctx.now, fmt?.slice(1))}\n`);
};

function uidOf(user: string): number {
  const known: Record<string, number> = { root: 0, oracle: 301, grid: 302, weblogic: 303, opsctl: 204 };
  return known[user] ?? 1000 + hashNum(user, 500);
}

export const id: CommandHandler = (argv, ctx) => {
  const user = argv.slice(1).find((a) => !a.startsWith('-')) ?? ctx.user;
  const aix = host(ctx).os === 'aix';
  const uid = uidOf(user);
  const [gid, group] = user === 'root' ? [0, aix ? 'system' : 'root'] : user === 'oracle' || user === 'grid' ? [201, 'oinstall'] : [aix ? 1 : uid, aix ? 'staff' : user];
  if (argv.includes('-un')) return ok(`${user}\n`);
  if (argv.includes('-u')) return ok(`${uid}\n`);
  return ok(`uid=${uid}(${user}) gid=${gid}(${group})${aix ? '' : ` groups=${gid}(${group})`}\n`);
};

export const whoami: CommandHandler = (_argv, ctx) => ok(`${ctx.user}\n`);

export const free: CommandHandler = (argv, ctx) => {
  const h = host(ctx);
  const { flags } = getopts(argv.slice(1));
  const div = flags.has('m') ? 1024 : flags.has('g') ? 1024 * 1024 : 1;
  const kb = (mb: number): number => Math.round((mb * 1024) / div);
  const total = h.memory.totalMb;
  const used = h.memory.usedMb;
  const cache = Math.round((total - used) * 0.3);
  const swapUsed = (h.memory.pagingSpaceMb * h.memory.pagingUsedPercent) / 100;
  const row = (label: string, cells: Array<string | number>): string => `${lj(label, 8)}${cells.map((c) => rj(c, 12)).join('')}`;
  return ok([
    row('', ['total', 'used', 'free', 'shared', 'buff/cache', 'available']),
    row('Mem:', [kb(total), kb(used), kb(total - used - cache), kb(8), kb(cache), kb(total - used)]),
    row('Swap:', [kb(h.memory.pagingSpaceMb), kb(swapUsed), kb(h.memory.pagingSpaceMb - swapUsed)]),
  ].join('\n') + '\n');
};

export const notFound = (name: string): CommandHandler => () => fail(127, `${name}: not available in the lab\n`);
