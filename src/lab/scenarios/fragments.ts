/**
 * Undo records for drifts and faults. A scenario captures exactly the fragments it changes,
 * so `lab clear` puts them back exactly: `set` fragments restore a value (or its absence) at a
 * path; `removed` fragments put back list items it took out (e.g. processes), without
 * disturbing what other scenarios did to the same list.
 */
import type { LabState } from '../state/types.js';

export type Path = Array<string | number>;

export type Fragment =
  | { op: 'set'; path: Path; absent: boolean; value?: unknown }
  | { op: 'removed'; path: Path; items: unknown[] }
  | { op: 'added'; path: Path; items: unknown[] };

/** What ActiveScenario.undo holds for scenarios made by this module. */
export interface UndoRecord {
  /** Order of application, so clearing several restores in reverse order. */
  seq: number;
  fragments: Fragment[];
}

function parentOf(state: LabState, path: Path, create: boolean): Record<string | number, unknown> | undefined {
  let node: unknown = state;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    const obj = node as Record<string | number, unknown>;
    if (obj[key] === undefined && create) obj[key] = {};
    node = obj[key];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : undefined;
}

export function getAt(state: LabState, path: Path): unknown {
  return parentOf(state, path, false)?.[path[path.length - 1]!];
}

/** Records the value at `path`, then sets it to `value`. */
export function setAt(state: LabState, undo: Fragment[], path: Path, value: unknown): void {
  const parent = parentOf(state, path, true);
  if (!parent) throw new Error(`lab scenario: no object at ${path.slice(0, -1).join('.')}`);
  const key = path[path.length - 1]!;
  const absent = !(key in parent);
  undo.push(absent ? { op: 'set', path, absent } : { op: 'set', path, absent, value: structuredClone(parent[key]) });
  parent[key] = value;
}

/** Removes the items of the list at `path` that `match`, recording them. */
export function removeFrom<T>(state: LabState, undo: Fragment[], path: Path, match: (item: T) => boolean): T[] {
  const list = getAt(state, path) as T[] | undefined;
  if (!Array.isArray(list)) return [];
  const removed = list.filter(match);
  if (removed.length === 0) return [];
  const kept = list.filter((i) => !match(i));
  list.splice(0, list.length, ...kept);
  undo.push({ op: 'removed', path, items: structuredClone(removed) });
  return removed;
}

/** Appends `items` to the list at `path`, recording them. */
export function addTo<T>(state: LabState, undo: Fragment[], path: Path, items: T[]): void {
  const list = getAt(state, path) as T[] | undefined;
  if (!Array.isArray(list)) throw new Error(`lab scenario: no list at ${path.join('.')}`);
  list.push(...items);
  undo.push({ op: 'added', path, items: structuredClone(items) });
}

function restoreOne(state: LabState, f: Fragment): void {
  if (f.op === 'set') {
    const parent = parentOf(state, f.path, true);
    if (!parent) return;
    const key = f.path[f.path.length - 1]!;
    if (f.absent) delete parent[key];
    else parent[key] = structuredClone(f.value);
    return;
  }
  const list = getAt(state, f.path);
  if (!Array.isArray(list)) return;
  if (f.op === 'added') {
    const gone = new Set(f.items.map((i) => JSON.stringify(i)));
    list.splice(0, list.length, ...list.filter((i) => !gone.has(JSON.stringify(i))));
    return;
  }
  list.push(...(structuredClone(f.items) as unknown[]));
  // Lists we remove from are ordered by pid (processes); keep that order.
  if (list.every((i) => typeof (i as { pid?: unknown }).pid === 'number')) list.sort((a, b) => (a as { pid: number }).pid - (b as { pid: number }).pid);
}

/** Puts back what the fragments replaced, last change first. */
export function restore(state: LabState, fragments: Fragment[]): void {
  for (const f of [...fragments].reverse()) restoreOne(state, f);
}
