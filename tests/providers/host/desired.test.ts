// desired() on the real `lab` environment: every one of the 39 hosts gets its tunables, files and
// cron entries, and the effective profiles agree with the lab's own effectiveHostConfig, so a
// reset lab (built from that function) and the provider describe the same estate.
import { describe, expect, it } from 'vitest';
import { effectiveHostConfig } from '../../../src/lab/state/profiles.js';
import { loadEnvironment } from '../../../src/load/index.js';
import { createHostProvider, effectiveHost } from '../../../src/providers/host/index.js';
import type { ProviderContext } from '../../../src/providers/context.js';
import { REPO } from './lab-fixture.js';

const { env } = loadEnvironment(REPO, 'lab');
const ctx = { root: REPO, env: 'lab', model: env } as unknown as ProviderContext;
const provider = createHostProvider(ctx);
const out = provider.desired({ env: 'lab', model: env });
const byAddress = new Map(out.resources.map((r) => [r.address as string, r]));

describe('host desired state of the lab environment', () => {
  it('covers all 39 hosts without diagnostics', () => {
    expect(out.diagnostics).toEqual([]);
    const hosts = new Set(out.resources.map((r) => r.address.split('/')[1]));
    expect(env.hosts).toHaveLength(39);
    expect(hosts.size).toBe(39);
  });

  it('gives tunables as strings, later profiles overriding earlier ones', () => {
    expect(byAddress.get('lab/host:hall-web-01/tunable:no.tcp_sendspace')).toMatchObject({ system: 'host', type: 'tunable', attributes: { value: '262144' } });
    expect(byAddress.get('lab/host:hall-web-01/tunable:no.sb_max')?.attributes).toEqual({ value: '1048576' });
    const db = env.hosts.find((h) => h.roles.includes('oracle'))!.name;
    expect(byAddress.get(`lab/host:${db}/tunable:no.sb_max`)?.attributes).toEqual({ value: '4194304' });
    expect(byAddress.get('lab/host:hall-web-01/tunable:sys0.maxuproc')?.attributes).toEqual({ value: '16384' });
  });

  it('gives a reboot tunable a host restart group', () => {
    const db = env.hosts.find((h) => h.roles.includes('oracle'))!.name;
    expect(byAddress.get(`lab/host:${db}/tunable:no.ipqmaxlen`)?.restartGroups).toEqual([{ kind: 'host', group: `lab/host:${db}`, members: [`lab/host:${db}`], size: 1 }]);
  });

  it('keeps file paths in the address and only a digest of the content in attributes', () => {
    const motd = byAddress.get('lab/host:hall-web-01/file:/etc/motd');
    expect(motd?.attributes).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mode: '0644', owner: 'root', group: 'system' });
    const overrides = byAddress.get('lab/host:hall-web-01/file:/weblogic/domains/hall_domain/bin/setUserOverrides.sh');
    expect(overrides?.attributes['mode']).toBe('0750');
    expect(overrides?.restartGroups?.[0]).toMatchObject({ kind: 'cluster', group: 'lab/weblogic:hall/cluster:HallCluster' });
    expect(overrides?.restartGroups?.[0]?.members.every((m) => m.startsWith('lab/weblogic:hall/server:'))).toBe(true);
  });

  it('gives cron entries as user, schedule and command', () => {
    expect(byAddress.get('lab/host:hall-web-01/cron:skulker')?.attributes).toEqual({ user: 'root', schedule: '0 3 * * *', command: '/usr/sbin/skulker >/dev/null 2>&1' });
  });

  it('agrees with the lab on every host', () => {
    for (const host of env.hosts) {
      const lab = effectiveHostConfig(env, host);
      const mine = effectiveHost(env, host);
      for (const table of ['no', 'vmo', 'ioo', 'sys0', 'sysctl'] as const) {
        expect(Object.fromEntries(Object.entries(mine.tunables[table]).map(([k, v]) => [k, v.value]))).toEqual(lab.tunables[table]);
      }
      expect(mine.files.map((f) => f.value)).toEqual(lab.files);
      expect(mine.cron.map((c) => c.value)).toEqual(lab.cron);
    }
  });
});

describe('adopt', () => {
  it('writes a live tunable, cron entry or file mode into the host-specific profile host-<name>', () => {
    const read = (address: string, type: string, attributes: Record<string, string>) => ({ address: address as never, status: 'present' as const, type, attributes, fingerprint: 'x' });
    expect(provider.adopt(read('lab/host:hall-web-01/tunable:no.tcp_sendspace', 'tunable', { value: '524288' }), byAddress.get('lab/host:hall-web-01/tunable:no.tcp_sendspace'))).toEqual([
      { env: 'lab', kind: 'HostProfile', name: 'host-hall-web-01', path: ['appliesTo', 'hosts'], value: ['hall-web-01'] },
      { env: 'lab', kind: 'HostProfile', name: 'host-hall-web-01', path: ['tunables', 'no', 'tcp_sendspace'], value: 524288 },
    ]);
    const cron = { user: 'root', schedule: '30 4 * * *', command: '/usr/sbin/skulker' };
    expect(provider.adopt(read('lab/host:hall-web-01/cron:skulker', 'cron', cron), undefined)[1]).toMatchObject({ path: ['cron', { key: 'name', value: 'skulker' }], value: { name: 'skulker', ...cron } });
    const motd = byAddress.get('lab/host:hall-web-01/file:/etc/motd')!;
    const live = { ...(motd.attributes as Record<string, string>), mode: '0600' };
    expect(provider.adopt(read(motd.address, 'file', live), motd)[1]).toMatchObject({ path: ['files', { key: 'path', value: '/etc/motd' }], value: { path: '/etc/motd', template: 'aix/motd.ejs', mode: '0600' } });
    expect(provider.adopt(read(motd.address, 'file', { ...live, sha256: 'f'.repeat(64) }), motd)).toEqual([]);
  });
});
