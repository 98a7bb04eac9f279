/**
 * Addresses in the model (ListenAddress, NodeManager ListenAddress) → inventory hosts of the
 * environment, by name or address; what matches nothing becomes a listed placeholder.
 */
import { placeholder, text, type Ctx } from './context.js';

export function findHost(ctx: Ctx, address: unknown): string | undefined {
  const a = text(address)?.toLowerCase();
  if (!a || !ctx.estate) return undefined;
  const host = ctx.estate.hosts.find((h) => h.name.toLowerCase() === a || h.address.toLowerCase() === a || h.name.toLowerCase() === a.split('.')[0]);
  return host?.name;
}

/** The inventory host for `address`, else `fallback` (the declared domain's), else a placeholder. */
export function hostFor(ctx: Ctx, address: unknown, fallback: string | undefined, field: string, who: string, name: string): string {
  const found = findHost(ctx, address);
  if (found) return found;
  if (fallback) {
    placeholder(ctx, field, fallback, `${who}: taken from the domain already declared in ${ctx.env}`);
    return fallback;
  }
  const value = `unmapped-host-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 64);
  const addr = text(address);
  const why = !addr ? 'no ListenAddress in the model' : ctx.estate ? `address ${addr} is not a host of environment ${ctx.env}` : `environment ${ctx.env} not loaded; address ${addr}`;
  placeholder(ctx, field, value, `${who}: ${why}`);
  return value;
}
