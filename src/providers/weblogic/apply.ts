/**
 * Executing plan steps on a domain through DomainOps: configuration updates (one activated edit
 * per step, only the attributes that still differ), server run state (start/stop), rolling
 * restarts (shutdown → start → wait for RUNNING), health gates (wait for RUNNING + HEALTH_OK),
 * and deployments (deploy, or redeploy keeping the previous version; the archive staged first). Rollback: a step whose id
 * starts with `undo:` sets its `inverse.attributes` instead of the desired ones.
 */
import { valuesEqual, type Attributes } from '../../core/index.js';
import type { RollbackRequest, StepRequest } from '../provider.js';
import { editsFor } from './edits.js';
import type { LiveDomain } from './live.js';
import type { DomainOps, OpOutcome, ServerHealth } from './ops.js';

export interface Timing {
  /** How long a restart or gate waits for the server. Default 600 000 ms. */
  serverTimeoutMs: number;
  pollMs: number;
  sleep(ms: number): Promise<void>;
}

export interface Target {
  type: string;
  name: string;
  /** The wanted attributes (desired, or the inverse's before values when undoing). */
  wanted: Attributes | undefined;
  servers: readonly string[];
}

const COLLECTION: Record<string, keyof Omit<LiveDomain, 'logRotation'>> = {
  server: 'servers', cluster: 'clusters', machine: 'machines', datasource: 'dataSources', workmanager: 'workManagers', deployment: 'deployments',
};

export function liveOf(live: LiveDomain, type: string, name: string): Attributes | undefined {
  if (type === 'log-rotation') return live.logRotation;
  const c = COLLECTION[type];
  return c ? live[c][name] : undefined;
}

/** The wanted attributes that differ from live (sha256 is never compared: WebLogic does not report it). */
export function differing(wanted: Attributes, live: Attributes | undefined): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(wanted)) if (k !== 'sha256' && !valuesEqual(v, live?.[k])) out[k] = v;
  return out;
}

export async function waitFor(ops: DomainOps, server: string, t: Timing, done: (h: ServerHealth) => boolean): Promise<{ ok: boolean; last: ServerHealth }> {
  const until = Date.now() + t.serverTimeoutMs;
  let last: ServerHealth = { state: 'UNKNOWN', health: null };
  for (;;) {
    try {
      last = await ops.health(server);
      if (done(last)) return { ok: true, last };
    } catch {
      // unreachable for a moment (admin busy): keep polling until the timeout
    }
    if (Date.now() >= until) return { ok: false, last };
    await t.sleep(t.pollMs);
  }
}

const healthy = (h: ServerHealth): boolean => h.state === 'RUNNING' && h.health === 'HEALTH_OK';

export async function restartServer(ops: DomainOps, server: string, t: Timing): Promise<OpOutcome> {
  const now = await ops.health(server);
  if (now.state === 'RUNNING') {
    const down = await ops.lifecycle(server, 'shutdown');
    if (!down.ok) {
      const forced = await ops.lifecycle(server, 'forceShutdown');
      if (!forced.ok) return { ok: false, message: `${down.message}; ${forced.message}` };
    }
  }
  const up = await ops.lifecycle(server, 'start');
  if (!up.ok) return up;
  const w = await waitFor(ops, server, t, (h) => h.state === 'RUNNING');
  return w.ok ? { ok: true, message: `${server} restarted (${w.last.state})` } : { ok: false, message: `${server} did not come back: ${w.last.state}` };
}

export async function gate(ops: DomainOps, server: string, t: Timing): Promise<OpOutcome> {
  const w = await waitFor(ops, server, t, healthy);
  return w.ok ? { ok: true, message: `${server} RUNNING, HEALTH_OK` } : { ok: false, message: `${server} not healthy: ${w.last.state} ${w.last.health ?? ''}`.trim() };
}

async function runState(ops: DomainOps, server: string, wanted: string, t: Timing): Promise<OpOutcome> {
  if (wanted === 'RUNNING') {
    const up = await ops.lifecycle(server, 'start');
    if (!up.ok) return up;
    return gate(ops, server, t);
  }
  return ops.lifecycle(server, 'shutdown');
}

export async function applyConfig(ops: DomainOps, target: Target, t: Timing): Promise<OpOutcome> {
  if (!target.wanted) return { ok: false, message: `no desired or inverse attributes for ${target.type} ${target.name}` };
  const live = await ops.read();
  const liveAttrs = liveOf(live, target.type, target.name);
  if (!liveAttrs && target.type !== 'log-rotation') return { ok: false, message: `${target.type} ${target.name} does not exist; creating it is not supported by this provider yet` };
  const { state, ...change } = differing(target.wanted, liveAttrs);
  const edits = editsFor(target.type, target.name, change, liveAttrs ?? {}, target.servers);
  if (Object.keys(change).length > 0 && edits.length === 0) return { ok: false, message: `no edit known for ${Object.keys(change).join(', ')} of ${target.type} ${target.name}` };
  const messages: string[] = [];
  if (edits.length > 0) {
    const e = await ops.edit(edits);
    if (!e.ok) return e;
    messages.push(e.message);
  }
  if (target.type === 'server' && typeof state === 'string') {
    const s = await runState(ops, target.name, state, t);
    if (!s.ok) return s;
    messages.push(s.message);
  }
  return { ok: true, message: messages.join('; ') || 'already as wanted' };
}

/**
 * Deploys or redeploys `target`. `stage` (when given) runs first, once a deploy is needed: it
 * puts the archive in place on the admin host (stage.ts); its failure fails the step untouched.
 */
export async function applyDeployment(ops: DomainOps, target: Target, stage?: (wanted: Attributes) => Promise<OpOutcome | undefined>): Promise<OpOutcome> {
  const w = target.wanted;
  if (!w || typeof w.sourcePath !== 'string' || typeof w.version !== 'string') return { ok: false, message: `deployment ${target.name}: no sourcePath/version to deploy` };
  const live = liveOf(await ops.read(), 'deployment', target.name);
  const spec = { name: target.name, sourcePath: w.sourcePath, version: w.version, targets: Array.isArray(w.targets) ? w.targets.map(String) : [] };
  if (live && Object.keys(differing(w, live)).length === 0) return { ok: true, message: `${target.name} ${w.version} already deployed` };
  const staged = stage ? await stage(w) : undefined;
  if (staged && !staged.ok) return staged;
  const done = await ops.deploy(spec, live ? 'redeploy' : 'deploy');
  return staged && done.ok ? { ok: true, message: `${staged.message}; ${done.message}` } : done;
}

/** The rollback being performed, when `req` is a rollback request (see provider.ts). */
export function rollbackOf(req: StepRequest): RollbackRequest['rollback'] | undefined {
  return (req as Partial<RollbackRequest>).rollback;
}
