/**
 * Helpers shared by the command handlers: column padding, option parsing, reading files or
 * stdin, and lab clock readings (the lab's hosts run on China Standard Time, UTC+8).
 */
import type { LabHost, LabState } from '../../state/types.js';
import type { CommandResult, ShellContext } from '../types.js';
import { fail } from '../types.js';
import { fileBytes, fileText, hostOf, isDir, noEntryText, resolvePath } from '../vfs.js';
import { procFile } from './procfs.js';

export const rj = (v: string | number, w: number): string => String(v).padStart(w);
export const lj = (v: string | number, w: number): string => String(v).padEnd(w);

export function host(ctx: ShellContext): LabHost {
  return hostOf(ctx);
}

export function state(ctx: ShellContext): LabState {
  return ctx.store.read();
}

/**
 * Splits argv into single-letter flags and operands. Letters in `withValue` take the next
 * argument (or the rest of the cluster). `--` ends options. Returns flags as a Map.
 */
export function getopts(args: string[], withValue = ''): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  const rest: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (withValue.includes(c)) {
        flags.set(c, j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ''));
        break;
      }
      flags.set(c, '');
    }
  }
  rest.push(...args.slice(i));
  return { flags, rest };
}

/** Reads operand files (or stdin when none / "-"). Errors are reported per file, as cat does. */
/** An input's text; files also carry their exact bytes (binary files are stored as base64). */
export interface InputItem { name: string; text: string; bytes?: Buffer; binary?: boolean }

export function readInputs(ctx: ShellContext, cmd: string, files: string[]): { items: InputItem[]; errors: string; failed: boolean } {
  const h = host(ctx);
  const items: InputItem[] = [];
  let errors = '';
  if (files.length === 0) return { items: [{ name: '-', text: ctx.stdin }], errors, failed: false };
  for (const f of files) {
    if (f === '-') {
      items.push({ name: '-', text: ctx.stdin });
      continue;
    }
    const path = resolvePath(ctx.cwd, f);
    const file = h.files[path];
    const generated = file ? undefined : procFile(ctx, path);
    if (file) items.push({ name: f, text: fileText(file), bytes: fileBytes(file), binary: file.encoding === 'base64' });
    else if (generated !== undefined) items.push({ name: f, text: generated });
    else if (isDir(h, path)) errors += `${cmd}: ${f}: Is a directory\n`;
    else if (path.startsWith('/proc/') || path.startsWith('/dev/')) errors += `${cmd}: ${f}: ${noEntryText(h)}\n`;
    else errors += h.os === 'aix' ? `${cmd}: 0652-050 Cannot open ${f}.\n` : `${cmd}: ${f}: No such file or directory\n`;
  }
  return { items, errors, failed: errors !== '' };
}

export function usage(cmd: string, text: string): CommandResult {
  return fail(2, `Usage: ${cmd} ${text}\n`);
}

/** `now` shifted to UTC+8, for formatting with getUTC* methods. */
export function cst(now: Date): Date {
  return new Date(now.getTime() + 8 * 3600_000);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const p2 = (n: number): string => String(n).padStart(2, '0');
