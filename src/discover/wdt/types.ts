/**
 * The values `importWdt` works with and returns: options, the lists of what could not be mapped,
 * of values put in place of missing ones, and of WDT tokens met on the way.
 */
import type { Diagnostic } from '../../diag/index.js';
import type { Application, EnvironmentModel } from '../../model/index.js';

export type WlsVersion = '12.2.1.4' | '10.3.6';

export interface ImportOptions {
  env: string;
  domain: string;
  application?: Application;
  version?: WlsVersion;
  /** Variables of `--variables FILE.properties`, for `@@PROP:KEY@@` in non-secret values. */
  variables?: ReadonlyMap<string, string>;
  /** The environment as loaded (hosts, databases, the domain already declared), when it exists. */
  estate?: EnvironmentModel;
  /** Shown in the document's description and header, e.g. the model file's name. */
  source?: string;
}

/** Something of the WDT model that is not in the produced document. */
export interface UnmappedItem {
  /** WDT model path, e.g. `resources:/JMSSystemResource/MyJmsModule`. */
  path: string;
  reason: string;
}

/** A value of the produced document that the WDT model did not give; it needs a review. */
export interface Placeholder {
  /** Path in the produced document, e.g. `servers[0].host`. */
  field: string;
  value: string;
  reason: string;
}

export type TokenAction = 'resolved' | 'kept' | 'secret-reference' | 'file-reference' | 'secret-dropped';

/** One WDT token met in the model and what became of it (never its resolved secret value). */
export interface TokenUse {
  path: string;
  token: string;
  action: TokenAction;
  /** For references: the reference written into the document. */
  reference?: string;
}

export interface ImportResult {
  /** The WeblogicDomain document (plain data; `valid` says whether it passed the schema). */
  document: Record<string, unknown>;
  valid: boolean;
  /** Schema problems of `document` (e.g. a `@@PROP@@` kept where an integer is required). */
  diagnostics: Diagnostic[];
  unmapped: UnmappedItem[];
  placeholders: Placeholder[];
  tokens: TokenUse[];
}
