/**
 * One host of a patch rollout, forward or back. Forward: read the home's inventory (already
 * there: nothing to do), stage the archive (sha256 verified) and unzip it, OPatch's conflict
 * prereq — all while the host still serves — then stop what runs from the home, apply (OPatch
 * apply; BSU: remove what the patch replaces, install it), check the inventory, start what was
 * stopped and wait for the health gate. Back: stop, OPatch rollback -id / BSU remove (and install
 * again what it had replaced, from cache_dir), check, start, gate. When the tool fails the host
 * is started again as it was and the message says so; the engine then rolls back the hosts
 * already done, in reverse.
 */
import type { WeblogicDomain } from '../../model/index.js';
import type { ProviderContext } from '../context.js';
import type { Timing } from '../weblogic/apply.js';
import type { DomainOps, OpOutcome } from '../weblogic/ops.js';
import { instancesOnHost, startInstances, stopInstances } from './oracle-host.js';
import type { HomePatch } from './read.js';
import { bsu, opatchApply, opatchPrereq, opatchRollback, readInventory, stageArchive } from './tools.js';
import { serversOnHost, startServers, stopServers } from './weblogic-servers.js';

export interface HostServices {
  /** Stops what runs from the home on the host; a failure leaves what it stopped for `start`. */
  stop(): Promise<string | undefined>;
  /** Starts exactly what `stop` stopped and waits for the health gate. */
  start(): Promise<OpOutcome>;
}

export function hostServices(ctx: ProviderContext, h: HomePatch, opsFor: (d: WeblogicDomain) => Promise<DomainOps>, t: Timing): HostServices {
  if (h.system === 'weblogic') {
    let stopped: Parameters<typeof startServers>[2] = [];
    return {
      async stop() {
        const r = await stopServers(opsFor, serversOnHost(ctx.model.domains, h.ref.host, h.ref.home), t);
        stopped = r.stopped;
        return r.failure;
      },
      start: () => startServers(ctx, opsFor, stopped, t),
    };
  }
  let stopped: Parameters<typeof startInstances>[3] = { instances: [], listeners: [] };
  return {
    async stop() {
      const r = await stopInstances(ctx, h.ref.host, h.ref.home, instancesOnHost(ctx.model.databases, h.ref.host, h.ref.home));
      stopped = r;
      return r.failure;
    },
    start: () => startInstances(ctx, h.ref.host, h.ref.home, stopped),
  };
}

const fail = (message: string): OpOutcome => ({ ok: false, message });

/** The tool's change with the servers down; BSU removes what the patch replaces first and restores it if the install fails. */
async function change(ctx: ProviderContext, h: HomePatch, installed: ReadonlyMap<string, string>): Promise<OpOutcome> {
  if (h.ref.tool === 'opatch') return opatchApply(ctx, h.ref, h.id);
  const removed: string[] = [];
  for (const r of h.replaces.filter((x) => installed.has(x))) {
    const out = await bsu(ctx, h.ref, '-remove', r);
    if (!out.ok) return out;
    removed.push(r);
  }
  const out = await bsu(ctx, h.ref, '-install', h.id);
  if (out.ok) return { ok: true, message: [...removed.map((r) => `removed ${r}`), out.message].join('; ') };
  const back = await Promise.all(removed.map((r) => bsu(ctx, h.ref, '-install', r)));
  return fail(`${out.message}${removed.length ? `; ${removed.join(', ')} installed again: ${back.every((b) => b.ok) ? 'ok' : back.filter((b) => !b.ok).map((b) => b.message).join('; ')}` : ''}`);
}

async function undo(ctx: ProviderContext, h: HomePatch): Promise<OpOutcome> {
  if (h.ref.tool === 'opatch') return opatchRollback(ctx, h.ref, h.id);
  const out = await bsu(ctx, h.ref, '-remove', h.id);
  if (!out.ok) return out;
  const restored: string[] = [];
  for (const r of h.replaces) {
    const again = await bsu(ctx, h.ref, '-install', r);
    if (!again.ok) return fail(`${out.message}; but installing ${r} again failed: ${again.message}`);
    restored.push(r);
  }
  return { ok: true, message: [out.message, ...restored.map((r) => `${r} installed again`)].join('; ') };
}

/** Runs `tool` with the host's services stopped, then starts them; checks the inventory shows `want`. */
async function withServicesDown(ctx: ProviderContext, h: HomePatch, s: HostServices, tool: () => Promise<OpOutcome>, want: boolean): Promise<OpOutcome> {
  const stopFailure = await s.stop();
  if (stopFailure) {
    const back = await s.start();
    return fail(`could not stop what runs from ${h.ref.home} on ${h.ref.host}: ${stopFailure}; ${back.ok ? 'started again, home unchanged' : `NOT started again: ${back.message}`}`);
  }
  const done = await tool();
  if (!done.ok) {
    const back = await s.start();
    return fail(`${done.message}; ${back.ok ? `${h.ref.host} started again, home unchanged` : `${h.ref.host} NOT started again: ${back.message}`}`);
  }
  const now = await readInventory(ctx, h.ref).catch((err: unknown) => err as Error);
  const ok = !(now instanceof Error) && now.has(h.id) === want;
  const up = await s.start();
  if (!ok) return fail(`${done.message}, but the inventory ${now instanceof Error ? `cannot be read: ${now.message}` : `${want ? 'does not show' : 'still shows'} ${h.id}`}; ${up.message}`);
  if (!up.ok) return fail(`${done.message}; ${h.id} is ${want ? 'installed' : 'removed'}, but ${up.message}`);
  return { ok: true, message: `${done.message}; ${up.message}` };
}

export async function applyHomePatch(ctx: ProviderContext, h: HomePatch, s: HostServices): Promise<OpOutcome> {
  const installed = await readInventory(ctx, h.ref);
  if (installed.has(h.id)) return { ok: true, message: `${h.id} is already in ${h.ref.home} on ${h.ref.host}` };
  if (!h.archive) return fail(`${h.owner} declares no archive for patch ${h.id}: nothing to stage (apply it through its release)`);
  const staged = await stageArchive(ctx, h.ref, h.archive);
  if (!staged.ok) return staged;
  if (h.ref.tool === 'opatch') {
    const pre = await opatchPrereq(ctx, h.ref, h.id);
    if (!pre.ok) return fail(`${pre.message}; nothing stopped, home unchanged`);
  }
  const r = await withServicesDown(ctx, h, s, () => change(ctx, h, installed), true);
  return r.ok ? { ok: true, message: `${h.ref.host}: ${staged.message}; ${r.message}` } : r;
}

export async function rollbackHomePatch(ctx: ProviderContext, h: HomePatch, s: HostServices): Promise<OpOutcome> {
  const installed = await readInventory(ctx, h.ref);
  if (!installed.has(h.id)) return { ok: true, message: `${h.id} is not in ${h.ref.home} on ${h.ref.host}: nothing to roll back` };
  const r = await withServicesDown(ctx, h, s, () => undo(ctx, h), false);
  return r.ok ? { ok: true, message: `${h.ref.host}: ${r.message}` } : r;
}
