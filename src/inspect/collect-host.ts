/**
 * Host collector: one SSH command batch per host (host-script.ts), parsed with src/parsers into
 * host.* measurements (and wls.log-errors per server from the server logs on the host). An
 * unreachable host becomes one Unread; every other host is still read. Reads the selected hosts
 * (types.ts InspectSelection); the logs on a host are found in the whole model, so a server's
 * log is read with its host even when its domain is in another shard.
 */
import { profilesFor, type Measurement } from '../health/index.js';
import type { EnvironmentModel, Host } from '../model/index.js';
import { parseDfP, parseErrptSummary, parseLspsS, parseProcMeminfo, parsePsEf, parseSvmonG, parseVmstat } from '../parsers/index.js';
import { mapBounded } from '../transport/index.js';
import { errptStamp, hostScript, splitSections } from './host-script.js';
import { alertErrors, beaErrors } from './read-logs.js';
import { type Collected, type CollectInput, emptyCollected, merge, selectedHosts, timed, unread } from './types.js';

export const HOST_CHECKS = ['host.cpu', 'host.memory', 'host.paging', 'host.filesystem', 'host.errpt', 'host.processes', 'host.log-errors', 'host.os-level', 'wls.log-errors', 'link.latency'];

interface LogFile { path: string; kind: 'bea' | 'alert'; server?: { domain: string; name: string } }

function logsOn(env: EnvironmentModel, host: string): LogFile[] {
  const out: LogFile[] = [];
  for (const d of env.domains) for (const s of d.servers) {
    if (s.host === host) out.push({ path: `${d.admin.domainHome}/servers/${s.name}/logs/${s.name}.log`, kind: 'bea', server: { domain: d.name, name: s.name } });
  }
  for (const db of env.databases) for (const i of db.instances) {
    if (i.host === host) out.push({ path: `/oracle/app/oracle/diag/rdbms/${db.dbName.toLowerCase()}/${i.sid}/trace/alert_${i.sid}.log`, kind: 'alert' });
  }
  return out;
}

function resources(base: string, sec: Record<string, string>, host: Host): Measurement[] {
  const out: Measurement[] = [];
  const vm = parseVmstat(sec.vmstat ?? '');
  if (vm.ok) out.push({ checkId: 'host.cpu', target: base, value: vm.value.cpu.busy, unit: '%', detail: { user: vm.value.cpu.user, system: vm.value.cpu.system, wait: vm.value.cpu.wait } });
  if (host.os === 'aix') {
    const sv = parseSvmonG(sec.svmon ?? '');
    if (sv.ok && sv.value.memory.size > 0) {
      const m = sv.value.memory;
      out.push({ checkId: 'host.memory', target: base, value: round(m.virtual * 100 / m.size), unit: '%', detail: { sizeMb: round(m.size), virtualMb: round(m.virtual) } });
    }
    const ps = parseLspsS(sec.lsps ?? '');
    if (ps.ok) out.push({ checkId: 'host.paging', target: base, value: ps.value.usedPercent, unit: '%', detail: { totalMb: ps.value.totalMb } });
  } else {
    const mi = parseProcMeminfo(sec.meminfo ?? '');
    if (mi.ok) {
      const v = (k: string): number => mi.value[k]?.value ?? 0;
      if (v('MemTotal') > 0) out.push({ checkId: 'host.memory', target: base, value: round(100 - v('MemAvailable') * 100 / v('MemTotal')), unit: '%' });
      out.push({ checkId: 'host.paging', target: base, value: v('SwapTotal') > 0 ? round(100 - v('SwapFree') * 100 / v('SwapTotal')) : 0, unit: '%' });
    }
  }
  const df = parseDfP(sec.df ?? '');
  if (df.ok) for (const f of df.value.filesystems) {
    out.push({ checkId: 'host.filesystem', target: `${base}/fs:${f.mountedOn}`, value: f.capacityPercent, unit: '%', detail: { sizeMb: round(f.totalBytes / 1048576), usedMb: round(f.usedBytes / 1048576), device: f.filesystem } });
  }
  return out;
}

const round = (v: number): number => Math.round(v * 100) / 100;

