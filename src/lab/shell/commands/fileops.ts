/**
 * Commands that change the virtual filesystem: cp, mv, rm (-f -r), mkdir (-p), chmod (octal),
 * chown user[:group], touch, tee (-a), gzip / gunzip (rename to/from .gz). Writes honour the
 * `disk-full` fault through vfs.writeFile.
 */
import type { CommandHandler, CommandResult, ShellContext } from '../types.js';
import { fail, ok } from '../types.js';
import { baseName, exists, filesUnder, isDir, isFull, noEntryText, noSpaceText, parentOf, resolvePath, writeFile } from '../vfs.js';
import { getopts, host } from './util.js';

function noEntry(ctx: ShellContext, cmd: string, p: string): string {
  return `${cmd}: ${p}: ${noEntryText(host(ctx))}\n`;
}

function copyOrMove(ctx: ShellContext, cmd: 'cp' | 'mv', args: string[]): CommandResult {
  const { flags, rest } = getopts(args);
  if (rest.length < 2) return fail(1, `Usage: ${cmd} [-f] Source Target\n`);
  const h = host(ctx);
  const destArg = rest[rest.length - 1] ?? '';
  const dest = resolvePath(ctx.cwd, destArg);
  let err = '';
  for (const src of rest.slice(0, -1)) {
    const from = resolvePath(ctx.cwd, src);
    const file = h.files[from];
    if (!file) {
      if (cmd === 'mv' && isDir(h, from)) err += moveDir(ctx, from, dest, destArg);
      else if (isDir(h, from) && !flags.has('r') && !flags.has('R')) err += `${cmd}: ${src}: is a directory (not copied).\n`;
      else if (!isDir(h, from)) err += noEntry(ctx, cmd, src);
      continue;
    }
    const to = isDir(h, dest) ? `${dest === '/' ? '' : dest}/${baseName(from)}` : dest;
    if (!isDir(h, parentOf(to))) {
      err += noEntry(ctx, cmd, destArg);
      continue;
    }
    if (isFull(ctx.store.read(), ctx.host, to) && cmd === 'cp') {
      err += `${cmd}: ${destArg}: ${noSpaceText(h)}\n`;
      continue;
    }
    ctx.store.update((s) => {
      const hs = s.hosts[ctx.host];
      if (!hs) return;
      const copy = cmd === 'mv' ? { ...file } : { ...file, owner: ctx.user, mtime: flags.has('p') ? file.mtime : ctx.now.toISOString() };
      hs.files[to] = copy;
      if (cmd === 'mv' && to !== from) delete hs.files[from];
    });
  }
  return err ? fail(1, err) : ok();
}

/** `mv DIR DEST`: renames the directory and everything under it (into DEST when it is a directory). */
function moveDir(ctx: ShellContext, from: string, dest: string, destArg: string): string {
  const h = host(ctx);
  const to = isDir(h, dest) ? `${dest === '/' ? '' : dest}/${baseName(from)}` : dest;
  if (to === from || to.startsWith(`${from}/`)) return `mv: ${destArg}: cannot move a directory into itself\n`;
  if (!isDir(h, parentOf(to))) return noEntry(ctx, 'mv', destArg);
  const moved = (p: string): string => (p === from ? to : `${to}${p.slice(from.length)}`);
  const under = (p: string): boolean => p === from || p.startsWith(`${from}/`);
  ctx.store.update((s) => {
    const hs = s.hosts[ctx.host];
    if (!hs) return;
    for (const f of Object.keys(hs.files).filter(under)) {
      hs.files[moved(f)] = hs.files[f]!;
      delete hs.files[f];
    }
    hs.dirs = [...hs.dirs.map((d) => (under(d) ? moved(d) : d)), to].filter((d, i, all) => all.indexOf(d) === i);
  });
  return '';
}

export const cp: CommandHandler = (argv, ctx) => copyOrMove(ctx, 'cp', argv.slice(1));
export const mv: CommandHandler = (argv, ctx) => copyOrMove(ctx, 'mv', argv.slice(1));

export const rm: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  const h = host(ctx);
  let err = '';
  const recursive = flags.has('r') || flags.has('R');
  const paths = rest.map((r) => [r, resolvePath(ctx.cwd, r)] as const);
  for (const [r, p] of paths) {
    if (!exists(h, p)) {
      if (!flags.has('f')) err += h.os === 'aix' ? `rm: ${r}: A file or directory in the path name does not exist.\n` : `rm: cannot remove '${r}': No such file or directory\n`;
    } else if (!h.files[p] && !recursive) err += h.os === 'aix' ? `rm: ${r} is a directory.\n` : `rm: cannot remove '${r}': Is a directory\n`;
    else if (p === '/') err += `rm: refusing to remove '/'\n`;
  }
  ctx.store.update((s) => {
    const hs = s.hosts[ctx.host];
    if (!hs) return;
    for (const [, p] of paths) {
      if (hs.files[p]) delete hs.files[p];
      else if (recursive && p !== '/') {
        for (const f of filesUnder(hs, p)) delete hs.files[f];
        hs.dirs = hs.dirs.filter((d) => d !== p && !d.startsWith(`${p}/`));
      }
    }
  });
  return err ? fail(h.os === 'aix' ? 2 : 1, err) : ok();
};

