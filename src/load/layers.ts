/**
 * Sorting parsed documents into their layers: inventory per environment, desired state
 * (common merged with each environment's overlay), releases and playbooks. Checks where each
 * kind may live, duplicate (kind, name) pairs, and validates documents as written (common and
 * overlays partially: required keys may come from the other layer) and, completely, as merged.
 */
import { error, type Diagnostic } from '../diag/index.js';
import type { Kind } from '../model/index.js';
import { mergeDocuments } from './merge.js';
import { valuePos, type PosMap } from './paths.js';
import type { ParsedDoc } from './parse.js';
import type { Area } from './files.js';
import { validateDoc } from './schema.js';

/** A document ready for the model: merged if it was overlaid. */
export interface Doc {
  kind: Kind;
  name: string;
  value: Record<string, unknown>;
  pos: PosMap;
  /** True when the document passed its schema (as merged); deep checks run only on those. */
  valid: boolean;
}

export interface EnvDocs {
  name: string;
  environment?: Doc;
  inventories: Doc[];
  /** HostProfile, WeblogicDomain, OracleDatabase, ConfigTable after the merge. */
  desired: Doc[];
}

export interface Layers {
  envs: Map<string, EnvDocs>;
  /** Calendar and ChangeWindows (estate-wide), Release and the playbook kinds. */
  global: Doc[];
  /** Release folder name by release document. */
  releaseFolders: Map<Doc, string>;
}

const PLACES: Record<Area, readonly Kind[]> = {
  inventory: ['Environment', 'Inventory'],
  common: ['HostProfile', 'WeblogicDomain', 'OracleDatabase', 'ConfigTable', 'Calendar', 'ChangeWindows'],
  overlay: ['HostProfile', 'WeblogicDomain', 'OracleDatabase', 'ConfigTable', 'Calendar', 'ChangeWindows'],
  release: ['Release'],
  playbook: ['InspectionPlaybook', 'Runbook', 'DataFix', 'ReconciliationPlaybook'],
};
const FOLDER: Record<Area, string> = {
  inventory: 'inventory/<env>/',
  common: 'desired-state/',
  overlay: 'desired-state/',
  release: 'releases/<name>/release.yaml',
  playbook: 'playbooks/',
};
const ESTATE_WIDE: readonly Kind[] = ['Calendar', 'ChangeWindows'];

const where = (d: { pos: PosMap }, ptr = '/kind'): ReturnType<typeof valuePos> => valuePos(d.pos, ptr);

function asDoc(p: ParsedDoc, out: Diagnostic[]): Doc {
  const found = validateDoc(p.kind, p.value, p.pos);
  out.push(...found);
  return { kind: p.kind, name: p.name, value: p.value, pos: p.pos, valid: found.length === 0 };
}

function homeOf(kind: Kind): string {
  const area = (Object.keys(PLACES) as Area[]).find((a) => PLACES[a].includes(kind));
  return area ? FOLDER[area] : '?';
}

function envOf(envs: Map<string, EnvDocs>, name: string): EnvDocs {
  let e = envs.get(name);
  if (!e) envs.set(name, (e = { name, inventories: [], desired: [] }));
  return e;
}

function noDuplicates(docs: ParsedDoc[], scope: string, out: Diagnostic[]): ParsedDoc[] {
  const seen = new Map<string, ParsedDoc>();
  const kept: ParsedDoc[] = [];
  for (const d of docs) {
    const id = `${d.kind}/${d.name}`;
    const first = seen.get(id);
    if (first) {
      const at = first.pos.get('/name')?.value;
      out.push(error('duplicate', `${d.kind} "${d.name}" is declared twice in ${scope} (first at ${at?.file}:${at?.line})`, where(d, '/name')));
      continue;
    }
    seen.set(id, d);
    kept.push(d);
  }
  return kept;
}

const at = (d: Diagnostic): string => `${d.source?.file}:${d.source?.line}:${d.source?.column}`;

/**
 * The complete check of one merged document for one environment. Mistakes already reported in
 * a layer as written are not repeated; a key missing where a common document set the parent
 * names the environment, since common may leave it to each overlay.
 */
function checkMerged(doc: Omit<Doc, 'valid'>, env: string, asWritten: Diagnostic[], ctx: MergeContext): Doc {
  const found = validateDoc(doc.kind, doc.value, doc.pos);
  const seen = new Set(asWritten.map(at));
  for (const d of found) {
    if (seen.has(at(d))) continue;
    if (d.source?.file.startsWith('desired-state/common/') && / missing required key /.test(d.message)) {
      const id = `${at(d)} ${d.message}`;
      const same = ctx.missingInCommon.get(id);
      if (same) same.envs.push(env);
      else ctx.missingInCommon.set(id, { d, envs: [env] });
    } else ctx.out.push(d);
  }
  return { ...doc, valid: found.length === 0 };
}

interface MergeContext {
  out: Diagnostic[];
  /** Keys a common document leaves out and some environments do not supply: one line each. */
  missingInCommon: Map<string, { d: Diagnostic; envs: string[] }>;
}

