/**
 * The trailer keys opsctl writes on its commits, and the one composite value (Approved-By).
 * Written by record.ts and approve.ts, read by gate.ts and audit.ts.
 */
import type { Approval } from '../model/index.js';

export const TRAILER = {
  env: 'Opsctl-Env',
  /** sha256 of plan.json as committed. */
  plan: 'Opsctl-Plan',
  release: 'Opsctl-Release',
  outcome: 'Opsctl-Outcome',
  /** Folder of the apply record (reports/<env>/applies/<date>-<id>). */
  record: 'Opsctl-Record',
  /** One per approval: `<role>: <name>`. */
  approvedBy: 'Approved-By',
  breakGlass: 'Break-Glass',
  /** One per changed address, when there are at most MAX_ADDRESS_TRAILERS of them. */
  address: 'Opsctl-Address',
  addressCount: 'Opsctl-Address-Count',
  /** On approval commits: sha256 of the artifact checksums that were approved. */
  artifacts: 'Opsctl-Artifacts',
  /** On the record of `rollback --release`: the record folder of the apply it undid. */
  rollbackOf: 'Opsctl-Rollback-Of',
} as const;

export function formatApproval(a: Pick<Approval, 'role' | 'name'>): string {
  return `${a.role}: ${a.name}`;
}

/** `<role>: <name>` back to its parts (a value without the separator is all name). */
export function parseApproval(value: string): { role: string; name: string } {
  const i = value.indexOf(': ');
  return i < 0 ? { role: '', name: value } : { role: value.slice(0, i), name: value.slice(i + 2) };
}