export const mkdir: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1), 'm');
  const h = host(ctx);
  let err = '';
  const made: string[] = [];
  for (const r of rest) {
    const p = resolvePath(ctx.cwd, r);
    if (exists(h, p) || made.includes(p)) {
      if (!flags.has('p')) err += h.os === 'aix' ? `mkdir: 0653-358 Cannot create ${r}.\n${r}: Do not specify an existing file.\n` : `mkdir: cannot create directory '${r}': File exists\n`;
      continue;
    }
    if (!flags.has('p') && !isDir(h, parentOf(p)) && !made.includes(parentOf(p))) {
      err += h.os === 'aix' ? `mkdir: 0653-357 Cannot access directory ${parentOf(r)}.\n${parentOf(r)}: A file or directory in the path name does not exist.\n` : `mkdir: cannot create directory '${r}': No such file or directory\n`;
      continue;
    }
    for (let d = p; d !== '/' && !isDir(h, d); d = parentOf(d)) made.push(d);
  }
  if (made.length) ctx.store.update((s) => { s.hosts[ctx.host]?.dirs.push(...made.filter((d) => !s.hosts[ctx.host]?.dirs.includes(d))); });
  return err ? fail(h.os === 'aix' ? 2 : 1, err) : ok();
};

function changeFiles(ctx: ShellContext, cmd: string, targets: string[], change: (f: { mode: string; owner: string; group: string }) => void): CommandResult {
  const h = host(ctx);
  let err = '';
  const paths = targets.map((t) => [t, resolvePath(ctx.cwd, t)] as const);
  for (const [t, p] of paths) if (!exists(h, p)) err += h.os === 'aix' ? `${cmd}: ${t}: A file or directory in the path name does not exist.\n` : `${cmd}: cannot access '${t}': No such file or directory\n`;
  ctx.store.update((s) => {
    for (const [, p] of paths) {
      const f = s.hosts[ctx.host]?.files[p];
      if (f) change(f);
    }
  });
  return err ? fail(1, err) : ok();
}

export const chmod: CommandHandler = (argv, ctx) => {
  const { rest } = getopts(argv.slice(1));
  const [mode = '', ...targets] = rest;
  if (!/^[0-7]{3,4}$/.test(mode)) return fail(1, `chmod: lab supports octal modes only: ${mode}\n`);
  return changeFiles(ctx, 'chmod', targets, (f) => { f.mode = mode.padStart(4, '0'); });
};

export const chown: CommandHandler = (argv, ctx) => {
  const { rest } = getopts(argv.slice(1));
  const [spec = '', ...targets] = rest;
  const [owner, group] = spec.split(/[:.]/);
  if (ctx.user !== 'root') return fail(1, `chown: changing ownership of '${targets[0] ?? ''}': Operation not permitted\n`);
  return changeFiles(ctx, 'chown', targets, (f) => {
    if (owner) f.owner = owner;
    if (group) f.group = group;
  });
};

export const touch: CommandHandler = (argv, ctx) => {
  const { rest } = getopts(argv.slice(1));
  let err = '';
  for (const r of rest) {
    const p = resolvePath(ctx.cwd, r);
    if (host(ctx).files[p]) ctx.store.update((s) => { const f = s.hosts[ctx.host]?.files[p]; if (f) f.mtime = ctx.now.toISOString(); });
    else {
      const e = writeFile(ctx, p, '', true);
      if (e) err += `touch: ${r}: ${e}\n`;
    }
  }
  return err ? fail(1, err) : ok();
};

export const tee: CommandHandler = (argv, ctx) => {
  const { flags, rest } = getopts(argv.slice(1));
  let err = '';
  for (const r of rest) {
    const e = writeFile(ctx, resolvePath(ctx.cwd, r), ctx.stdin, flags.has('a'));
    if (e) err += `tee: ${r}: ${e}\n`;
  }
  return { stdout: ctx.stdin, stderr: err, exitCode: err ? 1 : 0 };
};

function renameSuffix(ctx: ShellContext, cmd: string, files: string[], zip: boolean): CommandResult {
  let err = '';
  for (const r of files) {
    const p = resolvePath(ctx.cwd, r);
    const file = host(ctx).files[p];
    if (!file || (!zip && !p.endsWith('.gz'))) {
      err += `${cmd}: ${r}: ${file ? 'unknown suffix -- ignored' : 'No such file or directory'}\n`;
      continue;
    }
    const to = zip ? `${p}.gz` : p.slice(0, -3);
    ctx.store.update((s) => {
      const hs = s.hosts[ctx.host];
      if (!hs) return;
      hs.files[to] = { ...file };
      delete hs.files[p];
    });
  }
  return err ? fail(1, err) : ok();
}

export const gzip: CommandHandler = (argv, ctx) => renameSuffix(ctx, 'gzip', getopts(argv.slice(1)).rest, true);
export const gunzip: CommandHandler = (argv, ctx) => renameSuffix(ctx, 'gunzip', getopts(argv.slice(1)).rest, false);
