/**
 * discover/wdt — import of Oracle WebLogic Deploy Tooling models (reference/weblogic.md §1) into
 * a WeblogicDomain document of one environment. Owns reading WDT YAML and .properties files
 * (`yaml`), the mapping, token handling (secrets only ever become references), the lists of what
 * is not mapped, rendering and the backed-up write. Prints nothing; may import model/, diag/
 * and load/ (schema validation), never cli/.
 *
 *   parseWdtModel(text, file)        → the model as plain data (WdtModelError on bad YAML)
 *   parseProperties(text)            → Map of a --variables file
 *   importWdt(model, options)        → { document, valid, diagnostics, unmapped, placeholders, tokens }
 *   renderDomainYaml(result, meta)   → YAML with the lists as header comments
 *   writeDomainFile(root, env, d, t) → { file, rel, backup? }  (backs up before replacing)
 */
export { parseProperties, parseWdtModel, WdtModelError } from './source.js';
export { APPLICATIONS, defaultVersion, importWdt, WdtImportError } from './convert.js';
export { parseOracleUrl, matchDatabase, type OracleUrl, type DatabaseMatch } from './jdbc-url.js';
export { parseArguments } from './jvm.js';
export { renderDomainYaml, reportLines, type RenderMeta } from './render.js';
export { domainFile, writeDomainFile, type WriteOutcome } from './write.js';
export { UNKNOWN_SHA256 } from './apps.js';
export type { ImportOptions, ImportResult, Placeholder, TokenAction, TokenUse, UnmappedItem, WlsVersion } from './types.js';
