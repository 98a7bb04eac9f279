/**
 * The one command batch each host runs per inspection: a `/bin/sh -c` script of a few read-only
 * commands separated by marker lines, so one SSH round trip reads CPU, memory, paging,
 * filesystems, the error log, processes, the OS level and the tails of the logs on the host.
 * Paths reach the shell only through shellQuote.
 */
import type { Host } from '../model/index.js';
import { shellQuote } from '../transport/index.js';

export const MARK = '@@opsctl-section ';

export interface HostScriptOptions {
  host: Host;
  /** errpt -s argument (MMDDhhmmYY, host local time) for the last 24 h. */
  errptSince: string;
  /** Log files to tail (WebLogic server logs, Oracle alert logs on this host). */
  logs: readonly string[];
  tailLines?: number;
}

function section(name: string, command: string): string {
  return `echo ${shellQuote(`${MARK}${name}`)}; ${command} 2>&1`;
}

export function hostScript(o: HostScriptOptions): string {
  const aix = o.host.os === 'aix';
  const tail = o.tailLines ?? 2000;
  const parts = [
    'LANG=C; LC_ALL=C; export LANG LC_ALL',
    section('vmstat', 'vmstat 5 3'),
    aix ? section('svmon', 'svmon -G') : section('meminfo', 'cat /proc/meminfo'),
    aix ? section('lsps', 'lsps -s') : '',
    section('df', 'df -Pk'),
    aix ? section('errpt', `errpt -s ${shellQuote(o.errptSince)}`) : '',
    section('ps', 'ps -ef'),
    aix ? section('oslevel', 'oslevel -s') : '',
    ...o.logs.map((f, i) => section(`log${i}`, `tail -n ${tail} ${shellQuote(f)}`)),
  ];
  return parts.filter(Boolean).join('\n');
}

/** Splits the batch output back into sections by marker line. */
export function splitSections(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name: string | undefined;
  let buf: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      if (name !== undefined) out[name] = buf.join('\n');
      name = line.slice(MARK.length).trim();
      buf = [];
    } else if (name !== undefined) buf.push(line);
  }
  if (name !== undefined) out[name] = buf.join('\n');
  return out;
}

/** `MMDDhhmmYY` of a moment in Asia/Shanghai (UTC+8, no DST). */
export function errptStamp(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600_000);
  const p = (v: number): string => String(v).padStart(2, '0');
  return `${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}${p(t.getUTCHours())}${p(t.getUTCMinutes())}${p(t.getUTCFullYear() % 100)}`;
}
