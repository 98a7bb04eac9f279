/**
 * WebLogic text: server log records (`####<ts> <Severity> <Subsystem> <Machine> <Server>
 * <Thread> <User> <TxId> <DiagCtxId> <RawTime> [<[severity-value: …] …>] <BEA-nnnnnn> <text>`,
 * the text possibly running over several lines — stack traces), the shorter stdout form
 * (`<ts> <Severity> <Subsystem> <BEA-nnnnnn> <text>`), and the `OPSCTL-RESULT <json>` lines our
 * WLST scripts print amid the WLST banner (docs/lab-weblogic.md §2).
 */
import { ok, toLines } from './result.js';
import type { Line, ParseNote, ParseResult } from './result.js';

export interface BeaRecord {
  timestamp: string;
  severity: string;
  subsystem: string;
  machine: string | null;
  server: string | null;
  thread: string | null;
  user: string | null;
  rawTimeMillis: number | null;
  /** `BEA-001112`; other catalogues (`WL-`, `OSB-`) are kept as printed. */
  messageId: string;
  message: string;
  line: number;
  /** The record ended without its closing `>` (cut-off log). */
  truncated: boolean;
}

/** Reads `<field>` groups from the start of s; nested `<…>` (as in `<<WLS Kernel>>`) stays inside. */
function fields(s: string, max: number): { values: string[]; end: number } {
  const values: string[] = [];
  let i = 0;
  while (values.length < max) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (s[i] !== '<') break;
    let depth = 0;
    let j = i;
    for (; j < s.length; j++) {
      if (s[j] === '<') depth++;
      else if (s[j] === '>' && --depth === 0) break;
    }
    if (j >= s.length) break;
    values.push(s.slice(i + 1, j));
    i = j + 1;
  }
  return { values, end: i };
}

const MSG_ID = /^[A-Z][A-Za-z]*-\d{3,}$/;

function record(head: Line, body: string): BeaRecord | null {
  const full = head.text.startsWith('####') ? body.slice(4) : body;
  const { values } = fields(full, 16);
  const idAt = values.findIndex((v, i) => i >= 2 && MSG_ID.test(v));
  if (idAt < 0) return null;
  // The message is everything after the id's field up to the record's last `>`.
  const rest = full.slice(fields(full, idAt + 1).end).trim();
  const closed = rest.endsWith('>');
  const msg = rest.replace(/^</, '').replace(/>$/, '');
  const long = head.text.startsWith('####') && idAt >= 9;
  const at = (i: number): string | null => (long ? (values[i] ?? null) : null);
  const raw = at(9);
  return {
    timestamp: values[0]!, severity: values[1]!, subsystem: values[2]!, machine: at(3), server: at(4), thread: at(5), user: at(6),
    rawTimeMillis: raw !== null && /^\d+$/.test(raw) ? Number(raw) : null, messageId: values[idAt]!, message: msg, line: head.n, truncated: !closed,
  };
}

const START = /^(####)?<[^<>]*\d[^<>]*>\s*<(Trace|Debug|Info|Notice|Warning|Error|Critical|Alert|Emergency|Off)>/;

export function parseBeaLogLines(text: string): ParseResult<BeaRecord[]> {
  const notes: ParseNote[] = [];
  const out: BeaRecord[] = [];
  let head: Line | null = null;
  let body: string[] = [];
  const flush = (): void => {
    if (!head) return;
    const r = record(head, body.join('\n'));
    if (r) out.push(r);
    else notes.push({ line: head.n, text: head.text, reason: 'record without a message id' });
  };
  for (const line of toLines(text)) {
    if (START.test(line.text)) {
      flush();
      head = line;
      body = [line.text];
    } else if (head) body.push(line.text);
    else if (line.text.trim() !== '') notes.push({ line: line.n, text: line.text, reason: 'before the first record' });
  }
  flush();
  return ok(out, notes);
}

export interface WlstLineError {
  kind: 'parse';
  parser: 'wlst-results';
  line: number;
  message: string;
  text: string;
}

export interface WlstResults {
  results: { line: number; value: Record<string, unknown> }[];
  /** Malformed `OPSCTL-RESULT` lines; the good ones are still returned. */
  errors: WlstLineError[];
}

const PREFIX = 'OPSCTL-RESULT ';

export function parseWlstResults(text: string): ParseResult<WlstResults> {
  const results: WlstResults['results'] = [];
  const errors: WlstLineError[] = [];
  let ignored = 0;
  for (const line of toLines(text)) {
    if (!line.text.startsWith(PREFIX)) {
      if (line.text.trim() !== '') ignored++;
      continue;
    }
    const json = line.text.slice(PREFIX.length).trim();
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      errors.push({ kind: 'parse', parser: 'wlst-results', line: line.n, message: `not JSON: ${(e as Error).message}`, text: line.text });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ kind: 'parse', parser: 'wlst-results', line: line.n, message: 'OPSCTL-RESULT must carry a JSON object', text: line.text });
    } else results.push({ line: line.n, value: value as Record<string, unknown> });
  }
  const notes: ParseNote[] = ignored > 0 ? [{ line: 0, text: '', reason: `${ignored} WLST banner/chatter lines ignored` }] : [];
  return ok({ results, errors }, notes);
}
