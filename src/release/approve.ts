/**
 * approveRelease: record one approval in a release manifest and commit it (DESIGN §6 rule 3).
 * Refuses a role the release (or a production environment) does not require, a role already
 * approved, one person approving for two roles, and a manifest with uncommitted changes (an
 * approval must cover exactly what is committed). The edited manifest is re-loaded and checked
 * before the commit; on any error the file is restored. `refuseRepeated` and `commitApproval`
 * are the steps any approved document shares (a data fix's `datafix approve` uses them too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, isClean } from '../git/index.js';
import type { Approval, Model, Release } from '../model/index.js';
import { appendApproval } from './manifest-edit.js';
import { artifactChecksums, sha256Hex } from './record-model.js';
import { TRAILER, formatApproval } from './trailer-keys.js';
import { canonicalJson } from '../core/index.js';

export interface ApproveOptions {
  root: string;
  release: string;
  role: string;
  name: string;
  comment?: string;
  /** The approval date, YYYY-MM-DD (the CLI passes the Shanghai date of --now). */
  date: string;
}

export interface ApproveResult {
  approval: Approval;
  commit: string;
  file: string;
  /** Roles still missing after this approval (of the release's own requiredApprovals). */
  missing: string[];
}

/** Refused before anything was written. */
export class ApprovalRefused extends Error {
  override readonly name = 'ApprovalRefused';
}

/** Roles that may approve a release: its own, and those production environments require. */
export function approvableRoles(model: Model, release: Release): string[] {
  const env = Object.values(model.environments).flatMap((e) => e.environment.requiredApprovals ?? []);
  return [...new Set([...release.requiredApprovals, ...env])];
}

/** sha256 of the release's artifact checksums: binds an approval commit to what was approved. */
export function checksumsDigest(release: Release): string {
  return sha256Hex(canonicalJson(artifactChecksums(release)));
}

/** What every approval must not be: a role approved already, a second role for one person, a date not YYYY-MM-DD. `what` names the document ("release R"). */
export function refuseRepeated(what: string, approvals: readonly Pick<Approval, 'role' | 'name' | 'date'>[], o: Pick<Approval, 'role' | 'name' | 'date'>): void {
  const same = approvals.find((a) => a.role === o.role);
  if (same) throw new ApprovalRefused(`${what} is already approved for ${o.role} by ${same.name} on ${same.date}`);
  const person = approvals.find((a) => a.name === o.name);
  if (person) throw new ApprovalRefused(`${o.name} already approved ${what} for ${person.role}: one person approves for one role`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new ApprovalRefused(`approval date "${o.date}" is not YYYY-MM-DD`);
}

function refuseIfInvalid(model: Model, release: Release, o: ApproveOptions): void {
  const roles = approvableRoles(model, release);
  if (!roles.includes(o.role)) throw new ApprovalRefused(`role "${o.role}" is not required by release ${release.name} (required: ${roles.join(', ')})`);
  refuseRepeated(`release ${release.name}`, release.approvals ?? [], o);
}

async function loadChecked(root: string): Promise<Model> {
  const { loadRepository } = await import('../load/index.js');
  return loadRepository(root).model;
}

export interface ApprovalCommit {
  root: string;
  /** The approved document, relative to the root (releases/R/release.yaml, playbooks/data-fixes/F.yaml). */
  file: string;
  approval: Approval;
  subject: string;
  body?: string;
  trailers: Record<string, string | string[]>;
}

/**
 * Appends the approval to the document, checks it still loads cleanly, and commits exactly that
 * file with the trailers. Refused (nothing written) when the file has uncommitted changes; on
 * any later error the file is restored. Returns the commit hash.
 */
export async function commitApproval(o: ApprovalCommit): Promise<string> {
  if (!(await isClean(o.root, [o.file]))) throw new ApprovalRefused(`${o.file} has uncommitted changes: commit or discard them first — an approval covers exactly what is committed`);
  const abs = join(o.root, o.file);
  const before = readFileSync(abs, 'utf8');
  writeFileSync(abs, appendApproval(before, o.approval));
  const { loadRepository } = await import('../load/index.js');
  const errors = loadRepository(o.root).diagnostics.filter((d) => d.severity === 'error' && d.source?.file === o.file);
  if (errors.length > 0) {
    writeFileSync(abs, before);
    throw new ApprovalRefused(`the edited ${o.file} does not validate: ${errors.map((d) => d.message).join('; ')}`);
  }
  try {
    return await commitFiles(o.root, [o.file], o.body ? `${o.subject}\n\n${o.body}` : o.subject, o.trailers);
  } catch (err) {
    writeFileSync(abs, before);
    throw err;
  }
}

/** Appends the approval, checks the manifest still loads cleanly, commits it with trailers. */
export async function approveRelease(o: ApproveOptions): Promise<ApproveResult> {
  const file = `releases/${o.release}/release.yaml`;
  const model = await loadChecked(o.root);
  const release = model.releases.find((r) => r.name === o.release);
  if (!release) throw new ApprovalRefused(`release ${o.release} does not exist (known: ${model.releases.map((r) => r.name).join(', ') || 'none'})`);
  refuseIfInvalid(model, release, o);
  const approval: Approval = { role: o.role, name: o.name, date: o.date, ...(o.comment ? { comment: o.comment } : {}) };
  const trailers = { [TRAILER.release]: o.release, [TRAILER.approvedBy]: formatApproval(approval), [TRAILER.artifacts]: checksumsDigest(release) };
  const commit = await commitApproval({ root: o.root, file, approval, subject: `approve ${o.release}: ${o.role} ${o.name}`, ...(o.comment ? { body: `审批意见 comment: ${o.comment}` } : {}), trailers });
  const have = new Set([...(release.approvals ?? []).map((a) => a.role), o.role]);
  return { approval, commit, file, missing: release.requiredApprovals.filter((r) => !have.has(r)) };
}
