/**
 * Host log steps: collect-logs (the last lines of the server / listener logs, full copies kept
 * outside git, a short masked excerpt in the record) and clean-logs (each host's logRetention
 * rules: `find PATH -name PATTERN -type f -mtime +N` lists the candidates, then gzip those past
 * compressAfterDays and rm those past keepDays — every path quoted by shellCommand).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Host, LogRetention } from '../model/index.js';
import { profileApplies } from '../model/index.js';
import { mapBounded, shellCommand } from '../transport/index.js';
import { failed, num, ok, param, warn, type StepInput, type StepResult } from './types.js';

function logPaths(input: StepInput): Array<{ host: string; path: string }> {
  const t = input.target;
  const source = String(param(input.step, 'source') ?? '');
  if (t.kind === 'server') {
    const d = input.ctx.model.domains.find((x) => x.name === t.domain)!;
    const dir = `${d.admin.domainHome}/servers/${t.server}/logs`;
    return [{ host: t.hosts[0]!, path: `${dir}/${t.server}.log` }, { host: t.hosts[0]!, path: `${dir}/${t.server}.out` }];
  }
  if (source === 'listener' || t.kind === 'database') {
    return t.hosts.map((h) => ({ host: h, path: `/oracle/app/oracle/diag/tnslsnr/${h}/listener/trace/listener.log` }));
  }
  const core = input.ctx.model.domains.find((x) => x.name === (source || 'core'));
  return (core?.servers ?? []).slice(0, 2).map((s) => ({ host: s.host, path: `${core!.admin.domainHome}/servers/${s.name}/logs/${s.name}.log` }));
}

export async function collectLogs(input: StepInput): Promise<StepResult> {
  const lines = Math.min(5000, num(input.step, 'lines', 200));
  const evidence: string[] = [];
  let found = 0;
  mkdirSync(input.evidenceDir, { recursive: true, mode: 0o700 });
  for (const { host, path } of logPaths(input)) {
    const r = await input.ctx.hosts.exec(host, { script: shellCommand(['tail', '-n', String(lines), path]) });
    if (r.exitCode !== 0) {
      evidence.push(`${host}:${path}: not readable (${(r.stderr.trim().split('\n')[0] ?? '') || `exit ${r.exitCode}`})`);
      continue;
    }
    found++;
    writeFileSync(join(input.evidenceDir, `${host}${path.replace(/\//g, '_')}`), r.stdout, { mode: 0o600 });
    const text = r.stdout.trimEnd().split('\n');
    evidence.push(`${host}:${path}: ${text.length} lines kept; last: ${text.at(-1)?.slice(0, 200) ?? ''}`);
  }
  return found > 0 ? ok(`collected ${found} log file(s) into ${input.evidenceDir}`, evidence) : warn('no log file could be read', evidence);
}

function rulesOf(input: StepInput, host: Host): LogRetention[] {
  const m = input.ctx.model;
  return m.hostProfiles.filter((p) => profileApplies(m, p, host)).flatMap((p) => p.logRetention ?? []);
}

const PATTERN = /^[A-Za-z0-9_.*?[\]-]+$/;

async function cleanHost(input: StepInput, host: Host, execute: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const rule of rulesOf(input, host)) {
    if (!PATTERN.test(rule.pattern)) { out.push(`${host.name} ${rule.name}: pattern ${rule.pattern} refused`); continue; }
    const find = async (days: number): Promise<string[]> => {
      const r = await input.ctx.hosts.exec(host.name, { script: shellCommand(['find', rule.path, '-name', rule.pattern, '-type', 'f', '-mtime', `+${days}`]) });
      return r.exitCode === 0 ? r.stdout.split('\n').filter((l) => l.startsWith('/')) : [];
    };
    const remove = await find(rule.keepDays);
    const compress = rule.compressAfterDays ? (await find(rule.compressAfterDays)).filter((p) => !remove.includes(p) && !p.endsWith('.gz')) : [];
    out.push(`${host.name} ${rule.name} (${rule.path}/${rule.pattern}): ${compress.length} to gzip (> ${rule.compressAfterDays ?? '-'} d), ${remove.length} to remove (> ${rule.keepDays} d)`);
    out.push(...compress.map((p) => `  gzip ${host.name}:${p}`), ...remove.map((p) => `  rm ${host.name}:${p}`));
    if (!execute) continue;
    if (compress.length) await input.ctx.hosts.exec(host.name, { script: shellCommand(['gzip', '-f', ...compress]) });
    if (remove.length) await input.ctx.hosts.exec(host.name, { script: shellCommand(['rm', '-f', ...remove]) });
  }
  return out;
}

/** Dry (listing) when `execute` is false; the runner calls it once listing even when executing. */
export async function cleanLogs(input: StepInput, execute: boolean): Promise<StepResult> {
  const hosts = input.ctx.model.hosts.filter((h) => input.target.hosts.includes(h.name) && rulesOf(input, h).length > 0);
  if (hosts.length === 0) return warn(`no logRetention rules apply to ${input.target.text}`);
  try {
    const lines = (await mapBounded(hosts, input.ctx.concurrency, (h) => cleanHost(input, h, execute))).flat();
    const acts = lines.filter((l) => l.startsWith('  ')).length;
    return ok(`${execute ? 'cleaned' : 'would clean'}: ${acts} file action(s) on ${hosts.length} host(s)`, lines);
  } catch (err) {
    return failed(`log cleanup failed: ${(err as Error).message}`);
  }
}
