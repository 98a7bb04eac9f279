/**
 * --write: an existing file is backed up (never an older backup overwritten) before it is
 * replaced, the loader runs on the result; and the CLI end to end on a copy of the repository
 * (the built CLI, dist/cli/main.js: `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainFile, writeDomainFile } from '../../../src/discover/wdt/index.js';
import { FIXTURES, ROOT } from './support.js';

const CLI = join(ROOT, 'dist/cli/main.js');

function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-wdt-'));
  for (const sub of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) {
    if (existsSync(join(ROOT, sub))) cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  }
  return dir;
}

function cli(dir: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, '--repo', dir, 'import', 'wdt', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('writeDomainFile', () => {
  it('creates a new file without a backup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsctl-wdt-'));
    const out = writeDomainFile(dir, 'lab', 'hall', 'a: 1\n');
    expect(out).toEqual({ file: domainFile(dir, 'lab', 'hall'), rel: 'desired-state/lab/weblogic/hall.yaml' });
    expect(readFileSync(out.file, 'utf8')).toBe('a: 1\n');
  });

  it('backs up an existing file to .bak, then .bak.1, never overwriting a backup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsctl-wdt-'));
    writeDomainFile(dir, 'lab', 'hall', 'v: 1\n');
    const second = writeDomainFile(dir, 'lab', 'hall', 'v: 2\n');
    const third = writeDomainFile(dir, 'lab', 'hall', 'v: 3\n');
    expect(second.backup).toBe(`${second.file}.bak`);
    expect(third.backup).toBe(`${third.file}.bak.1`);
    expect(readFileSync(`${second.file}.bak`, 'utf8')).toBe('v: 1\n');
    expect(readFileSync(`${second.file}.bak.1`, 'utf8')).toBe('v: 2\n');
    expect(readFileSync(second.file, 'utf8')).toBe('v: 3\n');
  });

  it('refuses names that are not names (no path escapes)', () => {
    expect(() => domainFile('/r', '../prod', 'hall')).toThrow(/not a valid name/);
    expect(() => domainFile('/r', 'prod', 'a/b')).toThrow(/not a valid name/);
  });
});

describe.skipIf(!existsSync(CLI))('opsctl import wdt (built CLI)', () => {
  it('prints YAML that the loader accepts and JSON with the lists', () => {
    const dir = copyRepo();
    const text = cli(dir, join(FIXTURES, 'simple-model.yaml'), '--env', 'prod', '--domain', 'hall');
    expect(text.code).toBe(0);
    expect(text.out).toContain('kind: WeblogicDomain');
    expect(text.out).toContain('#   resources:/JDBCSystemResource/Generic1/JdbcResource/JDBCDriverParams/PasswordEncrypted — secret dropped, reference needed');
    const json = JSON.parse(cli(dir, join(FIXTURES, 'simple-model.yaml'), '--env', 'prod', '--domain', 'hall', '--json').out);
    expect(json).toMatchObject({ ok: true, valid: true, written: null });
    expect(json.unmapped.length).toBeGreaterThan(10);
    expect(JSON.stringify(json)).not.toContain('welcome1');
  });

  it('--write backs up desired-state/prod/weblogic/hall.yaml, writes, and prints the loader diagnostics', () => {
    const dir = copyRepo();
    const target = join(dir, 'desired-state/prod/weblogic/hall.yaml');
    const before = readFileSync(target, 'utf8');
    const r = cli(dir, join(FIXTURES, 'hall-estate.yaml'), '--env', 'prod', '--domain', 'hall', '--write');
    expect(r.out).toContain('wrote desired-state/prod/weblogic/hall.yaml (previous file backed up to');
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(before);
    expect(readFileSync(target, 'utf8')).toContain('# Unmapped (');
    // LegacyDS points at no database of prod: the loader says so, at the written file, and the exit is 1.
    expect(r.out).toMatch(/desired-state\/prod\/weblogic\/hall\.yaml:\d+:\d+: error: data source LegacyDS: database "unmapped-db-LegacyDS" does not exist in environment prod/);
    expect(r.code).toBe(1);
    expect(readFileSync(target, 'utf8')).not.toMatch(/CANARY-/);
  });

  it('--write refuses a document that does not validate (kept tokens) and writes nothing', () => {
    const dir = copyRepo();
    writeFileSync(join(dir, 'marker'), '');
    const r = cli(dir, join(FIXTURES, 'simple-topology1.yaml'), '--env', 'lab', '--domain', 'query', '--write');
    expect(r.code).toBe(1);
    expect(r.out).toContain('not written');
    expect(existsSync(join(dir, 'desired-state/lab/weblogic/query.yaml.bak'))).toBe(false);
  });
});
