/**
 * THE ACCEPTANCE TEST of `opsctl validate`: copy a repository, make four mistakes (broken
 * indentation, a port written "abc", a data source naming a missing database, a literal
 * password under a host), run the built CLI and expect every one at its exact file:line:col.
 * The places to break are found by content, so the same test runs on the real repository.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const MINI = join(ROOT, 'tests/fixtures/mini-repo');
const REPO_DIRS = ['inventory', 'desired-state', 'releases', 'playbooks', 'templates'];

function run(dir: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, '--repo', dir, 'validate', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

function copyRepo(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-validate-'));
  for (const sub of REPO_DIRS) if (existsSync(join(from, sub))) cpSync(join(from, sub), join(dir, sub), { recursive: true });
  return dir;
}

function yamlFiles(dir: string, sub: string): string[] {
  const base = join(dir, sub);
  if (!existsSync(base)) return [];
  return (readdirSync(base, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => relative(dir, join(base, f)).split('\\').join('/'));
}

interface Mistake {
  file: string;
  line: number;
  column: number;
  message: RegExp;
}

/** Finds the first line matching `re` in the files of `sub` (skipping `avoid`), edits it, returns where. */
function breakLine(
  dir: string,
  sub: string,
  re: RegExp,
  avoid: string[],
  change: (lines: string[], i: number, m: RegExpExecArray) => { line: number; column: number },
  accept: (lines: string[], i: number) => boolean = () => true,
): { file: string; line: number; column: number } {
  for (const file of yamlFiles(dir, sub)) {
    if (avoid.includes(file)) continue;
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]!);
      if (!m || !accept(lines, i)) continue;
      const at = change(lines, i, m);
      writeFileSync(join(dir, file), lines.join('\n'));
      return { file, ...at };
    }
  }
  throw new Error(`no line matching ${re} under ${sub}/`);
}

function introduceMistakes(dir: string): Mistake[] {
  // 1. A data source pointing at a database that does not exist.
  const ds = breakLine(dir, 'desired-state', /^(\s+)database: (\S+)\s*$/, [], (lines, i, m) => {
    lines[i] = `${m[1]}database: nosuchdb`;
    return { line: i + 1, column: m[1]!.length + 'database: '.length + 1 };
  }, (lines, i) => lines.slice(0, i).some((l) => /^\s*dataSources:/.test(l)));
  // 2. A port written as "abc", in another file.
  const port = breakLine(dir, 'desired-state', /^(\s*)(listenPort|listenerPort): (\d+)\s*$/, [ds.file], (lines, i, m) => {
    lines[i] = `${m[1]}${m[2]}: "abc"`;
    return { line: i + 1, column: m[1]!.length + m[2]!.length + 3 };
  });
  // 3. A literal password under a host.
  const secret = breakLine(dir, 'inventory', /^(\s+)(- )?address: \S+/, [], (lines, i, m) => {
    const indent = m[1]!.length + (m[2] ? 2 : 0);
    lines.splice(i + 1, 0, `${' '.repeat(indent)}password: hunter2`);
    return { line: i + 2, column: indent + 'password: '.length + 1 };
  });
  // 4. Broken indentation: a top-level key (after another top-level scalar key) indented by one space.
  const indent = breakLine(dir, 'playbooks', /^([a-z][A-Za-z]*): \S/, [], (lines, i) => {
    lines[i] = ` ${lines[i]}`;
    return { line: i + 1, column: 2 };
  }, (lines, i) => i >= 3 && /^[a-z][A-Za-z]*: \S/.test(lines[i - 1]!));
  return [
    { ...ds, message: /error: data source \S+: database "nosuchdb" does not exist in environment \S+/ },
    { ...port, message: /error: (\S+\.)?(listenPort|listenerPort): must be an integer, got "abc"/ },
    { ...secret, message: /error: literal secret under "password": use a reference \(env:NAME, file:PATH, ssh-agent or store:PATH\)/ },
    { ...indent, message: /error: .+/ },
  ];
}

function expectAllFour(dir: string): void {
  const mistakes = introduceMistakes(dir);
  const { code, out } = run(dir);
  expect(code).toBe(1);
  const lines = out.split('\n');
  for (const m of mistakes) {
    const prefix = `${m.file}:${m.line}:${m.column}: `;
    const hit = lines.find((l) => l.startsWith(prefix) && m.message.test(l));
    expect(hit, `expected a line starting ${prefix} matching ${m.message} in:\n${out}`).toBeDefined();
  }
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run `npm run build` before this test');
});

describe('opsctl validate (acceptance)', () => {
  it('the mini repository validates with exit 0 and a summary', () => {
    const { code, out } = run(MINI);
    expect(code).toBe(0);
    expect(out).toMatch(/prod \(production\): 3 hosts \(2 application, 1 database\), 1 domains, 1 databases/);
  });

  it('reports all four mistakes in the mini repository at their exact file:line:col', () => {
    expectAllFour(copyRepo(MINI));
  });

  it('prints JSON with --json', () => {
    const dir = copyRepo(MINI);
    introduceMistakes(dir);
    const { code, out } = run(dir, '--json');
    expect(code).toBe(1);
    const body = JSON.parse(out) as { ok: boolean; errorCount: number; diagnostics: { code: string; file: string; line: number; column: number }[] };
    expect(body.ok).toBe(false);
    expect(body.errorCount).toBe(body.diagnostics.length);
    expect(body.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['secret-literal', 'reference', 'schema', 'yaml-syntax']));
  });

  it('the built validators (generated at build time) report exactly what ajv compiled from source reports', () => {
    const dir = copyRepo(MINI);
    introduceMistakes(dir);
    writeFileSync(join(dir, 'desired-state/common/bad.yaml'), [
      'apiVersion: opsctl/v1', 'kind: WeblogicDomain', 'name: Bad Name', 'application: hall', 'version: 9.9', 'management: rest',
      'admin: { serverName: AdminServer, host: hall-web-01, port: "x", usr: weblogic }',
      'servers: [{ name: s1, listenPort: 70000, heap: { minMb: -1 } }]', 'notes: [1]', '',
    ].join('\n'));
    const built = JSON.parse(run(dir, '--json').out) as { diagnostics: { code: string; message: string; file: string; line: number; column: number }[] };
    const source = loadRepository(dir).diagnostics.map((d) => ({ code: d.code, message: d.message, file: d.source?.file, line: d.source?.line, column: d.source?.column }));
    expect(source.filter((d) => d.code === 'schema').length).toBeGreaterThan(5);
    expect(built.diagnostics.map(({ code, message, file, line, column }) => ({ code, message, file, line, column }))).toEqual(source);
  });

  it('the built loader neither compiles schemas nor loads ajv\'s compiler at run time', () => {
    const script = [
      `const { loadRepository } = await import(${JSON.stringify(join(ROOT, 'dist/load/index.js'))});`,
      `const { createRequire } = await import('node:module');`,
      `const n = loadRepository(${JSON.stringify(MINI)}).diagnostics.length;`,
      `const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /ajv[\\/]dist[\\/](ajv|core|compile)/.test(f));`,
      `process.stdout.write(JSON.stringify({ n, loaded }));`,
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ n: 0, loaded: [] });
  });

  it('the real repository validates with exit 0', () => {
    const { code, out } = run(ROOT);
    expect(code, out).toBe(0);
  });

  it('reports all four mistakes in a copy of the real repository', () => {
    expectAllFour(copyRepo(ROOT));
  });
});
