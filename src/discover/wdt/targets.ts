/**
 * Targets of resources and deployments: clusters or managed servers of the domain. The admin
 * server is not a managed server in our model, so a target naming it is listed and left out.
 */
import { list, unmapped, type Ctx } from './context.js';

export interface DomainNames {
  adminServer: string;
  clusters: Set<string>;
  servers: Set<string>;
}

/** Targets for the document; the admin server is kept only when nothing else is left. */
export function mapTargets(ctx: Ctx, raw: unknown, path: string, names: DomainNames): string[] {
  const all = list(raw);
  const kept = all.filter((t) => t !== names.adminServer);
  if (kept.length === all.length || kept.length === 0) return all;
  unmapped(ctx, `${path}/Target`, `target ${names.adminServer}: the admin server is not a managed server in opsctl's model`);
  return kept;
}
