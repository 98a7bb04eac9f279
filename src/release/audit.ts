/**
 * audit: who changed what, when and why — from the git history of apply records and approvals
 * (DESIGN §6 rule 7). Each apply commit is read with its trailers and its record.json as
 * committed; approvals are the commits `opsctl approve` made. Newest first.
 */
import { logWithTrailers, showFile, trailer, type CommitInfo } from '../git/index.js';
import { addressWithin, type Approval } from '../model/index.js';
import { parseRecord, type ApplyRecord } from './record-model.js';
import { TRAILER, parseApproval } from './trailer-keys.js';

export interface AuditQuery {
  env?: string;
  /** Applies that changed this address or anything under it (or an address containing it). */
  address?: string;
  /** YYYY-MM-DD (a Shanghai day) or an ISO date-time. */
  since?: string;
  release?: string;
}

interface AuditBase {
  commit: string;
  /** Author date of the commit (ISO with offset). */
  date: string;
  author: { name: string; email: string };
  subject: string;
  release?: string;
  trailers: Record<string, string[]>;
}

export interface ApplyAuditEntry extends AuditBase {
  kind: 'apply';
  env: string;
  outcome: string;
  record: string;
  planSha256?: string;
  approvals: Pick<Approval, 'role' | 'name'>[];
  breakGlass?: string;
  addresses: string[];
  /** Addresses matching the query's address filter (all of them without one). */
  matched: string[];
  /** The record as committed; absent when record.json could not be read back. */
  detail?: ApplyRecord;
}

export interface ApprovalAuditEntry extends AuditBase {
  kind: 'approval';
  approvals: Pick<Approval, 'role' | 'name'>[];
}

export type AuditEntry = ApplyAuditEntry | ApprovalAuditEntry;

/** A bare date means 00:00 in Asia/Shanghai, whatever the machine's timezone. */
export function sinceArgument(since: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return `${since}T00:00:00+08:00`;
  if (Number.isNaN(Date.parse(since))) throw new Error(`--since "${since}" is not a date (YYYY-MM-DD) or an ISO date-time`);
  return since;
}

const matches = (address: string, query: string): boolean => addressWithin(address, query) || addressWithin(query, address);

async function applyEntry(root: string, c: CommitInfo, q: AuditQuery): Promise<ApplyAuditEntry | undefined> {
  const folder = trailer(c.trailers, TRAILER.record) ?? '';
  const detail = parseRecord(await showFile(root, c.hash, `${folder}/record.json`));
  const addresses = detail?.addresses ?? c.trailers[TRAILER.address] ?? [];
  const matched = q.address ? addresses.filter((a) => matches(a, q.address as string)) : addresses;
  if (q.address && matched.length === 0) return undefined;
  const approvals = detail?.approvals.map((a) => ({ role: a.role, name: a.name })) ?? (c.trailers[TRAILER.approvedBy] ?? []).map(parseApproval);
  const release = trailer(c.trailers, TRAILER.release);
  const breakGlass = trailer(c.trailers, TRAILER.breakGlass);
  const plan = trailer(c.trailers, TRAILER.plan);
  return {
    kind: 'apply', commit: c.hash, date: c.date, author: c.author, subject: c.subject, trailers: c.trailers,
    env: trailer(c.trailers, TRAILER.env) ?? detail?.env ?? '', outcome: trailer(c.trailers, TRAILER.outcome) ?? detail?.outcome ?? 'unknown',
    record: folder, approvals, addresses, matched,
    ...(release ? { release } : {}), ...(breakGlass ? { breakGlass } : {}), ...(plan ? { planSha256: plan } : {}), ...(detail ? { detail } : {}),
  };
}

function approvalEntry(c: CommitInfo): ApprovalAuditEntry {
  const release = trailer(c.trailers, TRAILER.release);
  return {
    kind: 'approval', commit: c.hash, date: c.date, author: c.author, subject: c.subject, trailers: c.trailers,
    approvals: (c.trailers[TRAILER.approvedBy] ?? []).map(parseApproval), ...(release ? { release } : {}),
  };
}

/** The audit trail matching `q`, newest first. */
export async function auditHistory(root: string, q: AuditQuery = {}): Promise<AuditEntry[]> {
  const paths = q.env ? [`reports/${q.env}/applies`, `reports/${q.env}/approvals`, 'releases'] : ['reports', 'releases'];
  const commits = await logWithTrailers(root, { paths, ...(q.since ? { since: sinceArgument(q.since) } : {}) });
  const out: AuditEntry[] = [];
  for (const c of commits) {
    if (q.release && trailer(c.trailers, TRAILER.release) !== q.release) continue;
    if (trailer(c.trailers, TRAILER.record)) {
      if (q.env && trailer(c.trailers, TRAILER.env) !== q.env) continue;
      const entry = await applyEntry(root, c, q);
      if (entry) out.push(entry);
    } else if (c.trailers[TRAILER.approvedBy] && !q.address) {
      out.push(approvalEntry(c));
    }
  }
  return out;
}
