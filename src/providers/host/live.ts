/**
 * Turning one host's command outputs into LiveReads: tunables (parseTunables / parseSysctl /
 * parseLsattrSys0), managed files (parseCsum / parseSha256sum + `ls -ld`), marked cron entries.
 * Pure: outputs in, reads out. The fingerprint is the sha256 of the canonical JSON of status and
 * attributes, so any change of a value the plan relied on changes it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Attributes, type AttributeRule, type LiveRead } from '../../core/index.js';
import type { Address } from '../../model/address.js';
import type { Host } from '../../model/index.js';
import { parseCsum, parseLsattrSys0, parseSha256sum, parseSysctl, parseTunables } from '../../parsers/index.js';
import type { ExecResult } from '../../transport/index.js';
import { markedEntries, splitLines, type CronLine } from './cron.js';
import type { HostDesired } from './desired.js';
import type { TunableTable } from './profiles.js';
import { FILES_MARK, fileReadLabel, parseLsLd, saysMissing, saysNoCrontab } from './remote.js';
import { NOTIFY_RULE, REBOOT_RULE, needsReboot } from './rules.js';

/** A command's result, or why it could not run. */
export type Outcome = { ok: true; result: ExecResult } | { ok: false; reason: string };

export function fingerprintOf(status: LiveRead['status'], attributes?: Attributes): string {
  return createHash('sha256').update(canonicalJson({ status, attributes: attributes ?? null })).digest('hex');
}

export function present(address: Address, type: string, attributes: Attributes, rules?: Record<string, AttributeRule>): LiveRead {
  return { address, status: 'present', system: 'host', type, attributes, fingerprint: fingerprintOf('present', attributes), ...(rules ? { rules } : {}) };
}

export function absent(address: Address, type: string, rules?: Record<string, AttributeRule>): LiveRead {
  return { address, status: 'absent', system: 'host', type, fingerprint: fingerprintOf('absent'), ...(rules ? { rules } : {}) };
}

export function unknown(address: Address, type: string, reason: string): LiveRead {
  return { address, status: 'unknown', system: 'host', type, reason, fingerprint: '' };
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-2).join(' | ').slice(0, 300);
}

/** The command a tunable table is read with, as messages name it. */
export function tableTool(table: TunableTable): string {
  return table === 'sys0' ? 'lsattr -El sys0' : table === 'sysctl' ? 'sysctl' : `${table} -a`;
}

/** name → value of one tunable table, or the reason it could not be read (naming host and command). */
export function tunableValues(host: Host, table: TunableTable, o: Outcome): Record<string, string> | string {
  if (!o.ok) return o.reason;
  const { stdout, stderr, exitCode } = o.result;
  const failed = (detail: string): string => `${tableTool(table)} on ${host.name} exited ${exitCode}: ${detail || 'no output'}`;
  // A non-zero exit that still listed values (sysctl NAME… with one unknown name) is a partial
  // read: the names it lists are read, the others "not listed". Nothing listed: the command failed.
  if (table === 'sys0') {
    const p = parseLsattrSys0(stdout);
    if (!p.ok || (exitCode !== 0 && p.value.length === 0)) return failed(tail(stderr) || (p.ok ? '' : p.error.message));
    return Object.fromEntries(p.value.map((a) => [a.attribute, a.value]));
  }
  const p = table === 'sysctl' ? parseSysctl(stdout) : parseTunables(stdout);
  if (!p.ok || (exitCode !== 0 && Object.keys(p.value.values).length === 0)) return failed(tail(stderr));
  // sysctl prints tuples tab-separated (`32768\t60999`); desired state writes them with spaces.
  return table === 'sysctl' ? Object.fromEntries(Object.entries(p.value.values).map(([k, v]) => [k, v.replace(/\s+/g, ' ')])) : p.value.values;
}

