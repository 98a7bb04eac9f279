/**
 * `opsctl rollback --env E --release R [--break-glass REASON] [--take-over] [--json]`: undo a
 * completed release from the inverses journaled by its last succeeded apply, found in the
 * committed apply records (reports/E/applies/, git history: release/applied.ts), so any clone can
 * do it. Windows, the lease and freshness hold as for apply: an attribute changed since the
 * release was applied is named (applied value, live value) and the rollback refused. The
 * rollback is recorded and committed like an apply. Exit 0 rolled back, 1 not completely, 3 refused.
 */
import type { Command } from 'commander';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';
import { clockOf, connectForApply, exitFor, printResult, recordApplyFor, renderEvent, windowCheckFor } from './apply.js';
import { loadForCli } from './plan.js';
import { releaseModelForCli } from './release-model.js';

interface RollbackCliOptions { env: string; release: string; breakGlass?: string; takeOver?: boolean; json?: boolean }

async function rollback(opts: RollbackCliOptions, command: Command): Promise<void> {
  const ctx = contextOf(command);
  const plain = loadForCli(ctx.root, opts.env);
  // The release's desired state (a sql-migration's scripts) is needed to read what it changed.
  const model = plain && (await releaseModelForCli(ctx.root, plain, opts.release));
  if (!model) return;
  const now = clockOf(ctx);
  const [{ rollbackRelease }, { findAppliedRelease }, window, recordApply] = await Promise.all([
    import('../../engine/apply/index.js'), import('../../release/index.js'), windowCheckFor(ctx.root, opts.env), recordApplyFor(now),
  ]);
  const found = await findAppliedRelease(ctx.root, opts.env, opts.release);
  if (!found.ok) {
    printResult({ status: 'refused', env: opts.env, refusals: [{ code: 'nothing-to-recover', message: found.reason, details: [] }], steps: [], rollback: [], irreversibleKept: [] }, opts.json === true);
    process.exitCode = EXIT.refused;
    return;
  }
  const { estate, lock } = await connectForApply(ctx, model, now);
  try {
    const result = await rollbackRelease({
      root: ctx.root, release: opts.release, applied: found.applied, providers: estate.providers, ctx: estate.context, lock, now, window, recordApply,
      emit: (e) => { const line = opts.json ? undefined : renderEvent(e); if (line) process.stderr.write(`${line}\n`); },
      ...(opts.breakGlass !== undefined ? { breakGlass: { reason: opts.breakGlass } } : {}),
      ...(opts.takeOver ? { takeOver: true } : {}),
    });
    printResult(result, opts.json === true);
    process.exitCode = exitFor(result, true);
  } finally {
    await estate.close();
  }
}

export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description('undo the last succeeded apply of a release (found in the committed apply records) from its journaled inverses; exit 0 rolled back, 1 not completely, 3 refused')
    .requiredOption('--env <env>', 'environment name')
    .requiredOption('--release <release>', 'the release to undo (its last succeeded apply)')
    .option('--break-glass <reason>', 'run outside a change window (recorded in the journal)')
    .option('--take-over', "take over an expired or dead owner's lease (recorded)")
    .option('--json', 'print the result as JSON')
    .action(rollback);
}
