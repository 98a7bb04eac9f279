#!/usr/bin/env node
/**
 * cli — argv to command handlers. The only layer that prints or sets exit codes; everything
 * below returns values or emits typed events that the renderers here turn into text or JSON.
 *
 * A plain `validate` runs without loading commander or the other commands (fast-path.ts):
 * it is the command run most, and its start-up time counts (docs/benchmarks.md, bench e).
 */
import { EXIT } from './exit.js';
import { fastValidateArgs } from './fast-path.js';

async function main(argv: string[]): Promise<void> {
  try {
    const validate = fastValidateArgs(argv.slice(2));
    if (validate) {
      const [{ runValidate }, { contextFrom }] = await Promise.all([import('./commands/validate.js'), import('./context.js')]);
      runValidate(contextFrom(validate), validate);
      return;
    }
    const { runProgram } = await import('./program.js');
    await runProgram(argv);
  } catch (err) {
    process.stderr.write(`opsctl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.error;
  }
}

await main(process.argv);
