/**
 * AIX error log summary (`errpt`), levels (`oslevel`, `instfix -i`), SRC subsystems (`lssrc`)
 * and system attributes (`lsattr -El sys0`).
 */
import { contentLines, fail, note, num, ok, words } from './result.js';
import type { ParseNote, ParseResult } from './result.js';

export interface ErrptTimestamp {
  month: number;
  day: number;
  hour: number;
  minute: number;
  year: number;
  /** Local wall-clock time of the host, no zone: `2000-01-09T03:44`. */
  local: string;
}

export interface ErrptEntry {
  identifier: string;
  timestamp: ErrptTimestamp;
  /** P (PERM/PERF/PEND), T (TEMP), I (INFO), U (UNKN). */
  type: string;
  /** H hardware, S software, O errlogger, U undetermined. */
  errorClass: string;
  resource: string;
  description: string;
  line: number;
}

/** `MMDDhhmmYY` → parts; null when not a valid date-time. */
export function parseErrptTimestamp(s: string): ErrptTimestamp | null {
  const m = /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(s);
  if (!m) return null;
  const [month, day, hour, minute, yy] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  const p = (v: number) => String(v).padStart(2, '0');
  return { month, day, hour, minute, year, local: `${year}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}` };
}

export function parseErrptSummary(text: string): ParseResult<ErrptEntry[]> {
  const notes: ParseNote[] = [];
  const out: ErrptEntry[] = [];
  for (const line of contentLines(text)) {
    const m = /^([0-9A-F]{8})\s+(\d{10})\s+(\S)\s+(\S)\s+(\S+)\s*(.*)$/.exec(line.text.trim());
    const ts = m ? parseErrptTimestamp(m[2]!) : null;
    if (!m || !ts) {
      notes.push(note(line, /^IDENTIFIER\s/.test(line.text.trim()) ? 'header' : 'not an errpt row'));
      continue;
    }
    out.push({ identifier: m[1]!, timestamp: ts, type: m[3]!, errorClass: m[4]!, resource: m[5]!, description: m[6]!.trim(), line: line.n });
  }
  return ok(out, notes);
}

export interface OsLevel {
  raw: string;
  /** `7.2.0.0` */
  base: string;
  technologyLevel: number | null;
  servicePack: number | null;
  /** Build date YYWW, e.g. `2148`. */
  build: string | null;
}

/** `oslevel` (7.2.0.0), `oslevel -r` (7200-05), `oslevel -s` (7200-05-03-2148). */
export function parseOslevel(text: string): ParseResult<OsLevel> {
  const lines = contentLines(text);
  for (const line of lines) {
    const t = line.text.trim();
    const s = /^(\d)(\d)(\d)(\d)-(\d\d)(?:-(\d\d)(?:-(\d{4}))?)?$/.exec(t);
    if (s) {
      return ok({
        raw: t, base: `${s[1]}.${s[2]}.${s[3]}.${s[4]}`, technologyLevel: Number(s[5]),
        servicePack: s[6] === undefined ? null : Number(s[6]), build: s[7] ?? null,
      });
    }
    if (/^\d+\.\d+\.\d+\.\d+$/.test(t)) return ok({ raw: t, base: t, technologyLevel: null, servicePack: null, build: null });
  }
  return fail('oslevel', lines[0]?.n ?? 0, 'no AIX level (e.g. 7200-05-03-2148) in the output', lines[0]?.text);
}

export interface InstfixEntry {
  id: string;
  /** true: `All filesets for X were found.`; false: `Not all filesets …` or `no data`. */
  complete: boolean;
  known: boolean;
  line: number;
}

export function parseInstfix(text: string): ParseResult<InstfixEntry[]> {
  const notes: ParseNote[] = [];
  const out: InstfixEntry[] = [];
  for (const line of contentLines(text)) {
    const t = line.text.trim();
    const all = /^All filesets for (\S+) were found\.?$/.exec(t);
    const notAll = /^Not all filesets for (\S+) were found\.?$/.exec(t);
    const none = /^There was no data for (\S+) in the fix database\.?$/.exec(t);
    if (all) out.push({ id: all[1]!, complete: true, known: true, line: line.n });
    else if (notAll) out.push({ id: notAll[1]!, complete: false, known: true, line: line.n });
    else if (none) out.push({ id: none[1]!, complete: false, known: false, line: line.n });
    else notes.push(note(line, 'not an instfix result line'));
  }
  return ok(out, notes);
}

export interface SrcSubsystem {
  subsystem: string;
  group: string | null;
  pid: number | null;
  status: string;
  line: number;
}

export interface Lssrc {
  subsystems: SrcSubsystem[];
  /** `0513-085 The x Subsystem is not on file.` and other SRC messages. */
  messages: { code: string; text: string; line: number }[];
}

/** `lssrc -a`, `lssrc -g G`, `lssrc -s S`: Subsystem Group PID Status; group and PID may be blank. */
export function parseLssrc(text: string): ParseResult<Lssrc> {
  const notes: ParseNote[] = [];
  const subsystems: SrcSubsystem[] = [];
  const messages: Lssrc['messages'] = [];
  for (const line of contentLines(text)) {
    const t = line.text.trim();
    const msg = /^(\d{4}-\d{3})\s+(.*)$/.exec(t);
    if (msg) {
      messages.push({ code: msg[1]!, text: msg[2]!, line: line.n });
      continue;
    }
    const w = words(t);
    if (/^Subsystem\s+Group/.test(t) || w.length < 2 || w.length > 4) {
      notes.push(note(line, w[0] === 'Subsystem' ? 'header' : 'not a subsystem row'));
      continue;
    }
    const status = w[w.length - 1]!;
    const middle = w.slice(1, -1);
    const pidToken = middle.find((x) => /^\d+$/.test(x));
    const group = middle.find((x) => !/^\d+$/.test(x)) ?? null;
    subsystems.push({ subsystem: w[0]!, group, pid: pidToken === undefined ? null : Number(pidToken), status, line: line.n });
  }
  return ok({ subsystems, messages }, notes);
}

export interface Sys0Attribute {
  attribute: string;
  value: string;
  description: string;
  userSettable: boolean;
  line: number;
}

/** `lsattr -El sys0 [-a name]`: attribute value description… True|False. */
export function parseLsattrSys0(text: string): ParseResult<Sys0Attribute[]> {
  const notes: ParseNote[] = [];
  const out: Sys0Attribute[] = [];
  for (const line of contentLines(text)) {
    const w = words(line.text);
    const last = w[w.length - 1];
    if (w.length < 3 || (last !== 'True' && last !== 'False')) {
      notes.push(note(line, 'not `attribute value description True|False`'));
      continue;
    }
    out.push({ attribute: w[0]!, value: w[1]!, description: w.slice(2, -1).join(' '), userSettable: last === 'True', line: line.n });
  }
  if (out.length === 0 && notes.length > 0) return fail('lsattr-sys0', notes[0]!.line, 'no attribute lines', notes[0]!.text);
  return ok(out, notes);
}

/** Convenience: an attribute's value as a number (e.g. realmem in KB). */
export function sys0Number(attrs: Sys0Attribute[], name: string): number | null {
  return num(attrs.find((a) => a.attribute === name)?.value);
}
