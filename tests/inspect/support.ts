// A fresh lab in a temp copy of the repository, connected through the real transports
// (createConnections with the lab's loopback endpoints), for inspection scenario tests.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnections, type Connections } from '../../src/engine/connections.js';
import { applyScenario, connectLab, labEndpointsOf, resetLab, type FileLabStore, type LabHandle } from '../../src/lab/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import type { EnvironmentModel, InspectionPlaybook } from '../../src/model/index.js';

export const REPO = join(import.meta.dirname, '..', '..');
/** The lab's clock for these tests: inside 2026-11, so the generated business data is recent. */
export const NOW = new Date('2026-11-24T07:30:00+08:00');

export interface LabRepo {
  root: string;
  store: FileLabStore;
  env: EnvironmentModel;
  playbooks: InspectionPlaybook[];
  connect(): Promise<{ conn: Connections; lab: LabHandle; close(): Promise<void> }>;
  scenario(name: string, target?: string): void;
  remove(): void;
}

export function labRepo(now: Date = NOW): LabRepo {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-inspect-'));
  for (const d of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(REPO, d), join(root, d), { recursive: true });
  const { store } = resetLab({ root, now });
  const loaded = loadEnvironment(root, 'lab');
  return {
    root, store, env: loaded.env, playbooks: loaded.model.inspections,
    async connect() {
      const lab = await connectLab(root, { now: () => now });
      const ep = labEndpointsOf(lab);
      const safe = <T>(f: () => T): T | undefined => {
        try {
          return f();
        } catch {
          return undefined;
        }
      };
      const conn = createConnections({ root, model: loaded.env, now: () => now, endpoints: { ssh: (h) => safe(() => ep.ssh(h)), weblogic: (d) => safe(() => ep.weblogic(d)) } });
      return { conn, lab, close: async () => { await conn.close(); await lab.stop(); } };
    },
    scenario(name, target) {
      store.update((s) => applyScenario(s, name, { ...(target ? { target } : {}), env: loaded.env, now }));
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
