/**
 * AIX memory and paging space: `svmon -G` (4 KB pages, or the unit named by `Unit:` when run with
 * `-O unit=…`; reported here in MB), `lsps -s` and `lsps -a`.
 */
import { contentLines, fail, note, num, ok, percent, round2, words } from './result.js';
import type { ParseNote, ParseResult } from './result.js';
import { sizeToBigInt } from './units.js';

export interface SvmonG {
  /** Figures in MB (from 4 KB pages unless the output said otherwise). */
  memory: { size: number; inuse: number; free: number; pin: number; virtual: number; available?: number };
  pagingSpace: { size: number; inuse: number } | null;
  /** `in use` split by segment type (work = computational, pers/clnt = file cache), MB. */
  inuse: { work: number; pers: number; clnt: number } | null;
  pinned: { work: number; pers: number; clnt: number } | null;
  /** Pages (4 KB) as printed, for exact comparisons. */
  pages: Record<string, number>;
  unit: 'pages' | 'MB' | 'KB' | 'GB';
}

const UNIT_TO_MB: Record<SvmonG['unit'], number> = { pages: 4096 / 1048576, KB: 1 / 1024, MB: 1, GB: 1024 };

function rowValues(header: string[], tokens: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  header.forEach((h, i) => {
    const v = num(tokens[i]);
    if (v !== null) out[h] = v;
  });
  return out;
}

export function parseSvmonG(text: string): ParseResult<SvmonG> {
  const notes: ParseNote[] = [];
  let unit: SvmonG['unit'] = 'pages';
  let header: string[] = [];
  let mem: Record<string, number> | null = null;
  let pg: Record<string, number> | null = null;
  let pin: Record<string, number> | null = null;
  let use: Record<string, number> | null = null;
  for (const line of contentLines(text)) {
    const t = line.text.trim();
    const unitMatch = /^Unit:\s*(MB|KB|GB)/i.exec(t);
    if (unitMatch) unit = unitMatch[1]!.toUpperCase() as SvmonG['unit'];
    else if (/^size\s+inuse/.test(t) || /^work\s+pers/.test(t)) header = words(t);
    else if (t.startsWith('memory ')) mem = rowValues(header, words(t).slice(1));
    else if (t.startsWith('pg space ')) pg = rowValues(header, words(t).slice(2));
    else if (t.startsWith('pin ') && header[0] === 'work') pin = rowValues(header, words(t).slice(1));
    else if (t.startsWith('in use ') && header[0] === 'work') use = rowValues(header, words(t).slice(2));
    else notes.push(note(line, 'not used'));
  }
  if (!mem || mem.size === undefined) return fail('svmon-G', 0, 'no `memory` row under a `size inuse free pin virtual` header');
  const f = UNIT_TO_MB[unit];
  const mb = (v: number | undefined): number => round2((v ?? 0) * f);
  const seg = (r: Record<string, number> | null) => (r ? { work: mb(r.work), pers: mb(r.pers), clnt: mb(r.clnt) } : null);
  const memory: SvmonG['memory'] = { size: mb(mem.size), inuse: mb(mem.inuse), free: mb(mem.free), pin: mb(mem.pin), virtual: mb(mem.virtual) };
  if (mem.available !== undefined) memory.available = mb(mem.available);
  const pages: Record<string, number> = {};
  for (const [k, v] of Object.entries(mem)) pages[`memory.${k}`] = v;
  return ok({ memory, pagingSpace: pg ? { size: mb(pg.size), inuse: mb(pg.inuse) } : null, inuse: seg(use), pinned: seg(pin), pages, unit }, notes);
}

export interface LspsSummary {
  totalMb: number;
  usedPercent: number;
}

function toMb(text: string): number | null {
  const b = sizeToBigInt(/^\d+(\.\d+)?$/.test(text) ? `${text}MB` : text);
  return b === null ? null : Number(b) / 1048576;
}

/** `lsps -s`: `Total Paging Space   Percent Used` then `30528MB   1%`. */
export function parseLspsS(text: string): ParseResult<LspsSummary> {
  const lines = contentLines(text);
  const h = lines.findIndex((l) => /Total Paging Space/i.test(l.text));
  if (h < 0) return fail('lsps-s', 0, 'no `Total Paging Space` header');
  const row = lines[h + 1];
  if (!row) return fail('lsps-s', lines[h]!.n, 'header without a value line (truncated?)');
  const [size, used] = words(row.text);
  const totalMb = size === undefined ? null : toMb(size);
  const usedPercent = percent(used);
  if (totalMb === null || usedPercent === null) return fail('lsps-s', row.n, 'expected `<size>MB <n>%`', row.text);
  return ok({ totalMb, usedPercent }, lines.filter((_, i) => i !== h && i !== h + 1).map((l) => note(l, 'not used')));
}

export interface PagingSpace {
  name: string;
  physicalVolume: string;
  volumeGroup: string;
  sizeMb: number;
  usedPercent: number;
  active: boolean;
  auto: boolean;
  type: string;
  chksum: number | null;
}

/** `lsps -a`: one row per paging space per physical volume. */
export function parseLspsA(text: string): ParseResult<PagingSpace[]> {
  const notes: ParseNote[] = [];
  const out: PagingSpace[] = [];
  let header = false;
  for (const line of contentLines(text)) {
    if (/^Page Space\s/i.test(line.text.trim())) {
      header = true;
      continue;
    }
    const w = words(line.text);
    const sizeMb = w[3] === undefined ? null : toMb(w[3]);
    const used = percent(w[4]);
    if (!header || w.length < 8 || sizeMb === null || used === null) {
      notes.push(note(line, header ? 'not a paging-space row' : 'before the header'));
      continue;
    }
    out.push({
      name: w[0]!, physicalVolume: w[1]!, volumeGroup: w[2]!, sizeMb, usedPercent: used,
      active: w[5] === 'yes', auto: w[6] === 'yes', type: w[7]!, chksum: num(w[8]),
    });
  }
  if (!header) return fail('lsps-a', 0, 'no `Page Space PhysicalVolume …` header');
  return ok(out, notes);
}
