/**
 * One lab host at reset: OS facts, live readings below every threshold, default tunables
 * overlaid with the desired ones, managed files rendered, cron lines, file systems, base
 * processes and services. WebLogic and Oracle processes are added by their own builders.
 */
import type { EffectiveHostConfig } from './profiles.js';
import type { Host } from '../../model/index.js';
import { templateVarsFor } from '../../template/vars.js';
import { errptStamp, iso, minus, psStime } from './clock.js';
import { AIX_FILESYSTEMS, AIX_IOO, AIX_NO, AIX_SYS0, AIX_VMO, LINUX_FILESYSTEMS, LINUX_SYSCTL } from './defaults.js';
import { addProcess, type ProcessContext } from './processes.js';
import type { Rng } from './random.js';
import type { LabFile, LabFilesystem, LabHost } from './types.js';

export type RenderTemplate = (templatePath: string, vars: Record<string, unknown>) => string;

export interface HostBuildContext {
  env: string;
  rnd: Rng;
  resetAt: Date;
  render?: RenderTemplate;
}

/** Files the lab writes that are not managed files (tunable persistence). */
export const AIX_NEXTBOOT = '/etc/tunables/nextboot';
export const SYSCTL_CONF = '/etc/sysctl.d/90-opsctl.conf';

function osLevelOf(host: Host): string {
  const v = host.osVersion ?? '';
  if (host.os === 'linux') return /^\d+\.\d+\.\d+-/.test(v) ? v : v.includes('8') ? '4.18.0-513.24.1.el8_9.x86_64' : '3.10.0-1160.119.1.el7.x86_64';
  if (/^\d{4}-\d{2}-\d{2}-\d{4}$/.test(v)) return v;
  if (v.startsWith('7.1')) return '7100-05-06-2028';
  if (v.startsWith('7.3')) return '7300-02-01-2346';
  return '7200-05-07-2346';
}

function mode4(mode: string): string {
  return mode.padStart(4, '0');
}

export function labFile(content: string, at: Date, mode = '0644', owner = 'root', group = 'system'): LabFile {
  return { content, mode: mode4(mode), owner, group, mtime: iso(at) };
}

function filesystems(host: Host, cfg: EffectiveHostConfig, rnd: Rng): LabFilesystem[] {
  const base = host.os === 'aix' ? AIX_FILESYSTEMS : LINUX_FILESYSTEMS;
  const out = new Map<string, LabFilesystem>();
  const reading = (mount: string, device: string, sizeMb: number, maxPercent: number): LabFilesystem => ({
    mount,
    device,
    sizeMb,
    usedMb: Math.round((sizeMb * rnd.int(Math.max(5, maxPercent - 40), maxPercent)) / 100),
    inodesUsedPercent: rnd.int(1, 12),
  });
  for (const [mount, device, size] of base) out.set(mount, reading(mount, device, size, 55));
  let lv = 0;
  for (const fs of cfg.filesystems) {
    const known = out.get(fs.mount);
    const device = known?.device ?? (host.os === 'aix' ? `/dev/fslv${String(lv++).padStart(2, '0')}` : `/dev/mapper/appvg-${fs.mount.slice(1).replace(/\//g, '_') || 'root'}`);
    const size = known?.sizeMb ?? rnd.pick([51200, 102400, 204800]);
    out.set(fs.mount, reading(fs.mount, device, size, Math.max(6, Math.min(55, Math.floor(fs.warningPercent) - 8))));
  }
  return [...out.values()];
}

function tunablesOf(host: Host, cfg: EffectiveHostConfig): LabHost['tunables'] {
  const aix = host.os === 'aix';
  return {
    no: { ...(aix ? AIX_NO : {}), ...cfg.tunables.no },
    vmo: { ...(aix ? AIX_VMO : {}), ...cfg.tunables.vmo },
    ioo: { ...(aix ? AIX_IOO : {}), ...cfg.tunables.ioo },
    sys0: { ...(aix ? AIX_SYS0 : {}), ...cfg.tunables.sys0 },
    sysctl: { ...(aix ? {} : LINUX_SYSCTL), ...cfg.tunables.sysctl },
  };
}

