/**
 * The parse cache: what `yaml` made of a file (each document's value and the positions of its
 * nodes), stored by the sha256 of the file's text in `<repo>/.opsctl/cache/parse.json`
 * (git-ignored), so an unchanged file is not parsed again — parsing is most of `opsctl
 * validate`'s time. The rules, in order of importance:
 *
 * - It never hides an error. Only files that parsed without a YAML error, alias or value JSON
 *   cannot carry exactly (non-finite numbers, -0) are stored; every check after the parse
 *   (document shape, kind, schema, references, policy) runs on every load, cached or not.
 * - It is never trusted. The file is only used when its key matches exactly: opsctl's version,
 *   the schema stamp of the kinds' validators, yaml's version and a hash of the code that
 *   parses and encodes (this module and parse.ts); anything else — another version's file, a
 *   truncated or hand-edited one, an entry of the wrong shape — is a miss, and the file is
 *   rewritten.
 * - It is written atomically (a temporary file renamed over the old one), only when something
 *   changed, and pruned to the files of the last load. Failing to read or write it (read-only
 *   working copy) only costs the time.
 *
 * `opsctl validate --no-cache`, or OPSCTL_NO_CACHE=1 for every command, turns it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SourcePos } from '../diag/index.js';
import type { NodePos, PosMap } from './paths.js';

/** The cache file, relative to the repository root. */
export const CACHE_FILE = '.opsctl/cache/parse.json';

/** Marks the file as ours; bumped when the layout below changes. */
const FORMAT = 'opsctl-parse-cache/1';

/**
 * One node position without its file (added back on the way out): `[pointer, line, column]`
 * for a value, `[pointer, line, column, keyLine, keyColumn]` for a mapping entry.
 */
type PosTuple = [string, number, number] | [string, number, number, number, number];

/** One document of a cached file. */
export interface CachedDoc {
  /** 0-based index of the document within its file. */
  index: number;
  value: unknown;
  pos: PosMap;
}

interface StoredDoc {
  index: number;
  value: unknown;
  pos: PosTuple[];
}

/** The environment variable that turns the cache off ("1", "true", "yes"). */
export const NO_CACHE_ENV = 'OPSCTL_NO_CACHE';

export function cacheDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env[NO_CACHE_ENV] ?? '');
}

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The content hash a file is cached under. */
export const contentHash = (text: string): string => sha256(text);

function readOr(url: URL, fallback: string): string {
  try {
    return readFileSync(url, 'utf8');
  } catch {
    return fallback;
  }
}

function yamlVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('yaml/package.json') as { version: string }).version;
  } catch {
    return '?';
  }
}

/**
 * The key the whole cache file must carry to be used: opsctl's version, the kinds' schema stamp,
 * yaml's version and the parsing code itself (so a changed parser never reads old entries).
 */
export function cacheKey(schemaStamp: string): string {
  const here = new URL(import.meta.url);
  const ext = here.pathname.endsWith('.ts') ? 'ts' : 'js';
  const pkg = readOr(new URL('../../package.json', here), '{}');
  let version = '?';
  try {
    version = String((JSON.parse(pkg) as { version?: unknown }).version ?? '?');
  } catch {
    // a broken package.json only makes the key less specific; the code hash below still counts
  }
  const code = sha256(readOr(here, '') + readOr(new URL(`./parse.${ext}`, here), ''));
  return `${FORMAT}|opsctl ${version}|schemas ${schemaStamp}|yaml ${yamlVersion()}|code ${code.slice(0, 16)}`;
}

/** True when `value` survives JSON.stringify → JSON.parse unchanged (plain data only). */
export function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(value)) if (!jsonSafe((value as Record<string, unknown>)[k])) return false;
  return true;
}

