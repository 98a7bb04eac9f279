// A lab copy of the repository as a git repository (so records are committed), with canaries.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startScenarioLab, type Lab } from '../scenario/support.js';

export const ID_NO = /(?<![0-9A-Za-z])[1-9]\d{16}[0-9Xx](?![0-9A-Za-z])/;

export async function startGitLab(): Promise<Lab> {
  const lab = await startScenarioLab();
  writeFileSync(join(lab.dir, '.gitignore'), '.lab/\n.opsctl/\n');
  const git = (...a: string[]): string => execFileSync('git', a, { cwd: lab.dir, encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'seed');
  git('config', 'user.name', 'opsctl test');
  git('config', 'user.email', 'opsctl@example.invalid');
  return lab;
}

/** Every file of every commit after the seed (but those `skip` names), with its content, and the commit messages. */
export function committedTexts(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const git = (...a: string[]): string => execFileSync('git', a, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const revs = git('rev-list', 'HEAD').trim().split('\n').slice(0, -1);
  const out: string[] = [];
  for (const rev of revs) {
    out.push(git('log', '-1', '--format=%B', rev));
    for (const f of git('diff-tree', '--no-commit-id', '--name-only', '-r', rev).trim().split('\n').filter((x) => x && !skip(x))) {
      try { out.push(git('show', `${rev}:${f}`)); } catch { /* deleted */ }
    }
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
