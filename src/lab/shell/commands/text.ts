/**
 * Text commands over virtual files and stdin: cat, head, tail, wc, sort, uniq, cut, sed (-n Np,
 * s///), echo, printf, env, true, false, :. grep lives in grep.ts, test in test.ts.
 */
import type { CommandHandler, CommandResult } from '../types.js';
import { fail, ok } from '../types.js';
import { getopts, readInputs } from './util.js';

const lines = (text: string): string[] => {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
};
const joinLines = (l: string[]): string => (l.length ? `${l.join('\n')}\n` : '');

function withInputs(cmd: string, files: string[], ctx: Parameters<CommandHandler>[1], f: (text: string, name: string) => string): CommandResult {
  const r = readInputs(ctx, cmd, files);
  return { stdout: r.items.map((i) => f(i.text, i.name)).join(''), stderr: r.errors, exitCode: r.failed ? (cmd === 'cat' ? 2 : 1) : 0 };
}

/** cat: text, or the exact bytes when a file is binary (an uploaded archive). */
export const cat: CommandHandler = (argv, ctx) => {
  const files = argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  const r = readInputs(ctx, 'cat', files);
  const stdout = r.items.map((i) => i.text).join('');
  const bytes = r.items.some((i) => i.binary) ? { stdoutBytes: Buffer.concat(r.items.map((i) => i.bytes ?? Buffer.from(i.text))) } : {};
  return { stdout, stderr: r.errors, exitCode: r.failed ? 2 : 0, ...bytes };
};

function countArg(args: string[]): { n: number; rest: string[]; fromStart: boolean } {
  let n = 10;
  let fromStart = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n') {
      const v = args[++i] ?? '10';
      fromStart = v.startsWith('+');
      n = Math.abs(Number(v));
    } else if (/^-n[+-]?\d+$/.test(a)) {
      fromStart = a[2] === '+';
      n = Math.abs(Number(a.slice(2)));
    } else if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-f' || a === '-F') continue;
    else rest.push(a);
  }
  return { n, rest, fromStart };
}

export const head: CommandHandler = (argv, ctx) => {
  const { n, rest } = countArg(argv.slice(1));
  return withInputs('head', rest, ctx, (t) => joinLines(lines(t).slice(0, n)));
};

export const tail: CommandHandler = (argv, ctx) => {
  const { n, rest, fromStart } = countArg(argv.slice(1));
  return withInputs('tail', rest, ctx, (t) => joinLines(fromStart ? lines(t).slice(Math.max(0, n - 1)) : n === 0 ? [] : lines(t).slice(-n)));
};

export const wc: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  const r = readInputs(ctx, 'wc', rest);
  const only = ['l', 'w', 'c'].filter((f) => flags.has(f));
  const out = r.items.map((i) => {
    const counts: Record<string, number> = { l: (i.text.match(/\n/g) ?? []).length, w: i.text.split(/\s+/).filter(Boolean).length, c: Buffer.byteLength(i.text) };
    const cols = (only.length ? only : ['l', 'w', 'c']).map((k) => String(counts[k]).padStart(only.length === 1 && rest.length === 0 ? 0 : 8));
    return `${cols.join('')}${i.name === '-' ? '' : ` ${i.name}`}\n`;
  });
  return { stdout: out.join(''), stderr: r.errors, exitCode: r.failed ? 1 : 0 };
};

export const sort: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'kt');
  const r = readInputs(ctx, 'sort', rest);
  const sep = flags.get('t');
  const key = Number((flags.get('k') ?? '0').split(',')[0]);
  const keyOf = (l: string): string => (key ? ((sep !== undefined ? l.split(sep) : l.trim().split(/\s+/))[key - 1] ?? '') : l);
  let all = r.items.flatMap((i) => lines(i.text));
  all.sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    if (flags.has('n')) return (parseFloat(x) || 0) - (parseFloat(y) || 0);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (flags.has('r')) all.reverse();
  if (flags.has('u')) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  return { stdout: joinLines(all), stderr: r.errors, exitCode: r.failed ? 2 : 0 };
};

export const uniq: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  return withInputs('uniq', rest, ctx, (t) => {
    const groups: Array<[string, number]> = [];
    for (const l of lines(t)) {
      const last = groups[groups.length - 1];
      if (last && last[0] === l) last[1]++;
      else groups.push([l, 1]);
    }
    return joinLines(groups.filter(([, c]) => (flags.has('d') ? c > 1 : true)).map(([l, c]) => (flags.has('c') ? `${String(c).padStart(7)} ${l}` : l)));
  });
};

