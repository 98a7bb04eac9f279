/**
 * read(): the live state of the requested host addresses. Hosts are read concurrently up to
 * ctx.concurrency; each host's reads go out as ONE exec on its pooled SSH connection — a batch
 * script (transport/batch.ts) of one section per command: one `no -a` / `vmo -a` / `ioo -a` /
 * `lsattr -El sys0` per table it needs (Linux: one `sysctl NAME…`), one checksum + `ls -ld` for
 * all managed files, one `crontab -l` per cron user. Each section comes back with its own stdout,
 * stderr and exit status and is parsed by the same pure readers (live.ts) as a command of its own
 * would be; a section that failed makes only its own addresses `unknown`, naming host and command.
 * A host that cannot be reached (connect, auth, host key, secret) or whose batch times out makes
 * every address of that host `unknown` with the typed error's message; the others go on.
 */
import type { LiveRead } from '../../core/index.js';
import { parseAddress, type Address } from '../../model/address.js';
import type { EnvironmentModel } from '../../model/index.js';
import { batchScript, CommandTimeoutError, mapBounded, splitBatch, SshChannelError, type BatchSection, type ExecResult, type SshCommand } from '../../transport/index.js';
import type { ProviderContext } from '../context.js';
import type { ReadResponse } from '../provider.js';
import { childAddress, desiredHost, type HostDesired, type Render } from './desired.js';
import { crontabLines, cronReads, fileReads, tableTool, tunableRead, tunableValues, unknown, type Outcome } from './live.js';
import { TUNABLE_TABLES, type TunableTable } from './profiles.js';
import { asUser, fileReadCommand, fileReadLabel } from './remote.js';

export interface HostTarget {
  address: Address;
  host: string;
  kind: 'tunable' | 'file' | 'cron';
  name: string;
}

const KINDS = new Set(['tunable', 'file', 'cron']);

/** The host, kind and name of a host-provider address, or undefined for any other address. */
export function targetOf(address: Address): HostTarget | undefined {
  const p = parseAddress(address);
  if ('error' in p || p.attribute || p.segments.length !== 2) return undefined;
  const [h, c] = p.segments;
  if (h?.kind !== 'host' || !c || !KINDS.has(c.kind)) return undefined;
  return { address, host: h.name, kind: c.kind as HostTarget['kind'], name: c.name };
}

/** Message of a failure, naming the host when the error does not already. */
export function reasonOf(host: string, err: unknown): string {
  const msg = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return msg.includes(host) ? msg : `host ${host}: ${msg}`;
}

/** Timeouts and channel failures concern one command; anything else (connect, auth, host key, secret) the host. */
function hostWide(err: unknown): boolean {
  return !(err instanceof CommandTimeoutError || err instanceof SshChannelError);
}

export async function runOn(ctx: ProviderContext, host: string, command: SshCommand, stdin?: string): Promise<Outcome & { hostWide?: boolean }> {
  try {
    return { ok: true, result: await ctx.hosts.exec(host, command, stdin === undefined ? undefined : { stdin }) };
  } catch (err) {
    return { ok: false, reason: reasonOf(host, err), hostWide: hostWide(err) };
  }
}

function tableOf(t: HostTarget): { table: TunableTable; name: string } | undefined {
  const dot = t.name.indexOf('.');
  const table = t.name.slice(0, dot) as TunableTable;
  return dot > 0 && TUNABLE_TABLES.includes(table) ? { table, name: t.name.slice(dot + 1) } : undefined;
}

function tableCommand(table: TunableTable, names: string[]): string[] {
  return table === 'sys0' ? ['lsattr', '-El', 'sys0'] : table === 'sysctl' ? ['sysctl', ...names] : [table, '-a'];
}

/** One section of a host's read batch, with the words naming its command in messages. */
export interface HostSection extends BatchSection {
  label: string;
}

/** A batch that did not run as a whole: why, naming the host and the commands it held. */
function batchFailure(host: string, sections: readonly HostSection[], err: unknown): string {
  const what = `one batch of ${sections.map((s) => s.label).join('; ')}`;
  if (err instanceof CommandTimeoutError) return `command on ${host} timed out after ${err.timeoutMs} ms: ${what}`;
  return reasonOf(host, err);
}

/**
 * Runs the sections as one exec on the host and hands back one Outcome per section, in order:
 * the section's own stdout/stderr/exit, or why it has none. A host-wide failure (connect, auth,
 * host key, secret) is returned as `down` instead.
 */
export async function runSections(ctx: ProviderContext, host: string, sections: readonly HostSection[]): Promise<{ down: string } | { outcomes: Outcome[] }> {
  if (sections.length === 0) return { outcomes: [] };
  const batch = batchScript(sections);
  let result: ExecResult;
  try {
    result = await ctx.hosts.exec(host, batch.command);
  } catch (err) {
    const reason = batchFailure(host, sections, err);
    return hostWide(err) ? { down: reason } : { outcomes: sections.map(() => ({ ok: false, reason })) };
  }
  const split = splitBatch(batch, result);
  return {
    outcomes: sections.map((s): Outcome => {
      const r = split.get(s.name);
      if (r) return { ok: true, result: r };
      const why = result.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300);
      return { ok: false, reason: `${s.label} on ${host}: no complete output in the batched read (batch exited ${result.exitCode ?? result.signal ?? '?'}${why ? `: ${why}` : ''})` };
    }),
  };
}

