/**
 * The lab's shell interpreter: runs a parsed command line against one lab host — pipelines,
 * && || ; with $? semantics, redirections to and from the host's virtual files, here-documents,
 * NAME=value prefixes, command substitution, and the builtins that change the shell itself
 * (cd, export, unset, exit, eval, ., sudo, sh -c). Everything else is a CommandHandler.
 */
import type { AndOr, Pipeline, Script, SimpleCommand } from './ast.js';
import { ShellSyntaxError } from './ast.js';
import { parseShell } from './parse.js';
import type { CommandResult, ShellContext } from './types.js';
import { fail } from './types.js';
import { expandString, expandWord, type ExpandEnv } from './expand.js';
import { commandHangs, hang, sleep, slowMs } from './faults.js';
import { homeOf, hostOf } from './vfs.js';
import { globPaths } from './glob.js';
import { applyRedirects, routeOutput, type Sinks } from './redirect.js';
import { lookupCommand } from './commands/index.js';
import { runBuiltin, BUILTINS } from './builtins.js';
import { shellName, type Output, type Shell } from './session.js';

export interface RunOptions extends Omit<ShellContext, 'stdin'> {
  stdin?: string;
  /** Aborts a hanging or slow command (e.g. when the SSH channel closes). */
  signal?: AbortSignal;
  /** Receives the shell's final cwd and environment (an interactive session keeps them). */
  onExit?: (end: { cwd: string; env: Record<string, string>; exited: boolean }) => void;
}


export async function runShell(line: string, opts: RunOptions): Promise<CommandResult> {
  const state = opts.store.read();
  const host = state.hosts[opts.host];
  if (!host) return fail(255, `lab: no such host ${opts.host}\n`);
  let script: Script;
  try {
    script = parseShell(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return fail(2, `sh: ${e.message}\n`);
    throw e;
  }
  const env = { HOME: homeOf(opts.user), USER: opts.user, LOGNAME: opts.user, PATH: '/usr/bin:/bin:/usr/sbin:/sbin', SHELL: host.os === 'aix' ? '/usr/bin/ksh' : '/bin/bash', ...opts.env };
  const sh: Shell = { store: opts.store, host: opts.host, user: opts.user, now: opts.now, stdin: opts.stdin ?? '', env, cwd: opts.cwd || env.HOME, os: host.os, status: 0, exited: false, signal: opts.signal };
  sh.env.PWD = sh.cwd;
  await sleep(slowMs(state, opts.host), opts.signal);
  const out = await runScript(script, sh, sh.stdin);
  opts.onExit?.({ cwd: sh.cwd, env: sh.env, exited: sh.exited });
  return { stdout: out.stdout, stderr: out.stderr, exitCode: sh.status, ...(out.stdoutBytes ? { stdoutBytes: out.stdoutBytes } : {}) };
}

export async function runScript(script: Script, sh: Shell, stdin: string): Promise<Output> {
  const out: Output = { stdout: '', stderr: '' };
  for (const item of script.items) {
    if (sh.exited) break;
    append(out, await runAndOr(item, sh, stdin));
  }
  return out;
}

/** Appends r to out, keeping exact bytes once any part is binary (cat of an archive). */
function append(out: Output, r: Output): void {
  if (out.stdoutBytes || r.stdoutBytes) out.stdoutBytes = Buffer.concat([out.stdoutBytes ?? Buffer.from(out.stdout), r.stdoutBytes ?? Buffer.from(r.stdout)]);
  out.stdout += r.stdout;
  out.stderr += r.stderr;
}

async function runAndOr(item: AndOr, sh: Shell, stdin: string): Promise<Output> {
  const out = await runPipeline(item.first, sh, stdin);
  for (const { op, pipeline } of item.rest) {
    if (sh.exited) break;
    if ((op === '&&') !== (sh.status === 0)) continue;
    append(out, await runPipeline(pipeline, sh, stdin));
  }
  return out;
}

async function runPipeline(p: Pipeline, sh: Shell, stdin: string): Promise<Output> {
  let input = stdin;
  let stderr = '';
  let last: Output = { stdout: '', stderr: '' };
  for (const [i, cmd] of p.commands.entries()) {
    const r = await runSimple(cmd, sh, input);
    stderr += r.stderr;
    if (i === p.commands.length - 1) last = r;
    else input = r.stdout;
  }
  return { ...last, stderr };
}

function expandEnv(sh: Shell): ExpandEnv {
  return {
    env: sh.env,
    status: sh.status,
    shellName: shellName(sh),
    glob: (pattern) => globPaths(hostOf(sh), sh.cwd, pattern),
    substitute: async (script) => {
      const sub: Shell = { ...sh, env: { ...sh.env }, exited: false };
      const r = await runScript(script, sub, '');
      sh.status = sub.status;
      return r.stdout;
    },
  };
}

async function runSimple(cmd: SimpleCommand, sh: Shell, stdin: string): Promise<Output> {
  const e = expandEnv(sh);
  const argv: string[] = [];
  for (const w of cmd.words) argv.push(...(await expandWord(w, e)));
  const assigns: Record<string, string> = {};
  for (const a of cmd.assigns) assigns[a.name] = await expandString(a.value, e);
  const sinks: Sinks = new Map([[1, { kind: 'out' }], [2, { kind: 'err' }]]);
  const redir = await applyRedirects(cmd.redirects, sh, e, sinks);
  if (typeof redir === 'string') {
    sh.status = 1;
    return { stdout: '', stderr: redir };
  }
  if (argv.length === 0) {
    Object.assign(sh.env, assigns);
    sh.status = 0;
    return { stdout: '', stderr: '' };
  }
  const result = await execute(argv, sh, { ...sh.env, ...assigns }, redir.stdin ?? stdin);
  sh.status = result.exitCode;
  return routeOutput(result, sinks, sh);
}

/** Runs one command (builtin or handler) with expanded argv. */
export async function execute(argv: string[], sh: Shell, env: Record<string, string>, stdin: string): Promise<CommandResult> {
  const name = (argv[0] ?? '').replace(/^.*\//, '');
  if (commandHangs(sh.store.read(), sh.host, name)) await hang(sh.signal);
  if (BUILTINS.has(name)) return runBuiltin(argv, sh, env, stdin, { runScript, execute });
  const handler = lookupCommand(name, sh.os);
  if (!handler) {
    const shown = argv[0] ?? '';
    return fail(127, sh.os === 'aix' ? `ksh: ${shown}:  not found.\n` : `bash: ${shown}: command not found\n`);
  }
  const ctx: ShellContext = { store: sh.store, host: sh.host, user: sh.user, now: sh.now, stdin, env, cwd: sh.cwd, argv0: argv[0] ?? name };
  try {
    return await handler([name, ...argv.slice(1)], ctx);
  } catch (err) {
    return fail(1, `${name}: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}
