/**
 * Bad input (issue 8, item 3): malformed and hostile YAML dropped into a temp copy of the
 * repository, one file at a time; `opsctl validate` (built CLI) must exit 1 with FILE:LINE:COL
 * naming that file, never crash (no stack trace) and never hang (the child has a generous kill
 * timeout; a hang shows up as a failure, not as a stuck suite). Path traversal through a managed
 * file's template or path is refused the same way.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copyRepo } from '../scenario/support.js';

const BUILT = existsSync(CLI);
const REL = 'desired-state/common/hosts/zz-bad.yaml';

function validate(dir: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, '--repo', dir, 'validate'], { timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : err ? -1 : 0;
      resolve({ code, out: stdout + stderr });
    });
  });
}

const HEAD = 'apiVersion: opsctl/v1\nkind: HostProfile\n';
const profile = (body: string) => `${HEAD}name: zz-bad\nappliesTo:\n  roles: [hall-web]\n${body}`;

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${HEAD}name: zz-bad\n${lines.join('\n')}\n`;
}

interface Case {
  name: string;
  content: string | Buffer;
  /** Expected in the diagnostic, besides FILE:LINE:COL. */
  says: RegExp;
  /** A known failure recorded in docs/reliability.md (the test is `it.fails` until the owner fixes it). */
  known?: string;
}

const CASES: Case[] = [
  { name: 'duplicate keys', content: `${HEAD}name: zz-bad\nname: zz-bad2\n`, says: /unique|duplicate/i },
  { name: 'an alias bomb (billion laughs)', content: billionLaughs(), says: /alias|exceed|too many|resource/i },
  { name: 'a 5 MB+ file', content: `${HEAD}name: zz-bad\n# ${'x'.repeat(5.5 * 1024 * 1024)}\n`, says: /too large|larger than/i },
  { name: 'wrong types', content: profile('cron: 5\nfiles:\n  - path: 7\n    mode: true\n'), says: /must be|type|expected/i },
  { name: 'a tab-indented file', content: `${HEAD}name: zz-bad\nappliesTo:\n\thosts: [hall-web-01]\n`, says: /tab|indent/i },
  { name: 'a document with no kind', content: 'apiVersion: opsctl/v1\nname: zz-bad\n', says: /kind/i },
  { name: 'non-UTF-8 bytes', content: Buffer.concat([Buffer.from(`${HEAD}name: zz-bad\ndescription: "`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"\n')]), says: /UTF-8|encoding|invalid/i },
  {
    name: 'path traversal in a managed file template (../../etc/passwd.ejs)',
    content: profile('files:\n  - path: /etc/zz-bad\n    template: ../../etc/passwd.ejs\n    mode: "0644"\n    owner: root\n    group: system\n'),
    says: /leaves the repository|traversal|\.\./i,
  },
  {
    name: 'a file resource path with ..',
    content: profile('files:\n  - path: /etc/../etc/shadow\n    template: aix/motd.ejs\n    mode: "0644"\n    owner: root\n    group: system\n'),
    says: /without "\.\." segments/,
  },
];

describe.skipIf(!BUILT)('validate on malformed and hostile YAML (built CLI, temp repo)', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyRepo();
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the untouched copy validates (exit 0): every failure below is the bad file', async () => {
    const r = await validate(dir);
    expect(r.code, r.out).toBe(0);
  }, 60_000);

  for (const c of CASES) {
    (c.known ? it.fails : it)(`${c.name}: exit 1 with ${REL}:LINE:COL, no crash, no hang${c.known ? ` (known failure: ${c.known})` : ''}`, async () => {
      writeFileSync(join(dir, REL), c.content);
      try {
        const r = await validate(dir);
        expect(r.code, r.out).toBe(1);
        const lines = r.out.split('\n').filter((l) => l.startsWith(`${REL}:`));
        expect(lines.length, r.out).toBeGreaterThan(0);
        expect(lines[0]).toMatch(new RegExp(`^${REL.replace(/[.]/g, '\\.')}:\\d+:\\d+: error: `));
        expect(lines.join('\n')).toMatch(c.says);
        expect(r.out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(r.out).not.toMatch(/\bundefined\b|\[object Object\]/);
        expect(r.out.length).toBeLessThan(20_000);
      } finally {
        rmSync(join(dir, REL), { force: true });
      }
    }, 60_000);
  }
});
