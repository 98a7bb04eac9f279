/**
 * discover/live on a copy of the real repository: edits land in the environment overlay with
 * comments and order kept, a missing overlay document is created with only the edited keys,
 * the merged model then holds the adopted values, backups are never overwritten, and secret
 * values are refused.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/core/index.js';
import { adoptLive, patchesFor, unifiedDiff, writePatches } from '../../src/discover/live/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import type { YamlEdit } from '../../src/providers/provider.js';
import { fakeProvider, present } from '../fakes/provider.js';

const ROOT = join(import.meta.dirname, '../..');

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-discover-'));
  for (const sub of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(ROOT, sub), join(dir, sub), { recursive: true });
  return dir;
}

const capacity: YamlEdit = { env: 'lab', kind: 'WeblogicDomain', name: 'hall', path: ['dataSources', { key: 'name', value: 'CoreDS' }, 'maxCapacity'], value: 75 };
const cursors: YamlEdit = { env: 'lab', kind: 'OracleDatabase', name: 'coredb', path: ['initParameters', 'open_cursors'], value: 500 };

describe('discover/live', () => {
  it('edits the overlay in place: only the edited lines change, comments kept; the merged model holds the value', () => {
    const dir = copy();
    const [patch] = patchesFor(dir, [capacity]);
    expect(patch!.rel).toBe('desired-state/lab/weblogic/hall.yaml');
    const diff = unifiedDiff(patch!.rel, patch!.before, patch!.after);
    expect(diff.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual(['+    maxCapacity: 75']);
    expect(patch!.after.startsWith(patch!.before!.split('\n')[0]!)).toBe(true);
    writePatches([patch!]);
    const hall = loadEnvironment(dir, 'lab').env.domains.find((d) => d.name === 'hall')!;
    expect(hall.dataSources?.find((d) => d.name === 'CoreDS')?.maxCapacity).toBe(75);
    expect(hall.dataSources?.find((d) => d.name === 'CoreDS')?.jndiName).toBe('jdbc/sbf/core');
  });

  it('creates a missing overlay document with apiVersion/kind/name and only the edited keys', () => {
    const dir = copy();
    const edit: YamlEdit = { env: 'lab', kind: 'ConfigTable', name: loadEnvironment(dir, 'lab').env.configTables[0]!.name, path: ['description'], value: 'adopted' };
    const [patch] = patchesFor(dir, [edit]);
    expect(patch!.before).toBeUndefined();
    expect(patch!.rel.startsWith('desired-state/lab/config-tables/')).toBe(true);
    expect(patch!.after).toContain('apiVersion: opsctl/v1\nkind: ConfigTable\n');
    expect(patch!.after).toContain('description: adopted');
    expect(patch!.created).toEqual([`ConfigTable/${edit.name}`]);
  });

  it('backs up every changed file, never overwriting an older backup', () => {
    const dir = copy();
    writePatches(patchesFor(dir, [capacity, cursors]));
    writePatches(patchesFor(dir, [{ ...capacity, value: 60 }]));
    const hall = join(dir, 'desired-state/lab/weblogic/hall.yaml');
    expect(existsSync(`${hall}.bak`)).toBe(true);
    expect(existsSync(`${hall}.bak.1`)).toBe(true);
    expect(readFileSync(`${hall}.bak`, 'utf8')).not.toContain('maxCapacity: 75');
    expect(readFileSync(`${hall}.bak.1`, 'utf8')).toContain('maxCapacity: 75');
    expect(existsSync(join(dir, 'desired-state/lab/oracle/coredb.yaml.bak'))).toBe(true);
    expect(loadEnvironment(dir, 'lab').env.databases.find((d) => d.name === 'coredb')!.initParameters!['open_cursors']).toBe(500);
  });

  it('asks the provider of each changed address for edits, and refuses secret values', () => {
    const read = present('lab/weblogic:hall/datasource:CoreDS', { maxCapacity: 75 });
    const weblogic = fakeProvider({ system: 'weblogic', live: [read], adopt: () => [capacity, { ...capacity, path: ['dataSources', { key: 'name', value: 'CoreDS' }, 'password'], value: 's3cret' }] });
    const change = { address: read.address, system: 'weblogic', type: 'datasource', action: 'update' } as Change;
    const noop = { ...change, address: 'lab/weblogic:hall/datasource:FrontDS', action: 'noop' } as Change;
    const result = adoptLive({ changes: [change, noop], live: [read], desired: [], providers: [weblogic] });
    expect(weblogic.calls.adopt).toHaveLength(1);
    expect(result.edits).toEqual([capacity]);
    expect(result.skipped).toEqual([{ address: read.address, reason: expect.stringContaining('looks like a secret') }]);
  });
});
