/**
 * `opsctl validate [--json] [--no-cache]`: schema, reference, policy and secret-leak checks over
 * the whole repository. Prints `FILE:LINE:COL: error: message` lines (or JSON) and, when clean,
 * a short summary of the estate per environment. Exit 0 when there are no errors, 1 otherwise.
 * Unchanged files come from the parse cache (.opsctl/cache/, src/load/cache.ts) unless
 * `--no-cache` or OPSCTL_NO_CACHE=1. main.ts runs a plain `validate` without commander
 * (../fast-path.ts, then runValidate): keep the two in step.
 */
import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic } from '../../diag/index.js';
import { cacheDisabledByEnv, loadRepository } from '../../load/index.js';
import type { Model } from '../../model/index.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';

export interface ValidateOptions {
  json?: boolean;
  /** false with --no-cache. */
  cache?: boolean;
}

function toJson(diagnostics: Diagnostic[]): string {
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const body = {
    ok: errorCount === 0,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.source?.file ?? null,
      line: d.source?.line ?? null,
      column: d.source?.column ?? null,
      address: d.address ?? null,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** One line per environment: hosts (application/database), domains, databases. */
export function summarize(model: Model): string[] {
  const lines = Object.entries(model.environments).map(([name, env]) => {
    const db = env.hosts.filter((h) => h.roles.includes('oracle')).length;
    const tier = env.environment.tier;
    return `  ${name} (${tier}): ${env.hosts.length} hosts (${env.hosts.length - db} application, ${db} database), ${env.domains.length} domains, ${env.databases.length} databases, ${env.configTables.length} config tables`;
  });
  const playbooks = model.inspections.length + model.runbooks.length + model.dataFixes.length + model.reconciliations.length;
  lines.push(`  estate: ${model.releases.length} releases, ${playbooks} playbooks, ${model.calendars.length} calendars, ${model.windows.length} change windows`);
  return lines;
}

/** The command itself, shared by commander's action and main.ts's fast path. */
export function runValidate({ root }: Pick<CliContext, 'root'>, opts: ValidateOptions): void {
  const cache = opts.cache !== false && !cacheDisabledByEnv();
  const { model, diagnostics } = loadRepository(root, { cache });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (opts.json) process.stdout.write(toJson(diagnostics));
  else {
    const lines = diagnostics.map((d) => `${formatDiagnostic(d)}\n`);
    if (errors > 0) lines.push(`${errors} error(s), ${diagnostics.length - errors} warning(s)\n`);
    else lines.push(`ok: ${root}\n${summarize(model).join('\n')}\n`);
    process.stdout.write(lines.join(''));
  }
  process.exitCode = errors > 0 ? EXIT.error : EXIT.ok;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the repository: YAML syntax, schemas, references, policy and secret leaks')
    .option('--json', 'print the result as JSON')
    .option('--no-cache', 'parse every file again instead of taking unchanged ones from .opsctl/cache/ (also: OPSCTL_NO_CACHE=1)')
    .action((opts: ValidateOptions, command: Command) => {
      runValidate(contextOf(command), opts);
    });
}

