/**
 * The provider registry: one factory per system kind, `(ctx) => Provider`. The CLI imports this
 * module lazily (inside command actions) so `validate` and `--help` never load transports.
 * A system without a factory here is reported by `missingSystems()`; the CLI turns that into an
 * error (a plan that silently skipped a system would claim "no changes" it never checked).
 */
import { SYSTEMS, type System } from '../core/index.js';
import type { ProviderContext } from './context.js';
import type { Provider } from './provider.js';
import { createConfigTableProvider } from './config-table/index.js';
import { createHostProvider } from './host/index.js';
import { createOracleProvider } from './oracle/index.js';
import { withHomePatches } from './patch/index.js';
import { createWeblogicProvider } from './weblogic/index.js';

export type ProviderFactory = (ctx: ProviderContext) => Provider;

export const PROVIDER_FACTORIES: Partial<Record<System, ProviderFactory>> = {
  host: createHostProvider,
  // Home patches (OPatch, BSU) and datapatch are answered by providers/patch around the system's provider.
  oracle: (ctx) => withHomePatches(createOracleProvider(ctx), ctx),
  'config-table': createConfigTableProvider,
  weblogic: (ctx) => withHomePatches(createWeblogicProvider(ctx), ctx),
};

/** Systems that have no provider yet. */
export function missingSystems(): System[] {
  return SYSTEMS.filter((s) => !PROVIDER_FACTORIES[s]);
}

/** One provider per registered system, in the core's system order. */
export function createProviders(ctx: ProviderContext, only?: readonly System[]): Provider[] {
  return SYSTEMS.filter((s) => !only || only.includes(s)).flatMap((s) => {
    const factory = PROVIDER_FACTORIES[s];
    return factory ? [factory(ctx)] : [];
  });
}

export type { Provider, ProviderDescriptor, YamlEdit } from './provider.js';
export type { ProviderContext } from './context.js';