function encodePos(pos: PosMap): PosTuple[] {
  const out: PosTuple[] = [];
  for (const [ptr, p] of pos) {
    out.push(p.key ? [ptr, p.value.line, p.value.column, p.key.line, p.key.column] : [ptr, p.value.line, p.value.column]);
  }
  return out;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The positions of a stored document with `file` added, or undefined if they are malformed. */
function decodePos(stored: unknown, file: string): PosMap | undefined {
  if (!Array.isArray(stored)) return undefined;
  const pos: PosMap = new Map();
  for (const t of stored as unknown[]) {
    if (!Array.isArray(t) || (t.length !== 3 && t.length !== 5) || typeof t[0] !== 'string') return undefined;
    if (!isCount(t[1]) || !isCount(t[2])) return undefined;
    const value: SourcePos = { file, line: t[1], column: t[2] };
    let entry: NodePos;
    if (t.length === 5) {
      if (!isCount(t[3]) || !isCount(t[4])) return undefined;
      entry = { key: { file, line: t[3], column: t[4] }, value };
    } else entry = { value };
    pos.set(t[0], entry);
  }
  return pos;
}

function decodeDocs(stored: unknown, file: string): CachedDoc[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const docs: CachedDoc[] = [];
  let last = -1;
  for (const d of stored as unknown[]) {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) return undefined;
    const { index, value, pos } = d as Record<string, unknown>;
    if (!isCount(index) || index <= last || value === undefined) return undefined;
    last = index;
    const decoded = decodePos(pos, file);
    if (!decoded) return undefined;
    docs.push({ index, value, pos: decoded });
  }
  return docs;
}

export class ParseCache {
  /** Content hash → the JSON text of its StoredDoc[] (text, so every hit decodes fresh objects). */
  private readonly stored: Map<string, string>;
  private readonly next = new Map<string, string>();
  private dirty = false;

  private constructor(
    /** Absolute path of the cache file. */
    readonly path: string,
    private readonly key: string,
    stored: Map<string, string>,
    /** Why the file on disk was not used (missing, corrupt, foreign, other-key), for tests. */
    readonly ignored: 'missing' | 'corrupt' | 'foreign' | 'other-key' | undefined,
  ) {
    this.stored = stored;
  }

  /** Opens the cache of the repository at `root` under `key`; anything unusable reads as empty. */
  static open(root: string, key: string): ParseCache {
    const path = join(root, CACHE_FILE);
    const empty = (why: ParseCache['ignored']): ParseCache => new ParseCache(path, key, new Map(), why);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return empty('missing');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return empty('corrupt');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return empty('corrupt');
    const { format, key: storedKey, files } = body as Record<string, unknown>;
    if (format !== FORMAT || typeof files !== 'object' || files === null || Array.isArray(files)) return empty('foreign');
    if (storedKey !== key) return empty('other-key');
    const stored = new Map<string, string>();
    for (const [hash, entry] of Object.entries(files)) {
      if (!/^[0-9a-f]{64}$/.test(hash) || typeof entry !== 'string') return empty('corrupt');
      stored.set(hash, entry);
    }
    return new ParseCache(path, key, stored, undefined);
  }

  /** The documents of a file with this content hash, positions in `file`; undefined on a miss. */
  get(hash: string, file: string): CachedDoc[] | undefined {
    const entry = this.stored.get(hash);
    let docs: CachedDoc[] | undefined;
    if (entry !== undefined) {
      try {
        docs = decodeDocs(JSON.parse(entry), file);
      } catch {
        docs = undefined;
      }
    }
    if (!docs) {
      this.dirty = true;
      return undefined;
    }
    this.next.set(hash, entry!);
    return docs;
  }

  /** Stores a file's documents as parsed; callers only pass what parsed cleanly and is jsonSafe. */
  put(hash: string, docs: readonly CachedDoc[]): void {
    const stored: StoredDoc[] = docs.map((d) => ({ index: d.index, value: d.value, pos: encodePos(d.pos) }));
    this.next.set(hash, JSON.stringify(stored));
    this.dirty = true;
  }

  /**
   * Writes what this load used and added, atomically, when it differs from what was read (an
   * entry missed, added or no longer used). Errors are swallowed: the cache is only an aid.
   */
  save(): void {
    if (!this.dirty && this.ignored === undefined && this.next.size === this.stored.size) return;
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, key: this.key, files: Object.fromEntries(this.next) }));
      renameSync(tmp, this.path);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}
