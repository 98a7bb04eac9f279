/**
 * release — releases, approvals and the audit trail (DESIGN §6 rules 3 and 7): the release gate
 * (approvals + pre-production proof from git history), apply records committed with trailers,
 * `approve` of a release or of one plan (YAML edited in place, committed; plan-approval.ts), `audit`, the committed apply a release rollback
 * undoes (applied.ts), `releaseOverlay` (a release as desired
 * state and run steps) and 升级说明. Uses git/ for history, load/ for the model and its secret
 * policy, yaml (manifest edits only). Prints nothing; imports no cli/ and no engine/.
 */
export { commitApplyRecord, RecordRefused, type CommittedRecord, type CommitApplyRecordOptions } from './record.js';
export {
  APPLY_OUTCOMES,
  MAX_ADDRESS_TRAILERS,
  artifactChecksums,
  parseRecord,
  sameChecksums,
  type ApplyOutcome,
  type ApplyRecord,
  type ArtifactChecksum,
  type HealthSummary,
  type RecordApproval,
  type RollbackOf,
} from './record-model.js';
export { renderRecordMarkdown } from './record-md.js';
export { scanRecordFile, type SecretFinding } from './secret-scan.js';
export { findAppliedRelease, type AppliedLookup, type AppliedRelease } from './applied.js';
export { checkReleaseGate, requiredRoles, type PromotionProof, type ReleaseGateInput, type ReleaseGateResult } from './gate.js';
export { approvePlan, approveRelease, approvableRoles, ApprovalRefused, checksumsDigest, fileErrors, recordApproval, type ApprovalInput, type ApprovalSubject, type ApproveOptions, type ApprovePlanOptions, type ApproveResult } from './approve.js';
export { checkPlanApprovals, planApprovalFile, planSha256, type PlanApprovalInput, type PlanApprovalVerdict } from './plan-approval.js';
export { appendApproval } from './manifest-edit.js';
export { auditHistory, sinceArgument, type AuditEntry, type AuditQuery, type ApplyAuditEntry, type ApprovalAuditEntry } from './audit.js';
export { releaseOverlay, type ReleaseOverlay } from './overlay.js';
export { sqlSteps, weblogicPatchSteps, oraclePatchSteps, type ReleaseRunStep, type SqlScriptStep, type PatchHostStep, type ArtifactRef } from './release-steps.js';
export { renderReleaseNotes, type NotesInput } from './notes.js';
export { TRAILER, formatApproval, parseApproval } from './trailer-keys.js';
