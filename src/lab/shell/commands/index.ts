/**
 * The lab's command table: which CommandHandler answers a command name on an AIX or Linux host.
 * Owns src/lab/shell/commands/*; handlers read and change LabState through ShellContext.store
 * only, and import nothing outside src/lab/ (other responders are loaded lazily, external.ts).
 */
import type { CommandHandler } from '../types.js';
import { cksum, csum, md5sum, sha256sum } from './checksum.js';
import { crontab } from './crontab.js';
import { df } from './df.js';
import { bsu, datapatch, java, lsnrctl, opatch, sqlplus, startWebLogic } from './external.js';
import { unzip } from './unzip.js';
import { chmod, chown, cp, gunzip, gzip, mkdir, mv, rm, tee, touch } from './fileops.js';
import { grep } from './grep.js';
import { find, istat, ls, stat } from './listing.js';
import { netstat, ss } from './net.js';
import { iostat, lsps, svmon, vmstat } from './perf.js';
import { date, free, hostname, id, ps, uname, uptime, whoami } from './procs.js';
import { chdev, lsattr } from './sys0.js';
import { errpt, instfix, lssrc, oslevel, prtconf } from './aix.js';
import { test } from './test.js';
import { cat, cut, echo, env, falseCmd, head, printf, sed, sort, tail, trueCmd, uniq, wc } from './text.js';
import { ioo, no, sysctl, vmo } from './tunables.js';

type Os = 'aix' | 'linux';

const COMMON: Record<string, CommandHandler> = {
  cat, head, tail, grep, egrep: (a, c) => grep(['grep', '-E', ...a.slice(1)], c), wc, sort, uniq, cut, sed, echo, printf, env,
  test, '[': test, true: trueCmd, false: falseCmd, ':': trueCmd, ls, find, cp, mv, rm, mkdir, chmod, chown, touch, tee,
  gzip, gunzip, cksum, crontab, ps, uptime, uname, hostname, date, id, whoami, df, vmstat, netstat,
  java, sqlplus, lsnrctl, unzip, opatch, 'bsu.sh': bsu, datapatch, 'startWebLogic.sh': startWebLogic,
};

const AIX: Record<string, CommandHandler> = {
  svmon, lsps, iostat, errpt, oslevel, instfix, lssrc, prtconf, lsattr, chdev, no, vmo, ioo, csum, istat,
};

const LINUX: Record<string, CommandHandler> = { free, sysctl, ss, sha256sum, md5sum, stat };

export function lookupCommand(name: string, os: Os): CommandHandler | undefined {
  const own = os === 'aix' ? AIX : LINUX;
  return Object.hasOwn(own, name) ? own[name] : Object.hasOwn(COMMON, name) ? COMMON[name] : undefined;
}

/** Every command name a host of this OS answers (for `lab` help and tests). */
export function commandNames(os: Os): string[] {
  return [...Object.keys(COMMON), ...Object.keys(os === 'aix' ? AIX : LINUX)].sort();
}
