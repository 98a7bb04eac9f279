/**
 * The apply record as data: what `record.json` holds and how it is derived from the plan, the
 * journal and the release. No I/O here; record.ts writes and commits it.
 */
import { createHash } from 'node:crypto';
import { shanghaiDay } from '../core/calendar-days.js';
import { canonicalJson, type Plan } from '../core/index.js';
import type { Release } from '../model/index.js';

export const RECORD_FORMAT_VERSION = 1;
/** More changed addresses than this: the commit carries a count, record.json the list. */
export const MAX_ADDRESS_TRAILERS = 50;

/**
 * The engine's ApplyStatus (src/engine/journal/format.ts), written as the Opsctl-Outcome trailer.
 * `rolled-back` only on the record of `rollback --release` (which names the record it undid).
 */
export type ApplyOutcome = 'succeeded' | 'failed-rolled-back' | 'failed-rollback-incomplete' | 'rolled-back' | 'refused';
export const APPLY_OUTCOMES: readonly ApplyOutcome[] = ['succeeded', 'failed-rolled-back', 'failed-rollback-incomplete', 'rolled-back', 'refused'];

/** Break-glass: the reason, why the window was closed, required approvals it went without. */
export interface BreakGlassRecord {
  reason: string;
  windowReasons: string[];
  waivedApprovals?: string[];
}

/** The apply a `rollback --release` undid: its id, record folder and the commit of that record. */
export interface RollbackOf {
  applyId: string;
  record: string;
  commit: string;
}

/** An approval as recorded with an apply (the manifest's, or what the gate reported). */
export interface RecordApproval {
  role: string;
  name: string;
  date?: string;
  comment?: string;
}

/** Post-apply health, as the health inspection summarised it (free-form lines allowed). */
export interface HealthSummary {
  status: 'healthy' | 'findings' | 'error' | 'not-run';
  checks?: number;
  findings?: number;
  lines?: string[];
  /** Path of the full health report, if one was written. */
  report?: string;
}

export interface ArtifactChecksum {
  name: string;
  sha256: string;
}

export interface ApplyRecord {
  formatVersion: typeof RECORD_FORMAT_VERSION;
  applyId: string;
  env: string;
  outcome: ApplyOutcome;
  release: { name: string; type: string; title: string; artifacts: ArtifactChecksum[] } | null;
  plan: { file: 'plan.json'; sha256: string; createdAt: string; revision: string | null; summary: Plan['summary']; steps: number; estimatedSeconds: number };
  approvals: RecordApproval[];
  breakGlass: BreakGlassRecord | null;
  /** Set on the record of `rollback --release`: the apply it undid. */
  rollbackOf?: RollbackOf;
  timings: { startedAt: string; finishedAt: string; durationSeconds: number };
  health: HealthSummary | null;
  /** Addresses of every change that was not noop (what the apply set out to change). */
  addresses: string[];
  journal: { file: 'journal.jsonl'; records: number };
  operator: string | null;
}

/** Artifact checksums sorted by name: the identity of "the same release" across environments. */
export function artifactChecksums(release: Release): ArtifactChecksum[] {
  return (release.artifacts ?? []).map((a) => ({ name: a.name, sha256: a.sha256 })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Same set of (name, sha256) pairs. */
export function sameChecksums(a: readonly ArtifactChecksum[], b: readonly ArtifactChecksum[]): boolean {
  return canonicalJson([...a].sort((x, y) => x.name.localeCompare(y.name))) === canonicalJson([...b].sort((x, y) => x.name.localeCompare(y.name)));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function changedAddresses(plan: Plan): string[] {
  return [...new Set(plan.changes.filter((c) => c.action !== 'noop').map((c) => c.address as string))].sort();
}

/** `2026-11-28-1a2b3c4d`: the Shanghai date the apply started on, then the apply id. */
export function recordFolder(env: string, startedAt: string, applyId: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(applyId)) throw new Error(`apply id "${applyId}" must be letters, digits, ".", "_" or "-"`);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(env)) throw new Error(`environment name "${env}" cannot name a folder`);
  const ms = Date.parse(startedAt);
  if (Number.isNaN(ms)) throw new Error(`startedAt "${startedAt}" is not an ISO 8601 date-time`);
  return `reports/${env}/applies/${shanghaiDay(ms)}-${applyId}`;
}

export interface RecordValueInput {
  applyId: string;
  env: string;
  plan: Plan;
  planSha256: string;
  journalRecords: number;
  outcome: ApplyOutcome;
  release?: Release;
  approvals: readonly RecordApproval[];
  breakGlass?: BreakGlassRecord;
  rollbackOf?: RollbackOf;
  health?: HealthSummary;
  startedAt: string;
  finishedAt: string;
  operator?: string;
}

export function recordValue(i: RecordValueInput): ApplyRecord {
  const seconds = Math.max(0, Math.round((Date.parse(i.finishedAt) - Date.parse(i.startedAt)) / 1000));
  return {
    formatVersion: RECORD_FORMAT_VERSION,
    applyId: i.applyId,
    env: i.env,
    outcome: i.outcome,
    release: i.release ? { name: i.release.name, type: i.release.type, title: i.release.title, artifacts: artifactChecksums(i.release) } : null,
    plan: {
      file: 'plan.json',
      sha256: i.planSha256,
      createdAt: i.plan.createdAt,
      revision: i.plan.revision ?? null,
      summary: i.plan.summary,
      steps: i.plan.steps.length,
      estimatedSeconds: i.plan.estimatedSeconds,
    },
    approvals: [...i.approvals],
    breakGlass: i.breakGlass ?? null,
    ...(i.rollbackOf ? { rollbackOf: i.rollbackOf } : {}),
    timings: { startedAt: i.startedAt, finishedAt: i.finishedAt, durationSeconds: seconds },
    health: i.health ?? null,
    addresses: changedAddresses(i.plan),
    journal: { file: 'journal.jsonl', records: i.journalRecords },
    operator: i.operator ?? null,
  };
}

/** Reads a record.json text back; undefined when it is not a record this version understands. */
export function parseRecord(text: string | undefined): ApplyRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as Partial<ApplyRecord>;
    if (v.formatVersion !== RECORD_FORMAT_VERSION || typeof v.env !== 'string' || !Array.isArray(v.addresses)) return undefined;
    return v as ApplyRecord;
  } catch {
    return undefined;
  }
}