/** /etc/tunables/nextboot stanzas, or the sysctl.d file, for the desired tunables. */
function persistedTunables(host: Host, cfg: EffectiveHostConfig, at: Date): Record<string, LabFile> {
  if (host.os === 'linux') {
    const lines = Object.entries(cfg.tunables.sysctl).map(([k, v]) => `${k} = ${v}`);
    return lines.length ? { [SYSCTL_CONF]: labFile(`# managed by opsctl\n${lines.join('\n')}\n`, at) } : {};
  }
  const stanzas = (['no', 'vmo', 'ioo'] as const)
    .filter((k) => Object.keys(cfg.tunables[k]).length > 0)
    .map((k) => `${k}:\n${Object.entries(cfg.tunables[k]).map(([n, v]) => `        ${n} = "${v}"`).join('\n')}\n`);
  return stanzas.length ? { [AIX_NEXTBOOT]: labFile(`${stanzas.join('\n')}`, at, '0644', 'root', 'system') } : {};
}

function managedFiles(envName: string, host: Host, cfg: EffectiveHostConfig, ctx: HostBuildContext): Record<string, LabFile> {
  const out: Record<string, LabFile> = {};
  for (const f of cfg.files) {
    if (!ctx.render) throw new Error(`buildLabState: host ${host.name} has managed file ${f.path}; pass opts.render to render its template`);
    const at = minus(ctx.resetAt, ctx.rnd.int(86400, 90 * 86400));
    out[f.path] = labFile(ctx.render(f.template, templateVarsFor(envName, host, f)), at, f.mode, f.owner, f.group);
  }
  return out;
}

const AIX_ROOT_CRON = [
  '0 3 * * * /usr/sbin/skulker',
  '45 2 * * 0 /usr/lib/spell/compress',
  '45 23 * * * ulimit 5000; /usr/lib/smdemon.cleanu > /dev/null',
  '0 11 * * * /usr/bin/errclear -d S,O 30',
  '0 12 * * * /usr/bin/errclear -d H 90',
  '0 15 * * * /usr/lib/ras/dumpcheck >/dev/null 2>&1',
];

/** Managed cron lines are preceded by a `# opsctl: NAME` marker, like Ansible's `#Ansible: NAME`. */
export function cronMarker(name: string): string {
  return `# opsctl: ${name}`;
}

function crontabs(host: Host, cfg: EffectiveHostConfig): Record<string, string[]> {
  // A default root line the desired state manages itself (e.g. skulker) is not kept twice.
  const exe = (line: string): string => line.split(/\s+/).slice(0, 6).join(' ');
  const managedRoot = new Set(cfg.cron.filter((c) => c.user === 'root').map((c) => exe(`${c.schedule} ${c.command}`)));
  const tabs: Record<string, string[]> = { root: host.os === 'aix' ? AIX_ROOT_CRON.filter((l) => !managedRoot.has(exe(l))) : [] };
  for (const c of cfg.cron) (tabs[c.user] ??= []).push(cronMarker(c.name), `${c.schedule} ${c.command}`);
  return tabs;
}

export function buildHost(host: Host, cfg: EffectiveHostConfig, ctx: HostBuildContext): LabHost {
  const { rnd, resetAt } = ctx;
  const db = host.roles.includes('oracle');
  const uptimeSeconds = rnd.int(20, 200) * 86400 + rnd.int(0, 86399);
  const totalMb = (db ? 128 : 64) * 1024;
  const cores = db ? 16 : 8;
  const user = rnd.int(8, 30);
  const system = rnd.int(3, 8);
  const wait = rnd.int(0, 3);
  const files = { ...persistedTunables(host, cfg, minus(resetAt, uptimeSeconds)), ...managedFiles(ctx.env, host, cfg, ctx) };
  const lab: LabHost = {
    name: host.name,
    os: host.os,
    osLevel: osLevelOf(host),
    hostname: host.name,
    roles: [...host.roles],
    uptimeSeconds,
    cpu: { cores, userPercent: user, systemPercent: system, waitPercent: wait, idlePercent: 100 - user - system - wait, runQueue: rnd.int(1, 4) },
    memory: { totalMb, usedMb: Math.round((totalMb * rnd.int(40, 70)) / 100), pagingSpaceMb: 16384, pagingUsedPercent: rnd.int(1, 5) },
    tunables: tunablesOf(host, cfg),
    files,
    dirs: [],
    filesystems: filesystems(host, cfg, rnd),
    processes: [],
    services: [],
    errpt: host.os === 'aix' ? bootErrpt(resetAt, uptimeSeconds) : [],
    crontab: crontabs(host, cfg),
    accounts: accounts(cfg, rnd),
    fixes: host.os === 'aix' ? aixFixes(osLevelOf(host)) : [],
  };
  addBaseProcesses(lab, { rnd, now: resetAt, uptimeSeconds });
  return lab;
}

