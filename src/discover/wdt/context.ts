/**
 * The state one import carries through its mappers, and the small helpers they share: model
 * paths, scalar coercion, and listing whatever a mapper did not consume.
 */
import type { EnvironmentModel } from '../../model/index.js';
import { describeFolder } from './reasons.js';
import type { ImportOptions, Placeholder, TokenUse, UnmappedItem } from './types.js';

export type Json = Record<string, unknown>;

export interface Ctx {
  env: string;
  domain: string;
  estate: EnvironmentModel | undefined;
  variables: ReadonlyMap<string, string> | undefined;
  unmapped: UnmappedItem[];
  placeholders: Placeholder[];
  tokens: TokenUse[];
}

export function newCtx(options: ImportOptions): Ctx {
  return {
    env: options.env,
    domain: options.domain,
    estate: options.estate,
    variables: options.variables,
    unmapped: [],
    placeholders: [],
    tokens: [],
  };
}

export function isMap(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `topology:` + `Server` → `topology:/Server`; WDT's own model-path notation (modelHelp). */
export function child(path: string, key: string): string {
  return `${path}/${key}`;
}

export function unmapped(ctx: Ctx, path: string, reason: string): void {
  ctx.unmapped.push({ path, reason });
}

export function placeholder(ctx: Ctx, field: string, value: string | number, reason: string): void {
  ctx.placeholders.push({ field, value: String(value), reason });
}

/** Lists every key of `obj` not in `consumed` (named folders one instance at a time). */
export function leftover(ctx: Ctx, obj: Json, consumed: readonly string[], path: string, context?: string): void {
  for (const [key, value] of Object.entries(obj)) {
    if (consumed.includes(key)) continue;
    const { reason, perInstance } = describeFolder(key, context);
    if (perInstance && isMap(value) && Object.keys(value).length > 0) {
      for (const name of Object.keys(value)) unmapped(ctx, child(child(path, key), name), reason);
    } else unmapped(ctx, child(path, key), reason);
  }
}

/** A scalar as text; `None` and empty are "not set", as WLST prints them. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value === '' || value === 'None' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An integer, or the raw text (an unresolved token) so that the schema names the problem. */
export function integer(value: unknown): number | string | undefined {
  if (typeof value === 'number') return value;
  const t = text(value);
  if (t === undefined) return undefined;
  return /^-?[0-9]+$/.test(t.trim()) ? Number(t.trim()) : t;
}

export function bool(value: unknown): boolean | string | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'true') return true;
  if (t === 'false') return false;
  return text(value);
}

/** WDT list attributes: a YAML list or a comma-separated string mean the same. */
export function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => text(v)).filter((v): v is string => v !== undefined);
  const t = text(value);
  return t === undefined ? [] : t.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Drops undefined values so the YAML shows only what is set. */
export function compact<T extends Json>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** The instances of a named folder; `'!name'` (WDT delete notation) is listed, not imported. */
export function instances(ctx: Ctx, folder: unknown, path: string): [string, Json][] {
  if (!isMap(folder)) return [];
  const out: [string, Json][] = [];
  for (const [name, value] of Object.entries(folder)) {
    if (name.startsWith('!')) unmapped(ctx, child(path, name), 'WDT delete notation: desired state lists what exists, deletes are plan changes');
    else out.push([name, isMap(value) ? value : {}]);
  }
  return out;
}
