/**
 * engine/apply — executes saved plans under DESIGN §6: refusals as values (preflight, freshness,
 * lock), steps with inverse/intent/apply/done/verify/verified, bounded concurrency, rollback in
 * reverse, recover (resume/rollback) and release rollback. Imports core, providers (types),
 * transport (Secret only), engine/journal, engine/lock; never cli/ or lab/. Nothing prints.
 */
export { applyPlan, newApplyId } from './apply.js';
export { recoverApply, type RecoverOptions } from './recover.js';
export { rollbackRelease, type CommittedApply, type ReleaseRollbackOptions } from './release-rollback.js';
export { checkPlanFile } from './validate.js';
export { checkFreshness } from './freshness.js';
export { deriveStatus } from './result.js';
export { REDACTED } from './redact.js';
export type * from './types.js';
export type { ApplyEvent } from './events.js';
