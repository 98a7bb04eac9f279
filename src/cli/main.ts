#!/usr/bin/env node
/**
 * cli — argv to command handlers. The only layer that prints or sets exit codes; everything
 * below returns values or emits typed events that the renderers here turn into text or JSON.
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

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.error;
      return;
    }
    process.stderr.write(`opsctl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.error;
  }
}

await main(process.argv);
