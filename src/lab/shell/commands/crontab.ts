/**
 * crontab -l | -r | - (replace from stdin) | FILE, with -u USER for root. Entries live in
 * LabHost.crontab (user → lines).
 */
import type { CommandHandler } from '../types.js';
import { fail, ok } from '../types.js';
import { getopts, host, readInputs } from './util.js';

export const crontab: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'u');
  const aix = host(ctx).os === 'aix';
  const user = flags.get('u') ?? ctx.user;
  if (flags.has('u') && ctx.user !== 'root' && user !== ctx.user) return fail(1, aix ? 'crontab: 0481-079 You must be root to use the -u option.\n' : 'must be privileged to use -u\n');
  const current = host(ctx).crontab[user];
  if (flags.has('l')) {
    if (!current) return fail(1, aix ? 'crontab: 0481-103 Cannot open a file in the /var/spool/cron/crontabs directory.\nA file or directory in the path name does not exist.\n' : `no crontab for ${user}\n`);
    return ok(current.map((l) => `${l}\n`).join(''));
  }
  if (flags.has('r')) {
    ctx.store.update((s) => { delete s.hosts[ctx.host]?.crontab[user]; });
    return ok();
  }
  if (flags.has('e')) return fail(1, 'crontab: -e needs an editor; use crontab FILE or crontab - in the lab\n');
  const src = rest[0] ?? '-';
  const r = readInputs(ctx, 'crontab', [src]);
  if (r.failed) return fail(1, r.errors);
  const lines = (r.items[0]?.text ?? '').split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  for (const l of lines) {
    const t = l.trim();
    if (t && !t.startsWith('#') && !/^\S+=/.test(t) && t.split(/\s+/).length < 6 && !t.startsWith('@')) {
      return fail(1, aix ? `crontab: error on previous line; unexpected character found in line.\n${l}\n` : `"-":${lines.indexOf(l) + 1}: bad minute\nerrors in crontab file, can't install.\n`);
    }
  }
  ctx.store.update((s) => {
    const h = s.hosts[ctx.host];
    if (h) h.crontab[user] = lines;
  });
  return ok();
};
