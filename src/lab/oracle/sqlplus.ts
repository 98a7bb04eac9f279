/**
 * The `sqlplus` command of the lab's database hosts. Forms: `sqlplus -s / as sysdba` (script
 * on stdin), `sqlplus -s -L /nolog` + CONNECT, `sqlplus -s -L user/pw@//host:port/svc`,
 * `sqlplus -s -M "CSV ON" …`, `sqlplus -V`, and `@script.sql` read from the host's files.
 * Everything is printed on stdout, as SQL*Plus does; the exit code comes from EXIT or
 * WHENEVER SQLERROR EXIT.
 */
import type { CommandHandler, CommandResult, ShellContext } from '../shell/types.js';
import type { PasswordCheck } from './connect.js';
import { logon, parseLogon } from './connect.js';
import { OraError } from './errors.js';
import { runPlus, markup } from './plus.js';
import { Script } from './script.js';
import { ExitSignal, Session } from './session.js';
import { versionOf } from './views.js';

export interface SqlplusOptions {
  /** Checks passwords (e.g. against the lab's oracle secret); absent = any non-empty password. */
  passwordCheck?: PasswordCheck;
}

interface Args {
  silent: boolean;
  version: boolean;
  markup?: string;
  logon?: string;
  script?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { silent: false, version: false };
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = a.toUpperCase();
    if (rest.length === 0 && (flag === '-S' || flag === '-SILENT')) args.silent = true;
    else if (rest.length === 0 && (flag === '-V' || flag === '-VERSION')) args.version = true;
    else if (rest.length === 0 && (flag === '-M' || flag === '-MARKUP')) args.markup = argv[++i] ?? '';
    else if (rest.length === 0 && (flag === '-R' || flag === '-RESTRICT')) i++;
    else if (rest.length === 0 && /^-(L|LOGON|NOLOGINTIME|F|FAST|AC|C)$/.test(flag)) continue;
    else if (a.startsWith('@')) {
      args.script = a.slice(1);
      break;
    } else rest.push(a);
  }
  if (rest.length > 0) args.logon = rest.join(' ');
  return args;
}

function clientVersion(ctx: ShellContext): string {
  const state = ctx.store.read();
  const db = Object.values(state.databases).find((d) => d.instances.some((i) => i.host === ctx.host));
  return versionOf(db?.version ?? '19.21.0.0.0');
}

function readScript(ctx: ShellContext, path: string): string | undefined {
  const file = /\.\w+$/.test(path) ? path : `${path}.sql`;
  const abs = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
  return ctx.store.read().hosts[ctx.host]?.files[abs]?.content;
}

function banner(ctx: ShellContext, version: string): string[] {
  const major = version.split('.')[0] ?? '19';
  return ['', `SQL*Plus: Release ${major}.0.0.0.0 - Production on ${ctx.now.toUTCString().replace(/,/g, '')}`, `Version ${version}`, '',
    'Copyright (c) 1982, 2023, Oracle.  All rights reserved.', ''];
}

function run(argv: string[], ctx: ShellContext, opts: SqlplusOptions): CommandResult {
  const args = parseArgs(argv);
  const version = clientVersion(ctx);
  if (args.version) return { stdout: `\nSQL*Plus: Release ${version.split('.')[0]}.0.0.0.0 - Production\nVersion ${version}\n\n`, stderr: '', exitCode: 0 };
  const input = args.script ? readScript(ctx, args.script) : ctx.stdin;
  const s = new Session(ctx, opts.passwordCheck);
  if (!args.silent) s.out.push(...banner(ctx, version));
  if (args.markup) markup(s, args.markup.split(/\s+/).filter(Boolean));
  const script = new Script(args.script ? `${input ?? ''}\n${ctx.stdin}` : ctx.stdin);
  if (args.script && input === undefined) s.out.push(`SP2-0310: unable to open file "${args.script}"`);
  try {
    if (args.logon && args.logon.toLowerCase() !== '/nolog') {
      const spec = parseLogon(args.logon);
      try {
        s.conn = logon(spec, spec.password ?? (spec.user ? script.readLine() : undefined), ctx, opts.passwordCheck);
        if (!args.silent) s.out.push(s.conn.idle ? 'Connected to an idle instance.' : `Connected to:\nOracle Database ${version.split('.')[0]}c Enterprise Edition Release ${version.split('.')[0]}.0.0.0.0 - Production\nVersion ${version}`, '');
      } catch (e) {
        if (!(e instanceof OraError)) throw e;
        s.out.push('ERROR:', ...e.lines(), '', '', 'SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus');
        return { stdout: `${s.out.join('\n')}\n`, stderr: '', exitCode: 1 };
      }
    }
    for (;;) {
      const unit = script.next();
      if (unit.kind === 'eof') s.exit(0);
      else if (unit.kind === 'plus') runPlus(s, unit.text, script);
      else s.runSql(unit.text, unit.plsql);
    }
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e;
    return { stdout: s.out.length > 0 ? `${s.out.join('\n')}\n` : '', stderr: '', exitCode: e.code };
  }
}

/** A sqlplus handler with options (the lab wires the oracle secret's check in here). */
export function createSqlplusCommand(opts: SqlplusOptions = {}): CommandHandler {
  return (argv, ctx) => run(argv, ctx, opts);
}

/** sqlplus accepting any non-empty password for existing users. */
export const sqlplusCommand: CommandHandler = createSqlplusCommand();
