/** A ProviderContext for engine tests: no sockets; every live call rejects (fakes never make them). */
import type { EnvironmentModel } from '../../src/model/model.js';
import type { ProviderContext } from '../../src/providers/context.js';

export function fakeContext(opts: { env?: string; root?: string; now?: Date } = {}): ProviderContext {
  const env = opts.env ?? 'lab';
  const model = { environment: { name: env }, hosts: [], groups: [], hostProfiles: [], domains: [], databases: [], configTables: [] } as unknown as EnvironmentModel;
  const refuse = (what: string) => () => Promise.reject(new Error(`fake context: no ${what}`));
  return {
    root: opts.root ?? '/nonexistent',
    env,
    model,
    hosts: { exec: refuse('ssh'), writeFile: refuse('sftp'), readFile: refuse('sftp') },
    weblogic: refuse('weblogic'),
    oracle: refuse('oracle'),
    secret: refuse('secrets'),
    concurrency: 4,
    now: () => opts.now ?? new Date('2026-03-10T14:00:00+08:00'),
  };
}
