/**
 * datafix — 数据维护 under approval: a DataFix file → plan (read only), apply (approvals, pre-
 * check, before-image kept OUTSIDE git with its sha256 in git, one guarded transaction, counts
 * after) and rollback (byte-identical restore), audit records committed. Personal data masked
 * in everything it returns or writes to git. Pure: sql.ts, image.ts, mask.ts, approvals.ts;
 * I/O: run.ts (Oracle session), vault.ts, record.ts (reports + git), approve.ts (the file).
 * May import model/, parsers/, transport/ (types, errors), git/, release/ (YAML edit); never cli/.
 */
export { approvalStatus, type ApprovalStatus } from './approvals.js';
export { approveDataFix, fixDigest, type DataFixApproval } from './approve.js';
export { imageCsv, parseImageCsv, sha256, type BeforeImage } from './image.js';
export { hasUnmaskedId, maskRow, maskValue, scrubText } from './mask.js';
export { commitRecord, renderMarkdown, writeRecord } from './record.js';
export { applyDataFix, planDataFix, rollbackDataFix, type DataFixOptions, type DataFixRun, type DataFixSession } from './run.js';
export { DataFixError, affectedSelect, guardStatement, parseChange, restoreStatements, rowsByKeySelect } from './sql.js';
export { readImage, vaultRoot, writeImage } from './vault.js';
