/**
 * SFTP subsystem of a lab SSH host, backed by the host's virtual files in LabState: enough of
 * the protocol for put/get/ls/mkdir/rm/rename/chmod. Written files are committed on CLOSE; a
 * `disk-full` fault fails WRITE with "No space left on device". Binary-safe: bytes that are not
 * UTF-8 are stored as base64 (LabFile.encoding) and read back as the same bytes.
 */
import type { Attributes, SFTPWrapper } from 'ssh2';
import ssh2 from 'ssh2';
import type { LabFile, LabHost } from '../state/types.js';
import type { ShellContext } from '../shell/types.js';
import { children, contentOf, exists, fileBytes, filesUnder, homeOf, hostOf, isDir, isFull, modeBits, modeString, newFile, parentOf, resolvePath } from '../shell/vfs.js';

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;

type Handle =
  | { kind: 'file'; path: string; data: Buffer; dirty: boolean; writable: boolean }
  | { kind: 'dir'; path: string; done: boolean };

type Ctx = Omit<ShellContext, 'stdin' | 'env' | 'cwd'>;

function attrsOf(file: LabFile | undefined): Attributes {
  const bits = modeBits(file?.mode ?? '0755');
  const mtime = Math.floor(Date.parse(file?.mtime ?? '2024-01-01T00:00:00Z') / 1000);
  return { mode: (file ? 0o100000 : 0o040000) | bits, uid: 0, gid: 0, size: file ? fileBytes(file).length : 4096, atime: mtime, mtime };
}

function longname(name: string, file: LabFile | undefined): string {
  const a = attrsOf(file);
  return `${modeString(a.mode & 0o7777, !file)} 1 ${file?.owner ?? 'root'} ${file?.group ?? 'root'} ${a.size} Jan 1 00:00 ${name}`;
}

interface Env {
  sftp: SFTPWrapper;
  ctx: Ctx;
  path(p: string): string;
  host(): LabHost;
  newHandle(h: Handle): Buffer;
  get(b: Buffer): Handle | undefined;
  drop(b: Buffer): void;
  update(f: (files: Record<string, LabFile>, dirs: string[]) => void): void;
}

function makeEnv(sftp: SFTPWrapper, ctx: Ctx): Env {
  const handles = new Map<number, Handle>();
  let next = 1;
  const home = homeOf(ctx.user);
  return {
    sftp,
    ctx,
    path: (p) => resolvePath(home, p || '.'),
    host: () => hostOf(ctx),
    newHandle: (h) => {
      const id = next++;
      handles.set(id, h);
      const b = Buffer.alloc(4);
      b.writeUInt32BE(id);
      return b;
    },
    get: (b) => (b.length === 4 ? handles.get(b.readUInt32BE(0)) : undefined),
    drop: (b) => { if (b.length === 4) handles.delete(b.readUInt32BE(0)); },
    update: (f) =>
      ctx.store.update((s) => {
        const h = s.hosts[ctx.host];
        if (h) f(h.files, h.dirs);
      }),
  };
}

