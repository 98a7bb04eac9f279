/**
 * The virtual filesystem of a lab host: LabHost.files (by absolute path) plus LabHost.dirs, with
 * directories also implied by the paths of files. Reads use the state as given; writes go
 * through LabStore.update and honour the `disk-full` fault and full filesystems.
 */
import type { LabFile, LabFilesystem, LabHost, LabState } from '../state/types.js';
import type { ShellContext } from './types.js';
import { mountFull } from './faults.js';

export function homeOf(user: string): string {
  return user === 'root' ? '/' : `/home/${user}`;
}

/** Absolute, normalised path of `p` relative to `cwd`. */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function isDir(host: LabHost, p: string): boolean {
  if (p === '/' || host.dirs.includes(p)) return true;
  const prefix = `${p}/`;
  return Object.keys(host.files).some((f) => f.startsWith(prefix)) || host.dirs.some((d) => d.startsWith(prefix));
}

export function exists(host: LabHost, p: string): boolean {
  return p in host.files || isDir(host, p);
}

/** Immediate children of a directory, sorted by name. */
export function children(host: LabHost, dir: string): Array<{ name: string; path: string; dir: boolean }> {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const seen = new Map<string, boolean>();
  for (const p of [...Object.keys(host.files), ...host.dirs]) {
    if (!p.startsWith(prefix) || p === dir) continue;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (!name) continue;
    const dirFlag = slash >= 0 || !(p in host.files);
    seen.set(name, (seen.get(name) ?? false) || dirFlag);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, d]) => ({ name, path: `${prefix}${name}`, dir: d }));
}

/** Every file path under a directory (recursively). */
export function filesUnder(host: LabHost, dir: string): string[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  return Object.keys(host.files).filter((f) => f.startsWith(prefix)).sort();
}

export function mountOf(host: LabHost, p: string): LabFilesystem | undefined {
  let best: LabFilesystem | undefined;
  for (const fs of host.filesystems) {
    const m = fs.mount;
    if (p === m || m === '/' || p.startsWith(`${m}/`)) if (!best || m.length > best.mount.length) best = fs;
  }
  return best;
}

/** Is the filesystem holding `p` full (fault or usage)? */
export function isFull(state: LabState, hostName: string, p: string): boolean {
  const host = state.hosts[hostName];
  if (!host) return false;
  const fs = mountOf(host, p);
  if (!fs) return mountFull(state, hostName, '/');
  return mountFull(state, hostName, fs.mount) || fs.usedMb >= fs.sizeMb;
}

export function noSpaceText(host: LabHost): string {
  return host.os === 'aix' ? 'There is not enough space in the file system.' : 'No space left on device';
}

export function noEntryText(host: LabHost): string {
  return host.os === 'aix' ? 'A file or directory in the path name does not exist.' : 'No such file or directory';
}

/** The file's bytes (decoding base64 content). */
export function fileBytes(file: LabFile): Buffer {
  return Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
}

/** The file as text (binary content decoded as UTF-8, lossily, as a terminal would show it). */
export function fileText(file: LabFile): string {
  return file.encoding === 'base64' ? fileBytes(file).toString('utf8') : file.content;
}

/** LabFile content for bytes: a plain string when they are valid UTF-8, else base64. */
export function contentOf(data: Buffer): Pick<LabFile, 'content' | 'encoding'> {
  const text = data.toString('utf8');
  return Buffer.from(text, 'utf8').equals(data) ? { content: text } : { content: data.toString('base64'), encoding: 'base64' };
}

export function newFile(ctx: ShellContext, content: string): LabFile {
  return { content, mode: '0644', owner: ctx.user, group: ctx.user === 'root' ? (hostOf(ctx).os === 'aix' ? 'system' : 'root') : 'staff', mtime: ctx.now.toISOString() };
}

export function hostOf(ctx: Pick<ShellContext, 'store' | 'host'>): LabHost {
  const host = ctx.store.read().hosts[ctx.host];
  if (!host) throw new Error(`lab host ${ctx.host} is not in the lab state`);
  return host;
}

/**
 * Writes (or appends to) a file. Returns an error text (without the `cmd: path:` prefix) or
 * undefined on success.
 */
export function writeFile(ctx: ShellContext, path: string, content: string, append = false): string | undefined {
  const state = ctx.store.read();
  const host = hostOf(ctx);
  if (isDir(host, path)) return host.os === 'aix' ? 'Cannot open or remove a file containing a running program.' : 'Is a directory';
  if (!isDir(host, parentOf(path))) return noEntryText(host);
  if (isFull(state, ctx.host, path) && (content.length > 0 || !(path in host.files))) return noSpaceText(host);
  ctx.store.update((s) => {
    const h = s.hosts[ctx.host];
    if (!h) return;
    const old = h.files[path];
    if (old) {
      old.content = append ? fileText(old) + content : content;
      delete old.encoding;
      old.mtime = ctx.now.toISOString();
    } else h.files[path] = newFile(ctx, content);
  });
  return undefined;
}

/** Octal permission bits of a LabFile.mode given as '0644', '644', '-rw-r--r--' or 'rw-r--r--'. */
export function modeBits(mode: string): number {
  if (/^[0-7]{3,4}$/.test(mode)) return parseInt(mode, 8) & 0o7777;
  const sym = mode.length === 10 ? mode.slice(1) : mode;
  let bits = 0;
  for (let i = 0; i < 9; i++) if (sym[i] && sym[i] !== '-') bits |= 1 << (8 - i);
  return bits;
}

export function modeString(bits: number, dir: boolean): string {
  const chars = 'rwxrwxrwx';
  let s = dir ? 'd' : '-';
  for (let i = 0; i < 9; i++) s += bits & (1 << (8 - i)) ? chars[i] : '-';
  return s;
}
