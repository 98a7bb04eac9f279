/**
 * Recording one approval and committing it (DESIGN §6 rule 3) — of a release (approveRelease:
 * appended to releases/R/release.yaml), of one plan that is not a release (approvePlan:
 * appended to reports/<env>/approvals/<plan sha256>.yaml, created on the first approval), or of
 * a data fix (datafix/approve.ts builds its ApprovalSubject and calls recordApproval). One
 * mechanism for all: the same refusals — a role the subject does not require, a role already
 * approved, one person approving for two roles, a file with uncommitted changes (an approval
 * covers exactly what is committed) — the same YAML edit, a check of the edited file, and one
 * commit with Approved-By and the subject's trailers. On any error the file is restored.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commitFiles, isClean, type TrailerInput } from '../git/index.js';
import type { Approval, Model, Release } from '../model/index.js';
import { appendApproval } from './manifest-edit.js';
import { approvalsInPlanFile, newPlanApprovalText, planApprovalFile, planSha256 } from './plan-approval.js';
import { artifactChecksums, sha256Hex, type RecordApproval } from './record-model.js';
import { TRAILER, formatApproval } from './trailer-keys.js';
import { canonicalJson, type Plan } from '../core/index.js';

/** Who approves, when and why: the same for a release and a plan. */
export interface ApprovalInput {
  root: string;
  role: string;
  name: string;
  comment?: string;
  /** The approval date, YYYY-MM-DD (the CLI passes the Shanghai date of --now). */
  date: string;
}

export interface ApproveOptions extends ApprovalInput {
  release: string;
}

export interface ApprovePlanOptions extends ApprovalInput {
  env: string;
  /** The plan as read from its file (opsctl plan --out). */
  plan: Plan;
}

export interface ApproveResult {
  approval: Approval;
  commit: string;
  file: string;
  /** Roles still missing after this approval (of those the subject requires). */
  missing: string[];
}

/** Refused before anything was written. */
export class ApprovalRefused extends Error {
  override readonly name = 'ApprovalRefused';
}

