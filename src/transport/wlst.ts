/**
 * WLST over SSH (10.3.6 domains): run one generated script with `java weblogic.WLST` on a
 * domain's admin host and return its output. The admin password never reaches argv, the script
 * or any log: it is written by SFTP to a fresh 0600 file `/tmp/opsctl-<random>.pw` that the
 * script reads (`password = open(path).read().strip()`), and both files are removed afterwards
 * (also when the run fails). Further values a script needs (a data source's new password)
 * travel the same way, each in its own 0600 `/tmp/opsctl-<random>-N.pw`. The script itself holds
 * no secret and is written to `/tmp/opsctl-<random>.py` (0600) — WLST 10.3.6 reads a script
 * file reliably, stdin less so.
 * The admin host's login environment must put WebLogic's `java` and classpath on PATH
 * (setWLSEnv.sh sourced by the ops user's profile).
 *
 * A non-zero exit is returned as a value; `wlstFailure` makes the typed error from it.
 */
import { randomBytes } from 'node:crypto';
import { TransportError, type TransportErrorOptions } from './errors.js';
import type { Secret } from './secrets.js';
import type { ExecOptions, ExecResult, SshCommand } from './ssh.js';

/** What the run needs of the SSH layer (ProviderContext.hosts satisfies it). */
export interface WlstHostRunner {
  exec(host: string, command: SshCommand, opts?: ExecOptions): Promise<ExecResult>;
  writeFile(host: string, path: string, content: string, mode?: number): Promise<void>;
}

export interface WlstRunOptions {
  /** Inventory name of the admin host. */
  host: string;
  /** The script, given the path of the password file it must read and those of `secrets`, in order. */
  script: (passwordPath: string, secretPaths: readonly string[]) => string;
  password: Secret;
  /** Further values the script reads from files (a data source's new password): each in its own 0600 file, removed afterwards. */
  secrets?: readonly Secret[];
  /** Default 300 000 ms (a rolling restart step waits for the server). */
  timeoutMs?: number;
  /** Directory for the two temporary files. Default /tmp. */
  tmpDir?: string;
}

export interface WlstOutput extends ExecResult {
  /** The script text that ran (no secret in it), for tests and diagnostics. */
  script: string;
}

/** WLST exited non-zero: `kind` says what the traceback's last line names (connect, cd, activate…). */
export class WlstScriptError extends TransportError {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly exception: string,
    options: TransportErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** The last `Type: message` line of a Jython traceback (or stderr's last line). */
export function wlstException(stderr: string): string {
  const lines = stderr.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

export function wlstFailure(out: ExecResult, host: string): WlstScriptError {
  const exception = wlstException(out.stderr);
  return new WlstScriptError(`WLST on ${host} exited ${out.exitCode ?? 'by signal'}: ${exception.slice(0, 300)}`, out.exitCode, exception, { host });
}

export async function runWlst(runner: WlstHostRunner, opts: WlstRunOptions): Promise<WlstOutput> {
  const id = randomBytes(8).toString('hex');
  const dir = opts.tmpDir ?? '/tmp';
  const passwordPath = `${dir}/opsctl-${id}.pw`;
  const secrets = opts.secrets ?? [];
  const secretPaths = secrets.map((_, i) => `${dir}/opsctl-${id}-${i + 1}.pw`);
  const scriptPath = `${dir}/opsctl-${id}.py`;
  const script = opts.script(passwordPath, secretPaths);
  try {
    await runner.writeFile(opts.host, passwordPath, opts.password.reveal(), 0o600);
    for (const [i, s] of secrets.entries()) await runner.writeFile(opts.host, secretPaths[i]!, s.reveal(), 0o600);
    await runner.writeFile(opts.host, scriptPath, script, 0o600);
    const out = await runner.exec(opts.host, ['java', 'weblogic.WLST', '-skipWLSModuleScanning', scriptPath], { timeoutMs: opts.timeoutMs ?? 300_000 });
    return { ...out, script };
  } finally {
    await runner.exec(opts.host, ['rm', '-f', passwordPath, ...secretPaths, scriptPath]).catch(() => undefined);
  }
}
