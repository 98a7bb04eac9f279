/**
 * Filesystems: AIX `df -g` (GB blocks, Free, %Used, Iused, %Iused) and POSIX `df -P` on AIX and
 * Linux (`512-blocks`, `1024-blocks`, `1K-blocks`, `MB blocks`, `GB blocks`). A device name too
 * long for its column wraps onto its own line in the non-POSIX form; the two lines are joined.
 * Rows with `-` placeholders (AIX `/proc`) are kept as notes, not as filesystems.
 */
import { contentLines, fail, note, num, ok, percent, words } from './result.js';
import type { Line, ParseNote, ParseResult } from './result.js';

export interface DfGEntry {
  filesystem: string;
  sizeGb: number;
  freeGb: number;
  usedPercent: number;
  inodesUsed: number;
  inodesUsedPercent: number;
  mountedOn: string;
}

export interface DfPEntry {
  filesystem: string;
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  capacityPercent: number;
  mountedOn: string;
}

/** Joins a lone device-name line with the indented continuation that follows it. */
function unwrap(lines: Line[], minFields: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i]!;
    const next = lines[i + 1];
    if (words(cur.text).length === 1 && next && /^\s/.test(next.text) && words(next.text).length >= minFields - 1) {
      out.push({ n: cur.n, text: `${cur.text.trim()} ${next.text.trim()}` });
      i++;
    } else out.push(cur);
  }
  return out;
}

/** Mount points may contain spaces: everything after the fixed columns. */
function rest(tokens: string[], from: number): string {
  return tokens.slice(from).join(' ');
}

export function parseDfG(text: string): ParseResult<DfGEntry[]> {
  const lines = contentLines(text);
  const h = lines.findIndex((l) => /^Filesystem\s+GB blocks/i.test(l.text.trim()));
  if (h < 0) return fail('df-g', 0, 'no `Filesystem GB blocks Free %Used …` header');
  const notes: ParseNote[] = lines.slice(0, h).map((l) => note(l, 'before the header'));
  const out: DfGEntry[] = [];
  for (const line of unwrap(lines.slice(h + 1), 7)) {
    const w = words(line.text);
    const [size, free, used, iused, iusedPct] = [num(w[1]), num(w[2]), percent(w[3]), num(w[4]), percent(w[5])];
    if (w.length < 7 || size === null || free === null || used === null || iused === null || iusedPct === null) {
      notes.push(note(line, 'no numeric figures (pseudo filesystem or odd row)'));
      continue;
    }
    out.push({ filesystem: w[0]!, sizeGb: size, freeGb: free, usedPercent: used, inodesUsed: iused, inodesUsedPercent: iusedPct, mountedOn: rest(w, 6) });
  }
  return ok(out, notes);
}

/** Bytes per block from the second header column. */
export function dfBlockSize(column: string): number | null {
  const m = /^(\d+)([KMG]?)-blocks$/i.exec(column);
  if (m) return Number(m[1]) * ({ '': 1, K: 1024, M: 1048576, G: 1073741824 }[m[2]!.toUpperCase()] ?? 1);
  if (/^MB$/i.test(column)) return 1048576;
  if (/^GB$/i.test(column)) return 1073741824;
  return null;
}

export interface DfP {
  blockSize: number;
  filesystems: DfPEntry[];
}

export function parseDfP(text: string): ParseResult<DfP> {
  const lines = contentLines(text);
  const h = lines.findIndex((l) => /^Filesystem\s+\S+/i.test(l.text.trim()) && /blocks/i.test(l.text));
  if (h < 0) return fail('df-P', 0, 'no `Filesystem <n>-blocks Used Available Capacity Mounted on` header');
  const blockSize = dfBlockSize(words(lines[h]!.text)[1] ?? '');
  if (blockSize === null) return fail('df-P', lines[h]!.n, 'unknown block-size column', lines[h]!.text);
  const notes: ParseNote[] = lines.slice(0, h).map((l) => note(l, 'before the header'));
  const filesystems: DfPEntry[] = [];
  for (const line of unwrap(lines.slice(h + 1), 6)) {
    const w = words(line.text);
    const [total, used, avail, cap] = [num(w[1]), num(w[2]), num(w[3]), percent(w[4])];
    if (w.length < 6 || total === null || used === null || avail === null || cap === null) {
      notes.push(note(line, 'no numeric figures (pseudo filesystem or odd row)'));
      continue;
    }
    filesystems.push({
      filesystem: w[0]!, totalBytes: total * blockSize, usedBytes: used * blockSize, availableBytes: avail * blockSize,
      capacityPercent: cap, mountedOn: rest(w, 5),
    });
  }
  return ok({ blockSize, filesystems }, notes);
}
