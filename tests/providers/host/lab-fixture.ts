// A lab for host-provider tests: a temp copy of the repository's YAML and templates, reset and
// served in this process on 127.0.0.1, with a ProviderContext built the way the CLI builds it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnections, type Connections } from '../../../src/engine/connections.js';
import { labEndpointsOf, resetLab, startLab, type FileLabStore, type LabHandle } from '../../../src/lab/index.js';
import { loadEnvironment } from '../../../src/load/index.js';
import type { EnvironmentModel } from '../../../src/model/index.js';
import type { ProviderContext } from '../../../src/providers/context.js';
import { createHostProvider, type HostProvider } from '../../../src/providers/host/index.js';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const NOW = new Date('2026-11-28T14:00:00Z');

export interface HostLab {
  root: string;
  env: EnvironmentModel;
  store: FileLabStore;
  handle: LabHandle;
  ctx: ProviderContext;
  provider: HostProvider;
  conns: Connections;
  stop(): Promise<void>;
}

export function copyRepo(prefix = 'opsctl-host-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  return root;
}

export async function startHostLab(): Promise<HostLab> {
  const root = copyRepo();
  const { store } = resetLab({ root, now: NOW });
  const { env } = loadEnvironment(root, 'lab');
  const handle = await startLab({ root, store, now: () => NOW });
  const conns = createConnections({ root, model: env, endpoints: labEndpointsOf(handle), now: () => NOW, concurrency: 16 });
  const provider = createHostProvider(conns.context);
  return {
    root,
    env,
    store,
    handle,
    ctx: conns.context,
    provider,
    conns,
    async stop() {
      await conns.close();
      await handle.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
