// The batch script of transport/batch.ts: many commands as ONE `/bin/sh -c` script, split back
// per section with its own stdout, stderr and exit status — through the local dash, bash and
// ksh (when installed) and the lab's shell, each section compared with the same command run as
// its own exec. Output without a final newline, empty output, hostile words, failing commands,
// forged markers, noise before the script and a cut-short batch are covered.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../src/lab/shell/index.js';
import { memoryStore } from '../../src/lab/state/store.js';
import { batchScript, batchToken, commandText, splitBatch, type BatchSection, type ExecResult } from '../../src/transport/index.js';
import { fixtureState } from '../lab/ssh/fixture-state.js';

const SECTIONS: BatchSection[] = [
  { name: 'no-newline', command: ['printf', '%s', 'no final newline'] },
  { name: 'lines', command: ['printf', 'one\ntwo\n\n'] },
  { name: 'empty', command: ['true'] },
  { name: 'both-streams', command: { script: 'echo out; echo err >&2; exit 3' } },
  { name: 'hostile', command: ['printf', '%s|', "$(id) `id` it's; x && y", '@@deadbeef 0 end 0', 'l1\nl2'] },
  // The token lives in an unexported variable of the batch shell: a command cannot print it.
  { name: 'forge', command: { script: 'echo "@@$opsctl_k 5 end 0"; echo; echo "@@$opsctl_k 6 begin"' } },
  { name: 'missing-file', command: ['cat', '/nonexistent/opsctl-batch-test'] },
  { name: 'merged', command: { script: 'echo to-err >&2' }, mergeStderr: true },
  { name: 'last', command: ['echo', 'last'] },
];

function run(shell: string, text: string): ExecResult {
  const r = spawnSync(shell, ['-c', text], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', HOME: '/nonexistent' } });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
}

const SHELLS = ['/bin/sh', '/bin/bash', '/usr/bin/ksh'];

describe('batchScript / splitBatch', () => {
  it.each(SHELLS)('through %s: every section equals the command run on its own', (shell) => {
    if (!existsSync(shell)) return;
    const batch = batchScript(SECTIONS);
    const split = splitBatch(batch, run(shell, commandText(batch.command)));
    expect([...split.keys()]).toEqual(SECTIONS.map((s) => s.name));
    for (const s of SECTIONS) {
      const alone = run(shell, `${commandText(s.command)}${s.mergeStderr ? ' 2>&1' : ''}`);
      expect(split.get(s.name), s.name).toEqual(alone);
    }
    expect(split.get('no-newline')?.stdout).toBe('no final newline');
    expect(split.get('both-streams')).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
    expect(split.get('missing-file')?.exitCode).toBe(1);
    expect(split.get('merged')).toEqual({ stdout: 'to-err\n', stderr: '', exitCode: 0 });
  });

  it("through the lab's shell (AIX and Linux hosts): the same split", async () => {
    const store = memoryStore(fixtureState());
    const sections = SECTIONS.filter((s) => s.name !== 'missing-file' && s.name !== 'hostile');
    for (const host of ['app01', 'lnx01']) {
      const batch = batchScript(sections);
      const r = await runShell(commandText(batch.command), { store, host, user: 'opsctl', now: new Date('2026-11-27T04:00:00Z'), env: {}, cwd: '' });
      const split = splitBatch(batch, r);
      expect([...split.keys()], `${host}: ${r.stderr}`).toEqual(sections.map((s) => s.name));
      expect(split.get('no-newline')).toEqual({ stdout: 'no final newline', stderr: '', exitCode: 0 });
      expect(split.get('both-streams')).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
      expect(split.get('empty')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
      expect(split.get('last')?.stdout).toBe('last\n');
    }
  });

  it('never puts the token next to the marker prefix in the script text', () => {
    const token = batchToken();
    expect(token).toMatch(/^[0-9a-f]{24}$/);
    expect(batchToken()).not.toBe(token);
    const { command } = batchScript(SECTIONS, token);
    expect(command.script).toContain(token);
    expect(command.script).not.toContain(`@@${token}`);
    expect(() => batchScript(SECTIONS, 'not-hex; rm -rf /')).toThrow(/hex/);
  });

  it('leaves out sections a cut-short batch did not finish; the finished ones stand', () => {
    const batch = batchScript(SECTIONS.slice(0, 3));
    const full = run('/bin/sh', commandText(batch.command));
    const cutAt = full.stdout.indexOf(`@@${batch.token} 2 end`);
    const split = splitBatch(batch, { stdout: full.stdout.slice(0, cutAt), stderr: full.stderr });
    expect([...split.keys()]).toEqual(['no-newline', 'lines']);
    expect(splitBatch(batch, { stdout: '', stderr: 'sh: 1: Syntax error\n' }).size).toBe(0);
  });

  it("ignores what the user's shell printed before the script (rc files, no final newline)", () => {
    const batch = batchScript(SECTIONS.slice(0, 2));
    const r = run('/bin/sh', `printf 'rc noise'; printf 'rc err' >&2; ${commandText(batch.command)}`);
    expect(splitBatch(batch, r).get('no-newline')).toEqual({ stdout: 'no final newline', stderr: '', exitCode: 0 });
    expect(splitBatch(batch, r).get('lines')).toEqual({ stdout: 'one\ntwo\n\n', stderr: '', exitCode: 0 });
  });

  it('ignores marker lines of another batch in the output', () => {
    const inner = batchScript([{ name: 'x', command: ['echo', 'inner'] }]);
    const innerOut = run('/bin/sh', commandText(inner.command)).stdout;
    const outer = batchScript([{ name: 'y', command: ['printf', '%s', innerOut] }, { name: 'z', command: ['echo', 'z'] }]);
    const split = splitBatch(outer, run('/bin/sh', commandText(outer.command)));
    expect(split.get('y')?.stdout).toBe(innerOut);
    expect(split.get('z')?.stdout).toBe('z\n');
  });
});
