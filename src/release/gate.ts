/**
 * The release gate (DESIGN §6 rule 3): may this release apply to this environment?
 *
 * - Approvals: every role in the environment's `requiredApprovals`, and — in production — every
 *   role in the release's `requiredApprovals`, must appear in the manifest's `approvals`. Lab and
 *   pre-production need no release approvals (rehearsal and proof are what they are for) unless
 *   their environment document asks for roles.
 * - Promotion: production (and any environment naming `promotedFrom`) requires a successful apply
 *   of the same release with the same artifact checksums in `promotedFrom`, proved from the git
 *   history: a commit carrying Opsctl-Env/Opsctl-Release/Opsctl-Outcome: succeeded whose
 *   record.json, read as committed (not from the working copy), lists the manifest's checksums.
 * - In production the manifest must be committed as it is (approvals count only once in git).
 */
import { headRevision, isClean, logWithTrailers, showFile, trailer, type CommitInfo } from '../git/index.js';
import type { EnvironmentModel, Model, Release } from '../model/index.js';
import { artifactChecksums, parseRecord, sameChecksums, type ArtifactChecksum } from './record-model.js';
import { TRAILER } from './trailer-keys.js';

export interface ReleaseGateInput {
  root: string;
  env: EnvironmentModel;
  release: Release;
  model: Model;
}

export interface PromotionProof {
  env: string;
  commit: string;
  date: string;
  record: string;
}

export interface ReleaseGateResult {
  ok: boolean;
  reasons: string[];
  /** The apply record that proves the pre-production success, when one was needed and found. */
  proof?: PromotionProof;
  /** Roles that were required, for reports. */
  requiredRoles: string[];
}

const short = (c: readonly ArtifactChecksum[]): string =>
  c.length === 0 ? 'no artifacts' : c.map((a) => `${a.name} sha256 ${a.sha256.slice(0, 12)}…`).join(', ');

export function requiredRoles(env: EnvironmentModel, release: Release): string[] {
  const roles = [...(env.environment.requiredApprovals ?? [])];
  if (env.environment.tier === 'production') roles.push(...release.requiredApprovals);
  return [...new Set(roles)];
}

function approvalReasons(env: EnvironmentModel, release: Release): string[] {
  const have = new Set((release.approvals ?? []).map((a) => a.role));
  return requiredRoles(env, release)
    .filter((role) => !have.has(role))
    .map((role) => `missing approval: ${role} — release ${release.name} needs it before ${env.environment.name}; record it with \`opsctl approve ${release.name} --role ${role} --name NAME\``);
}

async function findProof(root: string, from: string, release: Release): Promise<{ proof?: PromotionProof; others: string[] }> {
  const wanted = artifactChecksums(release);
  const commits = await logWithTrailers(root, { paths: [`reports/${from}/applies`], trailer: { key: TRAILER.release, value: release.name } });
  const others: string[] = [];
  const succeeded = (c: CommitInfo): boolean => trailer(c.trailers, TRAILER.env) === from && trailer(c.trailers, TRAILER.outcome) === 'succeeded';
  for (const c of commits.filter(succeeded)) {
    const folder = trailer(c.trailers, TRAILER.record);
    const record = folder ? parseRecord(await showFile(root, c.hash, `${folder}/record.json`)) : undefined;
    if (!record || !folder || record.env !== from || record.outcome !== 'succeeded' || record.release?.name !== release.name) continue;
    if (sameChecksums(record.release.artifacts, wanted)) return { proof: { env: from, commit: c.hash, date: c.date, record: folder }, others };
    others.push(`${c.date.slice(0, 10)} (${c.hash.slice(0, 10)}) with ${short(record.release.artifacts)}`);
  }
  return { others };
}

async function promotionReasons(root: string, env: EnvironmentModel, release: Release, model: Model): Promise<{ reasons: string[]; proof?: PromotionProof }> {
  const name = env.environment.name;
  const from = env.environment.promotedFrom;
  if (!from) return { reasons: [`${name} is a production environment but names no promotedFrom environment: nothing can prove a pre-production success`] };
  if (!model.environments[from]) return { reasons: [`${name} is promoted from ${from}, which does not exist`] };
  if (!(await headRevision(root))) return { reasons: [`${root} is not a git repository with history: the ${from} success of ${release.name} cannot be proved`] };
  const { proof, others } = await findProof(root, from, release);
  if (proof) return { reasons: [], proof };
  const seen = others.length > 0 ? `; it succeeded there only with other checksums: ${others.join('; ')}` : '';
  return { reasons: [`release ${release.name} has not been applied successfully to ${from} with these artifact checksums (${short(artifactChecksums(release))})${seen}`] };
}

/** May `release` apply to `env` now? Reasons name every missing approval and the missing proof. */
export async function checkReleaseGate(input: ReleaseGateInput): Promise<ReleaseGateResult> {
  const { root, env, release, model } = input;
  const reasons = approvalReasons(env, release);
  const production = env.environment.tier === 'production';
  let proof: PromotionProof | undefined;
  if (production || env.environment.promotedFrom) {
    const promotion = await promotionReasons(root, env, release, model);
    reasons.push(...promotion.reasons);
    proof = promotion.proof;
  }
  if (production && (await headRevision(root)) && !(await isClean(root, [`releases/${release.name}`]))) {
    reasons.push(`releases/${release.name} has uncommitted changes: approvals and checksums count for production only as committed`);
  }
  return { ok: reasons.length === 0, reasons, requiredRoles: requiredRoles(env, release), ...(proof ? { proof } : {}) };
}
