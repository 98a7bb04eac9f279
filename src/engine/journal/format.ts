/**
 * The journal's record format: one JSON object per line, write-ahead (each record is on disk,
 * fsync'ed, before the action it announces). Records carry no secret values: inverses and undo
 * data are redacted by `redactInverse`/`redactUndo` (engine/apply/redact.ts) before they get here.
 */
import type { AttributeValue, Inverse } from '../../core/index.js';

/** What wrote the records after `start`: the first apply, or a later recover/rollback. */
export type JournalMode = 'apply' | 'recover-resume' | 'recover-rollback' | 'rollback-release';

/**
 * The run's result, derived from the step outcomes (engine/apply/result.ts). `rolled-back`: an
 * undo asked for on purpose (recover --rollback, rollback --release) restored everything.
 */
export type ApplyStatus = 'succeeded' | 'failed-rolled-back' | 'failed-rollback-incomplete' | 'rolled-back' | 'refused';

/** A break-glass run: its reason, why the window was closed, and approvals it went without. */
export interface BreakGlass {
  reason: string;
  windowReasons: string[];
  /** Roles the environment requires that had not approved this plan (waived, recorded). */
  waivedApprovals?: string[];
}

export interface LeaseRecord {
  owner: string;
  applyId: string;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

/** An inverse as journaled: sensitive values replaced by "[secret]", named in `redacted`. */
export interface JournalInverse extends Inverse {
  attributes: Record<string, AttributeValue>;
  /** Attributes whose values were redacted: a recover rollback cannot restore them. */
  redacted?: string[];
}

interface Base {
  /** 1-based position in the file. */
  seq: number;
  /** ISO timestamp from the engine's clock (--now moves it). */
  at: string;
}

export type JournalRecord = Base &
  (
    | {
        type: 'start';
        applyId: string;
        env: string;
        /** sha256 of the saved plan file (plan.json beside the journal). */
        planDigest: string;
        release?: string;
        owner: string;
        lease: LeaseRecord;
        takeOver?: LeaseRecord;
        breakGlass?: BreakGlass;
        consentIrreversible?: string[];
      }
    | { type: 'resume'; mode: JournalMode; owner: string; lease: LeaseRecord; takeOver?: LeaseRecord }
    | { type: 'intent'; step: string; address: string; inverse?: JournalInverse; undo?: Record<string, unknown> }
    | { type: 'done'; step: string; message: string; durationMs: number; already?: boolean }
    | { type: 'verified'; step: string; status: string; message: string }
    | { type: 'failed'; step: string; phase: 'prepare' | 'apply' | 'verify' | 'recover'; message: string }
    | { type: 'rollback-intent'; step: string }
    | { type: 'rolled-back'; step: string; message: string }
    | { type: 'rollback-failed'; step: string; message: string }
    | { type: 'finished'; status: ApplyStatus; message: string }
  );

export type JournalRecordType = JournalRecord['type'];

/** A record before the writer numbers and stamps it. */
export type JournalEntry = JournalRecord extends infer R ? (R extends JournalRecord ? Omit<R, 'seq' | 'at'> : never) : never;
