/**
 * The mutable state of one shell run (cwd, environment, $?), shared by the interpreter, its
 * builtins and redirection handling.
 */
import type { CommandResult, ShellContext } from './types.js';
import type { Script } from './ast.js';

export interface Shell extends ShellContext {
  os: 'aix' | 'linux';
  status: number;
  exited: boolean;
  signal: AbortSignal | undefined;
}

export interface Output {
  stdout: string;
  /** See CommandResult.stdoutBytes. */
  stdoutBytes?: Buffer;
  stderr: string;
}

/** What builtins need from the interpreter (passed in, so there is no import cycle). */
export interface Interpreter {
  runScript(script: Script, sh: Shell, stdin: string): Promise<Output>;
  execute(argv: string[], sh: Shell, env: Record<string, string>, stdin: string): Promise<CommandResult>;
}

export function shellName(sh: { os: 'aix' | 'linux' }): string {
  return sh.os === 'aix' ? 'ksh' : 'bash';
}
