/**
 * load — the repository's YAML to a validated Model, with every problem as a Diagnostic
 * (file:line:column). Owns YAML parsing (`yaml`), schema validation (`ajv`), the layering
 * merge, reference and policy checks. Reads files; prints nothing; may not import cli/ or any
 * layer above model/ and diag/.
 *
 *   loadRepository(root)      → { model, diagnostics }   (never throws on bad YAML)
 *   loadEnvironment(root, env) → { model, env }          (throws ModelError on any error)
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diag/index.js';
import type { EnvironmentModel, Model } from '../model/index.js';
import { buildModel } from './build.js';
import { listRepoFiles, listTemplates, readRepoFile } from './files.js';
import { buildLayers } from './layers.js';
import { parseFile, type ParsedDoc } from './parse.js';
import { checkHostKeys, checkPorts, checkSecrets } from './policy.js';
import { checkEnvironmentRefs } from './refs-env.js';
import { checkEstateRefs } from './refs-estate.js';
import { cacheKey, ParseCache } from './cache.js';
import { currentSchemaStamp } from './validators.js';
import { resolve } from 'node:path';

export { MAX_FILE_BYTES } from './files.js';
export { MAX_ALIAS_COUNT } from './parse.js';
export { IDENTITY_KEYS, DEFAULT_IDENTITY_KEY } from './merge.js';
export { SEGMENT_OF, ESTATE } from './build.js';
export { CACHE_FILE, NO_CACHE_ENV, cacheDisabledByEnv } from './cache.js';

export interface LoadOptions {
  /**
   * Use the parse cache under `<root>/.opsctl/cache/` (cache.ts): unchanged files are not parsed
   * again. Off unless asked for; the CLI asks unless `--no-cache` or OPSCTL_NO_CACHE=1.
   * `{ stamp }` replaces the schema stamp in the cache key (tests).
   */
  cache?: boolean | { stamp: string };
}

/** The model has errors (or the environment does not exist); carries every diagnostic. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super(message);
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const id = `${d.code}|${d.message}|${d.source?.file}:${d.source?.line}:${d.source?.column}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Loads and checks the whole repository at `root`; diagnostics are sorted and never thrown. */
export function loadRepository(root: string, options: LoadOptions = {}): { model: Model; diagnostics: Diagnostic[] } {
  const abs = resolve(root);
  const out: Diagnostic[] = [];
  const { files, diagnostics } = listRepoFiles(abs);
  out.push(...diagnostics);
  const parsed: ParsedDoc[] = [];
  const cache = options.cache ? ParseCache.open(abs, cacheKey(options.cache === true ? currentSchemaStamp() : options.cache.stamp)) : undefined;
  for (const file of files) {
    const { text, diagnostic } = readRepoFile(file);
    if (diagnostic) out.push(diagnostic);
    if (text === undefined) continue;
    const result = parseFile(file, text, cache);
    parsed.push(...result.docs);
    out.push(...result.diagnostics);
  }
  cache?.save();
  checkSecrets(parsed, out);
  const layers = buildLayers(parsed, out);
  const ctx = { layers, templates: listTemplates(abs), out };
  for (const env of layers.envs.values()) checkEnvironmentRefs(ctx, env);
  checkEstateRefs(ctx, abs);
  checkPorts(layers, out);
  checkHostKeys(layers, out);
  return { model: buildModel(abs, layers), diagnostics: sortDiagnostics(dedupe(out)) };
}

/** Loads the repository and returns one environment; throws ModelError if anything is wrong. */
export function loadEnvironment(root: string, env: string, options: LoadOptions = {}): { model: Model; env: EnvironmentModel } {
  const { model, diagnostics } = loadRepository(root, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(diagnostics)) {
    throw new ModelError(`the repository has ${errors.length} error(s); run opsctl validate`, diagnostics);
  }
  const found = model.environments[env];
  if (!found) {
    const known = Object.keys(model.environments).join(', ') || 'none';
    throw new ModelError(`environment "${env}" does not exist (known: ${known})`, diagnostics);
  }
  return { model, env: found };
}
export { validateDoc } from './schema.js';
