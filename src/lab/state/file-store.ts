/**
 * The file-backed LabStore: .lab/state.json, shared by every lab server and `opsctl lab`
 * command, in any number of processes.
 *
 * - Writes are atomic (temp file + rename) and serialised by .lab/state.lock (lock.ts).
 * - Each host lives in its own file under .lab/hosts/ (`<name>.<generation>-<random>.json`), and
 *   the tables (config and generated business data) in a .lab/tables-<gen>.json, both named by
 *   state.json. A host file is never rewritten: a changed host gets a new file and state.json
 *   names it. So an update writes state.json (small) plus the hosts it changed, not the whole
 *   estate: at 1000 hosts the state is ~13 MB and most updates touch one host (an SFTP upload,
 *   an `rm`). A reader holding an old state.json whose file is gone simply reads again.
 * - update() hands `change` a copy of the state whose hosts and databases are copied lazily, on
 *   first access: one `change` never reads is not copied, and is known unchanged without
 *   comparing it (the tables are not even serialised when no database was touched).
 * - read() re-reads only when state.json's inode, mtime or size changed, and then only the host
 *   files it does not hold already.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './lock.js';
import type { LabStore } from './store.js';
import type { LabHost, LabState, LabTable } from './types.js';

export interface FileStoreOptions {
  /** How long update() waits for another process's lock (default 15 s). */
  lockTimeoutMs?: number;
}

export interface FileLabStore extends LabStore {
  /** The .lab/ folder. */
  readonly dir: string;
  exists(): boolean;
  /** Replaces the whole state (reset); the generation keeps counting up. */
  replace(state: LabState): void;
}

export class LabStateMissingError extends Error {
  override readonly name = 'LabStateMissingError';
}

type Tables = Record<string, Record<string, LabTable>>;
/** Host name → file under .lab/ (`hosts/…`). */
type HostFiles = Record<string, string>;
/** state.json: the state without its hosts' contents and tables, naming the files holding them. */
type OnDisk = LabState & { tablesFile?: string; hostFiles?: HostFiles };

interface Cache { key: string; state: LabState; tablesFile: string; tablesJson: string; hostFiles: HostFiles }

const HOSTS_DIR = 'hosts';

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

function splitTables(state: LabState): { bare: LabState; tables: Tables } {
  const tables: Tables = {};
  const databases: LabState['databases'] = {};
  for (const [name, db] of Object.entries(state.databases)) {
    tables[name] = db.tables;
    databases[name] = { ...db, tables: {} };
  }
  return { bare: { ...state, databases }, tables };
}

function hostFileName(host: string, generation: number): string {
  return `${HOSTS_DIR}/${encodeURIComponent(host)}.${generation}-${Math.random().toString(36).slice(2, 8)}.json`;
}

/**
 * A copy of a record (hosts, databases) whose entries are copied on first access (get), or
 * replaced (set): the untouched ones are still accessors in `untouched`, so `materialise` can
 * hand back the original objects for them.
 */
function lazyRecord<T>(record: Record<string, T>): { copy: Record<string, T>; materialise(final: Record<string, T>): Record<string, T> } {
  const copy: Record<string, T> = {};
  const untouched = new Set<() => T>();
  const settle = (name: string, value: T): void => {
    Object.defineProperty(copy, name, { value, writable: true, enumerable: true, configurable: true });
  };
  for (const name of Object.keys(record)) {
    const get = (): T => {
      const value = structuredClone(record[name]!);
      settle(name, value);
      return value;
    };
    untouched.add(get);
    Object.defineProperty(copy, name, { get, set: (value: T) => settle(name, value), enumerable: true, configurable: true });
  }
  return {
    copy,
    materialise(final) {
      const out: Record<string, T> = {};
      for (const name of Object.keys(final)) {
        const d = Object.getOwnPropertyDescriptor(final, name)!;
        out[name] = d.get && untouched.has(d.get as () => T) ? record[name]! : (final[name] as T);
      }
      return out;
    },
  };
}

/** Same keys, same objects (by identity): nothing in the record was touched. */
function sameRecord<T>(a: Record<string, T>, b: Record<string, T>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && a[k] === b[k]);
}

