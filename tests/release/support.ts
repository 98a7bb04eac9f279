/**
 * Test support: temporary git repositories holding a copy of the real estate (inventory,
 * desired state, releases, playbooks, templates), and small plan values.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change, Plan, Step } from '../../src/core/index.js';
import type { Address } from '../../src/model/index.js';

export const ROOT = join(import.meta.dirname, '../..');
const DIRS = ['inventory', 'desired-state', 'releases', 'playbooks', 'templates'];

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

/** An empty repository with an identity, one initial commit. */
export function emptyRepo(prefix = 'opsctl-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', '运维 Tester');
  git(dir, 'config', 'user.email', 'tester@opsctl.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'initial');
  return dir;
}

/** A repository holding the real estate's YAML, committed. */
export function estateRepo(): string {
  const dir = emptyRepo('opsctl-estate-');
  for (const sub of DIRS) if (existsSync(join(ROOT, sub))) cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'estate');
  return dir;
}

export function change(address: string, action: Change['action'] = 'update'): Change {
  return {
    address: address as Address, system: 'weblogic', type: 'deployment', action,
    attributes: [{ name: 'version', before: '2026.10.1', after: '2026.11.1', effect: 'live', restartScope: 'none', disruption: 'none', reversible: true }],
    takesEffect: 'immediately', disruption: 'none', reversible: true, estimatedSeconds: 300,
  } as Change;
}

export function step(address: string): Step {
  return {
    id: `deploy:${address}`, action: 'deploy', address: address as Address, system: 'weblogic', description: `deploy ${address}`,
    changes: [address as Address], dependsOn: [], estimatedSeconds: 300, reversible: true, disruption: 'none', downtime: 'none — cluster keeps serving',
  } as Step;
}

export function plan(env: string, addresses: string[], release?: string): Plan {
  return {
    formatVersion: 1, env, createdAt: '2026-11-28T21:30:00+08:00', revision: 'a'.repeat(40), ...(release ? { release } : {}),
    changes: addresses.map((a) => change(a)), steps: addresses.map((a) => step(a)),
    fingerprints: Object.fromEntries(addresses.map((a) => [a, `sha256:${'b'.repeat(64)}`])), unknown: [], diagnostics: [],
    complete: true, errored: false, summary: { create: 0, update: addresses.length, delete: 0, replace: 0, restart: 0, noop: 0, unknown: 0 },
    estimatedSeconds: 300 * addresses.length, criticalPathSeconds: 300 * addresses.length,
  } as Plan;
}

/** Runs `fn` with git's author and committer dates fixed (for --since tests). */
export async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const saved = { a: process.env['GIT_AUTHOR_DATE'], c: process.env['GIT_COMMITTER_DATE'] };
  process.env['GIT_AUTHOR_DATE'] = iso;
  process.env['GIT_COMMITTER_DATE'] = iso;
  try {
    return await fn();
  } finally {
    for (const [k, v] of [['GIT_AUTHOR_DATE', saved.a], ['GIT_COMMITTER_DATE', saved.c]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
