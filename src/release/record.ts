/**
 * commitApplyRecord: the outcome of an apply, committed to git (DESIGN §6 rule 7).
 * Writes reports/<env>/applies/<YYYY-MM-DD>-<applyId>/{plan.json, journal.jsonl, record.json,
 * record.md}, scans them for anything secret-looking (refuses before writing), and commits
 * exactly those files with the structured trailers that `audit` and the release gate read back.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, type TrailerInput } from '../git/index.js';
import type { Release } from '../model/index.js';
import { renderPlanJson } from '../report/plan-json.js';
import { renderRecordMarkdown } from './record-md.js';
import { approvalsOf, breakGlassOf, healthOf, journalRecords, journalTimes, outcomeOf, type CommitApplyRecordOptions } from './record-input.js';
import { MAX_ADDRESS_TRAILERS, recordFolder, recordValue, sha256Hex, type ApplyRecord } from './record-model.js';
import { scanRecordFile, type SecretFinding } from './secret-scan.js';
import { TRAILER, formatApproval } from './trailer-keys.js';

export type { CommitApplyRecordOptions } from './record-input.js';

export interface CommittedRecord {
  folder: string;
  commit: string;
  record: ApplyRecord;
  files: string[];
}

/** The record would have leaked something secret-looking; nothing was written. */
export class RecordRefused extends Error {
  override readonly name = 'RecordRefused';
  constructor(readonly findings: SecretFinding[]) {
    super(`refusing to write the apply record: ${findings.map((f) => `${f.file} ${f.where}: ${f.reason}`).join('; ')}`);
  }
}

async function releaseOf(o: CommitApplyRecordOptions): Promise<Release | undefined> {
  const name = o.plan.release;
  if (o.release) {
    if (name && o.release.name !== name) throw new Error(`the plan is for release ${name}, the manifest given is ${o.release.name}`);
    return o.release;
  }
  if (!name) return undefined;
  const { loadRepository } = await import('../load/index.js');
  const found = loadRepository(o.root).model.releases.find((r) => r.name === name);
  if (!found) throw new Error(`the plan names release ${name}, which has no manifest under releases/`);
  return found;
}

function trailersFor(r: ApplyRecord, folder: string): TrailerInput {
  const many = r.addresses.length > MAX_ADDRESS_TRAILERS;
  return {
    [TRAILER.env]: r.env,
    [TRAILER.plan]: r.plan.sha256,
    [TRAILER.release]: r.release?.name,
    [TRAILER.outcome]: r.outcome,
    [TRAILER.record]: folder,
    [TRAILER.approvedBy]: r.approvals.map(formatApproval),
    [TRAILER.breakGlass]: r.breakGlass?.reason,
    [TRAILER.rollbackOf]: r.rollbackOf?.record,
    [TRAILER.addressCount]: String(r.addresses.length),
    [TRAILER.address]: many ? undefined : r.addresses,
  };
}

/** Writes the four record files, refuses on anything secret-looking, commits them; returns the commit. */
export async function commitApplyRecord(o: CommitApplyRecordOptions): Promise<CommittedRecord> {
  if (o.plan.env !== o.env) throw new Error(`the plan is for environment ${o.plan.env}, not ${o.env}`);
  const release = await releaseOf(o);
  const journal = journalRecords(o.root, o.journal);
  const { outcome, applyId: resultId } = outcomeOf(o.outcome);
  const planText = renderPlanJson(o.plan);
  const planSha256 = sha256Hex(planText);
  const times = journalTimes(journal);
  const fallback = (o.now ?? new Date()).toISOString();
  const startedAt = o.startedAt ?? times[0] ?? fallback;
  const finishedAt = o.finishedAt ?? times[times.length - 1] ?? fallback;
  const applyId = o.applyId ?? resultId ?? sha256Hex(`${planSha256}\n${startedAt}`).slice(0, 8);
  const folder = recordFolder(o.env, startedAt, applyId);
  const breakGlass = breakGlassOf(o.breakGlass);
  const health = healthOf(o.healthSummary);
  const record = recordValue({
    applyId, env: o.env, plan: o.plan, planSha256, journalRecords: journal.length, outcome, startedAt, finishedAt,
    approvals: approvalsOf(o.approvals ?? release?.approvals ?? []),
    ...(release ? { release } : {}), ...(breakGlass ? { breakGlass } : {}), ...(o.rollbackOf ? { rollbackOf: o.rollbackOf } : {}),
    ...(health ? { health } : {}), ...(o.operator ? { operator: o.operator } : {}),
  });
  const texts: Record<string, string> = {
    'plan.json': planText,
    'journal.jsonl': journal.map((r) => JSON.stringify(r)).join('\n') + (journal.length > 0 ? '\n' : ''),
    'record.json': `${JSON.stringify(record, null, 2)}\n`,
    'record.md': renderRecordMarkdown(record),
  };
  const findings = Object.entries(texts).flatMap(([f, t]) => scanRecordFile(f, t, o.secretValues));
  if (findings.length > 0) throw new RecordRefused(findings);
  const dir = join(o.root, folder);
  if (existsSync(join(dir, 'record.json'))) throw new Error(`${folder}/record.json exists: an apply record is never overwritten`);
  mkdirSync(dir, { recursive: true });
  const files = Object.keys(texts).map((f) => `${folder}/${f}`);
  for (const [f, t] of Object.entries(texts)) writeFileSync(join(dir, f), t);
  const what = o.rollbackOf ? `rollback ${o.env}: ${release?.name ?? 'apply'} ${o.rollbackOf.applyId}` : `apply ${o.env}: ${release ? release.name : 'desired state'}`;
  const subject = `${what} ${outcome} (${record.addresses.length} changes)`;
  const body = `变更执行记录 apply record ${folder}/record.md`;
  const commit = await commitFiles(o.root, files, `${subject}\n\n${body}`, trailersFor(record, folder));
  return { folder, commit, record, files };
}
