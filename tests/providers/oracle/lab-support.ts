// The lab for provider tests: a copy of the repository's desired state in a temp dir, reset and
// served on 127.0.0.1, with a ProviderContext built the way the CLI builds it.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnections, type Connections } from '../../../src/engine/connections.js';
import { labEndpointsOf, openLabStore, resetLab, startLab, type LabHandle } from '../../../src/lab/index.js';
import { loadEnvironment } from '../../../src/load/index.js';
import type { FileLabStore } from '../../../src/lab/index.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
export const NOW = new Date('2026-11-28T14:00:00Z');

export interface TestLab {
  root: string;
  store: FileLabStore;
  handle: LabHandle;
  connections(): Connections;
  stop(): Promise<void>;
}

export async function startTestLab(): Promise<TestLab> {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-oracle-'));
  for (const dir of ['inventory', 'desired-state', 'releases', 'playbooks', 'templates']) cpSync(join(REPO, dir), join(root, dir), { recursive: true });
  const { store } = resetLab({ root, now: NOW });
  const handle = await startLab({ root, store: openLabStore(root), now: () => NOW });
  const opened: Connections[] = [];
  return {
    root,
    store,
    handle,
    connections() {
      const { env } = loadEnvironment(root, 'lab');
      const endpoints = labEndpointsOf(handle);
      const c = createConnections({ root, model: env, now: () => NOW, endpoints: { ssh: (h) => endpoints.ssh(h), weblogic: (d) => endpoints.weblogic(d) } });
      opened.push(c);
      return c;
    },
    async stop() {
      await Promise.all(opened.map((c) => c.close()));
      await handle.stop();
    },
  };
}

import { buildPlan, type Plan } from '../../../src/core/index.js';
import { CONFIG_TABLE_DESCRIPTOR, createConfigTableProvider } from '../../../src/providers/config-table/index.js';
import { createOracleProvider, ORACLE_DESCRIPTOR } from '../../../src/providers/oracle/index.js';
import type { Provider } from '../../../src/providers/provider.js';
import type { ProviderContext } from '../../../src/providers/context.js';

export const RULES = { oracle: ORACLE_DESCRIPTOR.types, 'config-table': CONFIG_TABLE_DESCRIPTOR.types };

export function providersOf(ctx: ProviderContext): Record<'oracle' | 'config-table', Provider> {
  return { oracle: createOracleProvider(ctx), 'config-table': createConfigTableProvider(ctx) };
}

/** desired → read → plan over the Oracle and config-table providers. */
export async function planOf(ctx: ProviderContext, only?: string[]): Promise<Plan> {
  const providers = Object.values(providersOf(ctx));
  const desired = providers.map((p) => p.desired({ env: ctx.env, model: ctx.model }));
  const resources = desired.flatMap((d) => d.resources);
  const reads = await Promise.all(providers.map((p, i) => p.read({ env: ctx.env, model: ctx.model, addresses: desired[i]!.resources.map((r) => r.address) })));
  return buildPlan({
    env: ctx.env, createdAt: NOW.toISOString(), desired: resources, live: reads.flatMap((r) => r.reads), rules: RULES,
    pruneWithin: desired.flatMap((d) => d.pruneWithin), ...(only ? { only } : {}),
  });
}

/** Runs a plan's steps in order as the engine will: prepareInverse, apply, verify; returns messages. */
export async function applyPlan(ctx: ProviderContext, plan: Plan): Promise<string[]> {
  const providers = providersOf(ctx);
  const log: string[] = [];
  for (const step of plan.steps) {
    const p = providers[step.system as 'oracle' | 'config-table'];
    const req = { env: ctx.env, model: ctx.model, step, fingerprints: plan.fingerprints };
    await p.prepareInverse(req);
    if (step.action !== 'run') {
      const r = await p.apply(req);
      log.push(`${step.id}: ${r.outcome} ${r.message}`);
      if (r.outcome === 'failed') throw new Error(`${step.id} failed: ${r.message}`);
    }
    if (step.action === 'run' || step.action !== 'restart') {
      const v = await p.verify(req);
      log.push(`${step.id}: verify ${v.status} ${v.message}`);
      if (v.status !== 'healthy') throw new Error(`${step.id} verify ${v.status}: ${v.message}`);
    }
  }
  return log;
}