function accounts(cfg: EffectiveHostConfig, rnd: Rng): LabHost['accounts'] {
  const p = cfg.passwordPolicy;
  if (!p) return {};
  return Object.fromEntries(p.accounts.map((a) => [a, { lastChangeDaysAgo: rnd.int(1, Math.max(1, p.maxAgeDays - 15)), maxAgeDays: p.maxAgeDays, minLength: p.minLength, history: p.history }]));
}

function bootErrpt(resetAt: Date, uptimeSeconds: number): LabHost['errpt'] {
  const boot = minus(resetAt, uptimeSeconds - 120);
  return [
    { identifier: 'A6DF45AA', timestamp: errptStamp(boot), type: 'I', class: 'O', resource: 'RMCdaemon', description: 'The daemon is started.' },
    { identifier: 'D221BD55', timestamp: errptStamp(minus(boot, 60)), type: 'I', class: 'O', resource: 'perftune', description: 'RESTRICTED TUNABLES MODIFIED AT REBOOT' },
  ];
}

function aixFixes(osLevel: string): string[] {
  const [base, tl] = osLevel.split('-');
  const mls = Array.from({ length: Number(tl ?? 0) + 1 }, (_, i) => `${base}-${String(i).padStart(2, '0')}_AIX_ML`);
  return [...mls, 'IJ25854', 'IJ28227', 'IJ29229', 'IJ31374', 'IJ33789', 'IJ35210', 'IJ36810', 'IJ40614'];
}

const AIX_SERVICES: Array<[string, string, string | null]> = [
  ['syslogd', 'ras', '/usr/sbin/syslogd'], ['sendmail', 'mail', '/usr/sbin/sendmail -bd -q30m'],
  ['portmap', 'portmap', '/usr/sbin/portmap'], ['inetd', 'tcpip', '/usr/sbin/inetd'],
  ['snmpd', 'tcpip', '/usr/sbin/snmpd'], ['hostmibd', 'tcpip', '/usr/sbin/hostmibd'],
  ['sshd', 'ssh', '/usr/sbin/sshd'], ['xntpd', 'tcpip', '/usr/sbin/xntpd'],
  ['ctrmc', 'rsct', '/usr/sbin/rsct/bin/rmcd -a IBM.LPCommands -r -S 1500'],
  ['IBM.MgmtDomainRM', 'rsct_rm', '/usr/sbin/rsct/bin/IBM.MgmtDomainRMd'],
  ['biod', 'nfs', '/usr/sbin/biod 6'], ['rpc.statd', 'nfs', '/usr/sbin/rpc.statd -d 0 -t 50'],
  ['qdaemon', 'spooler', '/usr/sbin/qdaemon'], ['writesrv', 'spooler', '/usr/sbin/writesrv'],
  ['nfsd', 'nfs', null], ['rpc.mountd', 'nfs', null], ['lpd', 'spooler', null], ['dhcpcd', 'tcpip', null],
];
const LINUX_SERVICES: Array<[string, string, string | null]> = [
  ['sshd', 'systemd', '/usr/sbin/sshd -D'], ['crond', 'systemd', '/usr/sbin/crond -n'],
  ['rsyslog', 'systemd', '/usr/sbin/rsyslogd -n'], ['chronyd', 'systemd', '/usr/sbin/chronyd'],
  ['auditd', 'systemd', '/sbin/auditd'], ['postfix', 'systemd', null],
];

function addBaseProcesses(host: LabHost, ctx: ProcessContext): void {
  const aix = host.os === 'aix';
  const boot = psStime(minus(ctx.now, ctx.uptimeSeconds), ctx.now);
  host.processes.push({ user: 'root', pid: 1, ppid: 0, started: boot, command: aix ? '/etc/init' : '/usr/lib/systemd/systemd --switched-root --system --deserialize 22' });
  addProcess(host, ctx, 'root', aix ? '/usr/sbin/syncd 60' : '/usr/lib/systemd/systemd-journald');
  if (aix) addProcess(host, ctx, 'root', '/usr/sbin/srcmstr');
  addProcess(host, ctx, 'root', aix ? '/usr/sbin/cron' : '/usr/sbin/crond -n');
  if (aix) addProcess(host, ctx, 'root', '/usr/lib/errdemon');
  for (const [subsystem, group, command] of aix ? AIX_SERVICES : LINUX_SERVICES) {
    if (!command) {
      host.services.push({ subsystem, group, status: 'inoperative' });
      continue;
    }
    const pid = addProcess(host, ctx, 'root', command);
    host.services.push({ subsystem, group, pid, status: 'active' });
  }
}
