/**
 * `unzip [-o|-n] [-q] ZIP [-d DIR]` (Info-ZIP): extracts a real zip archive (stored or deflated
 * entries, read through the central directory) from the host's virtual files into DIR (default
 * the working directory). Binary entries are kept as bytes. Messages and exit codes as Info-ZIP
 * prints them: `Archive:  x.zip`, `  inflating: …`, `   creating: …/`; 9 when the archive cannot
 * be found or read. Used to unpack patch archives (OPatch patch directories, BSU jars).
 */
import { inflateRawSync } from 'node:zlib';
import type { LabFile } from '../../state/types.js';
import type { CommandHandler, ShellContext } from '../types.js';
import { fail, ok } from '../types.js';
import { contentOf, fileBytes, isFull, noSpaceText, resolvePath } from '../vfs.js';
import { host } from './util.js';

export interface ZipEntry { name: string; dir: boolean; data: Buffer }

/** The entries of a zip archive, or an error text. */
export function readZip(buf: Buffer): ZipEntry[] | string {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return 'End-of-central-directory signature not found.';
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return 'bad zipfile offset (central directory)';
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    at += 46 + skip;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return `bad zipfile offset (local header of ${name})`;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    if (method !== 0 && method !== 8) return `${name}: unsupported compression method ${method}`;
    try {
      out.push({ name, dir: name.endsWith('/'), data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    } catch {
      return `${name}: invalid compressed data to inflate`;
    }
  }
  return out;
}

function options(args: string[]): { zip?: string; dest?: string; quiet: boolean; never: boolean } {
  const o: { zip?: string; dest?: string; quiet: boolean; never: boolean } = { quiet: false, never: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-d') o.dest = args[++i];
    else if (/^-[oqn]+$/.test(a)) {
      if (a.includes('q')) o.quiet = true;
      if (a.includes('n')) o.never = true;
    } else if (!o.zip) o.zip = a;
  }
  return o;
}

function write(ctx: ShellContext, dest: string, entries: ZipEntry[], never: boolean): string[] {
  const lines: string[] = [];
  ctx.store.update((s) => {
    const h = s.hosts[ctx.host];
    if (!h) return;
    h.dirs.push(dest);
    for (const e of entries) {
      const path = resolvePath(dest, e.name.replace(/\/$/, ''));
      if (!path.startsWith(dest === '/' ? '/' : `${dest}/`)) continue;
      if (e.dir) {
        h.dirs.push(path);
        lines.push(`   creating: ${path}/`);
        continue;
      }
      if (never && h.files[path]) continue;
      const file: LabFile = { ...contentOf(e.data), mode: '0644', owner: ctx.user, group: 'staff', mtime: ctx.now.toISOString() };
      h.files[path] = file;
      lines.push(`  inflating: ${path}`);
    }
    h.dirs = [...new Set(h.dirs)];
  });
  return lines;
}

export const unzip: CommandHandler = (argv, ctx) => {
  const o = options(argv.slice(1));
  if (!o.zip) return fail(10, 'UnZip 6.00 of 20 April 2009, by Info-ZIP.\nUsage: unzip [-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]\n');
  const path = resolvePath(ctx.cwd, o.zip);
  const file = host(ctx).files[path] ?? host(ctx).files[`${path}.zip`];
  if (!file) return fail(9, `unzip:  cannot find or open ${o.zip}, ${o.zip}.zip or ${o.zip}.ZIP.\n`);
  const entries = readZip(fileBytes(file));
  if (typeof entries === 'string') return fail(9, `Archive:  ${o.zip}\n  ${entries}\nunzip:  cannot find zipfile directory in one of ${o.zip} or\n        ${o.zip}.zip, and cannot find ${o.zip}.ZIP, period.\n`);
  const dest = resolvePath(ctx.cwd, o.dest ?? '.');
  if (isFull(ctx.store.read(), ctx.host, dest)) return fail(50, `Archive:  ${o.zip}\nerror:  ${dest}: ${noSpaceText(host(ctx))}\n`);
  const lines = write(ctx, dest, entries, o.never);
  return ok(o.quiet ? '' : `Archive:  ${o.zip}\n${lines.join('\n')}\n`);
};