/** Reads one host's requested addresses (never throws). */
export async function readHost(ctx: ProviderContext, env: string, d: HostDesired, targets: HostTarget[]): Promise<LiveRead[]> {
  const { host } = d;
  const tunables = targets.flatMap((t) => (t.kind === 'tunable' ? [{ t, spec: tableOf(t) }] : []));
  const tables = [...new Set(tunables.flatMap((x) => (x.spec ? [x.spec.table] : [])))];
  const files = targets.filter((t) => t.kind === 'file').map((t) => ({ address: t.address, path: t.name, notifies: !!d.resources.find((r) => r.address === t.address)?.restartGroups }));
  const crons = targets.filter((t) => t.kind === 'cron');
  const users = crons.length ? [...new Set(d.cron.map((c) => c.entry.user))].sort() : [];
  const sysctlNames = tunables.flatMap((x) => (x.spec?.table === 'sysctl' ? [x.spec.name] : []));

  const sections: HostSection[] = [
    ...tables.map((table) => ({ name: `table:${table}`, label: tableTool(table), command: tableCommand(table, sysctlNames) })),
    ...(files.length ? [{ name: 'files', label: fileReadLabel(host), command: fileReadCommand(host, files.map((f) => f.path)) }] : []),
    ...users.map((u) => ({ name: `cron:${u}`, label: `crontab -l as ${u}`, command: asUser(host, ['crontab', '-l'], u) })),
  ];
  const ran = await runSections(ctx, host.name, sections);
  if ('down' in ran) return targets.map((t) => unknown(t.address, t.kind, ran.down));
  const tableOut = ran.outcomes.slice(0, tables.length);
  const fileOut = files.length ? ran.outcomes[tables.length] : undefined;
  const cronOut = ran.outcomes.slice(tables.length + (files.length ? 1 : 0));

  const reads: LiveRead[] = [];
  const values = new Map(tables.map((table, i) => [table, tunableValues(host, table, tableOut[i]!)]));
  const errText = new Map(tables.map((table, i) => [table, tableOut[i]?.ok ? tableOut[i].result.stderr : '']));
  for (const { t, spec } of tunables) {
    if (!spec) reads.push(unknown(t.address, 'tunable', `${t.name} is not TABLE.NAME with TABLE one of ${TUNABLE_TABLES.join(', ')}`));
    else reads.push(tunableRead(host, t.address, spec.table, spec.name, values.get(spec.table) ?? 'not read', errText.get(spec.table) ?? ''));
  }
  if (fileOut) reads.push(...fileReads(host, files, fileOut));
  const tabs = new Map(users.map((u, i) => [u, crontabLines(cronOut[i]!, u, host)]));
  if (crons.length) reads.push(...cronReads(d, crons, tabs, (name) => childAddress(env, host.name, 'cron', name)));
  return reads;
}

export interface ReadInput {
  ctx: ProviderContext;
  env: string;
  model: EnvironmentModel;
  addresses: readonly Address[];
  render: Render;
  signal?: AbortSignal;
}

export async function readAddresses(input: ReadInput): Promise<ReadResponse> {
  const byHost = new Map<string, HostTarget[]>();
  const reads: LiveRead[] = [];
  for (const address of input.addresses) {
    const t = targetOf(address);
    if (!t) {
      reads.push(unknown(address, 'unknown', `${address} is not a host address (host:H/tunable|file|cron:NAME)`));
      continue;
    }
    byHost.set(t.host, [...(byHost.get(t.host) ?? []), t]);
  }
  const hosts = [...byHost.keys()].sort();
  const perHost = await mapBounded(hosts, Math.max(1, input.ctx.concurrency), async (name) => {
    const targets = byHost.get(name) ?? [];
    if (input.signal?.aborted) return targets.map((t) => unknown(t.address, t.kind, 'read aborted'));
    const d = desiredHost(input.env, input.model, name, input.render);
    if (!d) return targets.map((t) => unknown(t.address, t.kind, `host ${name} is not in the inventory of ${input.env}`));
    try {
      return await readHost(input.ctx, input.env, d, targets);
    } catch (err) {
      return targets.map((t) => unknown(t.address, t.kind, reasonOf(name, err)));
    }
  });
  // In the order asked for; live-only entries (pruned cron lines) after them, by address.
  const order = new Map(input.addresses.map((a, i) => [a as string, i]));
  const rank = (r: LiveRead): number => order.get(r.address) ?? input.addresses.length;
  const all = [...reads, ...perHost.flat()].sort((a, b) => rank(a) - rank(b) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { reads: all, diagnostics: [] };
}
