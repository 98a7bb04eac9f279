/**
 * Approvals of a data fix (数据维护须经采购人审批): which required roles have an approval with a
 * name and a date recorded in the file, which are missing. Pure.
 */
import type { DataFix } from '../model/index.js';

export interface ApprovalStatus {
  required: string[];
  recorded: Array<{ role: string; name: string; date: string }>;
  missing: string[];
}

export function approvalStatus(fix: DataFix): ApprovalStatus {
  const recorded = (fix.approvals ?? []).filter((a) => a.role.trim() && a.name.trim() && a.date.trim());
  const have = new Set(recorded.map((a) => a.role));
  return { required: [...fix.requiredApprovals], recorded, missing: fix.requiredApprovals.filter((r) => !have.has(r)) };
}
