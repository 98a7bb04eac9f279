/**
 * The CLI contract of apply (built CLI, `npm run build` first): in December's 征期 during working
 * hours `apply` exits 3 and names the next window; nothing is journaled or locked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostScenario, tmpRoot } from './fixture.js';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'dist/cli/main.js');

describe('opsctl apply (CLI)', () => {
  it('exits 3 inside 征期 and names the next window', () => {
    const file = join(tmpRoot(), 'plan.json');
    writeFileSync(file, JSON.stringify(hostScenario().plan));
    const r = spawnSync(process.execPath, [CLI, '--repo', ROOT, '--now', '2026-12-02T10:00:00+08:00', 'apply', file, '--yes'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('REFUSED');
    expect(r.stdout).toMatch(/next window: \S+ 2026-12-1\d/);
    expect(r.stdout).toContain('征期');
    expect(existsSync(join(ROOT, '.opsctl', 'locks', 'lab.json'))).toBe(false);
  });

  it('recover without an interrupted apply is refused (exit 3)', () => {
    const r = spawnSync(process.execPath, [CLI, '--repo', ROOT, 'recover', '--env', 'lab', '--rollback', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).refusals[0].code).toBe('nothing-to-recover');
  });
});
