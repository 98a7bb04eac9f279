/** Shared by the WDT import tests: fixtures (tests/fixtures/wdt, sources named in each file). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WeblogicDomain } from '../../../src/model/index.js';
import { importWdt, parseProperties, parseWdtModel, renderDomainYaml, type ImportOptions, type ImportResult } from '../../../src/discover/wdt/index.js';

export const ROOT = join(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/wdt');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function variables(name: string): Map<string, string> {
  return parseProperties(fixture(name));
}

export function run(name: string, options: Partial<ImportOptions> = {}, text = fixture(name)): ImportResult & { yaml: string } {
  const result = importWdt(parseWdtModel(text, name), { env: 'prod', domain: 'hall', source: name, ...options });
  return { ...result, yaml: renderDomainYaml(result, { env: 'prod', domain: 'hall', source: name }) };
}

/** Every string the import hands out: the YAML, the JSON of the result (lists included). */
export function everything(result: ImportResult & { yaml: string }): string {
  return `${result.yaml}\n${JSON.stringify(result)}`;
}

export function paths(result: ImportResult): string[] {
  return result.unmapped.map((u) => u.path);
}

/** The document as its type (tests then check it field by field; `valid` says if it passes). */
export function doc(result: ImportResult): WeblogicDomain {
  return result.document as unknown as WeblogicDomain;
}
