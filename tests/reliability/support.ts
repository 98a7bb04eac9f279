/**
 * Reliability support: the scenario lab (tests/scenario/support.ts: a temp copy of the repository,
 * canary secrets planted, the lab served from this process, the built CLI as a child) plus what
 * the fault and crash suites need: a small per-command timeout in the temp repo's inventory, a git
 * repository (apply records and inspections commit there), the lab's state and journals.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { openLabStore } from '../../src/lab/index.js';
import type { LabState } from '../../src/lab/state/types.js';
import { CLI, startScenarioLab, type Lab, type Run } from '../scenario/support.js';

export { CLI, type Lab, type Run };

/** Inside the production windows (a Saturday night outside 征期), for apply. */
export const NOW = '2026-11-28T22:00:00+08:00';

/** Starts the lab on a temp repo with `ssh.commandTimeoutSeconds` set and a git repository. */
export async function startReliabilityLab(commandTimeoutSeconds = 2): Promise<Lab> {
  const lab = await startScenarioLab();
  const envFile = join(lab.dir, 'inventory/lab/environment.yaml');
  const text = readFileSync(envFile, 'utf8');
  const edited = text.replace(/commandTimeoutSeconds: \d+/, `commandTimeoutSeconds: ${commandTimeoutSeconds}`);
  if (edited === text) throw new Error('reliability support: commandTimeoutSeconds not found in inventory/lab/environment.yaml');
  writeFileSync(envFile, edited);
  gitInit(lab.dir);
  return lab;
}

export function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'reliability@example.invalid');
  git('config', 'user.name', 'reliability test');
  writeFileSync(join(dir, '.gitignore'), '.lab/\n.opsctl/\n*.plan.json\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
}

export function labState(dir: string): LabState {
  return openLabStore(dir).read();
}

export function readPlan(file: string): Plan {
  return JSON.parse(readFileSync(file, 'utf8')) as Plan;
}

export const changed = (plan: Plan) => plan.changes.filter((c) => c.action !== 'noop');

/** Journal files of the lab environment (`*.jsonl`), sorted (applyIds sort by time). */
export function journals(dir: string): string[] {
  const d = join(dir, '.opsctl/journal/lab');
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(d, f)) : [];
}

export interface JournalRecord {
  type: string;
  step?: string;
  status?: string;
  message?: string;
}

export function journalRecords(file: string): JournalRecord[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').flatMap((l) => {
    try {
      return [JSON.parse(l) as JournalRecord];
    } catch {
      return [];
    }
  });
}

/** A clear error: no stack trace, no "undefined"/"[object Object]", and it names what it must. */
export function expectClearError(text: string, ...names: string[]): void {
  expect(text).not.toMatch(/^\s+at .+\(.*:\d+:\d+\)$/m);
  expect(text).not.toMatch(/\bundefined\b|\[object Object\]/);
  for (const n of names) expect(text).toContain(n);
}
