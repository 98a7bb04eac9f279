/**
 * findAppliedRelease: the latest succeeded apply of a release in an environment, read from the
 * committed apply records (reports/<env>/applies/…, git history) — not from the working copy's
 * .opsctl/ journals — so `rollback --release` works from any clone. What it returns is what the
 * apply left as committed: its plan (checked against the Opsctl-Plan trailer) and its journal,
 * whose `intent` records hold the inverses (previous values) captured before each step ran.
 * A later commit carrying Opsctl-Rollback-Of for that record means it was already rolled back.
 */
import { headRevision, logWithTrailers, showFile, trailer, type CommitInfo } from '../git/index.js';
import type { Plan } from '../core/index.js';
import { parseRecord, sha256Hex } from './record-model.js';
import { TRAILER } from './trailer-keys.js';

export interface AppliedRelease {
  /** The commit of the apply record. */
  commit: string;
  date: string;
  /** reports/<env>/applies/<date>-<applyId> */
  record: string;
  applyId: string;
  plan: Plan;
  /** journal.jsonl as committed: the apply's records, in order. */
  journal: unknown[];
  /** journal.jsonl's text as committed (restored byte for byte into .opsctl/journal/). */
  journalText: string;
}

export type AppliedLookup = { ok: true; applied: AppliedRelease } | { ok: false; reason: string };


async function readApplied(root: string, c: CommitInfo, folder: string, env: string, release: string): Promise<AppliedLookup> {
  const at = `${folder} (commit ${c.hash.slice(0, 10)})`;
  const record = parseRecord(await showFile(root, c.hash, `${folder}/record.json`));
  if (!record || record.env !== env || record.release?.name !== release || record.outcome !== 'succeeded') {
    return { ok: false, reason: `the apply record ${at} is missing or is not a succeeded apply of ${release} in ${env}` };
  }
  const planText = await showFile(root, c.hash, `${folder}/plan.json`);
  const journalText = await showFile(root, c.hash, `${folder}/journal.jsonl`);
  if (planText === undefined || journalText === undefined) return { ok: false, reason: `the apply record ${at} lacks plan.json or journal.jsonl` };
  const planSha = trailer(c.trailers, TRAILER.plan);
  if (planSha !== sha256Hex(planText)) return { ok: false, reason: `plan.json of ${at} does not match its Opsctl-Plan trailer: the record was altered` };
  const journal = journalText.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  return { ok: true, applied: { commit: c.hash, date: c.date, record: folder, applyId: record.applyId, plan: JSON.parse(planText) as Plan, journal, journalText } };
}

/** The newest committed succeeded apply of `release` in `env`, unless a rollback record already undid it. */
export async function findAppliedRelease(root: string, env: string, release: string): Promise<AppliedLookup> {
  if (!(await headRevision(root))) return { ok: false, reason: `${root} is not a git repository with history: apply records are read from git` };
  const commits = await logWithTrailers(root, { paths: [`reports/${env}/applies`], trailer: { key: TRAILER.release, value: release } });
  const rolledBack = new Map<string, CommitInfo>();
  for (const c of commits) {
    const of = trailer(c.trailers, TRAILER.rollbackOf);
    if (of && trailer(c.trailers, TRAILER.env) === env && trailer(c.trailers, TRAILER.outcome) === 'rolled-back') {
      if (!rolledBack.has(of)) rolledBack.set(of, c);
      continue;
    }
    if (trailer(c.trailers, TRAILER.env) !== env || trailer(c.trailers, TRAILER.outcome) !== 'succeeded') continue;
    const folder = trailer(c.trailers, TRAILER.record);
    if (!folder) continue;
    const undone = rolledBack.get(folder);
    if (undone) return { ok: false, reason: `the last apply of ${release} in ${env} (${folder}) was already rolled back on ${undone.date} (commit ${undone.hash.slice(0, 10)})` };
    return readApplied(root, c, folder, env, release);
  }
  return { ok: false, reason: `no committed record of a succeeded apply of ${release} in ${env} under reports/${env}/applies/ (git history)` };
}
