/**
 * What commitApplyRecord accepts, and its normalisation: the engine hands over its own shapes
 * (journal file path, ApplyResult, break-glass with window reasons, per-gate health lines), a
 * test or another caller may hand plain values; both become the record's fields here.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Plan } from '../core/index.js';
import type { Release } from '../model/index.js';
import { APPLY_OUTCOMES, type ApplyOutcome, type BreakGlassRecord, type HealthSummary, type RecordApproval, type RollbackOf } from './record-model.js';

export type HealthLine = { step: string; status: string; message: string };

export interface CommitApplyRecordOptions {
  root: string;
  env: string;
  plan: Plan;
  /** The journal's records in order, or the journal file (JSON lines) to copy them from. */
  journal: readonly unknown[] | { path: string; planPath?: string };
  /** The outcome, or the engine's ApplyResult (its `status`, and `applyId` when set). */
  outcome: ApplyOutcome | { status: string; applyId?: string };
  /** Approvals the apply relied on (default: the release manifest's). */
  approvals?: readonly unknown[];
  /** The manifest of plan.release (looked up in the repository when absent). */
  release?: Release;
  breakGlass?: string | { reason: string; windowReasons?: string[]; waivedApprovals?: string[] };
  /** For the record of `rollback --release`: the apply record it undid (outcome `rolled-back`). */
  rollbackOf?: RollbackOf;
  /** A summary, or the health gates' lines ({step, status, message}). */
  healthSummary?: HealthSummary | readonly HealthLine[];
  startedAt?: string;
  finishedAt?: string;
  /** The clock, used when startedAt/finishedAt are absent and the journal carries no times. */
  now?: Date;
  applyId?: string;
  operator?: string;
  /** Resolved secrets the caller holds in memory: refuse if any of them appears in a file. */
  secretValues?: readonly string[];
}

export function journalRecords(root: string, journal: CommitApplyRecordOptions['journal']): unknown[] {
  if (Array.isArray(journal)) return [...(journal as unknown[])];
  const { path } = journal as { path: string };
  const text = readFileSync(isAbsolute(path) ? path : join(root, path), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
}

export function outcomeOf(o: CommitApplyRecordOptions['outcome']): { outcome: ApplyOutcome; applyId?: string } {
  const status = typeof o === 'string' ? o : o.status;
  if (!(APPLY_OUTCOMES as readonly string[]).includes(status)) throw new Error(`apply outcome "${status}" is not one of ${APPLY_OUTCOMES.join(', ')}`);
  const applyId = typeof o === 'string' ? undefined : o.applyId;
  return { outcome: status as ApplyOutcome, ...(applyId ? { applyId } : {}) };
}

export function approvalsOf(list: readonly unknown[]): RecordApproval[] {
  const out: RecordApproval[] = [];
  for (const a of list) {
    if (a === null || typeof a !== 'object') continue;
    const r = a as Record<string, unknown>;
    if (typeof r['role'] !== 'string' || typeof r['name'] !== 'string') continue;
    out.push({
      role: r['role'], name: r['name'],
      ...(typeof r['date'] === 'string' ? { date: r['date'] } : {}),
      ...(typeof r['comment'] === 'string' ? { comment: r['comment'] } : {}),
    });
  }
  return out;
}

export function breakGlassOf(b: CommitApplyRecordOptions['breakGlass']): BreakGlassRecord | undefined {
  if (b === undefined) return undefined;
  if (typeof b === 'string') return b.trim() === '' ? undefined : { reason: b, windowReasons: [] };
  return { reason: b.reason, windowReasons: [...(b.windowReasons ?? [])], ...(b.waivedApprovals?.length ? { waivedApprovals: [...b.waivedApprovals] } : {}) };
}

const OK = new Set(['ok', 'healthy', 'verified', 'passed', 'pass', 'green']);

export function healthOf(h: CommitApplyRecordOptions['healthSummary']): HealthSummary | undefined {
  if (h === undefined) return undefined;
  if (!Array.isArray(h)) return h as HealthSummary;
  const lines = h as readonly HealthLine[];
  if (lines.length === 0) return { status: 'not-run', checks: 0, findings: 0 };
  const findings = lines.filter((l) => !OK.has(l.status.toLowerCase())).length;
  return { status: findings === 0 ? 'healthy' : 'findings', checks: lines.length, findings, lines: lines.map((l) => `${l.step}: ${l.status} — ${l.message}`) };
}

/** Earliest and latest ISO time found in the journal's `at` (or time/ts/timestamp) fields. */
export function journalTimes(journal: readonly unknown[]): string[] {
  const times: string[] = [];
  for (const r of journal) {
    if (r === null || typeof r !== 'object') continue;
    for (const k of ['at', 'time', 'ts', 'timestamp']) {
      const v = (r as Record<string, unknown>)[k];
      if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) times.push(v);
    }
  }
  return times.sort((a, b) => Date.parse(a) - Date.parse(b));
}
