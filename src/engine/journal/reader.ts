/**
 * Reading journals back: parse a `.jsonl` file (a torn last line — the process died while
 * writing it — is ignored, because its action never began), fold records into per-step states,
 * find interrupted applies (no `finished` record).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Plan } from '../../core/index.js';
import type { JournalInverse, JournalRecord } from './format.js';
import { journalDir, planDigest } from './writer.js';

export interface JournalFile {
  applyId: string;
  path: string;
  planPath: string;
  records: JournalRecord[];
  start?: Extract<JournalRecord, { type: 'start' }>;
  finished?: Extract<JournalRecord, { type: 'finished' }>;
  /** The last line was incomplete (a crash while writing it) and was ignored. */
  tornTail: boolean;
}

/** What the journal says about one step, across the apply and any recover runs. */
export interface StepState {
  intent: boolean;
  done: boolean;
  verified: boolean;
  failed: boolean;
  rollbackIntent: boolean;
  rolledBack: boolean;
  inverse?: JournalInverse;
  undo?: Record<string, unknown>;
  /** Order in which the step reached `done` (for reverse-order rollback). */
  doneSeq?: number;
  intentSeq?: number;
}

export function readJournal(path: string): JournalFile {
  const lines = readFileSync(path, 'utf8').split('\n');
  const records: JournalRecord[] = [];
  let tornTail = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch (err) {
      if (i >= lines.length - 2) tornTail = true;
      else throw new Error(`journal ${path} line ${i + 1} is not JSON: ${(err as Error).message}`);
    }
  });
  const applyId = basename(path, '.jsonl');
  const file: JournalFile = { applyId, path, planPath: path.replace(/\.jsonl$/, '.plan.json'), records, tornTail };
  const start = records.find((r) => r.type === 'start');
  if (start?.type === 'start') file.start = start;
  const finished = records.findLast((r) => r.type === 'finished');
  if (finished?.type === 'finished') file.finished = finished;
  return file;
}

/** Every journal of an environment, oldest first (apply ids sort by time). */
export function listJournals(root: string, env: string): JournalFile[] {
  const dir = journalDir(root, env);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => readJournal(join(dir, f)));
}

/** Began (`start`) or resumed (`resume`) after its last `finished`: it needs `recover`. */
export function isInterrupted(file: JournalFile): boolean {
  if (!file.start) return false;
  const lastRun = file.records.findLast((r) => r.type === 'start' || r.type === 'resume')?.seq ?? 0;
  return (file.finished?.seq ?? 0) < lastRun;
}

export function interruptedJournals(root: string, env: string): JournalFile[] {
  return listJournals(root, env).filter(isInterrupted);
}

/** A journal created but killed before its `start` record: nothing ran, nothing to recover. */
export function isEmptyJournal(file: JournalFile): boolean {
  return !file.start;
}

/** The plan saved beside the journal, checked against the digest in the `start` record. */
export function loadJournalPlan(file: JournalFile): Plan {
  const text = readFileSync(file.planPath, 'utf8');
  if (file.start && planDigest(text) !== file.start.planDigest) {
    throw new Error(`the plan saved beside journal ${file.path} does not match the digest its start record holds`);
  }
  return JSON.parse(text) as Plan;
}

export function lastSeq(file: JournalFile): number {
  return file.records.at(-1)?.seq ?? 0;
}

function emptyState(): StepState {
  return { intent: false, done: false, verified: false, failed: false, rollbackIntent: false, rolledBack: false };
}

/** Fold the records into the state of each step. A later `intent` (a resume) starts it afresh. */
export function stepStates(records: readonly JournalRecord[]): Map<string, StepState> {
  const states = new Map<string, StepState>();
  const get = (id: string): StepState => {
    let s = states.get(id);
    if (!s) states.set(id, (s = emptyState()));
    return s;
  };
  for (const r of records) {
    if (!('step' in r)) continue;
    const s = get(r.step);
    if (r.type === 'intent') {
      Object.assign(s, { intent: true, failed: false, rollbackIntent: false, rolledBack: false, intentSeq: r.seq });
      if (r.inverse) s.inverse = r.inverse;
      if (r.undo) s.undo = r.undo;
    } else if (r.type === 'done') Object.assign(s, { done: true, doneSeq: r.seq });
    else if (r.type === 'verified') s.verified = true;
    else if (r.type === 'failed') s.failed = true;
    else if (r.type === 'rollback-intent') s.rollbackIntent = true;
    else if (r.type === 'rolled-back') Object.assign(s, { rolledBack: true, done: false, verified: false });
  }
  return states;
}
