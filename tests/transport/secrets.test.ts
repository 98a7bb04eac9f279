// Secrets: a resolved value never prints; references resolve from env, files, the store and the
// agent; world-readable files are refused; errors name the reference, never the value.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Secret, SecretUnavailableError, resolveSecret, secretStoreDir } from '../../src/transport/index.js';

const CANARY = 'canary-Pa55w0rd-社保';
const dir = mkdtempSync(join(tmpdir(), 'opsctl-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Secret', () => {
  it('never reveals its value by accident', () => {
    const s = new Secret(CANARY, 'env:X');
    const printed = [String(s), `${s}`, s + '', JSON.stringify({ s }), JSON.stringify([s]), inspect(s), inspect({ nested: { s } }, { depth: 10, showHidden: true }), s.toString()];
    for (const p of printed) expect(p).not.toContain(CANARY);
    expect(String(s)).toBe('[secret]');
    expect(JSON.stringify({ s })).toBe('{"s":"[secret]"}');
    expect(Object.keys(s)).not.toContain('value');
    expect(s.reveal()).toBe(CANARY);
  });
});

describe('resolveSecret', () => {
  const env = { PW: CANARY, SSH_AUTH_SOCK: '/tmp/agent.sock', OPSCTL_SECRET_STORE: join(dir, 'store') };

  it('resolves env: references', async () => {
    expect((await resolveSecret('env:PW', { root: dir, env })).reveal()).toBe(CANARY);
    const e = await resolveSecret('env:MISSING', { root: dir, env }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SecretUnavailableError);
    expect(e).toMatchObject({ ref: 'env:MISSING' });
  });

  it('resolves file: references relative to the root and strips one trailing newline', async () => {
    writeFileSync(join(dir, 'pw.txt'), `${CANARY}\n`, { mode: 0o600 });
    expect((await resolveSecret('file:pw.txt', { root: dir, env })).reveal()).toBe(CANARY);
    expect((await resolveSecret(`file:${join(dir, 'pw.txt')}`, { root: '/', env })).reveal()).toBe(CANARY);
  });

  it('refuses a world-readable file without printing its content', async () => {
    writeFileSync(join(dir, 'open.txt'), CANARY, { mode: 0o644 });
    const e = await resolveSecret('file:open.txt', { root: dir, env }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SecretUnavailableError);
    expect((e as Error).message).toMatch(/world-readable.*chmod 600/);
    expect((e as Error).message).not.toContain(CANARY);
  });

  it('reports a missing file by reference', async () => {
    await expect(resolveSecret('file:nope', { root: dir, env })).rejects.toThrow(/file:nope: cannot read .*ENOENT/);
  });

  it('resolves store: references inside the store only', async () => {
    mkdirSync(join(dir, 'store', 'prod'), { recursive: true });
    writeFileSync(join(dir, 'store', 'prod', 'weblogic'), CANARY, { mode: 0o600 });
    expect((await resolveSecret('store:prod/weblogic', { root: '/', env })).reveal()).toBe(CANARY);
    await expect(resolveSecret('store:../pw.txt', { root: '/', env })).rejects.toThrow(/inside the store/);
    expect(secretStoreDir({ HOME: '/home/ops' })).toBe('/home/ops/.opsctl/secrets');
  });

  it('resolves ssh-agent to the agent socket', async () => {
    const s = await resolveSecret('ssh-agent', { root: dir, env });
    expect(s.kind).toBe('agent-socket');
    expect(s.reveal()).toBe('/tmp/agent.sock');
    await expect(resolveSecret('ssh-agent', { root: dir, env: {} })).rejects.toThrow(/SSH_AUTH_SOCK/);
  });

  it('refuses anything that is not a reference', async () => {
    await expect(resolveSecret('hunter2', { root: dir, env })).rejects.toThrow(SecretUnavailableError);
  });
});
