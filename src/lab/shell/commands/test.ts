/**
 * test / [ : file tests (-e -f -d -s -r -w -x), string tests (-z -n = !=), integer comparisons
 * (-eq -ne -lt -le -gt -ge) and ! negation, over the host's virtual files.
 */
import type { CommandHandler } from '../types.js';
import { fail, ok } from '../types.js';
import { isDir, resolvePath } from '../vfs.js';
import { host } from './util.js';

export const test: CommandHandler = (argv, ctx) => {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') return fail(2, '[: missing ]\n');
    args = args.slice(0, -1);
  }
  let negate = false;
  while (args[0] === '!' && args.length > 1) {
    negate = !negate;
    args = args.slice(1);
  }
  const h = host(ctx);
  const path = (p: string): string => resolvePath(ctx.cwd, p);
  let result: boolean;
  const [a = '', b = '', c = ''] = args;
  if (args.length === 0) result = false;
  else if (args.length === 1) result = a !== '';
  else if (args.length === 2) {
    const file = h.files[path(b)];
    const dir = isDir(h, path(b));
    const tests: Record<string, boolean> = {
      '-e': !!file || dir, '-f': !!file, '-d': dir, '-s': !!file && file.content.length > 0, '-r': !!file || dir, '-w': !!file || dir,
      '-x': dir || (!!file && /[1357]/.test(file.mode.slice(-3)) || (!!file && file.mode.includes('x'))), '-z': b === '', '-n': b !== '', '-L': false, '-h': false,
    };
    if (!(a in tests)) return fail(2, `test: ${a}: unary operator expected\n`);
    result = tests[a] ?? false;
  } else if (args.length === 3) {
    const x = Number(a);
    const y = Number(c);
    const ops: Record<string, () => boolean> = {
      '=': () => a === c, '==': () => a === c, '!=': () => a !== c,
      '-eq': () => x === y, '-ne': () => x !== y, '-lt': () => x < y, '-le': () => x <= y, '-gt': () => x > y, '-ge': () => x >= y,
    };
    const op = ops[b];
    if (!op) return fail(2, `test: ${b}: binary operator expected\n`);
    if (b.startsWith('-') && (Number.isNaN(x) || Number.isNaN(y))) return fail(2, `test: integer expression expected\n`);
    result = op();
  } else return fail(2, 'test: too many arguments\n');
  return result !== negate ? ok() : fail(1, '');
};
