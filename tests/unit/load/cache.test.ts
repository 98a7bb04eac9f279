/**
 * The parse cache (src/load/cache.ts): a load with it reports exactly what a load without it
 * reports, an edit after a cached load is reported at its new position, and a cache file that
 * is corrupt, of another shape or made under another key (schema stamp) is never used.
 * "Used" is proven by poisoning: an entry whose value was altered in the cache file shows up in
 * the load when, and only when, the cache is trusted.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, loadRepository, type LoadOptions } from '../../../src/load/index.js';
import { ParseCache, cacheKey, contentHash } from '../../../src/load/cache.js';
import { listRepoFiles, readRepoFile } from '../../../src/load/files.js';
import { parseFile } from '../../../src/load/parse.js';
import { brief, copyMiniRepo, edit, write } from './helpers.js';

const HALL = 'desired-state/common/hall.yaml';

function report(root: string, options: LoadOptions = {}): string[] {
  return loadRepository(root, options).diagnostics.map((d) => `${d.severity} ${d.code} ${brief(d)}`);
}

/** A scratch mini repository without any cache a CLI run may have left in the fixture. */
function scratch(): string {
  const root = copyMiniRepo();
  rmSync(join(root, '.opsctl'), { recursive: true, force: true });
  return root;
}

interface CacheBody {
  format: string;
  key: string;
  files: Record<string, string>;
}

const yamlFiles = (root: string): number => listRepoFiles(root).files.length;

const readCache = (root: string): CacheBody => JSON.parse(readFileSync(join(root, CACHE_FILE), 'utf8')) as CacheBody;

/** Rewrites the cached entry of `rel` (as it is now) with `from` replaced by `to` in its JSON. */
function poison(root: string, rel: string, from: string, to: string): void {
  const body = readCache(root);
  const hash = contentHash(readFileSync(join(root, rel), 'utf8'));
  const entry = body.files[hash];
  if (entry === undefined || !entry.includes(from)) throw new Error(`poison: no cached entry of ${rel} containing ${from}`);
  body.files[hash] = entry.replace(from, to);
  writeFileSync(join(root, CACHE_FILE), JSON.stringify(body));
}

/** The data source's database in hall.yaml, poisoned in the cache to a database that does not exist. */
const POISONED = /database "poisoned" does not exist/;
const poisonHall = (root: string): void => poison(root, HALL, '"database":"coredb"', '"database":"poisoned"');

