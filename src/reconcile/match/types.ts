/**
 * The shapes of a reconciliation (对账): normalised records, exceptions, group totals, the
 * unpaid list and the versioned report. Amounts are integer fen as bigint inside, decimal
 * strings in the JSON; never floating point.
 */

/** A database row as collected: personal columns already masked. */
export type Cell = string | number | null;
export type SourceRow = Record<string, Cell>;

export type ExceptionClass = 'in-transit' | 'one-side-only' | 'amount-mismatch' | 'duplicate' | 'reversal-refund';
export type Side = 'tax' | 'other' | 'both';

/** One record of one side, normalised for matching. */
export interface ReconRecord {
  key: string;
  amountFen: bigint;
  /** Group column → value ('' when unknown). */
  group: Record<string, string>;
  refund: boolean;
  /** The original record's key for a refund row, when the side links it. */
  originalKey: string | null;
  /** Epoch ms of the in-transit time column (left side), null when absent. */
  at: number | null;
  payerId: string | null;
  /** Masked identity (身份证号 etc.) for the exception list. */
  idNoMasked: string | null;
}

export interface ReconException {
  class: ExceptionClass;
  side: Side;
  /** Match key (the 电子税票号码 when matchKeys = [VOUCHER_NO]). */
  key: string;
  taxCount: number;
  taxAmountFen: bigint | null;
  otherCount: number;
  otherAmountFen: bigint | null;
  /** Counted as a mismatch (false: in-transit, refunds both sides agree on). */
  counted: boolean;
  group: Record<string, string>;
  payerId: string | null;
  idNoMasked: string | null;
  /** Refunds: the original record's key, and whether the tax side of this period holds it. */
  originalKey?: string | null;
  originalFound?: boolean;
  /** In-transit: hours since collection at the clock. */
  ageHours?: number;
}

export interface GroupTotal {
  group: Record<string, string>;
  taxCount: number;
  taxAmountFen: bigint;
  otherCount: number;
  otherAmountFen: bigint;
  /** tax − other */
  differenceFen: bigint;
}

export type UnpaidStatus = 'unpaid' | 'underpaid';

export interface UnpaidEntry {
  keys: Record<string, string>;
  payerId: string;
  payerType: string;
  taxOffice: string;
  nameMasked: string | null;
  idNoMasked: string | null;
  phoneMasked: string | null;
  dueFen: bigint;
  paidFen: bigint;
  owedFen: bigint;
  status: UnpaidStatus;
  /** The net paid amount includes a refund. */
  refunded: boolean;
}

export interface PairResult {
  playbook: string;
  title: { zh: string; en: string };
  compares: string | null;
  left: { name: string; title: string; database: string; count: number; amountFen: bigint };
  right: { name: string; title: string; database: string; count: number; amountFen: bigint };
  matchKeys: string[];
  groupBy: string[];
  inTransitDays: number;
  matched: number;
  exceptions: ReconException[];
  totals: GroupTotal[];
}

export interface UnpaidResult {
  playbook: string;
  entries: UnpaidEntry[];
  dueFen: bigint;
  paidFen: bigint;
  owedFen: bigint;
}

export interface ReconSummary {
  /** Exceptions counted as mismatches, by class. */
  mismatches: number;
  byClass: Record<ExceptionClass, number>;
  inTransit: number;
  refunds: number;
  unpaid: number;
  balanced: boolean;
}

export interface ReconciliationReport {
  env: string;
  period: string;
  generatedAt: string;
  revision: string | null;
  pairs: PairResult[];
  unpaid: UnpaidResult | null;
  summary: ReconSummary;
}
