/**
 * The report of one period: every pair, the unpaid list, the summary and the exit meaning
 * (balanced = no exception counted as a mismatch). toJson gives the versioned JSON document
 * (amounts as decimal strings of fen plus yuan text).
 */
import { yuan } from './amount.js';
import { reconcilePair, unpaidOf, type CollectedPair } from './pair.js';
import type { ExceptionClass, ReconciliationReport, ReconSummary } from './types.js';

export const FORMAT_VERSION = 1;
export const REPORT_KIND = 'opsctl/reconciliation-report';

export interface ReportMeta {
  env: string;
  period: string;
  now: Date;
  revision: string | null;
}

const CLASSES: ExceptionClass[] = ['in-transit', 'one-side-only', 'amount-mismatch', 'duplicate', 'reversal-refund'];

export function summarise(r: Pick<ReconciliationReport, 'pairs' | 'unpaid'>): ReconSummary {
  const all = r.pairs.flatMap((p) => p.exceptions);
  const counted = all.filter((e) => e.counted);
  const byClass = Object.fromEntries(CLASSES.map((c) => [c, counted.filter((e) => e.class === c).length])) as Record<ExceptionClass, number>;
  return {
    mismatches: counted.length,
    byClass,
    inTransit: all.filter((e) => e.class === 'in-transit').length,
    refunds: all.filter((e) => e.class === 'reversal-refund').length,
    unpaid: r.unpaid?.entries.length ?? 0,
    balanced: counted.length === 0,
  };
}

export function buildReport(collected: readonly CollectedPair[], meta: ReportMeta): ReconciliationReport {
  const pairs = collected.map((c) => reconcilePair(c, meta.now));
  const unpaid = collected.map(unpaidOf).find((u) => u !== undefined) ?? null;
  return {
    env: meta.env, period: meta.period, generatedAt: meta.now.toISOString(), revision: meta.revision,
    pairs, unpaid, summary: summarise({ pairs, unpaid }),
  };
}

/** bigint fen → "12345" next to a "…Yuan" sibling "123.45". */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = plain(v);
      if (k.endsWith('Fen') && (typeof v === 'bigint' || v === null)) out[`${k.slice(0, -3)}Yuan`] = v === null ? null : yuan(v);
    }
    return out;
  }
  return value;
}

export function toJson(r: ReconciliationReport): string {
  return `${JSON.stringify({ formatVersion: FORMAT_VERSION, kind: REPORT_KIND, ...(plain(r) as object) }, null, 2)}\n`;
}