describe('parse cache', () => {
  it('a cached load reports and builds exactly what an uncached load does', () => {
    const root = scratch();
    edit(root, HALL, 'database: coredb', 'database: nosuchdb');
    edit(root, 'inventory/prod/hosts.yaml', '- name: hall-web-02', '- name: hall-web-01');
    const plain = loadRepository(root);
    expect(existsSync(join(root, CACHE_FILE))).toBe(false);
    const filling = loadRepository(root, { cache: true });
    expect(existsSync(join(root, CACHE_FILE))).toBe(true);
    const hit = loadRepository(root, { cache: true });
    expect(plain.diagnostics.length).toBeGreaterThan(2);
    expect(filling).toEqual(plain);
    expect(hit).toEqual(plain);
    // Every file of the mini repository parses cleanly, so every one is cached.
    expect(yamlFiles(root)).toBeGreaterThan(10);
    expect(Object.keys(readCache(root).files).length).toBe(yamlFiles(root));
  });

  it('every file of this repository (and the YAML edge cases below) comes back from the cache exactly as parsed', () => {
    const root = join(import.meta.dirname, '../../..');
    const files = listRepoFiles(root).files.map((f) => ({ file: f, text: readRepoFile(f).text! }));
    expect(files.length).toBeGreaterThan(50);
    const odd = [
      'apiVersion: opsctl/v1\nkind: Runbook\nname: "a\\ud800b"\nsteps: [1, 2.5, -3, 1e3, "x", null, true, { "k/~": [] }]\n',
      '---\n---\napiVersion: opsctl/v1\nkind: Runbook\nname: two\n...\n---\n',
      '',
      '# only a comment\n',
      'apiVersion: opsctl/v1\nkind: Runbook\nname: seq\nlist:\n  - &a { x: 1 }\n  - *a\n',
      'apiVersion: opsctl/v1\nkind: Runbook\nname: inf\nn: .inf\n',
      'apiVersion: opsctl/v1\nkind: Runbook\nname: neg0\nn: -0\n',
      'a: &k key\n*k : value\n',
      '- just\n- a list\n',
      'apiVersion: opsctl/v1\nkind: Nope\nname: x\n',
      'a: 1\na: 2\n',
    ].map((text, i) => ({ file: { rel: `playbooks/odd${i}.yaml`, abs: `/nowhere/odd${i}.yaml`, area: 'playbook' as const }, text }));
    const dir = mkdtempSync(join(tmpdir(), 'opsctl-cache-'));
    const key = cacheKey('test');
    const filling = ParseCache.open(dir, key);
    const fresh = [...files, ...odd].map(({ file, text }) => parseFile(file, text, filling));
    filling.save();
    const cache = ParseCache.open(dir, key);
    expect(cache.ignored).toBeUndefined();
    const hits = new Set<string>();
    [...files, ...odd].forEach(({ file, text }, i) => {
      const hit = cache.get(contentHash(text), file.rel);
      if (hit) hits.add(file.rel);
      expect(parseFile(file, text, cache), file.rel).toEqual(fresh[i]);
      expect(parseFile(file, text), file.rel).toEqual(fresh[i]);
    });
    // Every file of the repository is cached; of the odd ones only those that parse cleanly into plain data.
    for (const { file } of files) expect(hits.has(file.rel), file.rel).toBe(true);
    expect(odd.filter(({ file }) => hits.has(file.rel)).map(({ file }) => file.rel)).toEqual(['playbooks/odd0.yaml', 'playbooks/odd1.yaml', 'playbooks/odd2.yaml', 'playbooks/odd3.yaml', 'playbooks/odd8.yaml', 'playbooks/odd9.yaml']);
  });

  it('the cache is used for unchanged files (a poisoned entry shows)', () => {
    const root = scratch();
    loadRepository(root, { cache: true });
    poisonHall(root);
    expect(report(root, { cache: true }).some((l) => POISONED.test(l))).toBe(true);
    expect(report(root).some((l) => POISONED.test(l))).toBe(false);
  });

  it('an edit after a cached load is reported at its exact position, and the file is cached anew', () => {
    const root = scratch();
    expect(report(root, { cache: true })).toEqual([]);
    poisonHall(root); // the old text's entry: must not be what the edited file is read from
    edit(root, HALL, 'database: coredb', 'database: nosuchdb');
    expect(report(root, { cache: true })).toEqual([
      `error reference ${HALL}:31:15: data source HallDS: database "nosuchdb" does not exist in environment pre`,
      `error reference ${HALL}:31:15: data source HallDS: database "nosuchdb" does not exist in environment prod`,
    ]);
    // One more line above it: the same mistake moves down a line, cached or not.
    edit(root, HALL, 'apiVersion: opsctl/v1', '# a comment\napiVersion: opsctl/v1');
    const moved = [
      `error reference ${HALL}:32:15: data source HallDS: database "nosuchdb" does not exist in environment pre`,
      `error reference ${HALL}:32:15: data source HallDS: database "nosuchdb" does not exist in environment prod`,
    ];
    expect(report(root, { cache: true })).toEqual(moved);
    expect(report(root, { cache: true })).toEqual(moved);
    expect(report(root)).toEqual(moved);
  });

  it('a YAML error is never cached: it is reported on every load', () => {
    const root = scratch();
    loadRepository(root, { cache: true });
    const text = readFileSync(join(root, HALL), 'utf8');
    write(root, HALL, text.replace('application: hall', 'application: hall\napplication: again'));
    const first = report(root, { cache: true });
    expect(first.some((l) => l.startsWith(`error yaml-duplicate-key ${HALL}:`))).toBe(true);
    expect(report(root, { cache: true })).toEqual(first);
    expect(readCache(root).files[contentHash(readFileSync(join(root, HALL), 'utf8'))]).toBeUndefined();
  });

  it('an alias keeps its position, as before the cache (it is only not cached)', () => {
    const text = 'apiVersion: opsctl/v1\nkind: Runbook\nname: seq\nlist:\n  - &a { x: 1 }\n  - *a\nother: *a\n';
    const file = { rel: 'playbooks/a.yaml', abs: '/nowhere/a.yaml', area: 'playbook' as const };
    const { docs } = parseFile(file, text);
    expect(docs[0]!.pos.get('/list/1')).toEqual({ value: { file: file.rel, line: 6, column: 5 } });
    expect(docs[0]!.pos.get('/other')).toEqual({ key: { file: file.rel, line: 7, column: 1 }, value: { file: file.rel, line: 7, column: 8 } });
  });

  it('documents with aliases are not cached (their shared values would not survive JSON)', () => {
    const root = scratch();
    write(root, 'playbooks/alias.yaml', readFileSync(join(root, 'playbooks/daily.yaml'), 'utf8').replace(/^name: (\S+)$/m, 'name: &n alias-$1\ndescription: *n'));
    const plain = report(root);
    expect(report(root, { cache: true })).toEqual(plain);
    expect(readCache(root).files[contentHash(readFileSync(join(root, 'playbooks/alias.yaml'), 'utf8'))]).toBeUndefined();
    expect(report(root, { cache: true })).toEqual(plain);
  });

  it('a corrupt cache file is ignored and replaced', () => {
    const root = scratch();
    loadRepository(root, { cache: true });
    const plain = report(root);
    for (const junk of ['', '{', 'null', '[]', '{"format":"opsctl-parse-cache/1"}', JSON.stringify({ ...readCache(root), format: 'something else' })]) {
      writeFileSync(join(root, CACHE_FILE), junk);
      expect(report(root, { cache: true }), junk).toEqual(plain);
      expect(readCache(root).format).toBe('opsctl-parse-cache/1');
    }
  });

  it('entries of the wrong shape are misses, never half-used', () => {
    const root = scratch();
    loadRepository(root, { cache: true });
    const plain = report(root);
    const hash = contentHash(readFileSync(join(root, HALL), 'utf8'));
    const bad = ['not json', '{}', '[{"index":0,"value":{"kind":"WeblogicDomain"},"pos":[["",1]]}]', '[{"index":-1,"value":{},"pos":[]}]', '[{"index":0,"pos":[]}]', '[{"index":0,"value":{},"pos":[["",1,1,"x",2]]}]'];
    for (const entry of bad) {
      const body = readCache(root);
      body.files[hash] = entry;
      writeFileSync(join(root, CACHE_FILE), JSON.stringify(body));
      expect(report(root, { cache: true }), entry).toEqual(plain);
      expect(readCache(root).files[hash], entry).not.toBe(entry);
    }
    // A key that is not a content hash: the whole file is ignored.
    const body = readCache(root);
    writeFileSync(join(root, CACHE_FILE), JSON.stringify({ ...body, files: { ...body.files, 'hall.yaml': '[]' } }));
    expect(ParseCache.open(root, body.key).ignored).toBe('corrupt');
  });

  it('is not used across different schema stamps (nor opsctl versions: both are in the key)', () => {
    const root = scratch();
    loadRepository(root, { cache: { stamp: 'stamp-a' } });
    expect(readCache(root).key).toBe(cacheKey('stamp-a'));
    expect(cacheKey('stamp-a')).toMatch(/^opsctl-parse-cache\/1\|opsctl \d+\.\d+\.\d+\S*\|schemas stamp-a\|yaml \d/);
    poisonHall(root);
    expect(report(root, { cache: { stamp: 'stamp-a' } }).some((l) => POISONED.test(l))).toBe(true);
    expect(ParseCache.open(root, cacheKey('stamp-b')).ignored).toBe('other-key');
    expect(report(root, { cache: { stamp: 'stamp-b' } })).toEqual([]);
    expect(readCache(root).key).toBe(cacheKey('stamp-b'));
    // The real stamp (the built validators' or the schemas') is neither of those.
    expect(report(root, { cache: true })).toEqual([]);
    expect(readCache(root).key).not.toBe(cacheKey('stamp-b'));
  });

  it('is pruned to the files of the last load and not rewritten when nothing changed', () => {
    const root = scratch();
    write(root, 'playbooks/extra.yaml', readFileSync(join(root, 'playbooks/daily.yaml'), 'utf8').replace(/^name: (\S+)$/m, 'name: extra-$1'));
    loadRepository(root, { cache: true });
    const n = yamlFiles(root);
    expect(Object.keys(readCache(root).files).length).toBe(n);
    rmSync(join(root, 'playbooks/extra.yaml'));
    loadRepository(root, { cache: true });
    expect(Object.keys(readCache(root).files).length).toBe(n - 1);
    writeFileSync(join(root, CACHE_FILE), `${readFileSync(join(root, CACHE_FILE), 'utf8')} `);
    loadRepository(root, { cache: true });
    expect(readFileSync(join(root, CACHE_FILE), 'utf8').endsWith('} ')).toBe(true);
  });

  it('a cache that cannot be written costs only time', () => {
    const root = scratch();
    mkdirSync(join(root, '.opsctl'));
    writeFileSync(join(root, '.opsctl', 'cache'), 'a file where the folder would go');
    expect(report(root, { cache: true })).toEqual([]);
    expect(readFileSync(join(root, '.opsctl', 'cache'), 'utf8')).toBe('a file where the folder would go');
  });
});
