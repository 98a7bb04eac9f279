// Running the lab: one SSH server per host and one REST server per 12.2.1.4 domain on loopback;
// a published `lab serve` is found by connectLab; a dead one is ignored; credentials are made once.
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectLab, endpointsPath, ensureLabSecrets, labEndpointsOf, openLabStore, portAnswers, publishLab, runningLab, startLab } from '../../../src/lab/index.js';
import { buildLabState } from '../../../src/lab/state/index.js';
import { miniEnv } from '../support/mini-env.js';

function labRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-run-'));
  openLabStore(root).replace(buildLabState(miniEnv(), { root, seed: 1, resetAt: new Date('2026-11-20T02:00:00Z'), render: () => 'x\n' }));
  return root;
}

describe('lab credentials', () => {
  it('creates an OpenSSH ed25519 key and passwords with mode 0600, once', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-lab-sec-'));
    const a = ensureLabSecrets(root);
    expect(readFileSync(a.privateKeyPath, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(a.publicKey).toMatch(/^ssh-ed25519 AAAA/);
    for (const f of ['.lab/keys/id_ed25519', '.lab/secrets/weblogic', '.lab/secrets/oracle', '.lab/secrets/ssh']) {
      expect(statSync(join(root, f)).mode & 0o777).toBe(0o600);
    }
    expect(a.weblogicPassword).toMatch(/^[A-Za-z0-9]{12,}$/);
    expect(ensureLabSecrets(root)).toEqual(a);
  });
});

describe('startLab / connectLab', () => {
  it('serves every host and REST domain on 127.0.0.1 and stops', async () => {
    const root = labRoot();
    const handle = await startLab({ root, store: openLabStore(root) });
    try {
      expect(Object.keys(handle.endpoints.ssh).sort()).toEqual(['core-db-01', 'hall-web-01', 'wls-admin-01']);
      expect(Object.keys(handle.endpoints.weblogic)).toEqual(['hall']);
      const e = labEndpointsOf(handle);
      expect(e.ssh('hall-web-01').address).toBe('127.0.0.1');
      expect(await portAnswers(e.ssh('hall-web-01').port)).toBe(true);
      expect(await portAnswers(e.weblogic('hall').port)).toBe(true);
      expect(() => e.weblogic('core')).toThrow(/no WebLogic REST domain "core"/);
    } finally {
      await handle.stop();
    }
    expect(await portAnswers(handle.endpoints.ssh['hall-web-01']!.port)).toBe(false);
  });

  it('uses a published lab while its process lives and its ports answer', async () => {
    const root = labRoot();
    const served = publishLab(root, await startLab({ root, store: openLabStore(root) }));
    try {
      expect((await runningLab(root))?.pid).toBe(process.pid);
      const client = await connectLab(root);
      expect(client.inProcess).toBe(false);
      expect(client.endpoints).toEqual(served.endpoints);
      await client.stop();
      expect(await portAnswers(served.endpoints.weblogic.hall!.port)).toBe(true);
    } finally {
      await served.stop();
    }
    expect(await runningLab(root)).toBeUndefined();
  });

  it('ignores an endpoints file of a dead process and starts the lab in-process', async () => {
    const root = labRoot();
    mkdirSync(join(root, '.lab'), { recursive: true });
    writeFileSync(endpointsPath(root), JSON.stringify({ pid: 999999, startedAt: '', endpoints: { ssh: { x: { address: '127.0.0.1', port: 1 } }, weblogic: {} } }));
    expect(await runningLab(root)).toBeUndefined();
    const handle = await connectLab(root);
    try {
      expect(handle.inProcess).toBe(true);
      expect(Object.keys(handle.endpoints.ssh)).toHaveLength(3);
    } finally {
      await handle.stop();
    }
  });
});
