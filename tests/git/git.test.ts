/** The simple-git adapter on temporary repositories: trailers round-trip, the commit fence, queries. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitRefusal, commitFiles, headRevision, isClean, logWithTrailers, parseTrailers, showFile } from '../../src/git/index.js';
import { at, emptyRepo, git } from '../release/support.js';

function write(dir: string, rel: string, text: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

describe('git adapter', () => {
  it('commits files with structured trailers that git itself parses back', async () => {
    const dir = emptyRepo();
    write(dir, 'reports/prod/applies/x/record.json', '{}\n');
    const hash = await commitFiles(dir, ['reports/prod/applies/x/record.json'], 'apply prod: test\n\nbody line', {
      'Opsctl-Env': 'prod',
      'Approved-By': ['主管部门: 甲', '业务部门: 乙'],
      'Break-Glass': 'line one\nline two',
      'Opsctl-Release': undefined,
    });
    expect(await headRevision(dir)).toBe(hash);
    const [c] = await logWithTrailers(dir);
    expect(c?.subject).toBe('apply prod: test');
    expect(c?.trailers['Opsctl-Env']).toEqual(['prod']);
    expect(c?.trailers['Approved-By']).toEqual(['主管部门: 甲', '业务部门: 乙']);
    expect(c?.trailers['Break-Glass']).toEqual(['line one line two']);
    expect(c?.trailers['Opsctl-Release']).toBeUndefined();
    expect(c?.author.name).toBe('运维 Tester');
    // git interpret-trailers agrees with our parse
    const raw = git(dir, 'log', '-1', '--format=%B');
    const viaGit = execFileSync('git', ['interpret-trailers', '--parse'], { cwd: dir, input: raw, encoding: 'utf8' });
    expect(parseTrailers(viaGit)).toEqual(c?.trailers);
  });

  it('refuses paths outside reports/, releases/ and playbooks/data-fixes/, and commits only the files given', async () => {
    const dir = emptyRepo();
    write(dir, 'desired-state/common/x.yaml', 'a: 1\n');
    write(dir, 'reports/a.txt', 'a\n');
    await expect(commitFiles(dir, ['desired-state/common/x.yaml'], 'nope', {})).rejects.toBeInstanceOf(GitRefusal);
    await expect(commitFiles(dir, ['../outside.txt'], 'nope', {})).rejects.toThrow(/outside the repository/);
    await expect(commitFiles(dir, ['reports/../src/x.ts'], 'nope', {})).rejects.toThrow(/opsctl commits only under/);
    await expect(commitFiles(dir, ['playbooks/runbooks/x.yaml'], 'nope', {})).rejects.toThrow(/opsctl commits only under/);
    git(dir, 'add', 'desired-state/common/x.yaml');
    await commitFiles(dir, ['reports/a.txt'], 'only the report', {});
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('reports/a.txt');
    expect(await isClean(dir, ['reports'])).toBe(true);
    expect(await isClean(dir, ['desired-state'])).toBe(false);
    await expect(commitFiles(dir, ['reports/a.txt'], 'again', {})).rejects.toThrow(/no changes/);
  });

  it('filters history by path, date, message and trailer, and reads files as committed', async () => {
    const dir = emptyRepo();
    write(dir, 'reports/pre/a.json', '{"v":1}\n');
    await at('2026-11-20T22:00:00+08:00', () => commitFiles(dir, ['reports/pre/a.json'], 'first', { 'Opsctl-Env': 'pre' }));
    write(dir, 'releases/r/release.yaml', 'x: 1\n');
    await at('2026-11-28T22:00:00+08:00', () => commitFiles(dir, ['releases/r/release.yaml'], 'second', { 'Opsctl-Env': 'prod' }));
    expect((await logWithTrailers(dir, { paths: ['reports/pre'] })).map((c) => c.subject)).toEqual(['first']);
    expect((await logWithTrailers(dir, { since: '2026-11-25T00:00:00+08:00' })).map((c) => c.subject)).toEqual(['second']);
    expect((await logWithTrailers(dir, { grep: 'first' })).map((c) => c.subject)).toEqual(['first']);
    expect((await logWithTrailers(dir, { trailer: { key: 'Opsctl-Env', value: 'prod' } })).map((c) => c.subject)).toEqual(['second']);
    const [first] = await logWithTrailers(dir, { paths: ['reports/pre'] });
    writeFileSync(join(dir, 'reports/pre/a.json'), '{"v":2}\n');
    expect(await showFile(dir, first!.hash, 'reports/pre/a.json')).toBe('{"v":1}\n');
    expect(await showFile(dir, first!.hash, 'reports/none.json')).toBeUndefined();
  });

  it('has no head revision outside a repository', async () => {
    expect(await headRevision(mkdtempSync(join(tmpdir(), 'opsctl-nogit-')))).toBeUndefined();
  });
});

