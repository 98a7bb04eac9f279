/**
 * `<home>/OPatch/opatch` on a lab host: `lsinventory`, `lspatches`, `version`,
 * `apply [DIR] [-silent]`, `rollback -id N [-silent]`, `prereq CheckConflictAgainstOHWithDetail
 * -ph DIR` (also `-phBaseDir`), with `-oh HOME` (else the home the tool lives in, else
 * ORACLE_HOME), `-jre`/`-invPtrLoc` accepted. The home's inventory is LabHost.homes[home].
 * Like the real tool, apply and rollback refuse with CheckActiveFilesAndExecutables (error 73)
 * while anything runs from the home (homes.ts: activeUses). Without -silent OPatch would ask on
 * the terminal; over SSH it reads EOF and stops — the lab says so and changes nothing.
 */
import type { CommandHandler, CommandResult, ShellContext } from '../shell/types.js';
import { resolvePath } from '../shell/vfs.js';
import { uniqueId } from '../state/build-homes.js';
import { activeUses, locateHome, type Located } from './homes.js';
import { opatchMeta } from './metadata.js';
import * as T from './opatch-text.js';

interface Args { verb: string; positional: string[]; flags: Map<string, string | true> }

const WITH_VALUE = new Set(['-oh', '-id', '-ph', '-phBaseDir', '-jre', '-invPtrLoc', '-jdk']);

function parse(argv: string[]): Args {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (WITH_VALUE.has(a)) flags.set(a, argv[++i] ?? '');
    else if (a.startsWith('-')) flags.set(a, true);
    else positional.push(a);
  }
  return { verb: (argv[1] ?? '').toLowerCase(), positional, flags };
}

/** Lab wording: the real tool waits for an answer on the terminal, which an SSH command does not have. */
const NO_TTY = 'No answer: standard input is not a terminal (the lab answers only -silent runs).';

const out = (lines: string[], exitCode = 0): CommandResult => ({ stdout: `${lines.join('\n')}\n`, stderr: '', exitCode });

function apply(ctx: ShellContext, at: Located, a: Args): CommandResult {
  const dir = resolvePath(ctx.cwd, a.positional[0] ?? '.');
  const host = ctx.store.read().hosts[ctx.host]!;
  const meta = opatchMeta(host, dir);
  if (typeof meta === 'string') return out(T.failed(at.path, at.home, ctx.now, [meta.split('\n')[0]!, ...meta.split('\n').slice(1)], 1), 1);
  if (a.flags.get('-silent') !== true) return out(T.failed(at.path, at.home, ctx.now, ['Verifying environment and performing prerequisite checks...', `OPatch continues with these patches:   ${meta.id}`, '', 'Do you want to proceed? [y|n]', NO_TTY], 130), 130);
  if (at.home.patches.some((p) => p.id === meta.id)) {
    return out([...T.header(at.path, at.home, ctx.now), 'Verifying environment and performing prerequisite checks...', 'The following patch(es) are duplicate patches with patches installed in the Oracle Home.', ` [ ${meta.id}]`, 'You have already installed same patch(es) with same UPID(s) or same bug(s). These duplicate patch(es) will be skipped.', '', 'OPatch succeeded.']);
  }
  const uses = activeUses(ctx.store.read(), ctx.host, at.path);
  if (uses.length) return out(T.activeRefusal(at.path, at.home, uses, ctx.now), 73);
  ctx.store.update((s) => {
    const home = s.hosts[ctx.host]?.homes?.[at.path];
    home?.patches.push({ id: meta.id, description: meta.description, appliedAt: ctx.now.toISOString(), uniqueId: uniqueId(meta.id), bugs: [meta.id] });
  });
  return out(T.applied(at.path, at.home, meta.id, ctx.now));
}

function rollback(ctx: ShellContext, at: Located, a: Args): CommandResult {
  const id = a.flags.get('-id');
  if (typeof id !== 'string' || !/^\d+$/.test(id)) return out(T.failed(at.path, at.home, ctx.now, ['Argument(s) Error... Please provide a valid patch ID with -id.'], 1), 1);
  if (!at.home.patches.some((p) => p.id === id)) {
    return out(T.failed(at.path, at.home, ctx.now, [`RollbackSession failed: patch ${id} is not installed in this Oracle Home (see "opatch lsinventory").`], 1), 1);
  }
  if (a.flags.get('-silent') !== true) return out(T.failed(at.path, at.home, ctx.now, ['Is the local system ready for patching? [y|n]', NO_TTY], 130), 130);
  const uses = activeUses(ctx.store.read(), ctx.host, at.path);
  if (uses.length) return out(T.activeRefusal(at.path, at.home, uses, ctx.now, 'RollbackSession'), 73);
  ctx.store.update((s) => {
    const home = s.hosts[ctx.host]?.homes?.[at.path];
    if (home) home.patches = home.patches.filter((p) => p.id !== id);
  });
  return out(T.rolledBack(at.path, at.home, id, ctx.now));
}

function prereq(ctx: ShellContext, at: Located, a: Args): CommandResult {
  const check = a.positional[0] ?? '';
  const dir = a.flags.get('-ph') ?? a.flags.get('-phBaseDir');
  if (check.toLowerCase() !== 'checkconflictagainstohwithdetail' || typeof dir !== 'string') {
    return out(T.failed(at.path, at.home, ctx.now, ['PREREQ session', `Prereq "${check}" is not supported by this OPatch simulation (the lab answers CheckConflictAgainstOHWithDetail -ph DIR).`], 1), 1);
  }
  const meta = opatchMeta(ctx.store.read().hosts[ctx.host]!, resolvePath(ctx.cwd, dir));
  if (typeof meta === 'string') return out(T.failed(at.path, at.home, ctx.now, ['PREREQ session', ...meta.split('\n')], 1), 1);
  return out(T.prereqPassed(at.path, at.home, ctx.now));
}

export const opatchCommand: CommandHandler = (argv, ctx) => {
  const a = parse(argv);
  const oh = a.flags.get('-oh');
  const at = locateHome(ctx, 'OPatch/opatch', typeof oh === 'string' ? oh : undefined);
  if (typeof at === 'string') return { stdout: '', stderr: `${ctx.argv0 ?? 'opatch'}: ${at}\nOPatch failed with error code 1\n`, exitCode: 1 };
  const host = ctx.store.read().hosts[ctx.host]!;
  switch (a.verb) {
    case 'lsinventory':
      return out(T.lsinventory(host, at.path, at.home, ctx.now));
    case 'lspatches':
      return out([...[...at.home.patches].reverse().map((p) => `${p.id};${p.description}`), '', 'OPatch succeeded.']);
    case 'version':
      return out([`OPatch Version: ${T.versions(at.home).opatch}`, '', 'OPatch succeeded.']);
    case 'apply':
      return apply(ctx, at, a);
    case 'rollback':
      return rollback(ctx, at, a);
    case 'prereq':
      return prereq(ctx, at, a);
    default:
      return { stdout: '', stderr: `Invalid command "${argv[1] ?? ''}". Try "opatch -help".\n`, exitCode: 14 };
  }
};
