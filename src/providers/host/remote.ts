/**
 * The commands the host provider runs, built with shellCommand/shellQuote only, and the small
 * readers of their output that src/parsers does not have (`ls -ld` lines).
 *
 * Privilege: the inventory's SSH user (normally `opsctl`) runs reads that need no privilege as
 * itself (`no -a`, `lsattr`, `sysctl`); everything that needs root or another user (checksums of
 * protected files, crontabs, every change) goes through `sudo -n` (never prompts: a missing
 * sudoers rule fails the command instead of hanging). When the SSH user already is that user,
 * no sudo is used.
 */
import type { Host } from '../../model/index.js';
import { shellCommand, type SshCommand } from '../../transport/index.js';

/** Separates the checksum part from the listing part of the one file-read command. */
export const FILES_MARK = '--opsctl-files-ls--';

/** `argv` run as `user` (default root) on `host`. */
export function asUser(host: Host, argv: readonly string[], user = 'root'): SshCommand {
  if (host.ssh.user === user) return argv;
  return ['sudo', '-n', ...(user === 'root' ? [] : ['-u', user]), ...argv];
}

/** A script (already quoted word by word) run by root's /bin/sh. */
export function rootScript(host: Host, script: string): SshCommand {
  return host.ssh.user === 'root' ? { script } : ['sudo', '-n', 'sh', '-c', script];
}

/** The file-read command as messages name it. */
export function fileReadLabel(host: Host): string {
  return `${host.os === 'aix' ? 'csum -h SHA256' : 'sha256sum'} + ls -ld`;
}

/** One exec for every managed file of a host: digests (csum on AIX, sha256sum on Linux), then `ls -ld`. */
export function fileReadCommand(host: Host, paths: readonly string[]): SshCommand {
  const digest = host.os === 'aix' ? ['csum', '-h', 'SHA256', ...paths] : ['sha256sum', ...paths];
  return rootScript(host, `${shellCommand(digest)}; ${shellCommand(['echo', FILES_MARK])}; ${shellCommand(['ls', '-ld', ...paths])}`);
}

export interface FileStat { mode: string; owner: string; group: string }

const PERM = /^[-dlcbps]([-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT])[.+@]?$/;

/** `-rwxr-s---` → `2750`. */
export function modeFromLs(text: string): string | undefined {
  const m = PERM.exec(text);
  if (!m) return undefined;
  const p = m[1]!;
  let special = 0;
  let bits = 0;
  for (let i = 0; i < 9; i++) {
    const c = p[i]!;
    if (c !== '-' && c !== 'S' && c !== 'T') bits |= 1 << (8 - i);
    if (i === 2 && (c === 's' || c === 'S')) special |= 4;
    if (i === 5 && (c === 's' || c === 'S')) special |= 2;
    if (i === 8 && (c === 't' || c === 'T')) special |= 1;
  }
  return `${special}${bits.toString(8).padStart(3, '0')}`;
}

/** `ls -ld PATH…` output → path → stat (lines matched by their trailing path; ls sorts operands). */
export function parseLsLd(text: string, paths: readonly string[]): Map<string, FileStat> {
  const out = new Map<string, FileStat>();
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  for (const path of paths) {
    const line = lines.find((l) => l.endsWith(` ${path}`));
    if (!line) continue;
    const w = line.trim().split(/\s+/);
    const mode = modeFromLs(w[0] ?? '');
    if (mode && w[2] && w[3]) out.set(path, { mode, owner: w[2], group: w[3] });
  }
  return out;
}

/** Did the tool say the path does not exist (as opposed to: could not read it)? */
export function saysMissing(stderr: string, path: string): boolean {
  return stderr.split('\n').some((l) => l.includes(path) && /No such file|does not exist|cannot access/i.test(l));
}

/** `crontab -l` failing because the user has none (AIX 0481-103, cronie "no crontab for"). */
export function saysNoCrontab(stderr: string): boolean {
  return /no crontab for|0481-103|can't open your crontab/i.test(stderr);
}

/** A compact UTC stamp for backup and temp names: `20261128T140000Z`. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
