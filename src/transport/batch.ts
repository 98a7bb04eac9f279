/**
 * One remote script for many read-only commands: every SSH exec costs a session on the server
 * (sshd forks, sets up the session, starts the user's shell), so a host's reads go out as ONE
 * `/bin/sh -c` script of sections and come back split per section — stdout, stderr and exit
 * status of each, as if each had been its own exec. Used by the host provider's read
 * (providers/host/read.ts), the inspection's host collector (inspect/host-script.ts) and bench (d).
 *
 * The script is plain POSIX sh (dash, bash, AIX ksh88; and the lab's shell): simple commands,
 * `;`, `$?`, `>&2`, one assignment per line — no subshells, functions or `printf`. Every section
 * is framed on BOTH streams by marker lines that carry a random token of this batch; the script
 * builds them from a variable (`"@@$opsctl_k …"`), so the token never stands next to `@@` in the
 * script text — not even where `ps -ef` prints the script's own command line — and no output of
 * a command (a log line, a crontab entry) can end or forge a section. Each end marker follows an
 * empty `echo`, so output without a final newline still ends before its marker and comes back
 * byte for byte. Commands reach the shell only through commandText (shellQuote/shellCommand).
 */
import { randomBytes } from 'node:crypto';
import { commandText, type SshCommand } from './ssh.js';
import type { ExecResult } from './ssh-channel.js';

export interface BatchSection {
  /** Key of the section in the split result (any string; never reaches the shell). */
  name: string;
  command: SshCommand;
  /** Send the command's stderr into its stdout (`2>&1`), as a terminal would show them. */
  mergeStderr?: boolean;
}

export interface Batch {
  /** The one command to exec: `{ script }`, run by the remote `/bin/sh -c`. */
  command: { script: string };
  token: string;
  names: readonly string[];
}

const TOKEN = /^[0-9a-f]{16,64}$/;

/** A fresh unguessable marker token (24 hex digits). */
export function batchToken(): string {
  return randomBytes(12).toString('hex');
}

/** The script running `sections` one after another in one shell, each framed by markers. */
export function batchScript(sections: readonly BatchSection[], token = batchToken()): Batch {
  if (!TOKEN.test(token)) throw new Error('a batch token is 16 to 64 lower-case hex digits');
  if (new Set(sections.map((s) => s.name)).size !== sections.length) throw new Error('batch section names must be unique');
  const lines = ['LANG=C; LC_ALL=C; export LANG LC_ALL', `opsctl_k=${token}`, 'echo; echo >&2'];
  sections.forEach((s, i) => {
    lines.push(
      `echo "@@$opsctl_k ${i} begin"; echo "@@$opsctl_k ${i} begin" >&2`,
      `${commandText(s.command)}${s.mergeStderr ? ' 2>&1' : ''}`,
      `opsctl_s=$?; echo; echo "@@$opsctl_k ${i} end $opsctl_s"; echo >&2; echo "@@$opsctl_k ${i} end $opsctl_s" >&2`,
    );
  });
  return { command: { script: lines.join('\n') }, token, names: sections.map((s) => s.name) };
}

interface Cut { text: string; status?: number; next: number }

/** The text of section i in one stream, from `from` on; undefined when its frame is not complete. */
function cut(stream: string, token: string, i: number, from: number): Cut | undefined {
  const begin = `\n@@${token} ${i} begin\n`;
  const b = stream.indexOf(begin, from);
  if (b < 0) return undefined;
  const start = b + begin.length;
  // The "\n" of endMark is the empty `echo` before the marker: the command's output ends right
  // before it, with or without a newline of its own.
  const endMark = `\n@@${token} ${i} end `;
  const e = stream.indexOf(endMark, start);
  if (e < 0) return undefined;
  const eol = stream.indexOf('\n', e + endMark.length);
  if (eol < 0) return undefined;
  const word = stream.slice(e + endMark.length, eol);
  return { text: stream.slice(start, e), ...(/^\d+$/.test(word) ? { status: Number(word) } : {}), next: eol };
}

/**
 * The batch's output split back into one ExecResult per section name. A section whose frame is
 * incomplete on stdout (the script was cut short, or never reached it) is left out; its stderr
 * is whatever its frame on stderr holds (empty when that frame is incomplete).
 */
export function splitBatch(batch: Batch, result: Pick<ExecResult, 'stdout' | 'stderr'>): Map<string, ExecResult> {
  const out = new Map<string, ExecResult>();
  const stdout = `\n${result.stdout}`;
  const stderr = `\n${result.stderr}`;
  let o = 0;
  let e = 0;
  batch.names.forEach((name, i) => {
    const so = cut(stdout, batch.token, i, o);
    const se = cut(stderr, batch.token, i, e);
    if (se) e = se.next;
    if (!so || so.status === undefined) return;
    o = so.next;
    out.set(name, { stdout: so.text, stderr: se?.text ?? '', exitCode: so.status });
  });
  return out;
}
