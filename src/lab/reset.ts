/**
 * Resetting the lab: load the `lab` environment's desired state, build the state from it
 * (rendering managed files from templates/), store it under .lab/ and make sure the lab's
 * credentials exist (every database account and data source gets the Oracle one, as a
 * digest). Active drifts, faults and latency are dropped: a reset lab equals desired.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironment } from '../load/index.js';
import type { Model } from '../model/index.js';
import { templateRenderer } from '../template/index.js';
import { ensureLabSecrets, type LabSecrets } from './secrets.js';
import { buildLabState } from './state/build.js';
import { seedPasswords } from './state/password.js';
import { attachBusinessTables } from './oracle/business/index.js';
import { openLabStore, type FileLabStore } from './state/file-store.js';
import type { LabState } from './state/types.js';

export const LAB_ENV = 'lab';
export const DEFAULT_SEED = 20251120;

export interface ResetOptions {
  root: string;
  seed?: number;
  /** The clock of the reset (readings derive from it). */
  now?: Date;
  store?: FileLabStore;
}

export function resetLab(opts: ResetOptions): { state: LabState; secrets: LabSecrets; store: FileLabStore } {
  const { model, env } = loadEnvironment(opts.root, LAB_ENV);
  const state = buildLabState(env, {
    root: opts.root,
    seed: opts.seed ?? DEFAULT_SEED,
    resetAt: opts.now ?? new Date(),
    render: templateRenderer(opts.root),
    artifacts: releaseArtifacts(opts.root, model),
  });
  // The simulated business tables (payments, treasury feedback, batch deductions, exchange
  // queues) with their known injected mismatches, for reconciliation and batch monitoring.
  attachBusinessTables(state, opts.seed ?? DEFAULT_SEED);
  const secrets = ensureLabSecrets(opts.root);
  // Every account and data source starts with the lab's Oracle password (as a digest).
  seedPasswords(state, secrets.oraclePassword);
  const store = opts.store ?? openLabStore(opts.root);
  store.replace(state);
  return { state: store.read(), secrets, store };
}

/** The archives committed beside release manifests, by their real sha256 (base64 bytes). */
function releaseArtifacts(root: string, model: Model): Record<string, string> {
  const out: Record<string, string> = {};
  for (const release of model.releases) {
    for (const a of release.artifacts ?? []) {
      const file = join(root, 'releases', release.name, a.path);
      if ((a.location ?? 'repo') !== 'repo' || !existsSync(file)) continue;
      const bytes = readFileSync(file);
      out[createHash('sha256').update(bytes).digest('hex')] = bytes.toString('base64');
    }
  }
  return out;
}
