/**
 * AIX inventory and system commands (reference/health-checks.md §3.5, 3.7, 3.8): errpt
 * (summary and -a), oslevel, instfix, lssrc, prtconf, lsattr -El sys0, chdev -l sys0.
 */
import type { LabErrptEntry } from '../../state/types.js';
import type { CommandHandler } from '../types.js';
import { fail, ok } from '../types.js';
import { DAYS, MONTHS, getopts, host, lj, p2 } from './util.js';
import { hashNum } from './readings.js';

const TYPE_NAMES: Record<string, string> = { P: 'PERM', T: 'TEMP', I: 'INFO', U: 'UNKN' };

/** MMDDhhmmYY → sortable YYMMDDhhmm. */
const errKey = (ts: string): string => ts.slice(8, 10) + ts.slice(0, 8);

function errDetail(e: LabErrptEntry, seq: number, hostname: string): string {
  const [mo, dd, hh, mi, yy] = [0, 2, 4, 6, 8].map((i) => Number(e.timestamp.slice(i, i + 2)));
  const d = new Date(Date.UTC(2000 + (yy ?? 0), (mo ?? 1) - 1, dd ?? 1, hh ?? 0, mi ?? 0));
  const date = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(hh ?? 0)}:${p2(mi ?? 0)}:00 CST ${d.getUTCFullYear()}`;
  return [
    '---------------------------------------------------------------------------',
    `LABEL:          ${e.resource.toUpperCase()}_${e.identifier.slice(0, 4)}`,
    `IDENTIFIER:     ${e.identifier}`,
    '',
    `Date/Time:       ${date}`,
    `Sequence Number: ${seq}`,
    'Machine Id:      00C8F4E34C00',
    `Node Id:         ${hostname}`,
    `Class:           ${e.class}`,
    `Type:            ${TYPE_NAMES[e.type] ?? 'UNKN'}`,
    'WPAR:            Global',
    `Resource Name:   ${e.resource}`,
    '',
    'Description',
    e.description,
    '',
  ].join('\n');
}

export const errpt: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1), 'sejdTN');
  const h = host(ctx);
  let list = [...h.errpt].sort((a, b) => (errKey(a.timestamp) < errKey(b.timestamp) ? 1 : -1));
  const since = flags.get('s');
  if (since) list = list.filter((e) => errKey(e.timestamp) >= errKey(since));
  const until = flags.get('e');
  if (until) list = list.filter((e) => errKey(e.timestamp) <= errKey(until));
  const ids = flags.get('j')?.split(',');
  if (ids) list = list.filter((e) => ids.includes(e.identifier));
  const cls = flags.get('d')?.split(',');
  if (cls) list = list.filter((e) => cls.includes(e.class));
  const types = flags.get('T')?.split(',');
  if (types) list = list.filter((e) => types.includes(TYPE_NAMES[e.type] ?? ''));
  if (flags.has('a')) return ok(list.map((e, i) => errDetail(e, list.length - i, h.hostname)).join('\n'));
  if (list.length === 0) return ok();
  let out = 'IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\n';
  for (const e of list) out += `${lj(e.identifier, 11)}${lj(e.timestamp, 11)}${e.type} ${e.class} ${lj(e.resource, 15)}${e.description.slice(0, 38)}\n`;
  return ok(out);
};

export const oslevel: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1));
  const level = host(ctx).osLevel;
  if (flags.has('s')) return ok(`${level}\n`);
  if (flags.has('r')) return ok(`${level.split('-').slice(0, 2).join('-')}\n`);
  const base = level.slice(0, 4);
  return ok(`${base.split('').join('.')}\n`);
};

export const instfix: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1), 'k');
  const fixes = host(ctx).fixes;
  const one = flags.get('k');
  if (one !== undefined) {
    if (fixes.includes(one)) return ok(`All filesets for ${one} were found.\n`);
    return fail(1, '', `There was no data for ${one} in the fix database.\n`);
  }
  if (!flags.has('i')) return fail(1, 'Usage: instfix -i [-k Keyword]\n');
  return ok(fixes.map((f) => `All filesets for ${f} were found.\n`).join(''));
};

export const lssrc: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1), 'sg');
  let list = host(ctx).services;
  const name = flags.get('s');
  const group = flags.get('g');
  if (name !== undefined) {
    list = list.filter((s) => s.subsystem === name);
    if (!list.length) return fail(1, `0513-085 The ${name} Subsystem is not on file.\n`);
  } else if (group !== undefined) {
    list = list.filter((s) => s.group === group);
    if (!list.length) return fail(1, `0513-086 The ${group} Group is not on file.\n`);
  } else if (!flags.has('a')) return fail(1, 'Usage: lssrc [-a | -g group | -s subsystem]\n');
  let out = `${lj('Subsystem', 18)}${lj('Group', 17)}${lj('PID', 13)}Status\n`;
  for (const s of list) out += ` ${lj(s.subsystem, 17)}${lj(s.group, 17)}${lj(s.status === 'active' ? (s.pid ?? '') : '', 13)}${s.status}\n`;
  return ok(out);
};

export const prtconf: CommandHandler = (_argv, ctx) => {
  const h = host(ctx);
  const lines = [
    'System Model: IBM,9009-42A',
    `Machine Serial Number: 78${hashNum(h.name, 99999).toString().padStart(5, '0')}`,
    'Processor Type: PowerPC_POWER9',
    'Processor Implementation Mode: POWER 9',
    'Processor Version: PV_9_Compat',
    `Number Of Processors: ${h.cpu.cores}`,
    'Processor Clock Speed: 3450 MHz',
    'CPU Type: 64-bit',
    'Kernel Type: 64-bit',
    `LPAR Info: 1 ${h.hostname}`,
    `Memory Size: ${h.memory.totalMb} MB`,
    `Good Memory Size: ${h.memory.totalMb} MB`,
    'Platform Firmware level: VL950_045',
    'Firmware Version: IBM,FW950.00 (VL950_045)',
    `Host Name: ${h.hostname}`,
    `Paging Space: total=${h.memory.pagingSpaceMb}MB used=${Math.round(h.memory.pagingUsedPercent)}%`,
  ];
  return ok(`${lines.join('\n')}\n`);
};
