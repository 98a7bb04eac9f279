/**
 * Issue 5, gap 5: an application release apply (hall-2026.11.1 against the lab) killed while its
 * deploy step runs is resumed by `recover --resume` to the released version — recover works
 * against the release's desired state (its overlay), as the apply did, not the plain environment.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLabStore } from '../../src/lab/index.js';
import { CLI, GIT_IDENTITY, startScenarioLab, type Lab } from './support.js';

const IN_WINDOW = '2026-11-28T22:00:00+08:00';
const RELEASE = 'hall-2026.11.1';

describe.skipIf(!existsSync(CLI))('recover --resume of a killed release apply', () => {
  let lab: Lab;
  const hall = () => openLabStore(lab.dir).read().domains.hall!;
  const journal = (): string | undefined => {
    const dir = join(lab.dir, '.opsctl/journal/lab');
    const f = existsSync(dir) ? readdirSync(dir).find((x) => x.endsWith('.jsonl')) : undefined;
    return f ? join(dir, f) : undefined;
  };

  beforeAll(async () => {
    lab = await startScenarioLab({ git: true });
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('killed after the deploy step began: resume deploys 2026.11.1 and records the apply', async () => {
    const file = join(lab.dir, 'release.plan.json');
    expect((await lab.cli('plan', '--env', 'lab', '--release', RELEASE, '--out', file)).code).toBe(0);
    await lab.cli('lab', 'latency', 'rtt=150ms');
    const child = spawn(process.execPath, [CLI, '--repo', lab.dir, '--now', IN_WINDOW, 'apply', file, '--yes'], { env: { ...process.env, ...GIT_IDENTITY }, stdio: 'ignore' });
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 137)));
    let lines: string[] = [];
    for (let i = 0; i < 3000 && !lines.some((l) => l.includes('"type":"intent"')); i++) {
      const j = journal();
      lines = j ? readFileSync(j, 'utf8').split('\n').filter(Boolean) : [];
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    expect(await exited).not.toBe(0);
    await lab.cli('lab', 'latency', 'off');
    const killed = readFileSync(journal()!, 'utf8');
    expect(killed).toMatch(/"type":"intent"/);
    expect(killed).not.toMatch(/"type":"verified"/);
    expect(killed).not.toMatch(/"type":"finished"/);

    const r = await lab.cli('--now', IN_WINDOW, 'recover', '--env', 'lab', '--resume');
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const d = hall().deployments['sbf-hall'];
    expect(d?.version).toBe('2026.11.1');
    expect(d?.sourcePath).toBe('/weblogic/releases/hall/sbf-hall-2026.11.1.war');
    const after = await lab.cli('plan', '--env', 'lab', '--release', RELEASE, '--detailed-exitcode');
    expect(after.code, after.stdout).toBe(0);
    const log = execFileSync('git', ['log', '-1', '--format=%B'], { cwd: lab.dir, encoding: 'utf8' });
    expect(log).toMatch(new RegExp(`Opsctl-Release: ${RELEASE}`));
    expect(log).toMatch(/Opsctl-Outcome: succeeded/);
  }, 240_000);
});
