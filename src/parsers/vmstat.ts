/**
 * `vmstat N M` on AIX and Linux. Columns are mapped by the header tokens (AIX: r b avm fre re pi
 * po fr sr cy in sy cs us sy id wa [pc ec]; Linux: r b swpd free buff cache si so bi bo in cs us
 * sy id wa st). The first data row is the average since boot and is dropped when there are
 * several. AIX's header names `sy` twice (faults/syscalls and cpu/system); the second one is
 * stored as `cpu_sy`, the first as `sy`.
 */
import { contentLines, fail, note, num, ok, words } from './result.js';
import type { Line, ParseNote, ParseResult } from './result.js';

export type VmstatRow = Record<string, number>;

export interface Vmstat {
  flavor: 'aix' | 'linux';
  /** `System configuration:` pairs (AIX), e.g. { lcpu: '4', mem: '3920MB', ent: '0' }. */
  config: Record<string, string>;
  columns: string[];
  /** Every data row, in order, including the since-boot one. */
  rows: VmstatRow[];
  /** Rows averaged (all but the first when there are at least two). */
  average: VmstatRow;
  sinceBootDropped: boolean;
  cpu: { user: number; system: number; idle: number; wait: number; busy: number };
}

function headerColumns(tokens: string[]): string[] {
  let seenSy = false;
  return tokens.map((t) => {
    if (t !== 'sy') return t;
    if (!seenSy) {
      seenSy = true;
      return tokens.includes('cs') && tokens.indexOf('cs') > tokens.indexOf('sy') ? 'sy' : 'cpu_sy';
    }
    return 'cpu_sy';
  });
}

function isHeader(tokens: string[]): boolean {
  return tokens[0] === 'r' && tokens[1] === 'b' && (tokens.includes('avm') || tokens.includes('swpd') || tokens.includes('free'));
}

function parseConfig(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)=(\S+)/g)) out[m[1]!] = m[2]!;
  return out;
}

function averageOf(rows: VmstatRow[], columns: string[]): VmstatRow {
  const avg: VmstatRow = {};
  for (const c of columns) avg[c] = rows.length === 0 ? 0 : rows.reduce((s, r) => s + (r[c] ?? 0), 0) / rows.length;
  return avg;
}

function cpuOf(avg: VmstatRow): Vmstat['cpu'] {
  const user = avg.us ?? 0;
  const system = avg.cpu_sy ?? avg.sy ?? 0;
  return { user, system, idle: avg.id ?? 0, wait: avg.wa ?? 0, busy: user + system };
}

export function parseVmstat(text: string): ParseResult<Vmstat> {
  const notes: ParseNote[] = [];
  let columns: string[] | null = null;
  let config: Record<string, string> = {};
  const rows: VmstatRow[] = [];
  const data: Line[] = [];
  for (const line of contentLines(text)) {
    const tokens = words(line.text);
    if (/^System configuration:/i.test(line.text.trim())) config = parseConfig(line.text);
    else if (isHeader(tokens)) columns ??= headerColumns(tokens);
    else if (columns && tokens.length === columns.length && tokens.every((t) => num(t) !== null)) data.push(line);
    else notes.push(note(line, columns ? 'not a data row' : 'before the column header'));
  }
  if (!columns) return fail('vmstat', 0, 'no vmstat column header (r b avm fre … or r b swpd free …) found');
  const cols = columns;
  for (const line of data) {
    const tokens = words(line.text);
    const row: VmstatRow = {};
    cols.forEach((c, i) => (row[c] = num(tokens[i]) ?? 0));
    rows.push(row);
  }
  if (rows.length === 0) return fail('vmstat', 0, 'vmstat printed its header but no samples (truncated?)');
  const sinceBootDropped = rows.length > 1;
  const average = averageOf(sinceBootDropped ? rows.slice(1) : rows, cols);
  const flavor = cols.includes('avm') ? 'aix' : 'linux';
  return ok({ flavor, config, columns: cols, rows, average, sinceBootDropped, cpu: cpuOf(average) }, notes);
}
