/**
 * `opsctl recover --env E (--resume|--rollback) [--take-over] [--json]`: finish or undo an apply
 * that was interrupted (its journal under .opsctl/journal/E/ has no `finished`). The lease is
 * re-taken from a dead or expired owner, or with --take-over. Exit 0 recovered (resumed to the
 * desired state, or rolled back to the pre-apply state), 1 not completely, 3 refused.
 */
import type { Command } from 'commander';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';
import { clockOf, connectForApply, exitFor, printResult, recordApplyFor, renderEvent } from './apply.js';
import { loadForCli } from './plan.js';
import { releaseModelForCli } from './release-model.js';

interface RecoverCliOptions { env: string; resume?: boolean; rollback?: boolean; takeOver?: boolean; json?: boolean }

async function recover(opts: RecoverCliOptions, command: Command): Promise<void> {
  const ctx = contextOf(command);
  if (!!opts.resume === !!opts.rollback) {
    process.stderr.write('opsctl: recover needs exactly one of --resume or --rollback\n');
    process.exitCode = EXIT.error;
    return;
  }
  const plain = loadForCli(ctx.root, opts.env);
  const release = plain ? await interruptedRelease(ctx.root, opts.env) : undefined;
  // An interrupted release apply is recovered against the same desired state it was applied with.
  const model = plain && release ? await releaseModelForCli(ctx.root, plain, release) : plain;
  if (!model) return;
  const now = clockOf(ctx);
  const [{ recoverApply }, recordApply] = await Promise.all([import('../../engine/apply/index.js'), recordApplyFor(now)]);
  const { estate, lock } = await connectForApply(ctx, model, now);
  try {
    const result = await recoverApply({
      root: ctx.root, mode: opts.resume ? 'resume' : 'rollback', providers: estate.providers, ctx: estate.context, lock, now, recordApply,
      emit: (e) => { const line = opts.json ? undefined : renderEvent(e); if (line) process.stderr.write(`${line}\n`); },
      ...(opts.takeOver ? { takeOver: true } : {}),
    });
    printResult(result, opts.json === true);
    process.exitCode = exitFor(result, opts.rollback === true);
  } finally {
    await estate.close();
  }
}

/** The release of the (first) interrupted apply in env, if it was a release's. */
async function interruptedRelease(root: string, env: string): Promise<string | undefined> {
  const { interruptedJournals } = await import('../../engine/journal/index.js');
  return interruptedJournals(root, env).map((f) => f.start?.release).find((r) => r !== undefined);
}

export function registerRecover(program: Command): void {
  program
    .command('recover')
    .description('finish (--resume) or undo (--rollback) an interrupted apply from its journal; exit 0 recovered, 1 not completely, 3 refused')
    .requiredOption('--env <env>', 'environment name')
    .option('--resume', 'run the steps not yet verified (a step already at its after values is only verified)')
    .option('--rollback', 'undo every step that ran (or may have half-run), in reverse order')
    .option('--take-over', 'take the lease even though its owner looks alive (recorded)')
    .option('--json', 'print the result as JSON')
    .action(recover);
}
