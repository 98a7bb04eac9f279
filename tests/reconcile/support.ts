// A fresh lab in a temp copy of the repository (clock after 2026-11), connected through the real
// transports (createConnections with the lab's loopback endpoints), for reconciliation tests;
// plus the lab's manifest of injected mismatches and its raw tables for independent checks.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnections, type Connections } from '../../src/engine/connections.js';
import { DEFAULT_SEED, connectLab, labEndpointsOf, resetLab, type FileLabStore, type LabHandle } from '../../src/lab/index.js';
import { generateBusinessTables, type BusinessManifest } from '../../src/lab/oracle/business/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import type { EnvironmentModel } from '../../src/model/index.js';
import type { ReconciliationPlaybook } from '../../src/model/schema/playbook.js';
import type { Scalar } from '../../src/lab/state/types.js';

export const REPO = join(import.meta.dirname, '..', '..');
/** The clock: after the end of 2026-11 (the lab's latest period), as the lab places in-transit. */
export const NOW = new Date('2026-12-03T10:00:00+08:00');

export type LabRow = Record<string, Scalar>;

export interface LabRepo {
  root: string;
  store: FileLabStore;
  env: EnvironmentModel;
  playbooks: ReconciliationPlaybook[];
  manifest: BusinessManifest;
  /** A table of a lab database, e.g. rows('coredb', 'SBF.SBF_JK'). */
  rows(db: string, table: string): LabRow[];
  connect(): Promise<{ conn: Connections; lab: LabHandle; close(): Promise<void> }>;
  remove(): void;
}

export function labRepo(now: Date = NOW): LabRepo {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-reconcile-'));
  for (const d of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(REPO, d), join(root, d), { recursive: true });
  const { store } = resetLab({ root, now });
  const loaded = loadEnvironment(root, 'lab');
  const manifest = generateBusinessTables(DEFAULT_SEED, { now }).manifest;
  return {
    root, store, env: loaded.env, playbooks: loaded.model.reconciliations, manifest,
    rows: (db, table) => structuredClone(store.read().databases[db]?.tables[table]?.rows ?? []),
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
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
