/**
 * Linux host readings: `free -k|-m|-b` (procps-ng 3.3/4; the older `-/+ buffers/cache` row is
 * ignored), `/proc/meminfo`, `/proc/loadavg` and `ss -ltn` (with or without the header, which
 * procps prints as `Peer Address:PortProcess` with no space).
 */
import { contentLines, fail, note, num, ok, words } from './result.js';
import type { ParseNote, ParseResult } from './result.js';
import { sizeToBigInt } from './units.js';

export interface FreeRow {
  total: number;
  used: number;
  free: number;
  shared?: number;
  buffCache?: number;
  available?: number;
}

export interface Free {
  /** Bytes. */
  mem: FreeRow;
  swap: FreeRow | null;
}

const FREE_COLUMNS = ['total', 'used', 'free', 'shared', 'buff/cache', 'available'];
const UNIT_BYTES = { b: 1, k: 1024, m: 1048576, g: 1073741824 } as const;

function freeValue(token: string | undefined, unit: number): number | null {
  if (token === undefined) return null;
  const plain = num(token);
  if (plain !== null) return plain * unit;
  const human = sizeToBigInt(token.replace(/i$/, '')); // `-h`: 1.2Gi
  return human === null ? null : Number(human);
}

function freeRow(header: string[], tokens: string[], unit: number): FreeRow | null {
  const get = (name: string): number | undefined => {
    const i = header.indexOf(name);
    const v = i < 0 ? null : freeValue(tokens[i], unit);
    return v ?? undefined;
  };
  const [total, used, free] = [get('total'), get('used'), get('free')];
  if (total === undefined || used === undefined || free === undefined) return null;
  const row: FreeRow = { total, used, free };
  const shared = get('shared');
  const buffCache = get('buff/cache') ?? (get('buffers') !== undefined ? (get('buffers') ?? 0) + (get('cached') ?? 0) : undefined);
  const available = get('available');
  if (shared !== undefined) row.shared = shared;
  if (buffCache !== undefined) row.buffCache = buffCache;
  if (available !== undefined) row.available = available;
  return row;
}

/**
 * `free` with the unit it was run with (`k` default). A header that is not English (e.g. zh_CN
 * `总计 已用 空闲 …`) is read by position as procps-ng's fixed column order.
 */
export function parseFree(text: string, unit: keyof typeof UNIT_BYTES = 'k'): ParseResult<Free> {
  const lines = contentLines(text);
  if (lines.length === 0) return fail('free', 0, 'empty output');
  const first = words(lines[0]!.text);
  const english = first.includes('total');
  const header = english ? first : FREE_COLUMNS.slice(0, first.length);
  const notes: ParseNote[] = [];
  let mem: FreeRow | null = null;
  let swap: FreeRow | null = null;
  const bytes = UNIT_BYTES[unit];
  for (const line of lines.slice(1)) {
    const [label = '', ...tokens] = words(line.text);
    const row = freeRow(header, tokens, bytes);
    if (/^(Mem|内存)[:：]/i.test(label) && row) mem = row;
    else if (/^(Swap|交换)[:：]/i.test(label) && row) swap = row;
    else notes.push(note(line, 'not a Mem/Swap row'));
  }
  if (!mem) return fail('free', 0, 'no `Mem:` row (truncated output?)');
  return ok({ mem, swap }, notes);
}

export interface MemInfoEntry {
  /** Bytes when the line had `kB`, else the bare count (HugePages_Total). */
  value: number;
  unit: 'bytes' | 'count';
}

/** `/proc/meminfo`: `MemTotal:       24684084 kB`. */
export function parseProcMeminfo(text: string): ParseResult<Record<string, MemInfoEntry>> {
  const notes: ParseNote[] = [];
  const out: Record<string, MemInfoEntry> = {};
  for (const line of contentLines(text)) {
    const m = /^([\w()]+):\s+(\d+)(?:\s+(kB))?\s*$/.exec(line.text);
    if (!m) {
      notes.push(note(line, 'not `Key: value [kB]`'));
      continue;
    }
    out[m[1]!] = m[3] ? { value: Number(m[2]) * 1024, unit: 'bytes' } : { value: Number(m[2]), unit: 'count' };
  }
  if (Object.keys(out).length === 0) return fail('meminfo', 0, 'no meminfo lines');
  return ok(out, notes);
}

export interface LoadAvg {
  load: [number, number, number];
  running: number;
  total: number;
  lastPid: number;
}

export function parseLoadavg(text: string): ParseResult<LoadAvg> {
  const line = contentLines(text)[0];
  const m = line && /^\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\/(\d+)\s+(\d+)\s*$/.exec(line.text);
  if (!line || !m) return fail('loadavg', line?.n ?? 0, 'expected `l1 l5 l15 running/total lastpid`', line?.text);
  return ok({ load: [Number(m[1]), Number(m[2]), Number(m[3])], running: Number(m[4]), total: Number(m[5]), lastPid: Number(m[6]) });
}

export interface Listener {
  state: string;
  recvQ: number;
  sendQ: number;
  /** Without brackets: `0.0.0.0`, `::`, `*`, `127.0.0.53%lo`. */
  address: string;
  port: number | null;
  peer: string;
  process: string | null;
  line: number;
}

function splitHostPort(s: string): { address: string; port: number | null } {
  const i = s.lastIndexOf(':');
  if (i < 0) return { address: s, port: null };
  const host = s.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  return { address: host, port: num(s.slice(i + 1)) };
}

/** `ss -ltn` / `ss -ltnp` / `ss -ltnH`. */
export function parseSsListen(text: string): ParseResult<Listener[]> {
  const notes: ParseNote[] = [];
  const out: Listener[] = [];
  for (const line of contentLines(text)) {
    const w = words(line.text);
    const [recvQ, sendQ] = [num(w[1]), num(w[2])];
    if (w.length < 5 || recvQ === null || sendQ === null) {
      notes.push(note(line, w[0] === 'State' || w[0] === 'Netid' ? 'header' : 'not a socket row'));
      continue;
    }
    const { address, port } = splitHostPort(w[3]!);
    out.push({ state: w[0]!, recvQ, sendQ, address, port, peer: w[4]!, process: w.length > 5 ? w.slice(5).join(' ') : null, line: line.n });
  }
  return ok(out, notes);
}
