/**
 * The file-backed LabStore: .lab/state.json, shared by every lab server and `opsctl lab`
 * command, in any number of processes.
 *
 * - Writes are atomic (temp file + rename) and serialised by .lab/state.lock (lock.ts).
 * - Tables (config and generated business data) live in a separate .lab/tables-<gen>.json that
 *   state.json names; it is rewritten only when some table changed, so ordinary updates stay
 *   small. A reader holding an old state.json whose tables file is gone simply reads again.
 * - read() re-reads only when state.json's inode, mtime or size changed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './lock.js';
import type { LabStore } from './store.js';
import type { LabState, LabTable } from './types.js';

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
type OnDisk = LabState & { tablesFile?: string };

interface Cache { key: string; state: LabState; tablesFile: string; tablesJson: string }

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
        delete disk.tablesFile;
        const tablesJson = tablesFile === cache?.tablesFile ? cache.tablesJson : tablesFile ? readFileSync(join(dir, tablesFile), 'utf8') : '{}';
        const tables = JSON.parse(tablesJson) as Tables;
        for (const [name, db] of Object.entries(disk.databases)) db.tables = tables[name] ?? {};
        cache = { key, state: disk, tablesFile, tablesJson };
        return cache;
      } catch (err) {
        // A writer replaced the files between our stat and read: read again.
        if (attempt >= 20 || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  };

  const persist = (state: LabState, previous: Cache | undefined): void => {
    const { bare, tables } = splitTables(state);
    const tablesJson = JSON.stringify(tables);
    let tablesFile = previous?.tablesFile ?? '';
    if (!previous || tablesJson !== previous.tablesJson || !existsSync(join(dir, tablesFile))) {
      tablesFile = `tables-${state.generation}.json`;
      writeAtomic(join(dir, tablesFile), tablesJson);
    }
    writeAtomic(statePath, JSON.stringify({ ...bare, tablesFile }, null, 1));
    if (previous?.tablesFile && previous.tablesFile !== tablesFile) {
      try {
        unlinkSync(join(dir, previous.tablesFile));
      } catch {
        // already removed
      }
    }
    cache = { key: keyOf() ?? '', state, tablesFile, tablesJson };
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
        const next = structuredClone(previous.state);
        const result = change(next);
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
      });
    },
  };
}
