/**
 * Writing discover's file patches: every existing file is first copied to a backup beside it
 * (`.bak`, or `.bak.N` when that is taken — an older backup is never overwritten) and the copy
 * checked; the new text lands through a temporary file and a rename. The loader ignores the
 * backups (they do not end in .yaml).
 */
import { copyFileSync, constants, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FilePatch } from './overlay.js';

export interface WrittenFile {
  rel: string;
  abs: string;
  /** Absolute path of the backup (absent for a new file). */
  backup?: string;
}

export function freeBackupName(file: string): string {
  if (!existsSync(`${file}.bak`)) return `${file}.bak`;
  for (let n = 1; ; n++) if (!existsSync(`${file}.bak.${n}`)) return `${file}.bak.${n}`;
}

export function writePatch(patch: FilePatch): WrittenFile {
  mkdirSync(dirname(patch.abs), { recursive: true });
  let backup: string | undefined;
  if (existsSync(patch.abs)) {
    if (readFileSync(patch.abs, 'utf8') !== patch.before) throw new Error(`${patch.rel} changed while discover ran; nothing written to it`);
    backup = freeBackupName(patch.abs);
    copyFileSync(patch.abs, backup, constants.COPYFILE_EXCL);
    if (!readFileSync(backup).equals(readFileSync(patch.abs))) throw new Error(`backup ${backup} differs from ${patch.rel}; nothing written`);
  } else if (patch.before !== undefined) {
    throw new Error(`${patch.rel} disappeared while discover ran; nothing written to it`);
  }
  const tmp = `${patch.abs}.tmp-${process.pid}`;
  writeFileSync(tmp, patch.after, { flag: 'wx' });
  renameSync(tmp, patch.abs);
  return { rel: patch.rel, abs: patch.abs, ...(backup ? { backup } : {}) };
}

/** Writes every patch (each with its backup); stops at the first failure and says what was written. */
export function writePatches(patches: readonly FilePatch[]): WrittenFile[] {
  return patches.map(writePatch);
}
