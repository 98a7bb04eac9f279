/**
 * Processes and uptime, AIX and Linux: `ps -ef` (UID PID PPID C STIME TTY TIME CMD; STIME is
 * `10:15:02`, `Nov20` (Linux) or `Nov 20` (AIX, two words)), `ps -eo pid,user,etime,args`,
 * and `uptime` (days, users, load averages; a comma decimal separator is accepted).
 */
import { contentLines, fail, note, num, ok, words } from './result.js';
import type { ParseNote, ParseResult } from './result.js';

export interface PsEntry {
  uid: string;
  pid: number;
  ppid: number;
  c: number | null;
  stime: string;
  tty: string;
  time: string;
  cmd: string;
  line: number;
}

const MONTH = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;

export function parsePsEf(text: string): ParseResult<PsEntry[]> {
  const notes: ParseNote[] = [];
  const out: PsEntry[] = [];
  let header = false;
  for (const line of contentLines(text)) {
    const w = words(line.text);
    if (w[0] === 'UID' && w[1] === 'PID') {
      header = true;
      continue;
    }
    const pid = num(w[1]);
    const ppid = num(w[2]);
    if (!header || pid === null || ppid === null || w.length < 7) {
      notes.push(note(line, header ? 'not a process row' : 'before the header'));
      continue;
    }
    let i = 4;
    const stime = MONTH.test(w[i] ?? '') && /^\d{1,2}$/.test(w[i + 1] ?? '') ? `${w[i++]} ${w[i++]}` : w[i++]!;
    const tty = w[i++] ?? '';
    const time = w[i++] ?? '';
    // `<defunct>` zombies on AIX have no TTY/TIME in some levels; keep what is there.
    out.push({ uid: w[0]!, pid, ppid, c: num(w[3]), stime, tty, time, cmd: w.slice(i).join(' '), line: line.n });
  }
  if (!header) return fail('ps-ef', 0, 'no `UID PID PPID C STIME TTY TIME CMD` header');
  return ok(out, notes);
}

/** `[[dd-]hh:]mm:ss` → seconds; null when malformed. */
export function parseEtime(s: string): number | null {
  const m = /^(?:(?:(\d+)-)?(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

export interface PsEoEntry {
  pid: number;
  user: string;
  elapsedSeconds: number | null;
  args: string;
  line: number;
}

/** `ps -eo pid,user,etime,args` (POSIX; same on AIX and Linux). */
export function parsePsEo(text: string): ParseResult<PsEoEntry[]> {
  const notes: ParseNote[] = [];
  const out: PsEoEntry[] = [];
  for (const line of contentLines(text)) {
    const w = words(line.text);
    const pid = num(w[0]);
    if (pid === null || w.length < 4) {
      notes.push(note(line, w[0] === 'PID' ? 'header' : 'not a process row'));
      continue;
    }
    out.push({ pid, user: w[1]!, elapsedSeconds: parseEtime(w[2]!), args: w.slice(3).join(' '), line: line.n });
  }
  return ok(out, notes);
}

export interface Uptime {
  /** Clock time as printed (`01:30PM`, `11:32:18`). */
  clock: string;
  uptimeSeconds: number;
  users: number | null;
  load: [number, number, number];
}

function upSeconds(part: string): number | null {
  let total = 0;
  let matched = false;
  for (const piece of part.split(',').map((p) => p.trim()).filter(Boolean)) {
    const days = /^(\d+)\s+days?$/.exec(piece);
    const hm = /^(\d+):(\d\d)$/.exec(piece);
    const mins = /^(\d+)\s+min(ute)?s?$/.exec(piece);
    const hrs = /^(\d+)\s+hrs?\.?$|^(\d+)\s+hours?$/.exec(piece);
    const secs = /^(\d+)\s+secs?$/.exec(piece);
    if (days) total += Number(days[1]) * 86400;
    else if (hm) total += Number(hm[1]) * 3600 + Number(hm[2]) * 60;
    else if (mins) total += Number(mins[1]) * 60;
    else if (hrs) total += Number(hrs[1] ?? hrs[2]) * 3600;
    else if (secs) total += Number(secs[1]);
    else return null;
    matched = true;
  }
  return matched ? total : null;
}

function loads(part: string): [number, number, number] | null {
  // `1.20, 1.10, 1.05` or, in a comma-decimal locale, `1,20, 1,10, 1,05` / `1,20 1,10 1,05`.
  const tokens = part.includes('.') ? part.split(/[,\s]+/) : part.split(/,\s+|\s+/);
  const v = tokens.filter(Boolean).map((t) => num(t.replace(',', '.')));
  return v.length === 3 && v.every((x) => x !== null) ? (v as [number, number, number]) : null;
}

export function parseUptime(text: string): ParseResult<Uptime> {
  const lines = contentLines(text);
  for (const line of lines) {
    const m = /^\s*(\S+)\s+up\s+(.*?),\s+(\d+)\s+users?,\s+load averages?:\s*(.*)$/.exec(line.text)
      ?? /^\s*(\S+)\s+up\s+(.*?),()\s+load averages?:\s*(.*)$/.exec(line.text);
    if (!m) continue;
    const seconds = upSeconds(m[2]!);
    const load = loads(m[4]!.trim());
    if (seconds === null) return fail('uptime', line.n, `cannot read the "up" part: '${m[2]}'`, line.text);
    if (load === null) return fail('uptime', line.n, 'cannot read three load averages', line.text);
    return ok({ clock: m[1]!, uptimeSeconds: seconds, users: m[3] === '' ? null : Number(m[3]), load });
  }
  return fail('uptime', lines[0]?.n ?? 0, 'no `… up …, load average: …` line', lines[0]?.text);
}