function fileOps(e: Env): void {
  const { sftp, ctx, path, host, update } = e;
  sftp.on('OPEN', (id, filename, flags) => {
    const p = path(filename);
    const file = host().files[p];
    const writable = (flags & OPEN_MODE.WRITE) !== 0;
    if (isDir(host(), p)) return sftp.status(id, STATUS_CODE.FAILURE, 'Is a directory');
    if (!file && !(flags & OPEN_MODE.CREAT)) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    if (file && flags & OPEN_MODE.EXCL) return sftp.status(id, STATUS_CODE.FAILURE, 'File exists');
    if (!isDir(host(), parentOf(p))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    if (writable && isFull(ctx.store.read(), ctx.host, p)) return sftp.status(id, STATUS_CODE.FAILURE, 'No space left on device');
    const data = file && !(flags & OPEN_MODE.TRUNC) ? fileBytes(file) : Buffer.alloc(0);
    sftp.handle(id, e.newHandle({ kind: 'file', path: p, data, dirty: writable && (!file || (flags & OPEN_MODE.TRUNC) !== 0), writable }));
  });
  sftp.on('READ', (id, hb, offset, len) => {
    const h = e.get(hb);
    if (h?.kind !== 'file') return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (offset >= h.data.length) return sftp.status(id, STATUS_CODE.EOF);
    sftp.data(id, h.data.subarray(offset, Math.min(h.data.length, offset + len)));
  });
  sftp.on('WRITE', (id, hb, offset, data) => {
    const h = e.get(hb);
    if (h?.kind !== 'file' || !h.writable) return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (isFull(ctx.store.read(), ctx.host, h.path)) return sftp.status(id, STATUS_CODE.FAILURE, 'No space left on device');
    const end = offset + data.length;
    if (end > h.data.length) h.data = Buffer.concat([h.data, Buffer.alloc(end - h.data.length)]);
    data.copy(h.data, offset);
    h.dirty = true;
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on('CLOSE', (id, hb) => {
    const h = e.get(hb);
    if (!h) return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    e.drop(hb);
    if (h.kind === 'file' && h.dirty) {
      const stored = contentOf(h.data);
      update((files) => {
        const old = files[h.path];
        const { encoding: _old, ...base } = old ?? newFile({ ...ctx, stdin: '', env: {}, cwd: '/' }, '');
        files[h.path] = { ...base, ...stored, mtime: ctx.now.toISOString() };
      });
    }
    sftp.status(id, STATUS_CODE.OK);
  });
}

function statOps(e: Env): void {
  const { sftp, path, host } = e;
  const statPath = (id: number, p: string): void => {
    const file = host().files[p];
    if (!file && !isDir(host(), p)) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    sftp.attrs(id, attrsOf(file));
  };
  sftp.on('STAT', (id, p) => statPath(id, path(p)));
  sftp.on('LSTAT', (id, p) => statPath(id, path(p)));
  sftp.on('FSTAT', (id, hb) => {
    const h = e.get(hb);
    if (!h) return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (h.kind === 'dir') return sftp.attrs(id, attrsOf(undefined));
    const a = attrsOf(host().files[h.path]);
    sftp.attrs(id, { ...a, size: h.data.length, mode: 0o100000 | (a.mode & 0o7777) });
  });
  sftp.on('OPENDIR', (id, p) => {
    const dir = path(p);
    if (!isDir(host(), dir)) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such directory');
    sftp.handle(id, e.newHandle({ kind: 'dir', path: dir, done: false }));
  });
  sftp.on('READDIR', (id, hb) => {
    const h = e.get(hb);
    if (h?.kind !== 'dir') return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (h.done) return sftp.status(id, STATUS_CODE.EOF);
    h.done = true;
    const hs = host();
    sftp.name(id, children(hs, h.path).map((e) => ({ filename: e.name, longname: longname(e.name, hs.files[e.path]), attrs: attrsOf(hs.files[e.path]) })));
  });
  sftp.on('REALPATH', (id, p) => {
    const abs = path(p);
    sftp.name(id, [{ filename: abs, longname: abs, attrs: attrsOf(host().files[abs]) }]);
  });
}

function pathOps(e: Env): void {
  const { sftp, path, host, update } = e;
  sftp.on('REMOVE', (id, p) => {
    const abs = path(p);
    if (!host().files[abs]) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    update((files) => { delete files[abs]; });
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on('RMDIR', (id, p) => {
    const abs = path(p);
    if (!isDir(host(), abs)) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such directory');
    if (filesUnder(host(), abs).length) return sftp.status(id, STATUS_CODE.FAILURE, 'Directory not empty');
    update((_f, dirs) => { dirs.splice(0, dirs.length, ...dirs.filter((d) => d !== abs)); });
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on('RENAME', (id, from, to) => {
    const [a, b] = [path(from), path(to)];
    const file = host().files[a];
    if (!file) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    if (host().files[b]) return sftp.status(id, STATUS_CODE.FAILURE, 'File exists');
    update((files) => {
      files[b] = { ...file };
      delete files[a];
    });
    sftp.status(id, STATUS_CODE.OK);
  });
  sftp.on('MKDIR', (id, p) => {
    const abs = path(p);
    if (exists(host(), abs)) return sftp.status(id, STATUS_CODE.FAILURE, 'File exists');
    if (!isDir(host(), parentOf(abs))) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    update((_f, dirs) => { dirs.push(abs); });
    sftp.status(id, STATUS_CODE.OK);
  });
  const setstat = (id: number, p: string, attrs: Attributes): void => {
    if (!exists(host(), p)) return sftp.status(id, STATUS_CODE.NO_SUCH_FILE, 'No such file');
    update((files) => {
      const f = files[p];
      if (f && typeof attrs.mode === 'number') f.mode = (attrs.mode & 0o7777).toString(8).padStart(4, '0');
      if (f && typeof attrs.mtime === 'number') f.mtime = new Date(attrs.mtime * 1000).toISOString();
    });
    sftp.status(id, STATUS_CODE.OK);
  };
  sftp.on('SETSTAT', (id, p, attrs) => setstat(id, path(p), attrs));
  sftp.on('FSETSTAT', (id, hb, attrs) => {
    const h = e.get(hb);
    if (!h) return sftp.status(id, STATUS_CODE.FAILURE, 'Bad handle');
    if (h.kind === 'file' && !host().files[h.path]) return sftp.status(id, STATUS_CODE.OK);
    setstat(id, h.path, attrs);
  });
}

export function serveSftp(sftp: SFTPWrapper, ctx: Ctx): void {
  const e = makeEnv(sftp, ctx);
  fileOps(e);
  statOps(e);
  pathOps(e);
}
