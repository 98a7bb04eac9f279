/**
 * `opsctl import wdt MODEL.yaml --env E --domain D [--application A] [--version V]
 * [--variables FILE.properties] [--write] [--json]`: a WebLogic Deploy Tooling model to a
 * WeblogicDomain document. Prints the YAML (its header comments list placeholders, unmapped parts
 * and tokens) or JSON; with --write, backs up and replaces desired-state/<env>/weblogic/<D>.yaml
 * and runs the loader. Exit 0 done, 1 error (bad input, document invalid, loader errors in the
 * written file).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic } from '../../diag/index.js';
import {
  APPLICATIONS,
  importWdt,
  parseProperties,
  parseWdtModel,
  renderDomainYaml,
  writeDomainFile,
  type ImportResult,
  type WlsVersion,
  type WriteOutcome,
} from '../../discover/wdt/index.js';
import { loadEnvironment, loadRepository, ModelError } from '../../load/index.js';
import type { Application, EnvironmentModel } from '../../model/index.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface Options {
  env: string;
  domain: string;
  application?: string;
  version?: string;
  variables?: string;
  write?: boolean;
  json?: boolean;
}

const VERSIONS: readonly WlsVersion[] = ['12.2.1.4', '10.3.6'];

function checkChoices(opts: Options): void {
  if (opts.application !== undefined && !APPLICATIONS.includes(opts.application as Application)) {
    throw new Error(`--application must be one of ${APPLICATIONS.join(', ')}`);
  }
  if (opts.version !== undefined && !VERSIONS.includes(opts.version as WlsVersion)) throw new Error(`--version must be one of ${VERSIONS.join(', ')}`);
}

/** The environment as loaded, or why it is not (the import then maps nothing to hosts/databases). */
function estateOf(root: string, env: string): { estate?: EnvironmentModel; note?: string } {
  try {
    return { estate: loadEnvironment(root, env).env };
  } catch (err) {
    if (err instanceof ModelError) return { note: `environment ${env} not loaded (${err.message}); hosts and databases stay placeholders` };
    throw err;
  }
}

function fileDiagnostics(root: string, rel: string): Diagnostic[] {
  return loadRepository(root).diagnostics.filter((d) => d.source?.file === rel);
}

function jsonBody(result: ImportResult, yaml: string, note: string | undefined, written?: WriteOutcome, loader?: Diagnostic[]): string {
  const body = {
    ok: result.valid && !(loader ?? []).some((d) => d.severity === 'error'),
    valid: result.valid,
    estateNote: note ?? null,
    document: result.document,
    yaml,
    unmapped: result.unmapped,
    placeholders: result.placeholders,
    tokens: result.tokens,
    diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })),
    written: written ? { file: written.rel, backup: written.backup ?? null } : null,
    loaderDiagnostics: (loader ?? []).map((d) => ({ severity: d.severity, code: d.code, message: d.message, file: d.source?.file ?? null, line: d.source?.line ?? null, column: d.source?.column ?? null })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function runWdt(model: string, opts: Options, command: Command): void {
  const { root } = contextOf(command);
  checkChoices(opts);
  const parsed = parseWdtModel(readFileSync(model, 'utf8'), model);
  const variables = opts.variables ? parseProperties(readFileSync(opts.variables, 'utf8')) : undefined;
  const { estate, note } = estateOf(root, opts.env);
  const result = importWdt(parsed, {
    env: opts.env,
    domain: opts.domain,
    source: basename(model),
    ...(opts.application ? { application: opts.application as Application } : {}),
    ...(opts.version ? { version: opts.version as WlsVersion } : {}),
    ...(variables ? { variables } : {}),
    ...(estate ? { estate } : {}),
  });
  const yaml = renderDomainYaml(result, { env: opts.env, domain: opts.domain, source: basename(model) });
  if (!opts.write) {
    if (opts.json) process.stdout.write(jsonBody(result, yaml, note));
    else process.stdout.write(`${note ? `# ${note}\n` : ''}${yaml}`);
    process.exitCode = result.valid ? EXIT.ok : EXIT.error;
    return;
  }
  if (!result.valid) {
    if (opts.json) process.stdout.write(jsonBody(result, yaml, note));
    else process.stdout.write(`${yaml}opsctl import wdt: not written: the document does not validate (see "Schema problems" above; --variables may resolve kept tokens)\n`);
    process.exitCode = EXIT.error;
    return;
  }
  const written = writeDomainFile(root, opts.env, opts.domain, yaml);
  const loader = fileDiagnostics(root, written.rel);
  if (opts.json) process.stdout.write(jsonBody(result, yaml, note, written, loader));
  else {
    if (note) process.stdout.write(`note: ${note}\n`);
    process.stdout.write(`wrote ${written.rel}${written.backup ? ` (previous file backed up to ${written.backup})` : ''}\n`);
    process.stdout.write(`${result.placeholders.length} placeholder(s), ${result.unmapped.length} unmapped part(s), ${result.tokens.length} token(s): listed at the top of the file\n`);
    for (const d of loader) process.stdout.write(`${formatDiagnostic(d)}\n`);
    process.stdout.write(loader.length === 0 ? 'loader: no diagnostics for the written file\n' : `loader: ${loader.length} diagnostic(s) for the written file\n`);
  }
  process.exitCode = loader.some((d) => d.severity === 'error') ? EXIT.error : EXIT.ok;
}

export function registerImport(program: Command): void {
  const imp = program.command('import').description('turn models of other tools into desired-state YAML');
  imp
    .command('wdt <model>')
    .description('import an Oracle WebLogic Deploy Tooling model as a WeblogicDomain (docs/wdt-import.md)')
    .requiredOption('--env <env>', 'environment the domain belongs to')
    .requiredOption('--domain <domain>', 'name of the WeblogicDomain')
    .option('--application <app>', `application the domain serves (${APPLICATIONS.join('|')})`)
    .option('--version <version>', `WebLogic version (${VERSIONS.join('|')}); default by application`)
    .option('--variables <file>', 'WDT variables (.properties) for @@PROP:KEY@@ tokens in non-secret values')
    .option('--write', 'write desired-state/<env>/weblogic/<domain>.yaml (an existing file is backed up first)')
    .option('--json', 'print the result as JSON')
    .action((model: string, opts: Options, command: Command) => runWdt(model, opts, command));
}
