/**
 * `opsctl datafix approve`: one approval (role, name, date) appended to the data-fix file in
 * place, comments kept, and committed as one commit with trailers — through the one approval
 * path of releases and plans (release/approve.ts recordApproval): only a role the fix requires,
 * once; one person approves for one role; the file must have no uncommitted changes; the edited
 * file must still load. The trailer `Opsctl-DataFix-Sha256` binds the approval to the fix as
 * written (everything but approvals).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../core/index.js';
import type { DataFix } from '../model/index.js';
import { fileErrors, recordApproval } from '../release/index.js';
import { sha256 } from './image.js';

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

/** Refuses (ApprovalRefused) or returns the approval commit's hash. */
export async function approveDataFix(o: DataFixApproval): Promise<string> {
  const { fix, file } = o;
  const result = await recordApproval({
    what: `data fix ${fix.name}`, file, text: readFileSync(join(o.root, file), 'utf8'),
    approvals: fix.approvals ?? [], roles: fix.requiredApprovals, required: fix.requiredApprovals,
    trailers: { 'Opsctl-DataFix': fix.name, 'Opsctl-Ticket': fix.ticket, 'Opsctl-DataFix-Sha256': fixDigest(fix) },
    body: `ticket ${fix.ticket}: ${fix.title}`,
    check: () => fileErrors(o.root, file),
  }, { root: o.root, ...o.approval });
  return result.commit;
}