export function openLabStore(root: string, opts: FileStoreOptions = {}): FileLabStore {
  const dir = join(root, '.lab');
  const statePath = join(dir, 'state.json');
  const lockPath = join(dir, 'state.lock');
  const timeout = opts.lockTimeoutMs ?? 15_000;
  let cache: Cache | undefined;
  let inUpdate = false;

  const keyOf = (): string | undefined => {
    try {
      const st = statSync(statePath);
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      return undefined;
    }
  };

  const load = (): Cache => {
    for (let attempt = 0; ; attempt++) {
      const key = keyOf();
      if (key === undefined) throw new LabStateMissingError(`no lab state at ${statePath}; run "opsctl lab reset"`);
      if (cache && cache.key === key) return cache;
      try {
        const disk = JSON.parse(readFileSync(statePath, 'utf8')) as OnDisk;
        const tablesFile = disk.tablesFile ?? '';
        const hostFiles = disk.hostFiles;
        delete disk.tablesFile;
        delete disk.hostFiles;
        const tablesJson = tablesFile === cache?.tablesFile ? cache.tablesJson : tablesFile ? readFileSync(join(dir, tablesFile), 'utf8') : '{}';
        const tables = JSON.parse(tablesJson) as Tables;
        for (const [name, db] of Object.entries(disk.databases)) db.tables = tables[name] ?? {};
        if (hostFiles) {
          // Host files are never rewritten: one already held under the same file name is current.
          const hosts: Record<string, LabHost> = {};
          for (const [name, file] of Object.entries(hostFiles)) {
            const held = cache?.hostFiles[name] === file ? cache.state.hosts[name] : undefined;
            hosts[name] = held ?? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as LabHost);
          }
          disk.hosts = hosts;
        }
        cache = { key, state: disk, tablesFile, tablesJson, hostFiles: hostFiles ?? {} };
        return cache;
      } catch (err) {
        // A writer replaced the files between our stat and read: read again.
        if (attempt >= 20 || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  };

  /**
   * Writes `state`; hosts identical (same object) to `previous`'s keep their files, and the
   * tables file is kept without even serialising the tables when no database object changed.
   */
  const persist = (state: LabState, previous: Cache | undefined): void => {
    const { bare, tables } = splitTables(state);
    const untouched = previous !== undefined && sameRecord(state.databases, previous.state.databases);
    const tablesJson = untouched ? previous.tablesJson : JSON.stringify(tables);
    let tablesFile = previous?.tablesFile ?? '';
    if (!previous || tablesJson !== previous.tablesJson || !existsSync(join(dir, tablesFile))) {
      tablesFile = `tables-${state.generation}.json`;
      writeAtomic(join(dir, tablesFile), tablesJson);
    }
    const hostFiles: HostFiles = {};
    const written: string[] = [];
    for (const [name, host] of Object.entries(state.hosts)) {
      const kept = previous?.hostFiles[name];
      if (kept && previous.state.hosts[name] === host) hostFiles[name] = kept;
      else {
        if (written.length === 0) mkdirSync(join(dir, HOSTS_DIR), { recursive: true, mode: 0o700 });
        hostFiles[name] = hostFileName(name, state.generation);
        writeAtomic(join(dir, hostFiles[name]), JSON.stringify(host));
        written.push(name);
      }
    }
    writeAtomic(statePath, JSON.stringify({ ...bare, hosts: {}, tablesFile, hostFiles }, null, 1));
    const stale = [
      ...(previous?.tablesFile && previous.tablesFile !== tablesFile ? [previous.tablesFile] : []),
      ...Object.entries(previous?.hostFiles ?? {}).filter(([name, file]) => hostFiles[name] !== file).map(([, file]) => file),
    ];
    for (const f of stale) {
      try {
        unlinkSync(join(dir, f));
      } catch {
        // already removed
      }
    }
    cache = { key: keyOf() ?? '', state, tablesFile, tablesJson, hostFiles };
  };

  /** Host files no state names (left by a process killed between writing and renaming). */
  const sweep = (): void => {
    const named = new Set(Object.values(cache?.hostFiles ?? {}));
    let files: string[];
    try {
      files = readdirSync(join(dir, HOSTS_DIR));
    } catch {
      return;
    }
    for (const f of files) {
      if (named.has(`${HOSTS_DIR}/${f}`)) continue;
      try {
        unlinkSync(join(dir, HOSTS_DIR, f));
      } catch {
        // already removed
      }
    }
  };

  const locked = <T>(fn: () => T): T => {
    if (inUpdate) throw new Error('LabStore.update: nested update in the same process');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    inUpdate = true;
    try {
      return withLock(lockPath, timeout, fn);
    } finally {
      inUpdate = false;
    }
  };

  return {
    dir,
    exists: () => existsSync(statePath),
    read: () => load().state,
    update<T>(change: (s: LabState) => T): T {
      return locked(() => {
        const previous = load();
        const { hosts, databases, ...rest } = previous.state;
        const lazyHosts = lazyRecord(hosts);
        const lazyDatabases = lazyRecord(databases);
        const next = { ...structuredClone(rest), hosts: lazyHosts.copy, databases: lazyDatabases.copy } as LabState;
        const result = change(next);
        next.hosts = lazyHosts.materialise(next.hosts);
        next.databases = lazyDatabases.materialise(next.databases);
        next.generation = previous.state.generation + 1;
        persist(next, previous);
        return result;
      });
    },
    replace(state: LabState): void {
      locked(() => {
        const previous = existsSync(statePath) ? load() : undefined;
        const next = structuredClone(state);
        next.generation = Math.max(state.generation, (previous?.state.generation ?? -1) + 1);
        persist(next, previous);
        sweep();
      });
    },
  };
}
