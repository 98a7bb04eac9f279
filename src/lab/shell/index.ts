/**
 * The lab's shell: parses command lines like sh (parse.ts), runs them against one lab host's
 * state (run.ts) with the AIX/Linux commands in commands/. Owns src/lab/shell/** (types.ts is
 * the shared contract). May import src/lab/state and node built-ins; never cli/, never ssh2.
 */
export { runShell, type RunOptions } from './run.js';
export { parseShell } from './parse.js';
export { ShellSyntaxError } from './ast.js';
export type { Script, Word, Segment, SimpleCommand, Pipeline, AndOr, Redirect } from './ast.js';
export { lookupCommand, commandNames } from './commands/index.js';
export { hasFault, hostFaults, slowMs, SLOW_FAULT_MS } from './faults.js';
export type { CommandHandler, CommandResult, ShellContext } from './types.js';
export { ok, fail } from './types.js';
