// The Linux read path against a real OpenSSH server on 127.0.0.1 (tests/support/openssh.ts): a
// hand-made environment with one linux host pinned to the server's host key reads sysctl values
// (the kernel's own, tab-separated tuples included) and managed files through the real /bin/sh,
// sha256sum and ls; a missing managed file is planned as a create, and applying it writes the
// file by SFTP + mv and reads back equal. The whole read of the host is one exec (one batch
// script); a section that fails is unknown naming host and command while the rest is read.
// Skipped locally when sshd is missing; fails in CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnections, type Connections } from '../../../src/engine/connections.js';
import type { EnvironmentModel } from '../../../src/model/index.js';
import { createHostProvider, type HostProvider } from '../../../src/providers/host/index.js';
import { renderTemplate, templateVarsFor } from '../../../src/template/index.js';
import { opensshSkip, startOpenSsh, type OpenSsh } from '../../support/openssh.js';
import { execCounter } from './exec-counter.js';
import { changed, planHosts } from './plan-helpers.js';

describe.skipIf(opensshSkip())('host provider reads a real OpenSSH server (Linux)', () => {
  let sshd: OpenSsh;
  let root: string;
  let conns: Connections;
  let provider: HostProvider;
  let model: EnvironmentModel;
  const kernel = (key: string): string => readFileSync(`/proc/sys/${key.replace(/\./g, '/')}`, 'utf8').trim().replace(/\s+/g, ' ');

  beforeAll(async () => {
    sshd = await startOpenSsh();
    root = mkdtempSync(join(tmpdir(), 'opsctl-host-linux-'));
    mkdirSync(join(root, 'templates', 'linux'), { recursive: true });
    writeFileSync(join(root, 'templates', 'linux', 'motd.ejs'), '<%= host.name %> (<%= environment %>): <%= banner %>\n');
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    const file = (path: string) => ({ path, template: 'linux/motd.ejs', vars: { banner: '社保费 test' }, mode: '0640', owner: sshd.user, group });
    model = {
      environment: { apiVersion: 'opsctl/v1', kind: 'Environment', name: 'linuxlab', title: 'Linux', tier: 'lab', windows: 'w', calendar: 'c' },
      hosts: [{ name: 'linux01', address: '127.0.0.1', port: sshd.port, os: 'linux', roles: ['ops'], zone: 'loopback', ssh: { user: sshd.user, credential: `file:${sshd.keyPath}`, hostKey: sshd.hostKeyFingerprint } }],
      groups: [],
      hostProfiles: [{
        apiVersion: 'opsctl/v1', kind: 'HostProfile', name: 'linux-base', appliesTo: { os: 'linux' },
        tunables: { sysctl: { 'kernel.ostype': kernel('kernel.ostype'), 'net.ipv4.ip_local_port_range': kernel('net.ipv4.ip_local_port_range') } },
        files: [file(join(root, 'etc', 'motd')), file(join(root, 'etc', 'missing.conf'))],
      }],
      domains: [], databases: [], configTables: [],
    } as unknown as EnvironmentModel;
    const motd = model.hostProfiles[0]!.files![0]!;
    mkdirSync(join(root, 'etc'));
    writeFileSync(motd.path, renderTemplate(root, motd.template, templateVarsFor('linuxlab', model.hosts[0]!, motd)), { mode: 0o640 });
    conns = createConnections({ root, model });
    provider = createHostProvider(conns.context);
  });

  afterAll(async () => {
    await conns?.close();
    await sshd?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('reads sysctl values and a managed file equal to desired; a missing file is a create', async () => {
    const plan = await planHosts(provider, 'linuxlab', model);
    expect(plan.unknown).toEqual([]);
    expect(plan.changes.find((c) => c.address === 'linuxlab/host:linux01/tunable:sysctl.kernel.ostype')?.action).toBe('noop');
    expect(plan.changes.find((c) => c.address === 'linuxlab/host:linux01/tunable:sysctl.net.ipv4.ip_local_port_range')?.action).toBe('noop');
    expect(plan.changes.find((c) => c.address === `linuxlab/host:linux01/file:${root}/etc/motd`)?.action).toBe('noop');
    expect(changed(plan).map((c) => [c.address, c.action])).toEqual([[`linuxlab/host:linux01/file:${root}/etc/missing.conf`, 'create']]);
  });

  it('reads the live attributes it compared', async () => {
    const r = await provider.read({ env: 'linuxlab', model, addresses: [`linuxlab/host:linux01/file:${root}/etc/motd`, 'linuxlab/host:linux01/tunable:sysctl.kernel.ostype'] as never });
    expect(r.reads.map((x) => x.attributes)).toEqual([
      { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mode: '0640', owner: sshd.user, group: expect.any(String) },
      { value: 'Linux' },
    ]);
  });

  it('reads the host in ONE exec; a failing section (no `no` on Linux) is unknown naming host and command, the rest is read', async () => {
    const counter = execCounter();
    const counted = createConnections({ root, model, poolOptions: { connect: counter.connect } });
    try {
      const addresses = [...provider.desired({ env: 'linuxlab', model }).resources.map((r) => r.address), 'linuxlab/host:linux01/tunable:no.tcp_sendspace'];
      const r = await createHostProvider(counted.context).read({ env: 'linuxlab', model, addresses: addresses as never });
      expect(counter.connections.map((c) => c.length)).toEqual([1]);
      expect(counter.connections[0]?.[0]).toMatch(/^\/bin\/sh -c /);
      const byAddress = new Map(r.reads.map((x) => [x.address as string, x]));
      const no = byAddress.get('linuxlab/host:linux01/tunable:no.tcp_sendspace');
      expect(no?.status).toBe('unknown');
      expect(no?.reason).toMatch(/^no -a on linux01 exited 127: .*not found/);
      expect(byAddress.get('linuxlab/host:linux01/tunable:sysctl.kernel.ostype')).toMatchObject({ status: 'present', attributes: { value: 'Linux' } });
      expect(byAddress.get(`linuxlab/host:linux01/file:${root}/etc/motd`)?.status).toBe('present');
      expect(byAddress.get(`linuxlab/host:linux01/file:${root}/etc/missing.conf`)?.status).toBe('absent');
      expect(r.reads.filter((x) => x.status === 'unknown')).toHaveLength(1);
    } finally {
      await counted.close();
    }
  });

  it('creates the missing file by SFTP and mv, then reads equal to desired', async () => {
    const plan = await planHosts(provider, 'linuxlab', model);
    const step = plan.steps[0]!;
    const req = { env: 'linuxlab', model, step, fingerprints: {} };
    expect((await provider.prepareInverse(req)).inverse).toEqual({ action: 'delete', attributes: {} });
    const res = await provider.apply(req);
    expect(res.outcome, res.message).toBe('applied');
    expect(await provider.verify(req)).toMatchObject({ status: 'healthy' });
    expect(readFileSync(join(root, 'etc', 'missing.conf'), 'utf8')).toBe('linux01 (linuxlab): 社保费 test\n');
    expect(statSync(join(root, 'etc', 'missing.conf')).mode & 0o7777).toBe(0o640);
    expect(changed(await planHosts(provider, 'linuxlab', model))).toEqual([]);
  });
});
