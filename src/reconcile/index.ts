/**
 * reconcile — monthly reconciliation (对账) of the 社保费 data (issue 7 item 1).
 *
 * Layout: match/ is the pure core (matching, classes, totals, unpaid list, masking, renderings;
 * listed in PURE in eslint.config.js). Outside it, three small I/O files: collect.ts (the only
 * reader of live systems, through ProviderContext.oracle), files.ts (writes the report files)
 * and commit.ts (git through git/). reconcile() ties collection and the pure report together.
 * May import model/, providers/ (types), git/; never cli/. Prints nothing.
 */
import type { ReconciliationPlaybook } from '../model/schema/playbook.js';
import type { ProviderContext } from '../providers/context.js';
import { collect } from './collect.js';
import { buildReport, type ReconciliationReport } from './match/index.js';

export * from './match/index.js';
export { collect, collectPair, CollectError } from './collect.js';
export { writeReconciliation, reportDir, FILE_NAMES } from './files.js';
export { commitReconciliation, commitMessage } from './commit.js';

export interface ReconcileInput {
  ctx: ProviderContext;
  playbooks: readonly ReconciliationPlaybook[];
  period: string;
  revision: string | null;
}

/** Collect every playbook's sides for the period and build the report (clock: ctx.now()). */
export async function reconcile(input: ReconcileInput): Promise<ReconciliationReport> {
  const collected = await collect(input.ctx, input.playbooks, input.period);
  return buildReport(collected, { env: input.ctx.env, period: input.period, now: input.ctx.now(), revision: input.revision });
}
