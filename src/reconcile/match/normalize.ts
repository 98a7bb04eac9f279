/**
 * Collected rows (personal columns already masked) to ReconRecords: the match key, the amount in
 * fen, the group values (from the row, or from the payer lookup for columns the side lacks), the
 * refund mark and link, and the in-transit time.
 */
import { toFen } from './amount.js';
import type { Cell, ReconRecord, SourceRow } from './types.js';

export class ReconError extends Error {
  override readonly name = 'ReconError';
}

export interface RefundSpec {
  column: string;
  values: readonly string[];
  originalColumn?: string | undefined;
}

export interface SideSpec {
  /** For messages: playbook/side. */
  label: string;
  matchKeys: readonly string[];
  groupBy: readonly string[];
  amountColumn: string;
  amountUnit: 'fen' | 'yuan';
  refund?: RefundSpec | undefined;
  /** Time column measured for in-transit (left side only). */
  timeColumn?: string | undefined;
  /** Payer register by key: fills group columns the side lacks. */
  lookup?: ReadonlyMap<string, SourceRow> | undefined;
  lookupKey?: string | undefined;
  idColumn?: string | undefined;
}

const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c));

/** 'YYYY-MM-DD HH24:MI:SS' (or 'YYYY-MM-DD') in +08:00 as epoch ms; null when absent or unreadable. */
export function localTimeMs(value: Cell | undefined): number | null {
  const t = text(value).trim();
  const m = /^(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d(?::\d\d)?))?$/.exec(t);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}+08:00`);
  return Number.isNaN(ms) ? null : ms;
}

function need(row: SourceRow, column: string, spec: SideSpec): Cell {
  if (!(column in row)) throw new ReconError(`${spec.label}: the SQL does not select ${column} (it has ${Object.keys(row).join(', ')})`);
  return row[column] ?? null;
}

export function keyOf(row: SourceRow, columns: readonly string[], spec: SideSpec): string {
  return columns.map((c) => text(need(row, c, spec))).join('|');
}

function groupOf(row: SourceRow, spec: SideSpec): Record<string, string> {
  const payer = spec.lookup && spec.lookupKey ? spec.lookup.get(text(row[spec.lookupKey])) : undefined;
  const group: Record<string, string> = {};
  for (const c of spec.groupBy) {
    const own = row[c];
    group[c] = own !== null && own !== undefined && own !== '' ? String(own) : text(payer?.[c]);
  }
  return group;
}

export function isRefundRow(row: SourceRow, refund: RefundSpec | undefined): boolean {
  return refund !== undefined && refund.values.includes(text(row[refund.column]));
}

export function toRecord(row: SourceRow, spec: SideSpec): ReconRecord {
  const refund = isRefundRow(row, spec.refund);
  const originalColumn = spec.refund?.originalColumn;
  return {
    key: keyOf(row, spec.matchKeys, spec),
    amountFen: toFen(need(row, spec.amountColumn, spec), spec.amountUnit, `${spec.label} ${spec.amountColumn}`),
    group: groupOf(row, spec),
    refund,
    originalKey: refund && originalColumn ? text(row[originalColumn]) || null : null,
    at: spec.timeColumn ? localTimeMs(row[spec.timeColumn]) : null,
    payerId: text(row[spec.lookupKey ?? 'PAYER_ID']) || null,
    idNoMasked: text(row[spec.idColumn ?? 'ID_NO']) || null,
  };
}

export function toRecords(rows: readonly SourceRow[], spec: SideSpec): ReconRecord[] {
  return rows.map((r) => toRecord(r, spec));
}

/** The payer register as a map by its key column. */
export function indexBy(rows: readonly SourceRow[], key: string): Map<string, SourceRow> {
  const m = new Map<string, SourceRow>();
  for (const r of rows) m.set(text(r[key]), r);
  return m;
}
