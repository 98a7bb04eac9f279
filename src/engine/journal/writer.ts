/**
 * The journal writer: `.opsctl/journal/<env>/<applyId>.jsonl` in the working copy, with the plan
 * saved beside it as `<applyId>.plan.json`. Every append is written and fsync'ed before it
 * returns, so a record is on disk before the action it announces begins (write-ahead). Writes are
 * synchronous on purpose: nothing else may happen between "announced" and "on disk".
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson, type Plan } from '../../core/index.js';
import type { JournalEntry, JournalRecord } from './format.js';

export const OPSCTL_DIR = '.opsctl';

export function journalDir(root: string, env: string): string {
  return join(root, OPSCTL_DIR, 'journal', env);
}

export function journalPaths(root: string, env: string, applyId: string): { path: string; planPath: string } {
  const dir = journalDir(root, env);
  return { path: join(dir, `${applyId}.jsonl`), planPath: join(dir, `${applyId}.plan.json`) };
}

export function planDigest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Writes `text` to a new file (O_EXCL) and fsyncs it and its folder. */
function writeDurable(path: string, text: string, dir: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncDir(dir);
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems cannot fsync a directory; the file itself is synced
  }
}

/**
 * Lays a journal and its plan, as committed with an apply record, back into the working copy
 * (`rollback --release` from a clone without that .opsctl/): both written new (O_EXCL), fsync'ed.
 */
export function restoreJournal(root: string, env: string, applyId: string, planText: string, journalText: string): { path: string; planPath: string } {
  const dir = journalDir(root, env);
  mkdirSync(dir, { recursive: true });
  const paths = journalPaths(root, env, applyId);
  writeDurable(paths.planPath, planText, dir);
  writeDurable(paths.path, journalText, dir);
  return paths;
}

export class JournalWriter {
  readonly path: string;
  readonly planPath: string;
  readonly planDigest: string;
  #fd: number | undefined;
  #seq: number;
  readonly #now: () => Date;

  private constructor(path: string, planPath: string, digest: string, seq: number, now: () => Date) {
    this.path = path;
    this.planPath = planPath;
    this.planDigest = digest;
    this.#seq = seq;
    this.#now = now;
    this.#fd = openSync(path, 'a', 0o600);
  }

  /** A new journal for `applyId`: saves the plan (canonical JSON) and creates the empty journal. */
  static create(root: string, env: string, applyId: string, plan: Plan, now: () => Date): JournalWriter {
    const dir = journalDir(root, env);
    mkdirSync(dir, { recursive: true });
    const { path, planPath } = journalPaths(root, env, applyId);
    const text = canonicalJson(plan, 2) + '\n';
    writeDurable(planPath, text, dir);
    writeDurable(path, '', dir);
    return new JournalWriter(path, planPath, planDigest(text), 0, now);
  }

  /** Continue an existing journal (recover, rollback of a release): numbering goes on. */
  static reopen(path: string, planPath: string, digest: string, lastSeq: number, now: () => Date): JournalWriter {
    return new JournalWriter(path, planPath, digest, lastSeq, now);
  }

  /** Append one record and fsync it; returns the record as written. */
  append(entry: JournalEntry): JournalRecord {
    if (this.#fd === undefined) throw new Error(`journal ${this.path} is closed`);
    const record = { seq: ++this.#seq, at: this.#now().toISOString(), ...entry } as JournalRecord;
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.#fd);
    return record;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
