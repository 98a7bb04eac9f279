/**
 * Builtins that change the shell itself or run shell code: cd, export, unset, exit, eval,
 * . / source, sudo, nohup, sh/ksh/bash (-c or a script file from the virtual filesystem).
 */
import type { CommandResult } from './types.js';
import { fail, ok } from './types.js';
import { ShellSyntaxError } from './ast.js';
import { parseShell } from './parse.js';
import { shellName, type Interpreter, type Shell } from './session.js';
import { hostOf, isDir, resolvePath } from './vfs.js';

export const BUILTINS = new Set(['cd', 'export', 'unset', 'exit', 'eval', '.', 'source', 'sudo', 'nohup', 'sh', 'ksh', 'bash']);

async function runText(text: string, sh: Shell, stdin: string, it: Interpreter): Promise<CommandResult> {
  try {
    const r = await it.runScript(parseShell(text), sh, stdin);
    return { ...r, exitCode: sh.status };
  } catch (e) {
    if (e instanceof ShellSyntaxError) return fail(2, `sh: ${e.message}\n`);
    throw e;
  }
}

function cd(argv: string[], sh: Shell): CommandResult {
  const target = argv[1] ?? sh.env.HOME ?? '/';
  const path = resolvePath(sh.cwd, target);
  if (!isDir(hostOf(sh), path)) return fail(1, sh.os === 'aix' ? `ksh: ${target}:  not found.\n` : `bash: cd: ${target}: No such file or directory\n`);
  sh.cwd = path;
  sh.env.PWD = path;
  return ok();
}

function exportVars(argv: string[], sh: Shell): CommandResult {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.env[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (argv.length === 1) return ok(Object.entries(sh.env).map(([k, v]) => `export ${k}=${v}\n`).join(''));
  return ok();
}

async function sudo(argv: string[], sh: Shell, env: Record<string, string>, stdin: string, it: Interpreter): Promise<CommandResult> {
  let i = 1;
  let user = 'root';
  while (argv[i]?.startsWith('-')) {
    if (argv[i] === '-u') user = argv[++i] ?? 'root';
    i++;
  }
  if (i >= argv.length) return fail(1, 'usage: sudo [-n] [-u user] command\n');
  const as: Shell = { ...sh, user, env: { ...env, USER: user, LOGNAME: user } };
  const r = await it.execute(argv.slice(i), as, as.env, stdin);
  return r;
}

async function subShell(argv: string[], sh: Shell, env: Record<string, string>, stdin: string, it: Interpreter): Promise<CommandResult> {
  const sub: Shell = { ...sh, env: { ...env }, exited: false };
  if (argv[1] === '-c') return runText(argv[2] ?? '', sub, stdin, it);
  if (argv[1] === undefined) return runText(stdin, sub, '', it);
  const file = hostOf(sh).files[resolvePath(sh.cwd, argv[1])];
  if (!file) return fail(127, `${argv[0]}: ${argv[1]}: No such file or directory\n`);
  return runText(file.content, sub, stdin, it);
}

export async function runBuiltin(argv: string[], sh: Shell, env: Record<string, string>, stdin: string, it: Interpreter): Promise<CommandResult> {
  const name = (argv[0] ?? '').replace(/^.*\//, '');
  switch (name) {
    case 'cd':
      return cd(argv, sh);
    case 'export':
      return exportVars(argv, sh);
    case 'unset':
      for (const a of argv.slice(1)) delete sh.env[a];
      return ok();
    case 'exit':
      sh.exited = true;
      return { stdout: '', stderr: '', exitCode: argv[1] === undefined ? sh.status : Number(argv[1]) & 255 };
    case 'eval':
      return runText(argv.slice(1).join(' '), sh, stdin, it);
    case '.':
    case 'source': {
      const file = argv[1] ? hostOf(sh).files[resolvePath(sh.cwd, argv[1])] : undefined;
      if (!file) return fail(1, `${shellName(sh)}: ${argv[1] ?? ''}: not found\n`);
      await runText(file.content, sh, stdin, it);
      sh.exited = false;
      return ok();
    }
    case 'sudo':
      return sudo(argv, sh, env, stdin, it);
    case 'nohup':
      // Hangups do not exist here; the command runs (in the foreground, as `&` does in the lab).
      return argv.length > 1 ? it.execute(argv.slice(1), sh, env, '') : fail(125, 'Usage: nohup Command [Arg ...]\n');
    default:
      return subShell(argv, sh, env, stdin, it);
  }
}
