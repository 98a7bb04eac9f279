/**
 * A temp copy of the repository with a fresh lab in it, and a connection to that lab through
 * the real transports (createConnections with the lab's loopback endpoints) — shared by the
 * inspection and reconciliation tests.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnections, type Connections } from '../../src/engine/connections.js';
import { connectLab, labEndpointsOf, resetLab, type FileLabStore, type LabHandle } from '../../src/lab/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import type { EnvironmentModel, Model } from '../../src/model/index.js';

export const REPO = join(import.meta.dirname, '..', '..');
const REPO_DIRS = ['inventory', 'desired-state', 'releases', 'playbooks', 'templates'];

export interface LabCopy {
  root: string;
  store: FileLabStore;
  model: Model;
  env: EnvironmentModel;
}

/** Copies the repository's data into a temp dir (named after `prefix`) and resets its lab at `now`. */
export function labCopy(prefix: string, now: Date): LabCopy {
  const root = mkdtempSync(join(tmpdir(), `opsctl-${prefix}-`));
  for (const d of REPO_DIRS) cpSync(join(REPO, d), join(root, d), { recursive: true });
  const { store } = resetLab({ root, now });
  const { model, env } = loadEnvironment(root, 'lab');
  return { root, store, model, env };
}

export interface LabConnection {
  conn: Connections;
  lab: LabHandle;
  close(): Promise<void>;
}

/** Connects to the copy's lab (in-process unless a `lab serve` runs) with the clock fixed at `now`. */
export async function connectLabCopy(copy: LabCopy, now: Date): Promise<LabConnection> {
  const lab = await connectLab(copy.root, { now: () => now });
  const ep = labEndpointsOf(lab);
  const safe = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  const conn = createConnections({ root: copy.root, model: copy.env, now: () => now, endpoints: { ssh: (h) => safe(() => ep.ssh(h)), weblogic: (d) => safe(() => ep.weblogic(d)) } });
  return { conn, lab, close: async () => { await conn.close(); await lab.stop(); } };
}
