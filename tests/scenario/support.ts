/**
 * Scenario support: a copy of the real repository's lab environment in a temp dir, the lab
 * started in this test process and published (.lab/endpoints.json) so the built CLI
 * (`node dist/cli/main.js --repo TMP …`, run as a child process) uses it. Child processes run
 * asynchronously: the lab's servers live in this process's event loop.
 */
import { execFile } from 'node:child_process';
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

export async function startScenarioLab(): Promise<Lab> {
  const dir = copyRepo();
  plantCanaries(dir);
  const store = openLabStore(dir);
  resetLab({ root: dir, store });
  const handle = publishLab(dir, await startLab({ root: dir, store }));
  const outputs: string[] = [];
  const cli = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      execFile(process.execPath, [CLI, '--repo', dir, ...args], { env: { ...process.env, [CANARY_ENV]: CANARY.env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        outputs.push(stdout, stderr);
        const code = err && typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : err ? -1 : 0;
        resolve({ code, stdout, stderr });
      });
    });
  return { dir, handle, outputs, cli, stop: () => handle.stop() };
}

/** Are all four providers registered? Until then every plan is errored (`provider-missing`) and exits 1. */
export function allProvidersReady(): boolean {
  return existsSync(join(ROOT, 'src/providers/config-table/index.ts')) && /^\s*'config-table': createConfigTableProvider,$/m.test(readFileSync(join(ROOT, 'src/providers/index.ts'), 'utf8'));
}
