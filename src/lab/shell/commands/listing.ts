/**
 * Listing commands over the virtual filesystem: ls (-l -a -d -1 -t -r), stat (Linux), istat
 * (AIX), find (-name -type -mtime -maxdepth -print -delete).
 */
import type { LabFile, LabHost } from '../../state/types.js';
import type { CommandHandler, ShellContext } from '../types.js';
import { fail, ok } from '../types.js';
import { baseName, children, fileBytes, filesUnder, isDir, modeBits, modeString, resolvePath } from '../vfs.js';
import { MONTHS, cst, getopts, host, lj, p2, rj } from './util.js';

function lsDate(iso: string, now: Date): string {
  const d = cst(new Date(iso));
  const recent = Math.abs(now.getTime() - Date.parse(iso)) < 182 * 86400_000;
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${recent ? `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`}`;
}

function dirEntry(h: LabHost): LabFile {
  return { content: '', mode: '0755', owner: 'root', group: h.os === 'aix' ? 'system' : 'root', mtime: new Date(0).toISOString() };
}

function longLine(h: LabHost, name: string, file: LabFile | undefined, now: Date): string {
  const f = file ?? dirEntry(h);
  const mode = modeString(modeBits(f.mode), !file);
  const size = file ? fileBytes(file).length : 256;
  const date = lsDate(file ? f.mtime : new Date(now.getTime() - 86400_000 * 30).toISOString(), now);
  if (h.os === 'aix') return `${mode}${rj(file ? 1 : 2, 5)} ${lj(f.owner, 8)} ${lj(f.group, 8)} ${rj(size, 12)} ${date} ${name}`;
  return `${mode} ${file ? 1 : 2} ${f.owner} ${f.group} ${rj(size, 8)} ${date} ${name}`;
}

export const ls: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  const h = host(ctx);
  const targets = rest.length ? rest : ['.'];
  let out = '';
  let err = '';
  for (const t of targets) {
    const path = resolvePath(ctx.cwd, t);
    const file = h.files[path];
    const dir = !file && isDir(h, path);
    if (!file && !dir) {
      err += h.os === 'aix' ? `ls: 0653-341 The file ${t} does not exist.\n` : `ls: cannot access '${t}': No such file or directory\n`;
      continue;
    }
    let entries = file || flags.has('d') ? [{ name: t, path, dir }] : children(h, path).filter((e) => flags.has('a') || !e.name.startsWith('.')).map((e) => ({ name: e.name, path: e.path, dir: e.dir }));
    if (flags.has('t')) entries = entries.sort((a, b) => (h.files[b.path]?.mtime ?? '').localeCompare(h.files[a.path]?.mtime ?? ''));
    if (flags.has('r')) entries.reverse();
    if (targets.length > 1 && !file) out += `${t}:\n`;
    if (flags.has('l')) {
      if (!file && !flags.has('d')) out += `total ${entries.length * 8}\n`;
      for (const e of entries) out += `${longLine(h, e.name, h.files[e.path], ctx.now)}\n`;
    } else for (const e of entries) out += `${e.name}\n`;
  }
  return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
};

export const stat: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'c');
  const h = host(ctx);
  let out = '';
  for (const t of rest) {
    const path = resolvePath(ctx.cwd, t);
    const file = h.files[path];
    if (!file && !isDir(h, path)) return fail(1, `stat: cannot statx '${t}': No such file or directory\n`, out);
    const f = file ?? dirEntry(h);
    const bits = modeBits(f.mode);
    const size = file ? fileBytes(file).length : 4096;
    const fmt = flags.get('c');
    if (fmt !== undefined) {
      const map: Record<string, string> = { a: bits.toString(8), A: modeString(bits, !file), U: f.owner, G: f.group, s: String(size), n: t, Y: String(Math.floor(Date.parse(f.mtime) / 1000)), y: f.mtime };
      out += `${fmt.replace(/%(.)/g, (_m, c: string) => map[c] ?? `%${c}`)}\n`;
      continue;
    }
    out += `  File: ${t}\n  Size: ${size}\t\tBlocks: ${Math.ceil(size / 512)}\tIO Block: 4096   ${file ? 'regular file' : 'directory'}\n`;
    out += `Access: (${bits.toString(8).padStart(4, '0')}/${modeString(bits, !file)})  Uid: (    0/${f.owner.padStart(8)})   Gid: (    0/${f.group.padStart(8)})\nModify: ${f.mtime}\n`;
  }
  return ok(out);
};

export const istat: CommandHandler = (argv, ctx) => {
  const h = host(ctx);
  const t = argv[1] ?? '';
  const file = h.files[resolvePath(ctx.cwd, t)];
  if (!file) return fail(1, `istat: 0653-332 The file ${t} does not exist.\n`);
  const bits = modeBits(file.mode);
  return ok(`Inode 12345 on device 10/8\tFile\nProtection: ${modeString(bits, false).slice(1)}\nOwner: 0(${file.owner})\t\tGroup: 0(${file.group})\nLink count:   1\t\tLength ${fileBytes(file).length} bytes\n\nLast updated:   ${file.mtime}\nLast modified:  ${file.mtime}\nLast accessed:  ${file.mtime}\n\n`);
};

function globRe(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

interface FindOpts { name?: RegExp; type?: string; mtime?: string; maxdepth?: number; del: boolean }

function findMatches(ctx: ShellContext, root: string, o: FindOpts): string[] {
  const h = host(ctx);
  const depthOf = (p: string): number => (p === root ? 0 : p.slice(root.length).split('/').filter(Boolean).length);
  const dirs = new Set<string>([root]);
  for (const f of filesUnder(h, root)) for (let d = f.slice(0, f.lastIndexOf('/')); d.length > root.length; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  for (const d of h.dirs) if (d.startsWith(`${root}/`)) dirs.add(d);
  const all = [...dirs].map((p) => ({ p, dir: true })).concat(filesUnder(h, root).map((p) => ({ p, dir: false }))).sort((a, b) => (a.p < b.p ? -1 : 1));
  return all.filter(({ p, dir }) => {
    if (o.maxdepth !== undefined && depthOf(p) > o.maxdepth) return false;
    if (o.type && (o.type === 'd') !== dir) return false;
    if (o.name && !o.name.test(baseName(p) || p)) return false;
    if (o.mtime) {
      const file = h.files[p];
      if (!file) return false;
      const days = Math.floor((ctx.now.getTime() - Date.parse(file.mtime)) / 86400_000);
      const n = Number(o.mtime.replace(/^[+-]/, ''));
      if (o.mtime.startsWith('+') ? !(days > n) : o.mtime.startsWith('-') ? !(days < n) : days !== n) return false;
    }
    return true;
  }).map(({ p }) => p);
}

export const find: CommandHandler = (argv, ctx) => {
  const args = argv.slice(1);
  const roots: string[] = [];
  while (args[0] !== undefined && !args[0].startsWith('-')) roots.push(args.shift() ?? '.');
  const o: FindOpts = { del: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1] ?? '';
    const takes = ['-name', '-type', '-mtime', '-maxdepth'].includes(a ?? '');
    if (a === '-name') o.name = globRe(v);
    else if (a === '-type') o.type = v;
    else if (a === '-mtime') o.mtime = v;
    else if (a === '-maxdepth') o.maxdepth = Number(v);
    else if (a === '-delete') o.del = true;
    else if (a !== '-print') return fail(1, `find: lab supports -name -type -mtime -maxdepth -print -delete, not ${a}\n`);
    if (takes) i++;
  }
  const h = host(ctx);
  let out = '';
  let err = '';
  for (const r of roots.length ? roots : ['.']) {
    const root = resolvePath(ctx.cwd, r);
    if (!isDir(h, root) && !h.files[root]) {
      err += `find: ${r}: No such file or directory\n`;
      continue;
    }
    const hits = findMatches(ctx, root, o);
    const shown = (p: string): string => (r.startsWith('/') ? p : `${r}${p.slice(root.length)}`);
    if (o.del) ctx.store.update((s) => { for (const p of hits) delete s.hosts[ctx.host]?.files[p]; });
    else out += hits.map((p) => `${shown(p)}\n`).join('');
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
};
