/**
 * The one command batch each host runs per inspection: one script of read-only commands
 * (transport/batch.ts: sections framed by unguessable markers, each with its exit status), so one
 * SSH round trip reads CPU, memory, paging, filesystems, the error log, processes, the OS level
 * and the tails of the logs on the host. Each section's stderr goes with its stdout (`2>&1`), as
 * the parsers have always been given it. Paths reach the shell only through shellCommand.
 */
import type { Host } from '../model/index.js';
import { batchScript, splitBatch, type Batch, type BatchSection, type ExecResult } from '../transport/index.js';

export interface HostScriptOptions {
  host: Host;
  /** errpt -s argument (MMDDhhmmYY, host local time) for the last 24 h. */
  errptSince: string;
  /** Log files to tail (WebLogic server logs, Oracle alert logs on this host). */
  logs: readonly string[];
  tailLines?: number;
  /** Marker token (tests); default a fresh random one. */
  token?: string;
}

export function hostScript(o: HostScriptOptions): Batch {
  const aix = o.host.os === 'aix';
  const tail = o.tailLines ?? 2000;
  const section = (name: string, ...argv: string[]): BatchSection => ({ name, command: argv, mergeStderr: true });
  const sections = [
    section('vmstat', 'vmstat', '5', '3'),
    aix ? section('svmon', 'svmon', '-G') : section('meminfo', 'cat', '/proc/meminfo'),
    ...(aix ? [section('lsps', 'lsps', '-s')] : []),
    section('df', 'df', '-Pk'),
    ...(aix ? [section('errpt', 'errpt', '-s', o.errptSince)] : []),
    section('ps', 'ps', '-ef'),
    ...(aix ? [section('oslevel', 'oslevel', '-s')] : []),
    ...o.logs.map((f, i) => section(`log${i}`, 'tail', '-n', String(tail), f)),
  ];
  return batchScript(sections, o.token);
}

/** The batch's output as section name → text (stdout with stderr); a section that did not finish is missing. */
export function splitSections(batch: Batch, result: ExecResult): Record<string, string> {
  return Object.fromEntries([...splitBatch(batch, result)].map(([name, r]) => [name, r.stdout]));
}

/** `MMDDhhmmYY` of a moment in Asia/Shanghai (UTC+8, no DST). */
export function errptStamp(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600_000);
  const p = (v: number): string => String(v).padStart(2, '0');
  return `${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCFullYear() % 100)}`;
}
