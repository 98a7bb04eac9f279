/**
 * Shapes of the generated business data and of the manifest of what was injected into it.
 * Amounts are integer fen (1 元 = 100 fen), never floating point.
 */
import type { LabTable } from '../../state/types.js';

export type MismatchClass = 'in-transit' | 'one-side-only' | 'amount-mismatch' | 'duplicate' | 'reversal-refund';

export interface InjectedMismatch {
  period: string;
  /** treasury: 征收 SBF.SBF_JK vs 入库/上解 SBF.SBF_RK; hrss: SBF.SBF_JK vs 人社/医保 SBFQZ.SBF_SB_DZ. */
  pair: 'treasury' | 'hrss';
  class: MismatchClass;
  /** Which side has the record(s): tax (collection) side, other side, or both. */
  side: 'tax' | 'other' | 'both';
  /** 电子税票号码, the record-level key. */
  voucherNo: string;
  /** Sum on the tax side (fen) and how many tax-side records; null when absent. */
  taxAmountFen: number | null;
  taxCount: number;
  otherAmountFen: number | null;
  otherCount: number;
}

export interface BusinessManifest {
  seed: number;
  periods: string[];
  injectedMismatches: InjectedMismatch[];
  /** Batch deductions that need attention (the stalled one in the latest period, a failed one). */
  batchAnomalies: Array<{ batchId: string; period: string; kind: 'stalled' | 'failed' }>;
  /** Receive-queue messages that failed, and those still waiting (backlog). */
  receiveFailures: string[];
  receiveBacklog: string[];
  /** 应征 records whose save failed. */
  yzSaveErrors: string[];
}

export interface BusinessTables {
  /** Tables by database purpose, then "SCHEMA.TABLE". */
  core: Record<string, LabTable>;
  front: Record<string, LabTable>;
  receive: Record<string, LabTable>;
  manifest: BusinessManifest;
}

export interface GenerateOptions {
  /** The lab clock the recent records (in-transit, stalled batch, backlog) are placed against. */
  now: Date;
  periods?: string[];
}
