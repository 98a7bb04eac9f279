/**
 * Approvals of one plan (DESIGN §6 rule 3 for changes that are not a release): an environment
 * whose document lists `requiredApprovals` (production) applies a plan without a release only
 * when every role approved that exact plan. The plan is named by the sha256 of its canonical
 * plan.json (the Opsctl-Plan of its apply record), and its approvals live in the committed file
 * reports/<env>/approvals/<sha256>.yaml that `opsctl approve --env E --plan F` writes (approve.ts)
 * — an approval of one plan cannot satisfy another. Only what is committed counts: the file is
 * read from HEAD. Break-glass waives missing approvals; the waiver is recorded with the apply.
 */
import { headRevision, isClean, showFile } from '../git/index.js';
import type { Plan } from '../core/index.js';
import type { EnvironmentModel } from '../model/index.js';
import { renderPlanJson } from '../report/plan-json.js';
import { newApprovalDocument, readApprovalDocument } from './manifest-edit.js';
import { approvalsOf } from './record-input.js';
import { changedAddresses, sha256Hex, type RecordApproval } from './record-model.js';

export interface PlanApprovalInput {
  root: string;
  env: EnvironmentModel;
  plan: Plan;
  /** The apply runs break-glass (with a reason): missing approvals are waived, not refused. */
  breakGlass?: boolean;
}

export interface PlanApprovalVerdict {
  ok: boolean;
  reasons: string[];
  /** The approvals recorded for this plan (recorded with the apply). */
  approvals: RecordApproval[];
  /** Roles that were missing and waived by break-glass. */
  waived: string[];
  requiredRoles: string[];
}

/** sha256 of the plan as canonical JSON: the identity an approval is bound to. */
export function planSha256(plan: Plan): string {
  return sha256Hex(renderPlanJson(plan));
}

export function planApprovalFile(env: string, sha256: string): string {
  return `reports/${env}/approvals/${sha256}.yaml`;
}

/** The text of a new approval file for `plan` (no approvals yet): what is approved, for people too. */
export function newPlanApprovalText(plan: Plan, sha256: string): string {
  return newApprovalDocument(` 变更审批 approval of one plan (opsctl approve --env ${plan.env} --plan FILE): valid only for the plan with this sha256`, {
    kind: 'PlanApproval',
    env: plan.env,
    plan: { sha256, createdAt: plan.createdAt, steps: plan.steps.length, addresses: changedAddresses(plan) },
  });
}

/** The approvals in an approval file's text, when it is the file of (env, sha256); else none. */
export function approvalsInPlanFile(text: string | undefined, env: string, sha256: string): RecordApproval[] {
  const doc = text === undefined ? undefined : readApprovalDocument(text);
  const plan = doc?.['plan'] as { sha256?: unknown } | undefined;
  if (!doc || doc['kind'] !== 'PlanApproval' || doc['env'] !== env || plan?.sha256 !== sha256) return [];
  const list = Array.isArray(doc['approvals']) ? (doc['approvals'] as unknown[]) : [];
  return approvalsOf(list);
}

/** May this plan (no release) apply to `env`? Every required role must have approved it, as committed. */
export async function checkPlanApprovals(input: PlanApprovalInput): Promise<PlanApprovalVerdict> {
  const { root, env, plan } = input;
  const name = env.environment.name;
  const required = env.environment.requiredApprovals ?? [];
  if (required.length === 0) return { ok: true, reasons: [], approvals: [], waived: [], requiredRoles: [] };
  const sha = planSha256(plan);
  const file = planApprovalFile(name, sha);
  const committed = (await headRevision(root)) ? await showFile(root, 'HEAD', file) : undefined;
  const approvals = approvalsInPlanFile(committed, name, sha);
  const have = new Set(approvals.map((a) => a.role));
  const missing = required.filter((r) => !have.has(r));
  if (missing.length === 0) return { ok: true, reasons: [], approvals, waived: [], requiredRoles: required };
  if (input.breakGlass) return { ok: true, reasons: [], approvals, waived: missing, requiredRoles: required };
  const reasons = missing.map((role) => `missing approval: ${role} — ${name} requires it for every change; this plan (sha256 ${sha.slice(0, 12)}…) has none from ${role}; record it with \`opsctl approve --env ${name} --plan PLANFILE --role ${role} --name NAME\``);
  if ((await headRevision(root)) && !(await isClean(root, [file]))) reasons.push(`${file} has uncommitted changes: approvals count only as committed`);
  return { ok: false, reasons, approvals, waived: [], requiredRoles: required };
}
