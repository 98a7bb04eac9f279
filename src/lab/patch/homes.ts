/**
 * Homes and their users, shared by the lab's OPatch, BSU and datapatch: which home a tool was
 * called for (from its own path, `-oh`, or ORACLE_HOME), and what runs from a home right now —
 * the reason OPatch refuses (CheckActiveFilesAndExecutables): WebLogic servers of domains on
 * that middleware home on this host that are not SHUTDOWN, database instances from that
 * ORACLE_HOME that are not DOWN, a listener started from it (single-instance databases; a RAC
 * listener runs from the Grid home), and any other process whose command line names the home
 * (an operator's WLST or sqlplus session left open — the `home-busy` fault).
 */
import { defaultOracleHome } from '../../model/homes.js';
import type { ShellContext } from '../shell/types.js';
import { resolvePath } from '../shell/vfs.js';
import type { LabHome, LabState } from '../state/types.js';

export interface Located {
  path: string;
  home: LabHome;
}

/** The home a tool at `<home>/<suffix>` belongs to, or the one named by `-oh` / ORACLE_HOME. */
export function locateHome(ctx: ShellContext, suffix: string, explicit?: string): Located | string {
  const homes = ctx.store.read().hosts[ctx.host]?.homes ?? {};
  const typed = ctx.argv0 && ctx.argv0.includes('/') ? resolvePath(ctx.cwd, ctx.argv0) : undefined;
  const fromPath = typed?.endsWith(`/${suffix}`) ? typed.slice(0, -suffix.length - 1) : undefined;
  const path = (explicit ?? fromPath ?? ctx.env.ORACLE_HOME ?? '').replace(/\/+$/, '');
  const home = homes[path];
  if (home) return { path, home };
  return path ? `${path} is not an Oracle home on this host` : 'ORACLE_HOME is not set';
}

export interface ActiveUse {
  /** The file or executable OPatch names. */
  file: string;
  pid: number | null;
  what: string;
}

function pidOf(state: LabState, host: string, match: (command: string) => boolean): number | null {
  return state.hosts[host]?.processes.find((p) => match(p.command))?.pid ?? null;
}

function weblogicUses(state: LabState, host: string, home: string): ActiveUse[] {
  const out: ActiveUse[] = [];
  for (const d of Object.values(state.domains)) {
    if (d.middlewareHome.replace(/\/+$/, '') !== home) continue;
    const wl = `${home}/${d.version === '10.3.6' ? 'wlserver_10.3' : 'wlserver'}/server/lib/weblogic.jar`;
    for (const s of Object.values(d.servers)) {
      if (s.host !== host || s.state === 'SHUTDOWN') continue;
      out.push({ file: wl, pid: pidOf(state, host, (c) => c.includes(`-Dweblogic.Name=${s.name} `)), what: `WebLogic Server ${s.name} (${d.name}, ${s.state})` });
    }
  }
  return out;
}

function databaseUses(state: LabState, host: string, home: string): ActiveUse[] {
  const out: ActiveUse[] = [];
  for (const db of Object.values(state.databases)) {
    if ((db.oracleHome ?? defaultOracleHome(db.version)) !== home) continue;
    for (const i of db.instances) {
      if (i.host !== host || i.status === 'DOWN') continue;
      out.push({ file: `${home}/bin/oracle`, pid: pidOf(state, host, (c) => c === `ora_pmon_${i.sid}`), what: `instance ${i.sid} (${i.status})` });
    }
    const listener = state.hosts[host]?.processes.find((p) => p.user === 'oracle' && p.command.startsWith(`${home}/bin/tnslsnr`));
    if (listener && db.listenerUp && db.instances.some((i) => i.host === host) && !out.some((u) => u.file.endsWith('/tnslsnr'))) {
      out.push({ file: `${home}/bin/tnslsnr`, pid: listener.pid, what: 'listener LISTENER' });
    }
  }
  return out;
}

/** Everything running from `home` on `host` now. */
export function activeUses(state: LabState, host: string, home: string): ActiveUse[] {
  const homes = Object.keys(state.hosts[host]?.homes ?? {});
  // The most specific home a path lies in (a 12c Oracle_Home may sit inside a 10.3.6 MW_HOME).
  const homeOf = (file: string): string | undefined => homes.filter((h) => file.startsWith(`${h}/`)).sort((a, b) => b.length - a.length)[0];
  const stray = (state.hosts[host]?.processes ?? []).flatMap((p) => {
    if (/weblogic\.Server|weblogic\.NodeManager|\/bin\/tnslsnr /.test(p.command)) return [];
    const file = p.command.split(/\s+/).find((w) => homeOf(w) === home);
    return file ? [{ file, pid: p.pid, what: `process ${p.pid} (${p.user}): ${p.command}` }] : [];
  });
  return [...weblogicUses(state, host, home), ...databaseUses(state, host, home), ...stray];
}

/** Local time of the estate (Asia/Shanghai) as a UTC-based Date, for formatting. */
export function cst(at: Date): Date {
  return new Date(at.getTime() + 8 * 3_600_000);
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** `Sat Nov 28 22:06:12 CST 2026` (date(1) style, as OPatch and datapatch print times). */
export function unixDate(at: Date): string {
  const t = cst(at);
  return `${DAY[t.getUTCDay()]} ${MON[t.getUTCMonth()]} ${p2(t.getUTCDate())} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} CST ${t.getUTCFullYear()}`;
}

/** `2026-11-28_22-06-12PM` (OPatch log names: 24-hour clock with an AM/PM suffix). */
export function opatchStamp(at: Date): string {
  const t = cst(at);
  return `${t.getUTCFullYear()}-${p2(t.getUTCMonth() + 1)}-${p2(t.getUTCDate())}_${p2(t.getUTCHours())}-${p2(t.getUTCMinutes())}-${p2(t.getUTCSeconds())}${t.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

/** `24 Jun 2026, 10:00:00 hrs PST8PDT` (OPatch "Created on"). */
export function createdOn(at: Date): string {
  const t = new Date(at.getTime() - 8 * 3_600_000);
  return `${t.getUTCDate()} ${MON[t.getUTCMonth()]} ${t.getUTCFullYear()}, ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} hrs PST8PDT`;
}
