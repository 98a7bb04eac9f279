/**
 * The changes the host provider makes, one function per kind. Each returns undefined on success
 * or the reason it failed; none throws (transport errors become reasons). Every command is built
 * with shellCommand and runs as root (or the crontab's user) through remote.ts.
 *
 * - tunable: AIX `no|vmo|ioo -p -o NAME=VALUE` (reboot tunables: `-r -y`, next boot), sys0
 *   `chdev -l sys0 -a NAME=VALUE`, Linux `sysctl -w NAME=VALUE` plus the line in
 *   /etc/sysctl.d/90-opsctl.conf (written like a managed file).
 * - file: SFTP to /tmp/opsctl-<stamp>-<digest> (mode 0600, owned by the SSH user), then as
 *   root `mkdir -p DIR && cp TMP PATH.opsctl-new && chmod && chown && mv PATH.opsctl-new PATH`:
 *   the file appears complete, with its mode and owner, in one rename.
 * - cron: the user's crontab read, the marked entry replaced/appended/removed, `crontab -`.
 */
import { dirname } from 'node:path';
import type { Host } from '../../model/index.js';
import { shellCommand } from '../../transport/index.js';
import type { ProviderContext } from '../context.js';
import { rewriteCrontab, splitLines, type CronLine } from './cron.js';
import { sha256Of } from './desired.js';
import type { TunableTable } from './profiles.js';
import { asUser, rootScript, saysNoCrontab, stamp } from './remote.js';
import { runOn } from './read.js';
import { needsReboot } from './rules.js';

export const SYSCTL_PERSIST = '/etc/sysctl.d/90-opsctl.conf';

type Failure = string | undefined;

async function run(ctx: ProviderContext, host: Host, argv: Parameters<typeof runOn>[2], stdin?: string): Promise<Failure> {
  const o = await runOn(ctx, host.name, argv, stdin);
  if (!o.ok) return o.reason;
  if (o.result.exitCode === 0) return undefined;
  const text = typeof argv === 'object' && 'script' in argv ? argv.script : shellCommand(argv as readonly string[]);
  return `${text.slice(0, 200)} on ${host.name} exited ${o.result.exitCode}: ${o.result.stderr.trim().split('\n').slice(-2).join(' | ')}`;
}

export async function writeManagedFile(ctx: ProviderContext, host: Host, path: string, content: string, meta: { mode: string; owner: string; group: string }): Promise<Failure> {
  const tmp = `/tmp/opsctl-${stamp(ctx.now())}-${sha256Of(`${path}\n${content}`).slice(0, 12)}`;
  const next = `${path}.opsctl-new`;
  try {
    await ctx.hosts.writeFile(host.name, tmp, content, 0o600);
  } catch (err) {
    return `writing ${tmp} on ${host.name} by SFTP failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  const script = [
    ['mkdir', '-p', dirname(path)],
    ['cp', tmp, next],
    ['chmod', meta.mode, next],
    ['chown', `${meta.owner}:${meta.group}`, next],
    ['mv', next, path],
  ].map(shellCommand).join(' && ');
  const failed = await run(ctx, host, rootScript(host, script));
  if (failed) await run(ctx, host, rootScript(host, shellCommand(['rm', '-f', next])));
  await run(ctx, host, ['rm', '-f', tmp]);
  return failed;
}

async function persistSysctl(ctx: ProviderContext, host: Host, name: string, value: string): Promise<Failure> {
  const o = await runOn(ctx, host.name, rootScript(host, `${shellCommand(['cat', SYSCTL_PERSIST])} 2>/dev/null || true`));
  if (!o.ok) return o.reason;
  const lines = splitLines(o.result.stdout).filter((l) => l.split('=')[0]?.trim() !== name);
  const body = lines.length ? lines : ['# managed by opsctl'];
  return writeManagedFile(ctx, host, SYSCTL_PERSIST, `${[...body, `${name} = ${value}`].join('\n')}\n`, { mode: '0644', owner: 'root', group: 'root' });
}

export async function setTunable(ctx: ProviderContext, host: Host, table: TunableTable, name: string, value: string): Promise<Failure> {
  const spec = `${name}=${value}`;
  if (table === 'sys0') return run(ctx, host, asUser(host, ['chdev', '-l', 'sys0', '-a', spec]));
  if (table === 'sysctl') return (await run(ctx, host, asUser(host, ['sysctl', '-w', spec]))) ?? persistSysctl(ctx, host, name, value);
  const flags = needsReboot(table, name) ? ['-r', '-y'] : ['-p'];
  return run(ctx, host, asUser(host, [table, ...flags, '-o', spec]));
}

async function crontabOf(ctx: ProviderContext, host: Host, user: string): Promise<string[] | string> {
  const o = await runOn(ctx, host.name, asUser(host, ['crontab', '-l'], user));
  if (!o.ok) return o.reason;
  if (o.result.exitCode === 0) return splitLines(o.result.stdout);
  if (saysNoCrontab(o.result.stderr)) return [];
  return `crontab -l as ${user} on ${host.name} exited ${o.result.exitCode}: ${o.result.stderr.trim()}`;
}

/** Sets (or, with `line` undefined, removes) the marked entry `name` in `user`'s crontab. */
export async function setCron(ctx: ProviderContext, host: Host, user: string, name: string, line: CronLine | undefined): Promise<Failure> {
  const lines = await crontabOf(ctx, host, user);
  if (typeof lines === 'string') return lines;
  const next = rewriteCrontab(lines, name, line);
  return run(ctx, host, asUser(host, ['crontab', '-'], user), next.length ? `${next.join('\n')}\n` : '');
}

export async function backupFile(ctx: ProviderContext, host: Host, path: string): Promise<{ backup: string } | { failed: string }> {
  const backup = `${path}.opsctl-bak-${stamp(ctx.now())}`;
  const failed = await run(ctx, host, asUser(host, ['cp', '-p', path, backup]));
  return failed ? { failed } : { backup };
}

/** Puts a backup back (cp -p, then mode and owner as recorded: cp -p keeps owner only as root). */
export async function restoreFile(ctx: ProviderContext, host: Host, backup: string, path: string, meta: { mode: string; owner: string; group: string }): Promise<Failure> {
  const script = [['cp', '-p', backup, path], ['chmod', meta.mode, path], ['chown', `${meta.owner}:${meta.group}`, path]].map(shellCommand).join(' && ');
  return run(ctx, host, rootScript(host, script));
}

export async function removeFile(ctx: ProviderContext, host: Host, path: string): Promise<Failure> {
  return run(ctx, host, asUser(host, ['rm', '-f', path]));
}
