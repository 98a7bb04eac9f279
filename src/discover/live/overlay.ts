/**
 * Where an edit lands: the overlay document (kind, name) under desired-state/<env>/. An
 * existing overlay document is edited in place; otherwise a new one is made holding only
 * apiVersion/kind/name and the edited keys — in the file mirroring the common document's
 * (desired-state/common/weblogic/hall.yaml → desired-state/<env>/weblogic/hall.yaml; appended as
 * another document when that file exists), else in <kind folder>/<name>.yaml.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Document, parseAllDocuments, type Document as YamlDocument } from 'yaml';
import type { YamlEdit } from '../../providers/provider.js';
import { applyEdit, EditError, YAML_STRINGIFY } from './yaml-edit.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KIND_FOLDER: Record<string, string> = {
  HostProfile: 'hosts',
  WeblogicDomain: 'weblogic',
  OracleDatabase: 'oracle',
  ConfigTable: 'config-tables',
};

export interface FilePatch {
  /** Relative to the repository root, "/" separators. */
  rel: string;
  abs: string;
  /** Text before (undefined: the file is new). */
  before?: string;
  after: string;
  /** Documents this patch created, as `Kind/name`. */
  created: string[];
  edits: YamlEdit[];
}

interface Loaded {
  rel: string;
  abs: string;
  before?: string;
  docs: YamlDocument[];
  created: string[];
  edits: YamlEdit[];
}

const relOf = (root: string, abs: string): string => relative(root, abs).split(sep).join('/');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

const docIs = (d: YamlDocument, kind: string, name: string): boolean => d.get('kind') === kind && String(d.get('name')) === name;

function findDoc(dir: string, kind: string, name: string): string | undefined {
  for (const file of yamlFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(name)) continue;
    if (parseAllDocuments(text).some((d) => 'get' in d && docIs(d as YamlDocument, kind, name))) return file;
  }
  return undefined;
}

/** The file a new overlay document of (kind, name) goes to. */
export function overlayFileFor(root: string, env: string, kind: string, name: string): string {
  if (!NAME.test(env) || !NAME.test(name)) throw new EditError(`"${env}"/"${name}" is not a valid name for a desired-state file`);
  const existing = findDoc(join(root, 'desired-state', env), kind, name);
  if (existing) return existing;
  const common = findDoc(join(root, 'desired-state', 'common'), kind, name);
  if (common) return join(root, 'desired-state', env, relative(join(root, 'desired-state', 'common'), common));
  const folder = KIND_FOLDER[kind];
  if (!folder) throw new EditError(`discover cannot write documents of kind ${kind} under desired-state/`);
  return join(root, 'desired-state', env, folder, `${name}.yaml`);
}

function load(root: string, abs: string, cache: Map<string, Loaded>): Loaded {
  let l = cache.get(abs);
  if (!l) {
    const before = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    const docs = before === undefined ? [] : (parseAllDocuments(before) as YamlDocument[]);
    for (const d of docs) if (d.errors.length > 0) throw new EditError(`${relOf(root, abs)}: ${d.errors[0]!.message}`);
    l = { rel: relOf(root, abs), abs, ...(before !== undefined ? { before } : {}), docs, created: [], edits: [] };
    cache.set(abs, l);
  }
  return l;
}

function docFor(l: Loaded, edit: YamlEdit): YamlDocument {
  const found = l.docs.find((d) => docIs(d, edit.kind, edit.name));
  if (found) return found;
  const doc = new Document({ apiVersion: 'opsctl/v1', kind: edit.kind, name: edit.name });
  if (l.docs.length > 0) doc.directives!.docStart = true;
  else doc.commentBefore = ` Adopted from live state by opsctl discover (overlay of ${edit.kind} ${edit.name}).`;
  l.docs.push(doc);
  l.created.push(`${edit.kind}/${edit.name}`);
  return doc;
}

function render(l: Loaded): string {
  return l.docs.map((d) => d.toString(YAML_STRINGIFY)).join('');
}

/** The file patches that apply `edits` (each edit's env names its overlay folder). Reads, never writes. */
export function patchesFor(root: string, edits: readonly YamlEdit[]): FilePatch[] {
  const cache = new Map<string, Loaded>();
  for (const edit of edits) {
    const l = load(root, overlayFileFor(root, edit.env, edit.kind, edit.name), cache);
    applyEdit(docFor(l, edit), edit);
    l.edits.push(edit);
  }
  return [...cache.values()]
    .map((l) => ({ rel: l.rel, abs: l.abs, ...(l.before !== undefined ? { before: l.before } : {}), after: render(l), created: l.created, edits: l.edits }))
    .filter((p) => p.after !== p.before)
    .sort((a, b) => a.rel.localeCompare(b.rel));
}
