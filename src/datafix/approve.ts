/**
 * `opsctl datafix approve`: one approval (role, name, date) appended to the data-fix file in
 * place, comments kept, and committed as one commit with trailers — the release approval's own
 * steps (release/approve.ts: refuseRepeated, commitApproval). Only a role the fix requires, once;
 * one person approves for one role; the file must have no uncommitted changes. The trailer
 * `Opsctl-DataFix-Sha256` binds the approval to the fix as written (everything but approvals).
 */
import { canonicalJson } from '../core/index.js';
import type { DataFix } from '../model/index.js';
import { commitApproval, formatApproval, refuseRepeated, TRAILER } from '../release/index.js';
import { sha256 } from './image.js';
import { DataFixError } from './sql.js';

export interface DataFixApproval {
  root: string;
  /** The data-fix file, relative to the root (playbooks/data-fixes/NAME.yaml). */
  file: string;
  fix: DataFix;
  approval: { role: string; name: string; date: string };
}

/** sha256 of the fix without its approvals: what an approval approves. */
export function fixDigest(fix: DataFix): string {
  const { approvals: _approvals, ...rest } = fix;
  return sha256(canonicalJson(rest));
}

/** Refuses (DataFixError / ApprovalRefused) or returns the approval commit's hash. */
export async function approveDataFix(o: DataFixApproval): Promise<string> {
  const { fix, approval } = o;
  if (!fix.requiredApprovals.includes(approval.role)) throw new DataFixError(`${fix.name} does not require an approval by "${approval.role}" (required: ${fix.requiredApprovals.join(', ')})`);
  refuseRepeated(`data fix ${fix.name}`, fix.approvals ?? [], approval);
  return commitApproval({
    root: o.root, file: o.file, approval, subject: `approve data fix ${fix.name}: ${approval.role} ${approval.name}`,
    body: `ticket ${fix.ticket}: ${fix.title}`,
    trailers: { 'Opsctl-DataFix': fix.name, 'Opsctl-Ticket': fix.ticket, [TRAILER.approvedBy]: formatApproval(approval), 'Opsctl-DataFix-Sha256': fixDigest(fix) },
  });
}
