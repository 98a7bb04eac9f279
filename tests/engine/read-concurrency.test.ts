/**
 * Read concurrency (docs/transports.md, "Read concurrency"): `--concurrency` › the environment's
 * `ssh.concurrency` › DEFAULT_CONCURRENCY (64), and the CLI's parsing of the option.
 */
import { describe, expect, it } from 'vitest';
import { parseConcurrency } from '../../src/cli/concurrency.js';
import { createConnections } from '../../src/engine/connections.js';
import type { EnvironmentModel } from '../../src/model/index.js';
import { DEFAULT_CONCURRENCY, type SshPool } from '../../src/transport/index.js';
import { miniEnv } from '../lab/support/mini-env.js';

const pool: SshPool = {
  exec: () => Promise.reject(new Error('no SSH in this test')),
  execOk: () => Promise.reject(new Error('no SSH in this test')),
  writeFile: () => Promise.reject(new Error('no SSH in this test')),
  readFile: () => Promise.reject(new Error('no SSH in this test')),
  openConnections: 0,
  close: async () => {},
};

const withSsh = (ssh: NonNullable<EnvironmentModel['environment']['ssh']>): EnvironmentModel => {
  const env = miniEnv();
  return { ...env, environment: { ...env.environment, ssh } };
};

describe('read concurrency', () => {
  it('defaults to 64 hosts at once', () => {
    expect(DEFAULT_CONCURRENCY).toBe(64);
    expect(createConnections({ root: '/', model: miniEnv(), pool }).context.concurrency).toBe(64);
  });

  it('takes the environment\'s ssh.concurrency, and an explicit value (--concurrency) over it', () => {
    expect(createConnections({ root: '/', model: withSsh({ concurrency: 200 }), pool }).context.concurrency).toBe(200);
    expect(createConnections({ root: '/', model: withSsh({ concurrency: 200 }), pool, concurrency: 8 }).context.concurrency).toBe(8);
  });

  it('--concurrency takes an integer from 1 to 1024', () => {
    expect(parseConcurrency('1')).toBe(1);
    expect(parseConcurrency('128')).toBe(128);
    expect(parseConcurrency('1024')).toBe(1024);
    for (const bad of ['0', '1025', '-4', '2.5', 'many', '', '1e3']) expect(() => parseConcurrency(bad)).toThrow(/--concurrency must be an integer from 1 to 1024/);
  });
});