function reportMissingInCommon(ctx: MergeContext): void {
  for (const { d, envs } of ctx.missingInCommon.values()) {
    const where = envs.length === 1 ? `environment ${envs[0]}` : `environments ${envs.join(', ')}`;
    const overlays = envs.map((e) => `desired-state/${e}/`).join(', ');
    ctx.out.push({ ...d, message: `${d.message} in ${where} (set it here or in ${overlays})` });
  }
}

function mergeLayer(env: string, common: ParsedDoc[], commonFound: Map<ParsedDoc, Diagnostic[]>, overlay: ParsedDoc[], ctx: MergeContext): Doc[] {
  const out = ctx.out;
  const byId = new Map(overlay.map((d) => [`${d.kind}/${d.name}`, d]));
  const result: Doc[] = [];
  for (const base of common) {
    if (ESTATE_WIDE.includes(base.kind)) continue;
    const baseFound = commonFound.get(base) ?? [];
    const over = byId.get(`${base.kind}/${base.name}`);
    if (!over) {
      result.push(checkMerged({ kind: base.kind, name: base.name, value: base.value, pos: base.pos }, env, baseFound, ctx));
      continue;
    }
    byId.delete(`${base.kind}/${base.name}`);
    const asWritten = validateDoc(over.kind, over.value, over.pos, { partial: true, markers: true });
    out.push(...asWritten);
    const merged = mergeDocuments(base.kind, base, over);
    result.push(checkMerged({ kind: base.kind, name: base.name, ...merged }, env, [...baseFound, ...asWritten], ctx));
  }
  for (const only of byId.values()) {
    if (!ESTATE_WIDE.includes(only.kind)) result.push(asDoc(only, out));
  }
  return result;
}

/** Sorts documents into layers, validating each as written and as merged. */
export function buildLayers(parsed: ParsedDoc[], out: Diagnostic[]): Layers {
  const envs = new Map<string, EnvDocs>();
  const global: Doc[] = [];
  const releaseFolders = new Map<Doc, string>();
  const placed = parsed.filter((p) => {
    if (PLACES[p.file.area].includes(p.kind)) return true;
    out.push(error('misplaced', `kind ${p.kind} does not belong here: it lives in ${homeOf(p.kind)}`, where(p)));
    return false;
  });
  const inArea = (a: Area): ParsedDoc[] => placed.filter((p) => p.file.area === a);

  for (const p of noDuplicates(inArea('inventory'), 'inventory/', out)) {
    const doc = asDoc(p, out);
    const env = envOf(envs, p.file.env ?? '');
    if (p.kind === 'Inventory') env.inventories.push(doc);
    else env.environment = doc;
  }
  const common = noDuplicates(inArea('common'), 'desired-state/common/', out);
  const overlayEnvs = [...new Set(inArea('overlay').map((p) => p.file.env ?? ''))].sort();
  for (const name of overlayEnvs) {
    if (!envs.has(name)) {
      const first = inArea('overlay').find((p) => p.file.env === name);
      out.push(error('reference', `desired-state/${name}/ has no environment: inventory/${name}/ does not exist`, first && where(first)));
    }
  }
  // Common documents as written are partial: each environment completes them (checked after the merge).
  const commonFound = new Map<ParsedDoc, Diagnostic[]>();
  for (const c of common.filter((p) => !ESTATE_WIDE.includes(p.kind))) {
    const found = validateDoc(c.kind, c.value, c.pos, { partial: true });
    out.push(...found);
    commonFound.set(c, found);
  }
  const estateWide = [...common.filter((p) => ESTATE_WIDE.includes(p.kind))];
  const ctx: MergeContext = { out, missingInCommon: new Map() };
  for (const env of [...envs.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const overlay = noDuplicates(inArea('overlay').filter((p) => p.file.env === env.name), `desired-state/${env.name}/`, out);
    for (const o of overlay.filter((p) => ESTATE_WIDE.includes(p.kind))) {
      if (common.some((c) => c.kind === o.kind && c.name === o.name)) {
        out.push(error('layering', `${o.kind} "${o.name}" is estate-wide and cannot be overlaid; declare a differently named ${o.kind} and point Environment.${o.kind === 'Calendar' ? 'calendar' : 'windows'} at it`, where(o, '/name')));
      } else estateWide.push(o);
    }
    env.desired = mergeLayer(env.name, common, commonFound, overlay, ctx);
  }
  reportMissingInCommon(ctx);
  for (const p of noDuplicates(estateWide, 'desired-state/', out)) global.push(asDoc(p, out));
  for (const p of noDuplicates(inArea('release'), 'releases/', out)) {
    const doc = asDoc(p, out);
    releaseFolders.set(doc, p.file.release ?? '');
    global.push(doc);
  }
  for (const p of noDuplicates(inArea('playbook'), 'playbooks/', out)) global.push(asDoc(p, out));
  return { envs, global, releaseFolders };
}