/** What is approved: its file, its approvals so far, the roles that may approve, its trailers. */
export interface ApprovalSubject {
  /** "release hall-2026.11.1" / "plan 1a2b3c4d5e6f… for prod" / "data fix F" */
  what: string;
  file: string;
  /** The file's text before the approval; undefined when the first approval creates it. */
  text: string | undefined;
  /** The text to start from when the file does not exist yet. */
  initial?: string;
  approvals: readonly RecordApproval[];
  /** Roles that may approve. */
  roles: readonly string[];
  /** Roles whose approval the subject needs (for `missing`). */
  required: readonly string[];
  trailers: TrailerInput;
  /** The commit message's body when the approval has no comment (e.g. a data fix's ticket). */
  body?: string;
  /** Errors of the edited file (it must still load), empty when it is fine. */
  check(): Promise<string[]>;
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

function refuseIfInvalid(s: ApprovalSubject, o: ApprovalInput): void {
  if (!s.roles.includes(o.role)) throw new ApprovalRefused(`role "${o.role}" is not required by ${s.what} (required: ${s.roles.join(', ') || 'none'})`);
  const same = s.approvals.find((a) => a.role === o.role);
  if (same) throw new ApprovalRefused(`${s.what} is already approved for ${o.role} by ${same.name} on ${same.date ?? '?'}`);
  const person = s.approvals.find((a) => a.name === o.name);
  if (person) throw new ApprovalRefused(`${o.name} already approved ${s.what} for ${person.role}: one person approves for one role`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new ApprovalRefused(`approval date "${o.date}" is not YYYY-MM-DD`);
}

/** The one path of every approval: refuse, append, check, commit (restoring the file on error). */
export async function recordApproval(s: ApprovalSubject, o: ApprovalInput): Promise<ApproveResult> {
  if (!(await isClean(o.root, [s.file]))) throw new ApprovalRefused(`${s.file} has uncommitted changes: commit or discard them first — an approval covers exactly what is committed`);
  refuseIfInvalid(s, o);
  const approval: Approval = { role: o.role, name: o.name, date: o.date, ...(o.comment ? { comment: o.comment } : {}) };
  const abs = join(o.root, s.file);
  const restore = (): void => (s.text === undefined ? rmSync(abs, { force: true }) : writeFileSync(abs, s.text));
  writeFileSync(abs, appendApproval(s.text ?? s.initial ?? '{}\n', approval));
  const errors = await s.check();
  if (errors.length > 0) {
    restore();
    throw new ApprovalRefused(`the edited ${s.file} does not validate: ${errors.join('; ')}`);
  }
  const subject = `approve ${s.what}: ${o.role} ${o.name}`;
  const body = o.comment ? `审批意见 comment: ${o.comment}` : (s.body ?? '');
  try {
    const commit = await commitFiles(o.root, [s.file], body ? `${subject}\n\n${body}` : subject, { ...s.trailers, [TRAILER.approvedBy]: formatApproval(approval) });
    const have = new Set([...s.approvals.map((a) => a.role), o.role]);
    return { approval, commit, file: s.file, missing: s.required.filter((r) => !have.has(r)) };
  } catch (err) {
    restore();
    throw err;
  }
}

/** The load errors of one file of the repository: an edited document must still load cleanly. */
export async function fileErrors(root: string, file: string): Promise<string[]> {
  const { loadRepository } = await import('../load/index.js');
  return loadRepository(root).diagnostics.filter((d) => d.severity === 'error' && d.source?.file === file).map((d) => d.message);
}

async function loadModel(root: string): Promise<Model> {
  const { loadRepository } = await import('../load/index.js');
  return loadRepository(root).model;
}

/** Appends the approval to the release manifest, checks it still loads cleanly, commits it. */
export async function approveRelease(o: ApproveOptions): Promise<ApproveResult> {
  const file = `releases/${o.release}/release.yaml`;
  const model = await loadModel(o.root);
  const release = model.releases.find((r) => r.name === o.release);
  if (!release) throw new ApprovalRefused(`release ${o.release} does not exist (known: ${model.releases.map((r) => r.name).join(', ') || 'none'})`);
  return recordApproval({
    what: `release ${release.name}`, file, text: readFileSync(join(o.root, file), 'utf8'),
    approvals: release.approvals ?? [], roles: approvableRoles(model, release), required: release.requiredApprovals,
    trailers: { [TRAILER.release]: o.release, [TRAILER.artifacts]: checksumsDigest(release) },
    check: () => fileErrors(o.root, file),
  }, o);
}

/** Appends the approval of this exact plan (by its sha256) to its approval file and commits it. */
export async function approvePlan(o: ApprovePlanOptions): Promise<ApproveResult> {
  const model = await loadModel(o.root);
  const env = model.environments[o.env];
  if (!env) throw new ApprovalRefused(`environment ${o.env} does not exist (known: ${Object.keys(model.environments).join(', ')})`);
  if (o.plan.env !== o.env) throw new ApprovalRefused(`the plan is for environment ${o.plan.env}, not ${o.env}`);
  if (o.plan.release) throw new ApprovalRefused(`the plan is of release ${o.plan.release}: approve the release instead (\`opsctl approve ${o.plan.release} --role ${o.role} --name ${o.name}\`)`);
  if (o.plan.errored) throw new ApprovalRefused('the plan has errors and must not be applied: there is nothing to approve');
  const required = env.environment.requiredApprovals ?? [];
  const sha = planSha256(o.plan);
  const file = planApprovalFile(o.env, sha);
  const abs = join(o.root, file);
  const text = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  mkdirSync(dirname(abs), { recursive: true });
  return recordApproval({
    what: `plan ${sha.slice(0, 12)}… for ${o.env}`, file, text, initial: newPlanApprovalText(o.plan, sha),
    approvals: approvalsInPlanFile(text, o.env, sha), roles: required, required,
    trailers: { [TRAILER.env]: o.env, [TRAILER.plan]: sha },
    check: async () => {
      const written = readFileSync(abs, 'utf8');
      return approvalsInPlanFile(written, o.env, sha).some((a) => a.role === o.role) ? [] : ['the approval does not read back from the file'];
    },
  }, o);
}
