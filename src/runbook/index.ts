/**
 * runbook — emergency runbooks (应急预案) and routine ones (log cleanup, password rotation):
 * `opsctl playbook run NAME --env E [--execute] [--target T]`. Pure: target.ts (resolve
 * --target), steps.ts (what each step would do, where). Executors: wls.ts, oracle.ts, logs.ts,
 * password.ts (with password-parts.ts), check.ts, through ProviderContext only; run.ts runs
 * them; record.ts writes and commits the record. May import model/, providers/ (context,
 * weblogic, host profiles), transport/, inspect/, datafix/ (masking), git/; never cli/ or lab/.
 * Prints nothing.
 */
export { resolveTarget, RunbookError, type ResolvedTarget } from './target.js';
export { planSteps, type PlannedStep } from './steps.js';
export { runRunbook, type RunbookRun, type RunOptions, type StepOutcome } from './run.js';
export { commitRunbookRecord, renderRunbook, writeRunbookRecord } from './record.js';
export { generatePassword } from './password.js';
