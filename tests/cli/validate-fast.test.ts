/**
 * `opsctl validate`'s start-up: a plain validate runs without commander (src/cli/fast-path.ts)
 * and takes unchanged files from the parse cache (.opsctl/cache/); anything else still goes
 * through commander. Runs the built CLI (npm run build first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastValidateArgs } from '../../src/cli/fast-path.js';
import { CACHE_FILE } from '../../src/load/index.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const MINI = join(ROOT, 'tests/fixtures/mini-repo');
const HALL = 'desired-state/common/hall.yaml';

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, OPSCTL_NO_CACHE: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function copyMini(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-validate-fast-'));
  for (const sub of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(MINI, sub), join(dir, sub), { recursive: true });
  return dir;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run `npm run build` before this test');
});

describe('fastValidateArgs', () => {
  it('takes a plain validate, with the global options before or after it', () => {
    expect(fastValidateArgs(['validate'])).toEqual({ json: false, cache: true });
    expect(fastValidateArgs(['--repo', '/r', 'validate', '--json'])).toEqual({ repo: '/r', json: true, cache: true });
    expect(fastValidateArgs(['validate', '--repo=/r', '--no-cache', '--now', '2026-01-01T00:00:00Z'])).toEqual({ repo: '/r', now: '2026-01-01T00:00:00Z', json: false, cache: false });
    expect(fastValidateArgs(['--repo', 'validate', 'validate'])).toEqual({ repo: 'validate', json: false, cache: true });
    expect(fastValidateArgs(['--repo=', 'validate'])).toEqual({ repo: '', json: false, cache: true });
  });
  it('leaves everything else to commander', () => {
    for (const args of [[], ['plan'], ['validate', '--help'], ['validate', '-h'], ['--json', 'validate'], ['validate', 'x'], ['validate', 'validate'], ['validate', '--json=1'], ['--repo'], ['validate', '--repo'], ['--repo', '-x', 'validate'], ['validate', '--'], ['--help'], ['validate', '--cache']]) {
      expect(fastValidateArgs(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe('opsctl validate start-up', () => {
  it('loads neither commander nor ssh2, ejs or chinese-days', () => {
    const script = [
      `process.argv = [process.execPath, ${JSON.stringify(CLI)}, '--repo', ${JSON.stringify(MINI)}, 'validate', '--no-cache'];`,
      `const write = process.stdout.write.bind(process.stdout);`,
      `let out = ''; process.stdout.write = (s) => { out += s; return true; };`,
      `await import(${JSON.stringify(CLI)});`,
      `process.stdout.write = write;`,
      `const { createRequire } = await import('node:module');`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/](commander|ssh2|ejs|chinese-days)[\\\\/]/.test(f));`,
      `process.stdout.write(JSON.stringify({ ok: out.startsWith('ok: '), loaded }));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, loaded: [] });
  });

  it('the fast path and commander agree: errors, --help, bad arguments', () => {
    const dir = copyMini();
    expect(run(['validate', '--repo', dir]).code).toBe(0);
    expect(run(['--repo', dir, '--now', 'soon', 'validate'])).toEqual({ code: 1, out: '', err: 'opsctl: --now "soon" is not an ISO 8601 date-time\n' });
    const help = run(['--repo', dir, 'validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: opsctl validate \[options\][\s\S]*--json[\s\S]*--no-cache/);
    const extra = run(['--repo', dir, 'validate', 'extra']);
    expect(extra.code).toBe(1);
    expect(extra.err).toMatch(/too many arguments for 'validate'/);
  });

  it('caches parsed files, reports an edit made after a cached run at its exact place, and can be turned off', () => {
    const dir = copyMini();
    expect(run(['--repo', dir, 'validate', '--no-cache']).code).toBe(0);
    expect(run(['--repo', dir, 'validate'], { OPSCTL_NO_CACHE: '1' }).code).toBe(0);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(false);
    const clean = run(['--repo', dir, 'validate']);
    expect(clean.code).toBe(0);
    expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
    expect(run(['--repo', dir, 'validate'])).toEqual(clean);

    const text = readFileSync(join(dir, HALL), 'utf8');
    writeFileSync(join(dir, HALL), text.replace('    database: coredb', '    database: nosuchdb').replace('initialCapacity: 10', 'initialCapacity: ten'));
    const lines = text.split('\n');
    const db = lines.findIndex((l) => l === '    database: coredb') + 1;
    const cap = lines.findIndex((l) => l.includes('initialCapacity: 10')) + 1;
    const after = run(['--repo', dir, 'validate']);
    expect(after.code).toBe(1);
    expect(after.out).toContain(`${HALL}:${db}:15: error: data source HallDS: database "nosuchdb" does not exist in environment prod`);
    expect(after.out).toMatch(new RegExp(`^${HALL}:${cap}:22: error: \\S*initialCapacity: must be an integer, got "ten"$`, 'm'));
    expect(run(['--repo', dir, 'validate'])).toEqual(after);
    expect(run(['--repo', dir, 'validate', '--no-cache'])).toEqual(after);

    writeFileSync(join(dir, CACHE_FILE), '{ not json');
    expect(run(['--repo', dir, 'validate'])).toEqual(after);
    rmSync(join(dir, HALL));
    writeFileSync(join(dir, HALL), text);
    expect(run(['--repo', dir, 'validate'])).toEqual(clean);
  });
});