function health(base: string, sec: Record<string, string>, host: Host, env: EnvironmentModel): Measurement[] {
  const out: Measurement[] = [];
  if (host.os === 'aix') {
    const e = parseErrptSummary(sec.errpt ?? '');
    const list = e.ok ? e.value : [];
    const ph = list.filter((x) => x.type === 'P' && x.errorClass === 'H').length;
    const psw = list.filter((x) => x.type === 'P' && x.errorClass !== 'H').length;
    out.push({ checkId: 'host.errpt', target: base, value: list.length, unit: 'count', detail: { permanentHardware: ph, permanentSoftware: psw, ids: [...new Set(list.map((x) => x.identifier))].join(',') } });
    const level = (sec.oslevel ?? '').trim();
    if (level) out.push({ checkId: 'host.os-level', target: base, value: level, unit: 'state', detail: { declared: host.osVersion ?? null } });
  }
  const ps = parsePsEf(sec.ps ?? '');
  if (ps.ok) {
    const wanted = new Map(profilesFor(env, host.name).flatMap((p) => p.processes ?? []).map((p) => [p.name, p]));
    for (const p of wanted.values()) {
      const count = ps.value.filter((x) => x.cmd.includes(p.pattern) && (!p.user || x.uid === p.user)).length;
      out.push({ checkId: 'host.processes', target: `${base}/process:${p.name}`, value: count, unit: 'count', detail: { pattern: p.pattern, minCount: p.minCount ?? 1 } });
    }
  }
  return out;
}

function logs(base: string, sec: Record<string, string>, files: LogFile[], env: string, now: Date): Measurement[] {
  const out: Measurement[] = [];
  const codes: string[] = [];
  files.forEach((f, i) => {
    const textOf = sec[`log${i}`] ?? '';
    const e = f.kind === 'bea' ? beaErrors(textOf, now) : alertErrors(textOf, now);
    codes.push(...e.codes);
    if (f.server) out.push({ checkId: 'wls.log-errors', target: `${env}/weblogic:${f.server.domain}/server:${f.server.name}`, value: e.count, unit: 'count', detail: { ids: [...new Set(e.codes)].join(','), file: f.path } });
  });
  out.push({ checkId: 'host.log-errors', target: base, value: codes.length, unit: 'count', detail: { codes: [...new Set(codes)].join(','), files: files.length } });
  return out;
}

async function readHost(input: CollectInput, host: Host, latencyMs: number | undefined): Promise<Collected> {
  const { ctx } = input;
  const base = `${ctx.env}/host:${host.name}`;
  const files = logsOn(ctx.model, host.name);
  const batch = hostScript({ host, errptSince: errptStamp(new Date(ctx.now().getTime() - 24 * 3600_000)), logs: files.map((f) => f.path) });
  try {
    const res = await ctx.hosts.exec(host.name, batch.command);
    const sec = splitSections(batch, res);
    const measurements = [
      ...resources(base, sec, host), ...health(base, sec, host, ctx.model), ...logs(base, sec, files, ctx.env, ctx.now()),
      ...(latencyMs !== undefined ? [{ checkId: 'link.latency', target: `${ctx.env}/link:ops-host->${host.name}`, value: latencyMs, unit: 'ms' as const, detail: { via: 'ssh round trip (echo) on the open connection' } }] : []),
    ].filter((m) => input.checks.has(m.checkId));
    return { measurements, unread: [], notMeasured: [] };
  } catch (err) {
    const checks = HOST_CHECKS.filter((c) => input.checks.has(c));
    return { ...emptyCollected(), unread: [unread(base, 'host', checks, err)] };
  }
}

/**
 * Link latency: connect every host first (bounded, concurrent), then time one `echo` per host on
 * the open connections, so the figure is the round trip and not the handshake or the load of the
 * inspection itself (no collector has started yet). The echoes run `ctx.concurrency` at a time:
 * an echo costs the ops host next to nothing, and one after another they would take 1000 round
 * trips (25 s at 25 ms) on a large estate. A host that cannot be connected is left out (unread).
 */
export async function latencies(input: CollectInput): Promise<Map<string, number>> {
  const { ctx } = input;
  const up = await mapBounded(selectedHosts(input), ctx.concurrency, async (h) => ctx.hosts.exec(h.name, ['echo', 'ok']).then(() => h.name, () => undefined));
  const names = up.filter((n): n is string => n !== undefined);
  const times = await mapBounded(names, ctx.concurrency, (name) => timed(() => ctx.hosts.exec(name, ['echo', 'ok'])).catch(() => undefined));
  const out = new Map<string, number>();
  names.forEach((name, i) => {
    const t = times[i];
    if (t) out.set(name, t.ms);
  });
  return out;
}

/** `rtt`: the link latencies, measured by `latencies` before any other collector starts. */
export async function collectHosts(input: CollectInput, rtt: ReadonlyMap<string, number> = new Map()): Promise<Collected> {
  if (!HOST_CHECKS.some((c) => input.checks.has(c))) return emptyCollected();
  const parts = await mapBounded(selectedHosts(input), input.ctx.concurrency, (h) => readHost(input, h, rtt.get(h.name)));
  return merge(parts);
}
