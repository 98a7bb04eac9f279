/**
 * Applying YamlEdits to one desired-state document with the yaml Document API, so comments,
 * key order and quoting of everything not edited stay as written. Keyed list items are found
 * by their identity key (`{ key: 'name', value: 'CoreDS' }`) and appended with that key when
 * missing, which is what the layering merge needs (docs/model.md: lists of objects merge by
 * identity key).
 */
import { isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlEdit } from '../../providers/provider.js';

type Step = YamlEdit['path'][number];

/** Serialise like the loader reads: no folding of long lines, `[a, b]` flow lists. */
export const YAML_STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export class EditError extends Error {
  override readonly name = 'EditError';
}

const same = (a: unknown, b: string): boolean => (isScalar(a) ? String(a.value) === b : String(a) === b);

function findItem(doc: Document, seq: YAMLSeq, step: Exclude<Step, string>, create: boolean): YAMLMap | undefined {
  for (const item of seq.items) {
    if (isMap(item) && item.has(step.key) && same(item.get(step.key, true), step.value)) return item;
  }
  if (!create) return undefined;
  const made = doc.createNode({ [step.key]: step.value }) as YAMLMap;
  seq.items.push(made);
  return made;
}

function childFor(doc: Document, next: Step): YAMLMap | YAMLSeq {
  return typeof next === 'string' ? (doc.createNode({}) as YAMLMap) : (doc.createNode([]) as YAMLSeq);
}

/** Sets a scalar in place (keeps its comment and style) or replaces the node. */
function setValue(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const existing = map.get(key, true);
  const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (scalar && isScalar(existing)) {
    existing.value = value;
    return;
  }
  map.set(key, doc.createNode(value));
}

function descend(doc: Document, node: unknown, step: Step, next: Step | undefined, where: string): YAMLMap | YAMLSeq {
  if (typeof step === 'string') {
    if (!isMap(node)) throw new EditError(`${where}: expected a mapping to hold "${step}"`);
    let child: unknown = node.get(step, true);
    if (child === undefined || child === null || (isScalar(child) && child.value === null)) {
      const made = childFor(doc, next ?? step);
      node.set(step, made);
      child = made;
    }
    if (!isMap(child) && !isSeq(child)) throw new EditError(`${where}.${step} is a scalar, not a mapping or list`);
    return child;
  }
  if (!isSeq(node)) throw new EditError(`${where}: expected a list to hold the item ${step.key}=${step.value}`);
  const item = findItem(doc, node, step, true);
  if (!item) throw new EditError(`${where}: no item ${step.key}=${step.value}`);
  return item;
}

/** Applies one edit to `doc` (whose contents is the document's top mapping). */
export function applyEdit(doc: Document, edit: YamlEdit): void {
  if (edit.path.length === 0) throw new EditError(`${edit.kind} ${edit.name}: an edit needs a path`);
  let node: unknown = doc.contents;
  let where = `${edit.kind} ${edit.name}`;
  for (let i = 0; i < edit.path.length - 1; i++) {
    const step = edit.path[i]!;
    node = descend(doc, node, step, edit.path[i + 1], where);
    where += typeof step === 'string' ? `.${step}` : `[${step.key}=${step.value}]`;
  }
  const last = edit.path[edit.path.length - 1]!;
  if (typeof last === 'string') {
    if (!isMap(node)) throw new EditError(`${where}: expected a mapping to hold "${last}"`);
    setValue(doc, node, last, edit.value);
    return;
  }
  if (!isSeq(node)) throw new EditError(`${where}: expected a list to hold the item ${last.key}=${last.value}`);
  const item = findItem(doc, node, last, true)!;
  const value = edit.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EditError(`${where}[${last.key}=${last.value}]: a list item is set from a mapping`);
  for (const [k, v] of Object.entries(value)) if (k !== last.key) setValue(doc, item, k, v);
}
