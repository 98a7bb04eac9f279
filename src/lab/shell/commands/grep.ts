/**
 * grep over virtual files and stdin: -E -F -i -v -c -n -h -l -q -s -e PATTERN. Basic regular
 * expressions are translated to JavaScript ones (\( \) \{ \} \| special; ( ) { } | + ? literal).
 */
import type { CommandHandler } from '../types.js';
import { fail } from '../types.js';
import { getopts, readInputs } from './util.js';

/** POSIX BRE → JavaScript RegExp source. */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i] ?? '';
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i] ?? '';
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else out += '(){}|+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const grep: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'e');
  const pattern = flags.get('e') ?? rest.shift();
  if (pattern === undefined) return fail(2, 'Usage: grep [-E|-F] [-c|-l|-q] [-insvh] -e pattern_list [file ...]\n');
  const mode = flags.has('F') ? 'F' : flags.has('E') ? 'E' : 'G';
  const sources = pattern.split('\n').map((p) => (mode === 'F' ? escapeRe(p) : mode === 'E' ? p : breToJs(p)));
  let re: RegExp;
  try {
    re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags.has('i') ? 'i' : '');
  } catch {
    return fail(2, `grep: invalid regular expression: ${pattern}\n`);
  }
  const r = readInputs(ctx, 'grep', rest);
  const many = rest.length > 1 && !flags.has('h');
  let out = '';
  let matched = false;
  for (const item of r.items) {
    const all = item.text.split('\n');
    if (all[all.length - 1] === '') all.pop();
    const hits = all.map((l, i) => [l, i + 1] as const).filter(([l]) => re.test(l) !== flags.has('v'));
    if (hits.length) matched = true;
    const name = item.name === '-' ? '(standard input)' : item.name;
    if (flags.has('q')) continue;
    if (flags.has('l')) {
      if (hits.length) out += `${name}\n`;
    } else if (flags.has('c')) out += `${many ? `${name}:` : ''}${hits.length}\n`;
    else for (const [l, n] of hits) out += `${many ? `${name}:` : ''}${flags.has('n') ? `${n}:` : ''}${l}\n`;
  }
  return { stdout: out, stderr: flags.has('s') ? '' : r.errors, exitCode: r.failed && !(flags.has('q') && matched) ? 2 : matched ? 0 : 1 };
};
