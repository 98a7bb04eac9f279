/**
 * Kernel tunables: AIX `no`, `vmo`, `ioo` (-a, -o name, -o name=value, -p -o name=value, -L)
 * and Linux `sysctl` (-a, -n, -w, name, name=value). Values live in LabHost.tunables.
 */
import type { LabHost } from '../../state/types.js';
import type { CommandHandler, CommandResult, ShellContext } from '../types.js';
import { fail, ok } from '../types.js';
import { host, lj, rj } from './util.js';

type AixTable = 'no' | 'vmo' | 'ioo';

function setTunable(ctx: ShellContext, table: keyof LabHost['tunables'], name: string, value: string): void {
  ctx.store.update((s) => {
    const h = s.hosts[ctx.host];
    if (h) h.tunables[table][name] = value;
  });
}

function aixList(values: Record<string, string>): string {
  const names = Object.keys(values).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((n) => `${rj(n, width)} = ${values[n]}\n`).join('');
}

function aixL(values: Record<string, string>, names: string[]): string {
  const sep = '-'.repeat(80);
  let out = `${lj('NAME', 26)}${lj('CUR', 7)}${lj('DEF', 7)}${lj('BOOT', 7)}${lj('MIN', 7)}${lj('MAX', 7)}${lj('UNIT', 15)}TYPE\n     DEPENDENCIES\n${sep}\n`;
  for (const n of names) out += `${lj(n, 26)}${lj(values[n] ?? '', 7)}${lj(values[n] ?? '', 7)}${lj(values[n] ?? '', 7)}${lj('0', 7)}${lj('8E-1', 7)}${lj('', 15)}D\n${sep}\n`;
  return out;
}

function aixTunable(table: AixTable): CommandHandler {
  return (argv, ctx) => {
    const values = host(ctx).tunables[table];
    const args = argv.slice(1);
    const persistent = args.includes('-p') || args.includes('-r');
    if (args.includes('-a') || (args.includes('-F') && args.length === 1)) return ok(aixList(values));
    const li = args.indexOf('-L');
    if (li >= 0) {
      const n = args[li + 1];
      return ok(aixL(values, n && !n.startsWith('-') ? [n] : Object.keys(values).sort()));
    }
    let out = '';
    for (let i = 0; i < args.length; i++) {
      if (args[i] !== '-o') continue;
      const spec = args[++i] ?? '';
      const eq = spec.indexOf('=');
      const name = eq < 0 ? spec : spec.slice(0, eq);
      if (!(name in values)) return fail(255, `${table}: 0980-014 Invalid tunable name ${name}\n`, out);
      if (eq < 0) {
        out += `${name} = ${values[name]}\n`;
        continue;
      }
      const value = spec.slice(eq + 1);
      if (/^-?\d+$/.test(values[name] ?? '') && !/^-?\d+$/.test(value)) return fail(255, `${table}: 0980-027 Invalid value ${value} for tunable ${name}\n`, out);
      setTunable(ctx, table, name, value);
      out += persistent ? `Setting ${name} to ${value} in nextboot file\nSetting ${name} to ${value}\n` : `Setting ${name} to ${value}\n`;
    }
    if (!out) return fail(2, `Usage: ${table} -h [tunable] | {-L [tunable]} | {-x [tunable]}\n       ${table} [-p|-r] (-a [-F] | {-o tunable})\n       ${table} [-p|-r] [-y] (-D | ({-d tunable} {-o tunable=value}))\n`);
    return ok(out);
  };
}

export const no = aixTunable('no');
export const vmo = aixTunable('vmo');
export const ioo = aixTunable('ioo');

function sysctlOne(ctx: ShellContext, spec: string, valueOnly: boolean, write: boolean): CommandResult {
  const values = host(ctx).tunables.sysctl;
  const eq = spec.indexOf('=');
  const name = (eq < 0 ? spec : spec.slice(0, eq)).replace(/\//g, '.');
  if (!(name in values)) return fail(255, `sysctl: cannot stat /proc/sys/${name.replace(/\./g, '/')}: No such file or directory\n`);
  if (eq < 0) {
    if (write) return fail(255, `sysctl: "${spec}" must be of the form name=value\n`);
    return ok(valueOnly ? `${values[name]}\n` : `${name} = ${values[name]}\n`);
  }
  if (ctx.user !== 'root') return fail(255, `sysctl: permission denied on key "${name}"\n`);
  const value = spec.slice(eq + 1).trim();
  setTunable(ctx, 'sysctl', name, value);
  return ok(valueOnly ? '' : `${name} = ${value}\n`);
}

export const sysctl: CommandHandler = (argv, ctx) => {
  const args = argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => a.slice(1).split('')));
  const specs = args.filter((a) => !a.startsWith('-'));
  if (flags.has('a') || (specs.length === 0 && !flags.has('w'))) {
    const values = host(ctx).tunables.sysctl;
    return ok(Object.keys(values).sort().map((n) => (flags.has('n') ? `${values[n]}\n` : `${n} = ${values[n]}\n`)).join(''));
  }
  const res: CommandResult = { stdout: '', stderr: '', exitCode: 0 };
  for (const spec of specs) {
    const r = sysctlOne(ctx, spec, flags.has('n'), flags.has('w'));
    res.stdout += r.stdout;
    res.stderr += r.stderr;
    if (r.exitCode) res.exitCode = r.exitCode;
  }
  return res;
};
