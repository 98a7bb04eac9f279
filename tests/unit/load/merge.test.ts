import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../../../src/load/merge.js';
import { loadRepository } from '../../../src/load/index.js';
import { brief, copyMiniRepo, edit, MINI_REPO, parseText, write } from './helpers.js';

function merge(base: string, overlay: string) {
  const b = parseText(`apiVersion: opsctl/v1\nkind: HostProfile\nname: p\n${base}`, 'desired-state/common/p.yaml').docs[0]!;
  const o = parseText(`apiVersion: opsctl/v1\nkind: HostProfile\nname: p\n${overlay}`, 'desired-state/prod/p.yaml').docs[0]!;
  return mergeDocuments('HostProfile', b, o);
}

describe('layering merge', () => {
  it('merges maps recursively and lets overlay scalars win', () => {
    const { value } = merge('tunables:\n  no: { a: 1, b: 2 }\n', 'tunables:\n  no: { b: 3 }\n  vmo: { c: 4 }\n');
    expect(value['tunables']).toEqual({ no: { a: 1, b: 3 }, vmo: { c: 4 } });
  });
  it('merges keyed arrays by identity key (mount for filesystems), keeps base order, appends new items', () => {
    const { value } = merge(
      'filesystems:\n  - { mount: /, warningPercent: 80, criticalPercent: 90 }\n  - { mount: /u01, warningPercent: 85, criticalPercent: 95 }\n',
      'filesystems:\n  - { mount: /u01, criticalPercent: 92 }\n  - { mount: /tmp, warningPercent: 70, criticalPercent: 80 }\n',
    );
    expect(value['filesystems']).toEqual([
      { mount: '/', warningPercent: 80, criticalPercent: 90 },
      { mount: '/u01', warningPercent: 85, criticalPercent: 92 },
      { mount: '/tmp', warningPercent: 70, criticalPercent: 80 },
    ]);
  });
  it('removes keyed items and map entries marked $delete, replaces maps marked $replace', () => {
    const { value } = merge(
      'appliesTo: { roles: [oracle], os: aix }\nfiles:\n  - { path: /etc/a, template: a.ejs, mode: "0644", owner: root, group: system }\n  - { path: /etc/b, template: b.ejs, mode: "0644", owner: root, group: system }\ntunables: { no: { a: 1 }, vmo: { b: 2 } }\n',
      'appliesTo: { $replace: true, hosts: [h1] }\nfiles:\n  - { path: /etc/a, $delete: true }\ntunables: { vmo: { $delete: true } }\n',
    );
    expect(value['appliesTo']).toEqual({ hosts: ['h1'] });
    expect(value['files']).toEqual([{ path: '/etc/b', template: 'b.ejs', mode: '0644', owner: 'root', group: 'system' }]);
    expect(value['tunables']).toEqual({ no: { a: 1 } });
  });
  it('replaces arrays of scalars', () => {
    const { value } = merge('appliesTo: { groups: [a, b] }\n', 'appliesTo: { groups: [c] }\n');
    expect(value['appliesTo']).toEqual({ groups: ['c'] });
  });
  it('points merged positions at the overlay node that last set each value', () => {
    const { pos } = merge('filesystems:\n  - { mount: /, warningPercent: 80, criticalPercent: 90 }\n', 'filesystems:\n  - { mount: /, criticalPercent: 95 }\n');
    expect(pos.get('/filesystems/0/criticalPercent')?.value).toEqual({ file: 'desired-state/prod/p.yaml', line: 5, column: 34 });
    expect(pos.get('/filesystems/0/warningPercent')?.value).toEqual({ file: 'desired-state/common/p.yaml', line: 5, column: 33 });
  });
  it('builds each environment from common plus its overlay (mini repository)', () => {
    const { model, diagnostics } = loadRepository(MINI_REPO);
    expect(diagnostics).toEqual([]);
    const prodHall = model.environments['prod']!.domains[0]!;
    expect(prodHall.servers.map((s) => [s.name, s.host, s.heap.maxMb])).toEqual([['hall1', 'hall-web-01', 4096], ['hall2', 'hall-web-02', 4096]]);
    expect(model.environments['pre']!.domains[0]!.servers.map((s) => [s.name, s.heap.maxMb])).toEqual([['hall1', 2048]]);
    expect(model.environments['pre']!.hostProfiles[0]!.files).toEqual([]);
    expect(model.environments['pre']!.hostProfiles[0]!.appliesTo).toEqual({ groups: ['hall'] });
    expect(model.environments['prod']!.hostProfiles[0]!.filesystems?.[1]).toEqual({ mount: '/u01', warningPercent: 85, criticalPercent: 92 });
    expect(model.sources['prod/weblogic:hall/server:hall2']).toEqual({ file: 'desired-state/prod/overlay.yaml', line: 5, column: 5 });
    expect(model.sources['pre/host:coredb-01']?.file).toBe('inventory/pre/hosts.yaml');
  });
  it('validates the merged result and reports at the overlay node', () => {
    const root = copyMiniRepo();
    edit(root, 'desired-state/prod/overlay.yaml', 'heap: { minMb: 4096, maxMb: 4096 }\n  - name: hall1', 'heap: { minMb: 4096, maxMb: 4096 }\n  - name: hall1\n    listenPort: seven');
    const { diagnostics } = loadRepository(root);
    expect(diagnostics.map(brief)).toEqual(['desired-state/prod/overlay.yaml:11:17: servers[1].listenPort: must be an integer, got "seven"']);
  });
  it('reports an overlay missing required keys only when the merged result lacks them', () => {
    const root = copyMiniRepo();
    edit(root, 'desired-state/prod/overlay.yaml', '  - name: hall2\n    host: hall-web-02\n', '  - name: hall2\n');
    const { diagnostics } = loadRepository(root);
    expect(diagnostics.map(brief)).toEqual(['desired-state/prod/overlay.yaml:5:5: servers[1]: missing required key "host"']);
  });

  it('a common document may leave required keys to the overlays; the merged result must have them', () => {
    const root = copyMiniRepo();
    // admin.host leaves common: prod sets it in its overlay, pre (overlay without the domain) does not yet.
    edit(root, 'desired-state/common/hall.yaml', '  serverName: AdminServer\n  host: hall-web-01\n', '  serverName: AdminServer\n');
    edit(root, 'desired-state/prod/overlay.yaml', 'name: hall\nservers:', 'name: hall\nadmin:\n  host: hall-web-01\nservers:');
    expect(loadRepository(root).diagnostics.map(brief)).toEqual([
      'desired-state/common/hall.yaml:8:3: admin: missing required key "host" in environment pre (set it here or in desired-state/pre/)',
    ]);
    write(root, 'desired-state/pre/hall.yaml', 'apiVersion: opsctl/v1\nkind: WeblogicDomain\nname: hall\nadmin: { host: hall-web-01 }\n');
    const { model, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    expect(model.environments['pre']!.domains[0]!.admin.host).toBe('hall-web-01');
    expect(model.sources['pre/weblogic:hall/server:hall1']?.file).toBe('desired-state/common/hall.yaml');
  });
  it('a common document as written still gets type, pattern and unknown-key errors, once, at the common file', () => {
    const root = copyMiniRepo();
    edit(root, 'desired-state/common/hall.yaml', '  port: 7001\n', '  port: seven\n  prot: 7001\n');
    expect(loadRepository(root).diagnostics.map(brief)).toEqual([
      'desired-state/common/hall.yaml:10:9: admin.port: must be an integer, got "seven"',
      'desired-state/common/hall.yaml:11:3: admin: unknown key "prot" (did you mean "port"?)',
    ]);
  });
  it('$delete and $replace stay overlay-only: in a common document they are unknown keys', () => {
    const root = copyMiniRepo();
    edit(root, 'desired-state/common/hall.yaml', '  port: 7001\n', '  port: 7001\n  $replace: true\n');
    expect(loadRepository(root).diagnostics.map(brief)).toEqual(['desired-state/common/hall.yaml:11:3: admin: unknown key "$replace"']);
  });
});
