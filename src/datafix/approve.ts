/**
 * `opsctl datafix approve`: one approval (role, name, date) appended to the data-fix file in
 * place, comments kept (the release manifest editor). Only a role the fix requires, once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { DataFix } from '../model/index.js';
import { appendApproval } from '../release/manifest-edit.js';
import { DataFixError } from './sql.js';

export function approveDataFix(file: string, fix: DataFix, approval: { role: string; name: string; date: string }): void {
  if (!fix.requiredApprovals.includes(approval.role)) throw new DataFixError(`${fix.name} does not require an approval by "${approval.role}" (required: ${fix.requiredApprovals.join(', ')})`);
  if ((fix.approvals ?? []).some((a) => a.role === approval.role)) throw new DataFixError(`${fix.name} is already approved by ${approval.role}`);
  writeFileSync(file, appendApproval(readFileSync(file, 'utf8'), approval));
}
