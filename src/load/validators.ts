/**
 * The kinds' schemas and one ajv validator per kind. The built CLI uses what
 * scripts/build-validators.mjs generated at build time (dist/load/kind-validators.js: ajv
 * standalone code plus the schemas as plain JSON), so no schema is compiled — and neither ajv's
 * compiler nor TypeBox is loaded — at run time. Running from source (vitest) takes the schemas
 * from model/ and compiles them with ajv on first use. Both paths use AJV_OPTIONS; the
 * generated file carries a stamp of the compiled schema modules, so stale validators are
 * refused rather than silently used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { Kind } from '../model/index.js';

/** The ajv options of both paths. No `verbose`: schema.ts finds data and schemas by path. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** The file the build writes next to this module (dist/load/). */
export const GENERATED_FILE = 'kind-validators.js';

export interface KindValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

interface SchemaSet {
  /** kind → JSON Schema. */
  SCHEMAS: Record<string, unknown>;
  /** The pattern every secret reference matches (model's SecretRef). */
  SECRET_REF_PATTERN: string;
  VALIDATORS?: Record<string, KindValidator>;
  STAMP?: string;
}

/** Hash of the options and the schema modules next to `here` (…/model/schema/*.js or *.ts). */
export function schemaStamp(schemaDir: URL): string {
  const hash = createHash('sha256').update(JSON.stringify(AJV_OPTIONS));
  for (const f of readdirSync(schemaDir).filter((n) => /\.(js|ts)$/.test(n)).sort()) hash.update(f).update(readFileSync(new URL(f, schemaDir)));
  return hash.digest('hex').slice(0, 16);
}

const fromSource = import.meta.url.endsWith('.ts');

async function generated(): Promise<SchemaSet> {
  let mod: SchemaSet;
  try {
    const spec = `./${GENERATED_FILE}`;
    mod = (await import(spec)) as SchemaSet;
  } catch (e) {
    throw new Error(`opsctl is not fully built: ${GENERATED_FILE} is missing or broken; run npm run build (${(e as Error).message})`);
  }
  if (mod.STAMP !== schemaStamp(new URL('../model/schema/', import.meta.url))) {
    throw new Error(`opsctl is not fully built: ${GENERATED_FILE} is older than the schemas; run npm run build`);
  }
  return mod;
}

async function fromModel(): Promise<SchemaSet> {
  const { KIND_SCHEMAS, SecretRef } = await import('../model/index.js');
  const { Ajv } = await import('ajv');
  const ajv = new Ajv(AJV_OPTIONS);
  const VALIDATORS: Record<string, KindValidator> = {};
  for (const [kind, schema] of Object.entries(KIND_SCHEMAS)) {
    // Compiled on first use: a test touching two kinds does not pay for thirteen.
    let fn: KindValidator | undefined;
    VALIDATORS[kind] = Object.assign((data: unknown): boolean => {
      fn ??= ajv.compile(schema);
      const ok = fn(data);
      VALIDATORS[kind]!.errors = fn.errors;
      return ok;
    });
  }
  return { SCHEMAS: KIND_SCHEMAS, SECRET_REF_PATTERN: SecretRef.pattern as string, VALIDATORS };
}

/** Built and not fully built: the error is raised at first use, so the CLI can print it. */
const loaded: SchemaSet | Error = fromSource ? await fromModel() : await generated().catch((e: unknown) => e as Error);

function current(): SchemaSet {
  if (loaded instanceof Error) throw loaded;
  return loaded;
}

/** Every kind's name. */
export const kindNames = (): string[] => Object.keys(current().SCHEMAS);
export const isKind = (name: string): name is Kind => Object.hasOwn(current().SCHEMAS, name);
export const kindSchema = (kind: Kind): unknown => current().SCHEMAS[kind];
export const secretRefPattern = (): string => current().SECRET_REF_PATTERN;

let sourceStamp: string | undefined;
/** The stamp of the schemas in use: the generated file's, or (from source) computed once. */
export function currentSchemaStamp(): string {
  const { STAMP } = current();
  return STAMP ?? (sourceStamp ??= schemaStamp(new URL('../model/schema/', import.meta.url)));
}

export function validatorFor(kind: Kind): KindValidator {
  const fn = current().VALIDATORS?.[kind];
  if (!fn) throw new Error(`no validator for kind ${kind}; run npm run build`);
  return fn;
}
