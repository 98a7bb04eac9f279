/**
 * Positions of YAML nodes, keyed by JSON pointer (`/hosts/3/port`), and the human form of a
 * pointer (`hosts[3].port`) used in messages.
 */
import type { SourcePos } from '../diag/index.js';

/** Where one value sits: the value node, and for a mapping entry its key node. */
export interface NodePos {
  value: SourcePos;
  key?: SourcePos;
}

/** JSON pointer → position. The root document is the pointer "". */
export type PosMap = Map<string, NodePos>;

export function pointer(parent: string, segment: string | number): string {
  return `${parent}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function segments(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/hosts/3/port` → `hosts[3].port`; the root is `(document)`. */
export function displayPath(ptr: string): string {
  let out = '';
  for (const seg of segments(ptr)) {
    if (/^[0-9]+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** Position of the value at `ptr`, or of its nearest ancestor that has one. */
export function valuePos(pos: PosMap, ptr: string): SourcePos | undefined {
  for (let p = ptr; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const hit = pos.get(p);
    if (hit) return hit.value;
    if (p === '') return undefined;
  }
}

/** Position of the key of the mapping entry at `ptr` (falls back to the value). */
export function keyPos(pos: PosMap, ptr: string): SourcePos | undefined {
  return pos.get(ptr)?.key ?? valuePos(pos, ptr);
}

/** Copies the positions of `value` (found at `from` in `src`) to `to` in `out`, recursively. */
export function copyPositions(value: unknown, src: PosMap, from: string, out: PosMap, to: string): void {
  const here = src.get(from);
  if (here) out.set(to, here);
  if (Array.isArray(value)) {
    value.forEach((item, i) => copyPositions(item, src, pointer(from, i), out, pointer(to, i)));
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) copyPositions(v, src, pointer(from, k), out, pointer(to, k));
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
