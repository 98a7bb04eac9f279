/**
 * The layering merge: desired-state/common/ documents deep-merged with the same (kind, name)
 * from desired-state/<env>/. Pure; positions travel with values so a merged result still points
 * at the overlay node that last set each value. Semantics are written out in docs/model.md.
 */
import { copyPositions, isRecord, pointer, type PosMap } from './paths.js';
import { stripMarkers } from './schema.js';

/** A value with the positions of its nodes (JSON pointer → position). */
export interface Located {
  value: Record<string, unknown>;
  pos: PosMap;
}

/** Identity key of the items of an array, by the array's key in its parent mapping. */
export const IDENTITY_KEYS: Readonly<Record<string, string>> = {
  filesystems: 'mount',
  files: 'path',
  patches: 'id',
  instances: 'host',
  checks: 'id',
  scripts: 'id',
};
export const DEFAULT_IDENTITY_KEY = 'name';

type IdentityOf = (arrayKey: string, item: Record<string, unknown>) => string | undefined;

interface Side {
  value: unknown;
  pos: PosMap;
  ptr: string;
}

function identityFor(kind: string, doc: Record<string, unknown>): IdentityOf {
  const rowKey = kind === 'ConfigTable' && Array.isArray(doc['key']) ? (doc['key'] as unknown[]).map(String) : undefined;
  return (arrayKey, item) => {
    if (arrayKey === 'rows' && rowKey) {
      return rowKey.every((k) => k in item) ? JSON.stringify(rowKey.map((k) => item[k])) : undefined;
    }
    const v = item[IDENTITY_KEYS[arrayKey] ?? DEFAULT_IDENTITY_KEY];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
}

function take(side: Side, out: PosMap, at: string): unknown {
  const value = stripMarkers(side.value);
  copyPositions(value, side.pos, side.ptr, out, at);
  return value;
}

function mergeMaps(b: Side, o: Side, out: PosMap, at: string, id: IdentityOf): Record<string, unknown> {
  const base = b.value as Record<string, unknown>;
  const over = o.value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  const here = o.pos.get(o.ptr) ?? b.pos.get(b.ptr);
  if (here) out.set(at, here);
  for (const [k, v] of Object.entries(base)) {
    const ov = over[k];
    if (isRecord(ov) && ov['$delete'] === true) continue;
    const bs: Side = { value: v, pos: b.pos, ptr: pointer(b.ptr, k) };
    if (k in over) result[k] = mergeValue(bs, { value: ov, pos: o.pos, ptr: pointer(o.ptr, k) }, out, pointer(at, k), k, id);
    else result[k] = take(bs, out, pointer(at, k));
  }
  for (const [k, v] of Object.entries(over)) {
    if (k in base || k === '$replace' || (isRecord(v) && v['$delete'] === true)) continue;
    result[k] = take({ value: v, pos: o.pos, ptr: pointer(o.ptr, k) }, out, pointer(at, k));
  }
  return result;
}

function keyedItems(list: unknown[], arrayKey: string, id: IdentityOf): (string | undefined)[] {
  return list.map((item) => (isRecord(item) ? id(arrayKey, item) : undefined));
}

function mergeArrays(b: Side, o: Side, out: PosMap, at: string, arrayKey: string, id: IdentityOf): unknown[] | undefined {
  const base = b.value as unknown[];
  const over = o.value as unknown[];
  const baseIds = keyedItems(base, arrayKey, id);
  const overIds = keyedItems(over, arrayKey, id);
  if ([...baseIds, ...overIds].some((k) => k === undefined)) return undefined;
  const overBy = new Map(overIds.map((k, i) => [k, i]));
  const result: unknown[] = [];
  const here = o.pos.get(o.ptr);
  if (here) out.set(at, here);
  baseIds.forEach((k, i) => {
    const j = overBy.get(k);
    const bs: Side = { value: base[i], pos: b.pos, ptr: pointer(b.ptr, i) };
    const target = pointer(at, result.length);
    if (j === undefined) return void result.push(take(bs, out, target));
    const ov = over[j] as Record<string, unknown>;
    if (ov['$delete'] === true) return;
    result.push(mergeValue(bs, { value: ov, pos: o.pos, ptr: pointer(o.ptr, j) }, out, target, arrayKey, id));
  });
  const baseSet = new Set(baseIds);
  overIds.forEach((k, j) => {
    const ov = over[j] as Record<string, unknown>;
    if (baseSet.has(k) || ov['$delete'] === true) return;
    result.push(take({ value: ov, pos: o.pos, ptr: pointer(o.ptr, j) }, out, pointer(at, result.length)));
  });
  return result;
}

function mergeValue(b: Side, o: Side, out: PosMap, at: string, key: string, id: IdentityOf): unknown {
  if (isRecord(b.value) && isRecord(o.value) && o.value['$replace'] !== true) return mergeMaps(b, o, out, at, id);
  if (Array.isArray(b.value) && Array.isArray(o.value)) {
    const merged = mergeArrays(b, o, out, at, key, id);
    if (merged) return merged;
  }
  return take(o, out, at);
}

/** Merges `overlay` over `base` (same kind and name) and returns the result with its positions. */
export function mergeDocuments(kind: string, base: Located, overlay: Located): Located {
  const pos: PosMap = new Map();
  const probe = { ...base.value, ...(isRecord(overlay.value) ? overlay.value : {}) };
  const id = identityFor(kind, probe);
  const b: Side = { value: base.value, pos: base.pos, ptr: '' };
  const o: Side = { value: overlay.value, pos: overlay.pos, ptr: '' };
  const value = mergeValue(b, o, pos, '', '', id) as Record<string, unknown>;
  return { value, pos };
}
