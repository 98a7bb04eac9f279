/**
 * The commander program: global options and every command (commands/index.ts).
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { EXIT } from './exit.js';

export function buildProgram(): Command {
  const program = new Command('opsctl')
    .description('Operations as code for the 金税三期 社保费 management subsystem: validate, inspect, plan and apply desired state')
    .option('--repo <dir>', 'repository root (default: the nearest folder above the working directory holding inventory/)')
    .option('--now <iso>', 'the clock, for rehearsals and tests (ISO 8601 with offset, e.g. 2026-11-28T22:00:00+08:00)')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Parses `argv` (node, script, args…) and runs the command; commander's own errors set exit 1. */
export async function runProgram(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.error;
      return;
    }
    throw err;
  }
}
