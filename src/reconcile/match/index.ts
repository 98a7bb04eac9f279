/**
 * reconcile/match — the pure core of reconciliation (对账): amounts in exact fen, masking,
 * normalising collected rows, record-level matching and classification, group totals, the
 * unpaid list, the report and its Markdown/CSV/JSON renderings. Plain data in, plain data out:
 * no I/O, no clock (the time comes in as an argument). May import model/ only.
 */
export { AmountError, sumFen, toFen, yuan, yuanGrouped } from './amount.js';
export { maskIdentifier, maskName, maskPhone, maskRow, maskValue } from './mask.js';
export { ReconError, indexBy, localTimeMs, toRecord, toRecords, type RefundSpec, type SideSpec } from './normalize.js';
export { matchRecords, type MatchOptions, type MatchResult } from './classify.js';
export { groupTotals } from './totals.js';
export { unpaidList, type ArrearsSpec } from './arrears.js';
export { checkPlaybook, reconcilePair, unpaidOf, type CollectedPair } from './pair.js';
export { FORMAT_VERSION, REPORT_KIND, buildReport, summarise, toJson, type ReportMeta } from './report.js';
export { renderMarkdown } from './markdown.js';
export { unpaidCsv, csvCell } from './csv.js';
export { CLASS, PAYER_TYPES, SIDE, UNPAID, XZ, columnLabel, valueLabel, type Lang } from './labels.js';
export type * from './types.js';
