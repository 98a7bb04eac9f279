/**
 * The contract between the lab's shell (which parses command lines, runs pipelines and
 * redirections) and the command handlers (AIX/Linux commands, WLST, sqlplus, lsnrctl).
 */
import type { LabStore } from '../state/store.js';

export interface ShellContext {
  store: LabStore;
  /** Lab host the command runs on (a key of LabState.hosts). */
  host: string;
  /** Login user. */
  user: string;
  /** Clock of the lab (the server's clock; readings derive from it). */
  now: Date;
  /** Standard input (from a pipe, redirection, here-document or the SSH channel). */
  stdin: string;
  /** Environment, including assignments written before the command (ORACLE_SID=… cmd). */
  env: Record<string, string>;
  cwd: string;
  /** The command as typed, before path stripping (`/u01/oracle/OPatch/opatch`, `./bsu.sh`): tools that find their home from their own path. */
  argv0?: string;
}

export interface CommandResult {
  stdout: string;
  /** The exact bytes of stdout when they are not text (cat of a binary file); stdout is then their lossy UTF-8 decoding. */
  stdoutBytes?: Buffer;
  stderr: string;
  exitCode: number;
}

/** argv[0] is the command name as typed (after path stripping, e.g. /usr/sbin/no → no). */
export type CommandHandler = (argv: string[], ctx: ShellContext) => CommandResult | Promise<CommandResult>;

export function ok(stdout = ''): CommandResult {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(exitCode: number, stderr: string, stdout = ''): CommandResult {
  return { stdout, stderr, exitCode };
}
