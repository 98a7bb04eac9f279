// A fresh lab in a temp copy of the repository (clock after 2026-11), connected through the real
// transports (createConnections with the lab's loopback endpoints), for reconciliation tests;
// plus the lab's manifest of injected mismatches and its raw tables for independent checks.
import { rmSync } from 'node:fs';
import { DEFAULT_SEED, type FileLabStore } from '../../src/lab/index.js';
import { connectLabCopy, labCopy, type LabConnection } from '../support/lab-repo.js';
import { generateBusinessTables, type BusinessManifest } from '../../src/lab/oracle/business/index.js';
import type { EnvironmentModel } from '../../src/model/index.js';
import type { ReconciliationPlaybook } from '../../src/model/schema/playbook.js';
import type { Scalar } from '../../src/lab/state/types.js';

export { REPO } from '../support/lab-repo.js';
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
  connect(): Promise<LabConnection>;
  remove(): void;
}

export function labRepo(now: Date = NOW): LabRepo {
  const copy = labCopy('reconcile', now);
  const { root, store, env } = copy;
  const manifest = generateBusinessTables(DEFAULT_SEED, { now }).manifest;
  return {
    root, store, env, playbooks: copy.model.reconciliations, manifest,
    rows: (db, table) => structuredClone(store.read().databases[db]?.tables[table]?.rows ?? []),
    connect: () => connectLabCopy(copy, now),
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