function fieldList(spec: string): (i: number) => boolean {
  const ranges = spec.split(',').map((p) => {
    const [a, b] = p.split('-');
    const lo = a ? Number(a) : 1;
    const hi = b === undefined ? lo : b === '' ? Infinity : Number(b);
    return [lo, hi] as const;
  });
  return (i) => ranges.some(([lo, hi]) => i >= lo && i <= hi);
}

export const cut: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'dfc');
  const fields = flags.get('f');
  const chars = flags.get('c');
  if (!fields && !chars) return fail(1, 'cut: you must specify a list of bytes, characters, or fields\n');
  const sel = fieldList(fields ?? chars ?? '1');
  const d = flags.get('d') ?? '\t';
  return withInputs('cut', rest, ctx, (t) =>
    joinLines(lines(t).map((l) => (chars ? [...l].filter((_, i) => sel(i + 1)).join('') : !l.includes(d) ? l : l.split(d).filter((_, i) => sel(i + 1)).join(d)))),
  );
};

export const sed: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'e');
  const script = flags.get('e') ?? rest.shift() ?? '';
  const quiet = flags.has('n');
  const p = /^(\d+|\$)(?:,(\d+|\$))?p$/.exec(script);
  const s = /^s(.)(.*?)\1(.*?)\1(g?)$/.exec(script);
  if (!p && !s) return fail(1, `sed: lab supports only 'Np', 'N,Mp' and 's/re/text/[g]': ${script}\n`);
  return withInputs('sed', rest, ctx, (t) => {
    const all = lines(t);
    if (p) {
      const at = (v: string | undefined, dflt: number): number => (v === undefined ? dflt : v === '$' ? all.length : Number(v));
      const lo = at(p[1], 1);
      const hi = at(p[2], lo);
      return joinLines(all.flatMap((l, i) => (i + 1 >= lo && i + 1 <= hi ? (quiet ? [l] : [l, l]) : quiet ? [] : [l])));
    }
    const re = new RegExp(s?.[2] ?? '', s?.[4] ? 'g' : '');
    const repl = s?.[3] ?? '';
    return quiet ? '' : joinLines(all.map((l) => l.replace(re, (m) => repl.replace(/\\?&/g, (x) => (x === '&' ? m : '&')))));
  });
};

function unescape(text: string): { text: string; stop: boolean } {
  let stop = false;
  const out = text.replace(/\\(0[0-7]{0,3}|[abfnrtv\\c])/g, (_m, c: string) => {
    if (c === 'c') {
      stop = true;
      return '';
    }
    if (c.startsWith('0')) return String.fromCharCode(parseInt(c.slice(1) || '0', 8));
    return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' } as Record<string, string>)[c] ?? c;
  });
  return { text: out, stop };
}

export const echo: CommandHandler = (argv) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    args = args.slice(1);
  }
  const u = escapes ? unescape(args.join(' ')) : { text: args.join(' '), stop: false };
  return ok(u.text + (newline && !u.stop ? '\n' : ''));
};

export const printf: CommandHandler = (argv) => {
  const format = argv[1];
  if (format === undefined) return fail(1, 'printf: usage: printf format [arguments]\n');
  const args = argv.slice(2);
  let out = '';
  let i = 0;
  do {
    out += unescape(format).text.replace(/%(-?\d*)(?:\.(\d+))?([sdfx%])/g, (_m, w: string, prec: string | undefined, c: string) => {
      if (c === '%') return '%';
      const a = args[i++] ?? '';
      let v = c === 'd' ? String(Math.trunc(Number(a) || 0)) : c === 'f' ? (Number(a) || 0).toFixed(prec ? Number(prec) : 6) : c === 'x' ? (Number(a) || 0).toString(16) : prec ? a.slice(0, Number(prec)) : a;
      const width = Math.abs(Number(w) || 0);
      v = w.startsWith('-') ? v.padEnd(width) : v.padStart(width);
      return v;
    });
  } while (i < args.length && i > 0);
  return ok(out);
};

export const env: CommandHandler = (_argv, ctx) => ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
export const trueCmd: CommandHandler = () => ok();
export const falseCmd: CommandHandler = () => fail(1, '');
