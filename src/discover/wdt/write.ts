/**
 * Writing desired-state/<env>/weblogic/<domain>.yaml: an existing file is first copied to a
 * backup next to it (`.bak`, or `.bak.N` when that is taken) and the copy is checked before the
 * file is replaced; the new text lands through a temporary file and a rename.
 */
import { copyFileSync, constants, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface WriteOutcome {
  /** Absolute path written. */
  file: string;
  /** Relative to the repository root, "/" separators (as diagnostics name files). */
  rel: string;
  /** Absolute path of the backup, when a file was replaced. */
  backup?: string;
}

export function domainFile(root: string, env: string, domain: string): string {
  for (const [what, value] of [['environment', env], ['domain', domain]] as const) {
    if (!NAME.test(value)) throw new Error(`${what} "${value}" is not a valid name (letters, digits, ".", "_", "-")`);
  }
  return join(root, 'desired-state', env, 'weblogic', `${domain}.yaml`);
}

function freeBackupName(file: string): string {
  if (!existsSync(`${file}.bak`)) return `${file}.bak`;
  for (let n = 1; ; n++) if (!existsSync(`${file}.bak.${n}`)) return `${file}.bak.${n}`;
}

/** Backs up an existing file (never overwriting an older backup), then writes `text`. */
export function writeDomainFile(root: string, env: string, domain: string, text: string): WriteOutcome {
  const file = domainFile(root, env, domain);
  mkdirSync(dirname(file), { recursive: true });
  let backup: string | undefined;
  if (existsSync(file)) {
    backup = freeBackupName(file);
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
    if (!readFileSync(backup).equals(readFileSync(file))) throw new Error(`backup ${backup} differs from ${file}; nothing written`);
  }
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { flag: 'wx' });
  renameSync(tmp, file);
  return { file, rel: relative(root, file).split(sep).join('/'), ...(backup ? { backup } : {}) };
}
