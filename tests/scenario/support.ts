/**
 * Scenario support: a copy of the real repository's lab environment in a temp dir, the lab
 * started in this test process and published (.lab/endpoints.json) so the built CLI
 * (`node dist/cli/main.js --repo TMP …`, run as a child process) uses it. Child processes run
 * asynchronously: the lab's servers live in this process's event loop.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLabStore, publishLab, resetLab, startLab, type LabHandle } from '../../src/lab/index.js';

export const ROOT = join(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli/main.js');
const REPO_DIRS = ['inventory', 'desired-state', 'releases', 'playbooks', 'templates'];

/** Values that must never appear in any output: the lab's WebLogic and Oracle passwords, an env: secret. */
export const CANARY = {
  weblogic: 'LabCANARYwls5e1f0c2d9a7',
  oracle: 'OraCANARYdb8b3c6e1f447',
  env: 'EnvCANARYref2d4f6a8c07',
};
export const CANARY_ENV = 'OPSCTL_SCENARIO_CANARY';
/** Commits made by the CLI under test (apply records, approvals) need an author on any machine. */
export const GIT_IDENTITY = { GIT_AUTHOR_NAME: '运维人员 test', GIT_AUTHOR_EMAIL: 'ops@opsctl.invalid', GIT_COMMITTER_NAME: 'opsctl test', GIT_COMMITTER_EMAIL: 'ops@opsctl.invalid' };

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Lab {
  dir: string;
  handle: LabHandle;
  /** Every stdout/stderr the CLI printed, for the canary check. */
  outputs: string[];
  cli(...args: string[]): Promise<Run>;
  stop(): Promise<void>;
}

export function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-scenario-'));
  for (const sub of REPO_DIRS) if (existsSync(join(ROOT, sub))) cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  return dir;
}

/** Canary passwords in the lab's secret files, and one data source credential as an env: reference. */
function plantCanaries(dir: string): void {
  mkdirSync(join(dir, '.lab/secrets'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, '.lab/secrets/weblogic'), CANARY.weblogic, { mode: 0o600 });
  writeFileSync(join(dir, '.lab/secrets/oracle'), CANARY.oracle, { mode: 0o600 });
  const hall = join(dir, 'desired-state/lab/weblogic/hall.yaml');
  const text = readFileSync(hall, 'utf8');
  const edited = text.replace(/(- name: CoreDS\n\s+credential: )"file:\.lab\/secrets\/oracle"/, `$1"env:${CANARY_ENV}"`);
  if (edited === text) throw new Error('scenario support: CoreDS credential not found in the lab hall overlay');
  writeFileSync(hall, edited);
}

/** Makes the copy a git repository (apply records, approvals and audit need history). */
export function gitInit(dir: string): void {
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=opsctl test', '-c', 'user.email=test@opsctl.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.gitignore'), '.lab/\n.opsctl/\n*.plan.json\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'the estate');
}

export async function startScenarioLab(opts: { git?: boolean } = {}): Promise<Lab> {
  const dir = copyRepo();
  plantCanaries(dir);
  if (opts.git) gitInit(dir);
  const store = openLabStore(dir);
  resetLab({ root: dir, store });
  const handle = publishLab(dir, await startLab({ root: dir, store }));
  const outputs: string[] = [];
  const cli = (...args: string[]): Promise<Run> => cliIn(dir, outputs, ...args);
  return { dir, handle, outputs, cli, stop: () => handle.stop() };
}

/** The built CLI on the repository `dir` (a lab copy, or a clone of one), its output kept in `outputs`. */
export function cliIn(dir: string, outputs: string[], ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, '--repo', dir, ...args], { env: { ...process.env, ...GIT_IDENTITY, [CANARY_ENV]: CANARY.env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      outputs.push(stdout, stderr);
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : err ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

