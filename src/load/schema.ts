/**
 * Schema validation: one validator per kind (validators.ts: generated at build time, or
 * compiled from source under vitest), and ajv's errors turned into messages a person can act
 * on, placed at the YAML node they concern.
 */
import type { ErrorObject } from 'ajv';
import { error, type Diagnostic } from '../diag/index.js';
import type { Kind } from '../model/index.js';
import { displayPath, isRecord, keyPos, pointer, segments, valuePos, type PosMap } from './paths.js';
import { kindSchema, validatorFor } from './validators.js';

export interface ValidateOptions {
  /**
   * A layer as written, complete only after the merge: required keys may be missing (types,
   * patterns and unknown keys are still checked). Common documents and overlays.
   */
  partial?: boolean;
  /** An overlay as written: `$delete`/`$replace` markers are allowed (and stripped). */
  markers?: boolean;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

function got(data: unknown): string {
  if (data === undefined) return '';
  if (Array.isArray(data)) return ', got a list';
  if (isRecord(data)) return ', got a mapping';
  const text = JSON.stringify(data);
  return `, got ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

/** Short description of one schema, for "must be one of …". */
function describe(schema: unknown): string {
  if (!isRecord(schema)) return 'a value';
  if ('const' in schema) return JSON.stringify(schema['const']);
  if (Array.isArray(schema['anyOf'])) return schema['anyOf'].map(describe).join(', ');
  const type = schema['type'];
  if (type === 'array' && isRecord(schema['items']) && Array.isArray(schema['items']['anyOf'])) {
    return `a list of (${describe(schema['items'])})`;
  }
  return typeof type === 'string' ? (TYPE_WORDS[type] ?? type) : 'a value';
}

function closest(word: string, candidates: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  const best = candidates.map((c) => ({ c, d: dist(word, c) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined;
}

function message(e: ErrorObject): { text: string; atKey?: string } {
  const where = displayPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return { text: `${where}: must be ${TYPE_WORDS[String(p['type'])] ?? String(p['type'])}${got(e.data)}` };
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const parent = e.parentSchema as Record<string, unknown> | undefined;
      const known = isRecord(parent?.['properties']) ? Object.keys(parent['properties']) : [];
      const patterns = isRecord(parent?.['patternProperties']) ? Object.keys(parent['patternProperties']) : [];
      const hint = closest(key, known);
      const tail = hint ? ` (did you mean "${hint}"?)` : patterns.length > 0 && known.length === 0 ? ` (keys must match ${patterns.join(' or ')})` : '';
      return { text: `${where}: unknown key "${key}"${tail}`, atKey: key };
    }
    case 'required':
      return { text: `${where}: missing required key "${String(p['missingProperty'])}"` };
    case 'pattern': {
      const desc = isRecord(e.parentSchema) && typeof e.parentSchema['description'] === 'string' ? e.parentSchema['description'] : undefined;
      return { text: `${where}: ${desc ? `must be ${desc}` : `must match the pattern ${String(p['pattern'])}`}${got(e.data)}` };
    }
    case 'const':
      return { text: `${where}: must be ${JSON.stringify(p['allowedValue'])}${got(e.data)}` };
    case 'enum':
      return { text: `${where}: must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got(e.data)}` };
    case 'anyOf':
      return { text: `${where}: must be one of ${describe({ anyOf: e.schema })}${got(e.data)}` };
    default:
      return { text: `${where}: ${e.message ?? e.keyword}${got(e.data)}` };
  }
}

/** Drops the per-branch noise of failed unions; keeps one error per union (or its only fitting branch). */
function collapseUnions(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf');
  const inside = (e: ErrorObject, u: ErrorObject): boolean =>
    e !== u && e.schemaPath.startsWith(`${u.schemaPath}/`) && (e.instancePath === u.instancePath || e.instancePath.startsWith(`${u.instancePath}/`));
  const drop = new Set<ErrorObject>();
  for (const u of unions) {
    const children = errors.filter((e) => inside(e, u));
    const branches = Array.isArray(u.schema) ? (u.schema as unknown[]) : [];
    const fitting = branches.map((b, i) => ({ b, i })).filter(({ b }) => isRecord(b) && !('const' in b) && typeFits(b['type'], u.data));
    if (fitting.length === 1) {
      const prefix = `${u.schemaPath}/${fitting[0]!.i}/`;
      drop.add(u);
      for (const c of children) if (!c.schemaPath.startsWith(prefix)) drop.add(c);
    } else {
      for (const c of children) drop.add(c);
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function typeFits(type: unknown, data: unknown): boolean {
  if (type === 'integer' || type === 'number') return typeof data === 'number';
  if (type === 'string') return typeof data === 'string';
  if (type === 'boolean') return typeof data === 'boolean';
  if (type === 'array') return Array.isArray(data);
  if (type === 'object') return isRecord(data);
  return false;
}

/** Removes `$delete`d items and `$replace`/`$delete` markers, for checking an overlay as written. */
export function stripMarkers(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(isRecord(v) && v['$delete'] === true)).map(stripMarkers);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$replace' || (isRecord(v) && v['$delete'] === true)) continue;
    out[k] = stripMarkers(v);
  }
  return out;
}

/** The value at a JSON pointer (`/a/0/b`), or at a schema path (`#/properties/a`). */
function at(root: unknown, ptr: string): unknown {
  let here = root;
  // Schema paths are URI fragments (ajv escapes their segments); instance paths are pointers.
  for (const seg of segments(ptr.startsWith('#') ? decodeURIComponent(ptr.slice(1)) : ptr)) {
    if (Array.isArray(here)) here = here[Number(seg)];
    else if (isRecord(here)) here = here[seg];
    else return undefined;
  }
  return here;
}

/**
 * Adds what `verbose: true` would have put on each error (the data, the failing keyword's
 * schema and its parent schema), found by path: the validators stay lean and fast.
 */
function withContext(errors: ErrorObject[], schema: unknown, data: unknown): ErrorObject[] {
  return errors.map((e) => ({
    ...e,
    data: at(data, e.instancePath),
    schema: at(schema, e.schemaPath),
    parentSchema: at(schema, e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'))) as ErrorObject['parentSchema'],
  }));
}

/** Validates one document against its kind's schema. */
export function validateDoc(kind: Kind, value: unknown, pos: PosMap, options: ValidateOptions = {}): Diagnostic[] {
  const fn = validatorFor(kind);
  const data = options.markers ? stripMarkers(value) : value;
  if (fn(data)) return [];
  // A partial layer's missing keys are not errors: drop them before the costly part (they only
  // ever decide their own fate in collapseUnions, never another error's).
  const errors = options.partial ? (fn.errors ?? []).filter((e) => e.keyword !== 'required') : (fn.errors ?? []);
  if (errors.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const e of collapseUnions(withContext(errors, kindSchema(kind), data))) {
    const { text, atKey } = message(e);
    const source = atKey !== undefined ? keyPos(pos, pointer(e.instancePath, atKey)) : valuePos(pos, e.instancePath);
    out.push(error('schema', text, source));
  }
  return out;
}
