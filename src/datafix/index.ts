/**
 * datafix — 数据维护 under approval: a DataFix file (an ordered list of UPDATE/DELETE/INSERT
 * changes) → plan (read only), approve (the file edited and committed), apply (approvals,
 * pre-check, the before-image of every changed table kept OUTSIDE git with its sha256s in git,
 * all changes in one guarded transaction, counts after) and rollback (byte-identical restore of
 * every table), audit records committed. Personal data masked in everything it returns or
 * writes to git. Pure: change.ts, sql.ts, image.ts, mask.ts, approvals.ts; I/O: read.ts and
 * run.ts (Oracle session), vault.ts, record.ts (reports + git), approve.ts (file + git).
 * May import model/, core/ (canonical JSON), parsers/, transport/ (types, errors), git/,
 * release/ (approval steps); never cli/.
 */
export { approvalStatus, type ApprovalStatus } from './approvals.js';
export { approveDataFix, fixDigest, type DataFixApproval } from './approve.js';
export { imageCsv, imagesDigest, parseImageCsv, sha256, type BeforeImage, type TableImage } from './image.js';
export { hasUnmaskedId, maskRow, maskValue, scrubText } from './mask.js';
export { commitRecord, renderMarkdown, writeRecord } from './record.js';
export { applyDataFix, planDataFix, rollbackDataFix, type ChangeRun, type DataFixOptions, type DataFixRun, type DataFixSession, type TableRows } from './run.js';
export { DataFixError, affectedSelect, changeGuards, guardStatement, insertedKey, parseChange, postGuard, restoreStatements, rowsByKeySelect, splitTopLevel, tableName } from './sql.js';
export { readImage, vaultRoot, writeImage } from './vault.js';
