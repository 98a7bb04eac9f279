// The file store: state set by one store instance (one command) is seen by the next; tables
// and every host live in their own files; an update writes only the hosts it touched; concurrent
// updates from two processes all land (none lost).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLabState, openLabStore, type LabState } from '../../../src/lab/state/index.js';
import { miniEnv } from '../support/mini-env.js';
import { transpileTo } from '../support/transpile.js';

function freshState(): LabState {
  return buildLabState(miniEnv(), { root: '/', seed: 1, resetAt: new Date('2026-11-20T02:00:00Z'), render: () => 'x\n' });
}

describe('openLabStore', () => {
  it('persists across store instances, with tables in a separate file', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const a = openLabStore(root);
    expect(a.exists()).toBe(false);
    expect(() => a.read()).toThrow(/lab reset/);
    a.replace(freshState());
    a.update((s) => {
      s.latency.roundTripMs = 20;
    });
    const b = openLabStore(root);
    expect(b.read().latency.roundTripMs).toBe(20);
    expect(b.read().databases.coredb!.tables['SBF.T_CODE_PARAM']!.rows).toHaveLength(2);
    const onDisk = JSON.parse(readFileSync(join(root, '.lab', 'state.json'), 'utf8')) as { databases: Record<string, { tables: object }>; tablesFile: string };
    expect(onDisk.databases.coredb!.tables).toEqual({});
    expect(existsSync(join(root, '.lab', onDisk.tablesFile))).toBe(true);

    b.update((s) => {
      s.databases.coredb!.tables['SBF.T_CODE_PARAM']!.rows.push({ PARAM_CODE: 'X', PARAM_VALUE: '1', NOTE: null });
    });
    expect(a.read().databases.coredb!.tables['SBF.T_CODE_PARAM']!.rows).toHaveLength(3);
    expect(readdirSync(join(root, '.lab')).filter((f) => f.startsWith('tables-'))).toHaveLength(1);
    expect(a.read().generation).toBe(b.read().generation);
  });

  it('keeps each host in its own file and writes only the hosts an update touched', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const a = openLabStore(root);
    a.replace(freshState());
    const names = Object.keys(a.read().hosts);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const [first, second] = names as [string, string];
    const hostFiles = () => (JSON.parse(readFileSync(join(root, '.lab', 'state.json'), 'utf8')) as { hostFiles: Record<string, string>; hosts: object }).hostFiles;
    const before = hostFiles();
    expect(Object.keys(before)).toEqual(names);
    expect(readdirSync(join(root, '.lab', 'hosts'))).toHaveLength(names.length);
    const third = names[2]!;
    const untouched = a.read().hosts[third];

    a.update((s) => {
      s.hosts[first]!.files['/tmp/x'] = { content: 'x\n', mode: '0644', owner: 'root', group: 'system', mtime: '2026-11-20T02:00:00Z' };
      expect(s.hosts[second]!.name).toBe(second); // read: copied (and written again, unchanged)
    });
    const after = hostFiles();
    expect(after[first]).not.toBe(before[first]);
    // A host the change never touched keeps its file and is the very same object, not a copy.
    expect(after[third]).toBe(before[third]);
    expect(a.read().hosts[third]).toBe(untouched);
    expect(readdirSync(join(root, '.lab', 'hosts'))).toHaveLength(names.length);

    const b = openLabStore(root);
    expect(b.read().hosts[first]!.files['/tmp/x']!.content).toBe('x\n');
    expect(Object.keys(b.read().hosts)).toEqual(names);

    // Adding and removing hosts; a change that replaces a host object outright.
    b.update((s) => {
      s.hosts.extra = { ...structuredClone(s.hosts[first]!), name: 'extra' };
      delete s.hosts[second];
    });
    expect(Object.keys(a.read().hosts)).toEqual([...names.filter((n) => n !== second), 'extra']);
    expect(Object.keys(hostFiles())).not.toContain(second);
    expect(readdirSync(join(root, '.lab', 'hosts'))).toHaveLength(names.length);
  });

  it('a reader in another store re-reads only the hosts that changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const a = openLabStore(root);
    a.replace(freshState());
    const b = openLabStore(root);
    const [first, second] = Object.keys(b.read().hosts) as [string, string];
    const held = b.read().hosts[second];
    a.update((s) => {
      s.hosts[first]!.uptimeSeconds += 1;
    });
    expect(b.read().hosts[first]!.uptimeSeconds).toBe(a.read().hosts[first]!.uptimeSeconds);
    expect(b.read().hosts[second]).toBe(held);
  });

  it('reads a state.json of the earlier layout (hosts inline) and splits it on the next write', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    mkdirSync(join(root, '.lab'), { recursive: true });
    const state = freshState();
    writeFileSync(join(root, '.lab', 'state.json'), JSON.stringify(state));
    const store = openLabStore(root);
    expect(Object.keys(store.read().hosts)).toEqual(Object.keys(state.hosts));
    store.update((s) => {
      s.latency.commandMs = 7;
    });
    expect(readdirSync(join(root, '.lab', 'hosts'))).toHaveLength(Object.keys(state.hosts).length);
    expect(openLabStore(root).read().hosts).toEqual(state.hosts);
  });

  it('returns the cached state while the file is unchanged, and does not write when a change throws', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const store = openLabStore(root);
    store.replace(freshState());
    const first = store.read();
    expect(store.read()).toBe(first);
    expect(() => store.update(() => {
      throw new Error('boom');
    })).toThrow('boom');
    expect(store.read()).toBe(first);
    expect(existsSync(join(root, '.lab', 'state.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a dead process', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const store = openLabStore(root, { lockTimeoutMs: 2000 });
    store.replace(freshState());
    writeFileSync(join(root, '.lab', 'state.lock'), '999999\n');
    store.update((s) => {
      s.latency.commandMs = 5;
    });
    expect(store.read().latency.commandMs).toBe(5);
  });

  it('loses no update when two processes write at once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-store-'));
    const lib = join(root, 'lib');
    const here = resolve(import.meta.dirname, '../../../src/lab/state');
    transpileTo(lib, [join(here, 'file-store.ts'), join(here, 'lock.ts')]);
    const store = openLabStore(root);
    store.replace(freshState());
    const start = store.read().generation;
    const script = join(lib, 'child.mjs');
    writeFileSync(script, `
      import { openLabStore } from './file-store.js';
      const store = openLabStore(process.argv[2]);
      for (let i = 0; i < 150; i++) {
        store.update((s) => { s.latency.roundTripMs += 1; s.drifts.push({ name: 'n', target: process.argv[3] + i, since: '' }); });
        store.read();
      }
    `);
    const run = (id: string) => new Promise<number>((done, fail) => {
      const child = spawn(process.execPath, [script, root, id], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done(code) : fail(new Error(`child ${id} exited ${code}: ${err}`))));
    });
    await Promise.all([run('a'), run('b')]);
    const after = openLabStore(root).read();
    expect(after.latency.roundTripMs).toBe(300);
    expect(after.drifts).toHaveLength(300);
    expect(after.generation).toBe(start + 300);
    expect(after.databases.coredb!.tables['SBF.T_CODE_PARAM']!.rows).toHaveLength(2);
  });
});
