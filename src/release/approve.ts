/**
 * approveRelease: record one approval in a release manifest and commit it (DESIGN §6 rule 3).
 * Refuses a role the release (or a production environment) does not require, a role already
 * approved, one person approving for two roles, and a manifest with uncommitted changes (an
 * approval must cover exactly what is committed). The edited manifest is re-loaded and checked
 * before the commit; on any error the file is restored.
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

function refuseIfInvalid(model: Model, release: Release, o: ApproveOptions): void {
  const roles = approvableRoles(model, release);
  if (!roles.includes(o.role)) throw new ApprovalRefused(`role "${o.role}" is not required by release ${release.name} (required: ${roles.join(', ')})`);
  const approvals = release.approvals ?? [];
  const same = approvals.find((a) => a.role === o.role);
  if (same) throw new ApprovalRefused(`release ${release.name} is already approved for ${o.role} by ${same.name} on ${same.date}`);
  const person = approvals.find((a) => a.name === o.name);
  if (person) throw new ApprovalRefused(`${o.name} already approved release ${release.name} for ${person.role}: one person approves for one role`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new ApprovalRefused(`approval date "${o.date}" is not YYYY-MM-DD`);
}

async function loadChecked(root: string): Promise<Model> {
  const { loadRepository } = await import('../load/index.js');
  return loadRepository(root).model;
}

/** Appends the approval, checks the manifest still loads cleanly, commits it with trailers. */
export async function approveRelease(o: ApproveOptions): Promise<ApproveResult> {
  const file = `releases/${o.release}/release.yaml`;
  const model = await loadChecked(o.root);
  const release = model.releases.find((r) => r.name === o.release);
  if (!release) throw new ApprovalRefused(`release ${o.release} does not exist (known: ${model.releases.map((r) => r.name).join(', ') || 'none'})`);
  refuseIfInvalid(model, release, o);
  if (!(await isClean(o.root, [file]))) throw new ApprovalRefused(`${file} has uncommitted changes: commit or discard them first — an approval covers exactly what is committed`);
  const approval: Approval = { role: o.role, name: o.name, date: o.date, ...(o.comment ? { comment: o.comment } : {}) };
  const abs = join(o.root, file);
  const before = readFileSync(abs, 'utf8');
  writeFileSync(abs, appendApproval(before, approval));
  const { loadRepository } = await import('../load/index.js');
  const errors = loadRepository(o.root).diagnostics.filter((d) => d.severity === 'error' && d.source?.file === file);
  if (errors.length > 0) {
    writeFileSync(abs, before);
    throw new ApprovalRefused(`the edited manifest does not validate: ${errors.map((d) => d.message).join('; ')}`);
  }
  const subject = `approve ${o.release}: ${o.role} ${o.name}`;
  const body = o.comment ? `审批意见 comment: ${o.comment}` : '';
  const trailers = { [TRAILER.release]: o.release, [TRAILER.approvedBy]: formatApproval(approval), [TRAILER.artifacts]: checksumsDigest(release) };
  try {
    const commit = await commitFiles(o.root, [file], body ? `${subject}\n\n${body}` : subject, trailers);
    const have = new Set([...(release.approvals ?? []).map((a) => a.role), o.role]);
    return { approval, commit, file, missing: release.requiredApprovals.filter((r) => !have.has(r)) };
  } catch (err) {
    writeFileSync(abs, before);
    throw err;
  }
}
