/**
 * `name = value` listings: AIX `no -a`, `vmo -a`, `ioo -a`, `schedo -a` and `no -o name`, and
 * Linux `sysctl -a` / `sysctl name`. Values stay strings: AIX prints `n/a` and `{80,30080}`,
 * Linux prints tab-separated tuples (`32768\t60999`) and 64-bit values beyond 2^53
 * (`kernel.shmmax = 18446744073692774399`) that a JS number would silently round. Use
 * `tunableNumber` when a number is wanted; it refuses unsafe integers.
 */
import { contentLines, ok } from './result.js';
import type { ParseNote, ParseResult } from './result.js';

export interface Tunables {
  values: Record<string, string>;
  /** Line of each name, for evidence. */
  lines: Record<string, number>;
  /** Error lines the tool printed (`sysctl: cannot stat …`, `Tunable foo is not defined`). */
  errors: { line: number; text: string }[];
}

const ERROR_LINE = /^(sysctl:|no:|vmo:|ioo:|schedo:|\d{4}-\d{3}\s)|is not (defined|a valid)|permission denied/i;

function parseEquals(text: string, name: RegExp): ParseResult<Tunables> {
  const notes: ParseNote[] = [];
  const values: Record<string, string> = {};
  const lines: Record<string, number> = {};
  const errors: Tunables['errors'] = [];
  for (const line of contentLines(text)) {
    const t = line.text.trim();
    const m = /^(\S+)\s*=\s?(.*)$/.exec(t);
    if (ERROR_LINE.test(t)) errors.push({ line: line.n, text: t });
    else if (m && name.test(m[1]!)) {
      values[m[1]!] = m[2]!.trim();
      lines[m[1]!] = line.n;
    } else notes.push({ line: line.n, text: line.text, reason: t.startsWith('#') ? 'heading/comment' : 'not `name = value`' });
  }
  return ok({ values, lines, errors }, notes);
}

/** AIX tunables: names are words with `_`, `%` (maxperm%), digits. */
export function parseTunables(text: string): ParseResult<Tunables> {
  return parseEquals(text, /^[A-Za-z_][\w%]*$/);
}

/** Linux `sysctl`: dotted names (also `/`-separated as `sysctl -a` never prints, accepted). */
export function parseSysctl(text: string): ParseResult<Tunables> {
  return parseEquals(text, /^[\w.\-/*]+$/);
}

/** A tunable's value as a safe number; null for `n/a`, lists, or integers beyond 2^53. */
export function tunableNumber(t: Tunables, name: string): number | null {
  const v = t.values[name];
  if (v === undefined || !/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? null : n;
}
