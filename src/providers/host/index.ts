/**
 * providers/host — the host provider: OS tunables (AIX no/vmo/ioo/sys0, Linux sysctl), managed
 * files rendered from templates/, and marked cron entries, on every inventory host, over SSH.
 *
 * Owns: which profiles apply to a host (profiles.ts, the lab's rule), desired resources
 * (desired.ts), the rule table as data (rules.ts), reading (read.ts + live.ts: one batched exec
 * per host on its one connection, hosts concurrently), changing (change.ts), the step methods
 * (steps.ts), adopting live values into YAML (adopt.ts), and the remote command builders
 * (remote.ts, cron.ts).
 * Addresses: `E/host:H/tunable:TABLE.NAME`, `E/host:H/file:/abs/path`, `E/host:H/cron:NAME`.
 * Filesystems, processes, log retention and password policy are inspected (health), not managed.
 *
 * May import: core/, model/, diag/, parsers/, template/, transport/, providers/*.ts.
 * May not import: cli/, engine/, lab/. Every remote command goes through shellCommand/shellQuote.
 * Documentation: docs/providers/host.md.
 */
import { templateRenderer } from '../../template/index.js';
import type { ProviderContext } from '../context.js';
import type { Provider, ProviderDescriptor, RollbackRequest, StepRequest } from '../provider.js';
import { adoptRead } from './adopt.js';
import { desiredHosts, type Render } from './desired.js';
import { readAddresses } from './read.js';
import { HOST_TYPES } from './rules.js';
import { applyStep, prepareInverse, undoStep, verifyStep } from './steps.js';

export { desiredHost, desiredHosts, normaliseMode, sha256Of } from './desired.js';
export type { DesiredCron, DesiredFile, DesiredTunable, HostDesired, Render } from './desired.js';
export { effectiveHost, profileApplies, TUNABLE_TABLES } from './profiles.js';
export type { EffectiveHost, TunableTable } from './profiles.js';
export { HOST_TYPES, NOTIFY_RULE, REBOOT_RULE, REBOOT_TUNABLES, needsReboot } from './rules.js';
export { hostProfileName } from './adopt.js';
export { cronMarker, markedEntries, rewriteCrontab } from './cron.js';
export { runSections, targetOf } from './read.js';
export type { HostSection } from './read.js';
export type { UndoRequest } from './steps.js';

export const HOST_DESCRIPTOR: ProviderDescriptor = {
  system: 'host',
  types: HOST_TYPES,
  capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: [] },
};

export type HostProvider = Provider;

export interface HostProviderOptions {
  /** Renders a managed file's template (default: ejs from `<ctx.root>/templates`). */
  render?: Render;
}

export function createHostProvider(ctx: ProviderContext, opts: HostProviderOptions = {}): HostProvider {
  const render = opts.render ?? templateRenderer(ctx.root);
  const deps = { ctx, render };
  return {
    descriptor: HOST_DESCRIPTOR,
    desired(req) {
      const { hosts, diagnostics } = desiredHosts(req.env, req.model, render);
      return { resources: hosts.flatMap((h) => h.resources), pruneWithin: [], diagnostics };
    },
    read: (req) => readAddresses({ ctx, env: req.env, model: req.model, addresses: req.addresses, render, ...(req.signal ? { signal: req.signal } : {}) }),
    prepareInverse: (req: StepRequest) => prepareInverse(deps, req),
    apply: (req: StepRequest) => applyStep(deps, req),
    verify: (req: StepRequest) => verifyStep(deps, req),
    rollback: (req: RollbackRequest) => {
      const { of, inverse, undo } = req.rollback;
      if (!inverse) return Promise.resolve({ outcome: 'failed' as const, message: `no inverse was captured for ${of.address}`, durationMs: 0, diagnostics: [] });
      return undoStep(deps, { ...req, step: of, inverse, ...(undo ? { undo } : {}) });
    },
    adopt: (read, desired) => adoptRead(ctx.model, read, desired),
  };
}