export function tunableRead(host: Host, address: Address, table: TunableTable, name: string, values: Record<string, string> | string, errText: string): LiveRead {
  if (typeof values === 'string') return unknown(address, 'tunable', values);
  const v = values[name];
  if (v === undefined) return unknown(address, 'tunable', `${tableTool(table)} on ${host.name} does not list ${name}${errText ? `: ${tail(errText)}` : ''}`);
  return present(address, 'tunable', { value: v.trim() }, needsReboot(table, name) ? { value: REBOOT_RULE } : undefined);
}

/** Reads of managed files from the one checksum + `ls -ld` exec. */
export function fileReads(host: Host, files: ReadonlyArray<{ address: Address; path: string; notifies: boolean }>, o: Outcome): LiveRead[] {
  if (!o.ok) return files.map((f) => unknown(f.address, 'file', o.reason));
  const { stdout, stderr } = o.result;
  const cut = stdout.indexOf(FILES_MARK);
  const sums = cut < 0 ? stdout : stdout.slice(0, cut);
  const listing = cut < 0 ? '' : stdout.slice(cut + FILES_MARK.length);
  const parsed = host.os === 'aix' ? parseCsum(sums) : parseSha256sum(sums);
  const digests = new Map(parsed.ok ? parsed.value.digests.map((d) => [d.file, d.digest]) : []);
  const stats = parseLsLd(listing, files.map((f) => f.path));
  return files.map((f) => {
    const rules = f.notifies ? { sha256: NOTIFY_RULE } : undefined;
    const sha256 = digests.get(f.path);
    const st = stats.get(f.path);
    if (sha256 && st) return present(f.address, 'file', { sha256, mode: st.mode, owner: st.owner, group: st.group }, rules);
    if (!sha256 && !st && saysMissing(stderr, f.path)) return absent(f.address, 'file', rules);
    return unknown(f.address, 'file', `could not read ${f.path} on ${host.name} (${fileReadLabel(host)} exited ${o.result.exitCode}): ${tail(stderr) || 'no checksum or listing printed'}`);
  });
}

/** A user's crontab lines, or the reason it could not be read (no crontab = empty). */
export function crontabLines(o: Outcome, user: string, host: Host): string[] | string {
  if (!o.ok) return o.reason;
  const { stdout, stderr, exitCode } = o.result;
  if (exitCode === 0) return splitLines(stdout);
  if (saysNoCrontab(stderr)) return [];
  return `crontab -l as ${user} on ${host.name} exited ${exitCode}: ${tail(stderr)}`;
}

export function cronAttributes(user: string, line: CronLine): Attributes {
  return { user, schedule: line.schedule, command: line.command };
}

/** Reads of the requested cron names (searching the entry's user, else every user read), plus live-only marked entries. */
export function cronReads(desired: HostDesired, requested: ReadonlyArray<{ address: Address; name: string }>, tabs: Map<string, string[] | string>, childAddress: (name: string) => Address): LiveRead[] {
  const marked = new Map<string, Map<string, CronLine> | string>([...tabs].map(([u, t]) => [u, typeof t === 'string' ? t : markedEntries(t)]));
  const reads = requested.map(({ address, name }) => {
    const own = desired.cron.find((c) => c.entry.name === name)?.entry.user;
    const users = own ? [own] : [...marked.keys()];
    let failed: string | undefined;
    for (const user of users) {
      const m = marked.get(user);
      if (typeof m === 'string' || m === undefined) failed ??= m ?? `crontab of ${user} on ${desired.host.name} not read`;
      else if (m.has(name)) return present(address, 'cron', cronAttributes(user, m.get(name)!));
    }
    return failed ? unknown(address, 'cron', failed) : absent(address, 'cron');
  });
  const seen = new Set([...requested.map((r) => r.name), ...desired.cron.map((c) => c.entry.name)]);
  for (const [user, m] of marked) {
    if (typeof m === 'string') continue;
    for (const [name, line] of m) {
      if (seen.has(name)) continue;
      seen.add(name);
      reads.push(present(childAddress(name), 'cron', cronAttributes(user, line)));
    }
  }
  return reads;
}
