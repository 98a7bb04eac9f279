/**
 * AIX device attributes of sys0: `lsattr -El sys0 [-a attr] [-F value]` and
 * `chdev -l sys0 -a attr=value` (values in LabHost.tunables.sys0; realmem from memory).
 */
import type { CommandHandler } from '../types.js';
import { fail, ok } from '../types.js';
import { getopts, host, lj } from './util.js';

const DESCRIPTIONS: Record<string, string> = {
  maxuprocs: 'Maximum number of PROCESSES allowed per user',
  maxpout: 'HIGH water mark for pending write I/Os per file',
  minpout: 'LOW water mark for pending write I/Os per file',
  ncargs: 'ARG/ENV list size in 4K byte blocks',
  iostat: 'Continuously maintain DISK I/O history',
  autorestart: 'Automatically REBOOT OS after a crash',
  fullcore: 'Enable full CORE dump',
  realmem: 'Amount of usable physical memory in Kbytes',
  maxmbuf: 'Maximum Kbytes of real memory allowed for MBUFS',
};

export const lsattr: CommandHandler = (argv, ctx) => {
  const { flags } = getopts(argv.slice(1), 'laF');
  if (flags.get('l') !== 'sys0') return fail(255, `lsattr: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t${flags.get('l') ?? ''}\n`);
  const h = host(ctx);
  const attrs: Record<string, string> = { ...h.tunables.sys0 };
  attrs.realmem ??= String(h.memory.totalMb * 1024);
  const want = flags.get('a');
  let names = Object.keys(attrs).sort();
  if (want !== undefined) {
    if (!(want in attrs)) return fail(255, `lsattr: 0514-528 The "${want}" attribute does not exist in the predefined\n\tdevice configuration database.\n`);
    names = [want];
  }
  const format = flags.get('F');
  if (format !== undefined) {
    return ok(names.map((n) => format.split(/\s+/).map((f) => (f === 'value' ? attrs[n] : f === 'attribute' ? n : f === 'description' ? (DESCRIPTIONS[n] ?? n) : '')).join(' ')).join('\n') + '\n');
  }
  const rows = names.map((n) => `${lj(n, 15)} ${lj(attrs[n] ?? '', 18)} ${lj(DESCRIPTIONS[n] ?? n, 46)} ${n === 'realmem' ? 'False' : 'True'}`);
  return ok(`${rows.join('\n')}\n`);
};

export const chdev: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'la');
  const dev = flags.get('l');
  const assign = flags.get('a');
  if (!dev || !assign) return fail(1, 'Usage: chdev -l Name [-a Attribute=Value] ...\n');
  if (dev !== 'sys0') return fail(1, `Method error (/usr/lib/methods/chggen):\n\t0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t${dev}\n`);
  const pairs = [assign, ...rest.filter((r) => r.includes('='))];
  for (const pair of pairs) {
    const [name = '', value] = pair.split('=', 2);
    if (value === undefined || name === 'realmem' || !(name in host(ctx).tunables.sys0)) {
      return fail(1, `Method error (/usr/lib/methods/chgsys):\n\t0514-018 The values specified for the following attributes\n\t\tare not valid:\n\t${name}\n`);
    }
  }
  ctx.store.update((s) => {
    const h = s.hosts[ctx.host];
    for (const pair of pairs) {
      const [name = '', value = ''] = pair.split('=', 2);
      if (h) h.tunables.sys0[name] = value;
    }
  });
  return ok(`${dev} changed\n`);
};
