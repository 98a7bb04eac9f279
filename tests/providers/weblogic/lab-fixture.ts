// A lab for WebLogic-provider tests: a temp copy of the repository's YAML and templates, reset
// and served in this process on 127.0.0.1 (REST servers for hall/query, SSH for the WLST domains'
// admin host), with a ProviderContext built the way the CLI builds it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPlan, type Plan } from '../../../src/core/index.js';
import { createConnections, type Connections } from '../../../src/engine/connections.js';
import { applyScenario, clearScenarios, labEndpointsOf, resetLab, startLab, type FileLabStore, type LabHandle } from '../../../src/lab/index.js';
import { loadEnvironment } from '../../../src/load/index.js';
import type { EnvironmentModel } from '../../../src/model/index.js';
import type { Provider } from '../../../src/providers/provider.js';
import { createWeblogicProvider } from '../../../src/providers/weblogic/index.js';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const NOW = new Date('2026-11-28T14:00:00Z');

export interface WlsLab {
  root: string;
  env: EnvironmentModel;
  store: FileLabStore;
  handle: LabHandle;
  provider: Provider;
  conns: Connections;
  plan(only?: string[]): Promise<Plan>;
  scenario(name: string, target?: string): void;
  clear(): void;
  stop(): Promise<void>;
}

export async function startWlsLab(): Promise<WlsLab> {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-wls-'));
  for (const dir of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  const { store } = resetLab({ root, now: NOW });
  const { env } = loadEnvironment(root, 'lab');
  const handle = await startLab({ root, store, now: () => NOW });
  const conns = createConnections({ root, model: env, endpoints: labEndpointsOf(handle), now: () => NOW, concurrency: 16 });
  const provider = createWeblogicProvider(conns.context, { pollMs: 10, serverTimeoutMs: 2_000 });
  const lab: WlsLab = {
    root, env, store, handle, provider, conns,
    async plan(only) {
      const desired = provider.desired({ env: 'lab', model: env });
      const read = await provider.read({ env: 'lab', model: env, addresses: desired.resources.map((r) => r.address) });
      return buildPlan({ env: 'lab', createdAt: NOW.toISOString(), desired: desired.resources, live: read.reads, rules: { weblogic: provider.descriptor.types }, ...(only ? { only } : {}), diagnostics: read.diagnostics });
    },
    scenario(name, target) {
      store.update((s) => { applyScenario(s, name, { ...(target ? { target } : {}), env, now: NOW }); });
    },
    clear() {
      store.update((s) => { clearScenarios(s); });
    },
    async stop() {
      await conns.close();
      await handle.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return lab;
}
