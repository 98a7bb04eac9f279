/**
 * The two-place lock: two working copies (two roots) share one target; the second is refused by
 * the target lease (mkdir-based) although its own working copy is free. A fake HostRunner gives
 * mkdir/mv/rm and files the POSIX semantics the lock relies on.
 */
import { describe, expect, it } from 'vitest';
import type { HostRunner } from '../../../src/providers/context.js';
import { createLocker, decideTakeOver, sshRemoteLock } from '../../../src/engine/lock/index.js';
import { now, tmpRoot } from './fixture.js';

function fakeHost(): HostRunner {
  const dirs = new Set<string>(['/var', '/var/opt']);
  const files = new Map<string, string>();
  const code = (ok: boolean) => ({ stdout: '', stderr: ok ? '' : 'exists', exitCode: ok ? 0 : 1 });
  return {
    async exec(_h, cmd) {
      const [c, a = '', b = ''] = cmd as string[];
      if (c === 'mkdir' && a === '-p') return code(dirs.add(b) !== undefined);
      if (c === 'mkdir') return code(!dirs.has(a) && !!dirs.add(a));
      if (c === 'mv') {
        if (!dirs.has(a)) return code(false);
        dirs.delete(a); dirs.add(b);
        for (const [k, v] of [...files]) if (k.startsWith(`${a}/`)) { files.delete(k); files.set(b + k.slice(a.length), v); }
        return code(true);
      }
      if (c === 'rm') { dirs.delete(b); for (const k of [...files.keys()]) if (k.startsWith(`${b}/`)) files.delete(k); return code(true); }
      return code(false);
    },
    async writeFile(_h, path, content) { files.set(path, content.toString()); },
    async readFile(_h, path) { const v = files.get(path); if (v === undefined) throw new Error('ENOENT'); return v; },
  };
}

describe('lock', () => {
  it('a second clone is refused by the target lease; release frees it', async () => {
    const host = fakeHost();
    const remote = sshRemoteLock(host, 'wls-admin-01', 'lab');
    const a = await createLocker({ root: tmpRoot(), env: 'lab', now, remote }).acquire({ applyId: 'a', purpose: 'apply', takeOver: false });
    expect(a.ok).toBe(true);
    const b = await createLocker({ root: tmpRoot(), env: 'lab', now, remote }).acquire({ applyId: 'b', purpose: 'apply', takeOver: true });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.where).toBe('wls-admin-01:/var/opt/opsctl/lock-lab.d');
    if (a.ok) {
      expect(await a.held.heartbeat()).toBe(true);
      await a.held.release();
    }
    expect((await createLocker({ root: tmpRoot(), env: 'lab', now, remote }).acquire({ applyId: 'c', purpose: 'apply', takeOver: false })).ok).toBe(true);
  });

  it('take-over policy: apply needs --take-over and a stale lease; recover takes a stale one by itself', () => {
    const at = new Date('2026-11-28T22:00:00+08:00');
    const expired = { owner: 'ops@h pid 1', applyId: 'x', expiresAt: '2026-11-28T21:00:00+08:00', host: 'other', pid: 1 };
    const live = { ...expired, expiresAt: '2026-11-28T23:00:00+08:00' };
    const base = { now: at, host: 'me' };
    expect(decideTakeOver({ ...base, holder: expired, purpose: 'apply', takeOver: false }).take).toBe(false);
    expect(decideTakeOver({ ...base, holder: expired, purpose: 'apply', takeOver: true }).take).toBe(true);
    expect(decideTakeOver({ ...base, holder: live, purpose: 'apply', takeOver: true }).take).toBe(false);
    expect(decideTakeOver({ ...base, holder: expired, purpose: 'recover', takeOver: false }).take).toBe(true);
    expect(decideTakeOver({ ...base, holder: live, purpose: 'recover', takeOver: false }).take).toBe(false);
    expect(decideTakeOver({ ...base, holder: live, purpose: 'recover', takeOver: true }).take).toBe(true);
  });
});
