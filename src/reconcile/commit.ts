/**
 * Committing a period's reconciliation outputs: one commit (git/commitFiles) whose subject
 * counts the exceptions, e.g. `reconcile lab 2026-06: 7 exceptions (…), 1 in transit, 12 unpaid`,
 * with trailers for the audit trail. The files are masked before they are written.
 */
import { commitFiles } from '../git/index.js';
import type { ReconciliationReport } from './match/index.js';

export function commitMessage(r: ReconciliationReport): string {
  const s = r.summary;
  const classes = Object.entries(s.byClass).filter(([, n]) => n > 0).map(([c, n]) => `${n} ${c}`).join(', ');
  const head = s.balanced ? 'balanced' : `${s.mismatches} exception${s.mismatches === 1 ? '' : 's'} (${classes})`;
  return `reconcile ${r.env} ${r.period}: ${head}, ${s.inTransit} in transit, ${s.refunds} refund(s), ${s.unpaid} unpaid`;
}

export async function commitReconciliation(root: string, r: ReconciliationReport, files: readonly string[]): Promise<string> {
  return commitFiles(root, files, commitMessage(r), {
    'Opsctl-Command': 'reconcile',
    'Opsctl-Env': r.env,
    'Opsctl-Period': r.period,
    'Opsctl-Playbook': r.pairs.map((p) => p.playbook),
    'Opsctl-Exceptions': String(r.summary.mismatches),
    'Opsctl-Unpaid': String(r.summary.unpaid),
  });
}
