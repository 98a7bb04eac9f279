/**
 * Word expansion at run time: parameters ($VAR, $?, ${VAR:-x}), command substitution (run by a
 * callback so this file does not depend on the interpreter), tilde, and field splitting of
 * unquoted expansions on blanks, and pathname globbing (* ? [..]) of unquoted literal text only
 * (a pattern matching nothing stays as typed, as in sh).
 */
import type { Script, Segment, Word } from './ast.js';

export interface ExpandEnv {
  env: Record<string, string>;
  status: number;
  shellName: string;
  /** Runs a $(…) script and returns its stdout. */
  substitute(script: Script): Promise<string>;
  /** Paths matching a glob pattern (\\ escapes a literal character), sorted. */
  glob?: (pattern: string) => string[];
}

const escapeGlob = (s: string): string => s.replace(/[*?[\\]/g, '\\$&');
const unescapeGlob = (s: string): string => s.replace(/\\(.)/g, '$1');

async function segValue(seg: Segment, e: ExpandEnv): Promise<string> {
  if (seg.t === 'lit') return seg.v;
  if (seg.t === 'sub') return (await e.substitute(seg.script)).replace(/\n+$/, '');
  let v: string | undefined;
  if (seg.name === '?') v = String(e.status);
  else if (seg.name === '$') v = '4242';
  else if (seg.name === '#') v = '0';
  else if (seg.name === '0') v = e.shellName;
  else if (/^[1-9]$/.test(seg.name)) v = '';
  else v = e.env[seg.name];
  if ((v === undefined || v === '') && seg.fallback !== undefined) return seg.fallback;
  return v ?? '';
}

/** Expands a word into fields (argv entries). */
export async function expandWord(word: Word, e: ExpandEnv): Promise<string[]> {
  const fields: string[] = [];
  let cur = '';
  let active = false;
  const push = (): void => {
    const matches = /(^|[^\\])[*?[]/.test(cur) && e.glob ? e.glob(cur) : [];
    fields.push(...(matches.length ? matches : [unescapeGlob(cur)]));
    cur = '';
    active = false;
  };
  for (const [i, seg] of word.segs.entries()) {
    let value = await segValue(seg, e);
    if (i === 0 && seg.t === 'lit' && !seg.q && (value === '~' || value.startsWith('~/'))) value = escapeGlob(e.env.HOME ?? '/') + value.slice(1);
    if (seg.t === 'lit' || seg.q) {
      cur += seg.t === 'lit' && !seg.q ? value : escapeGlob(value);
      if (seg.q || value) active = true;
      continue;
    }
    for (const [j, part] of value.split(/[ \t\n]+/).entries()) {
      if (j > 0 && active) push();
      if (part) {
        cur += escapeGlob(part);
        active = true;
      }
    }
  }
  if (active) push();
  return fields;
}

/** Expands a word to one string (assignments, redirection targets, here-document bodies). */
export async function expandString(word: Word, e: ExpandEnv): Promise<string> {
  let out = '';
  for (const seg of word.segs) out += await segValue(seg, e);
  return out;
}
