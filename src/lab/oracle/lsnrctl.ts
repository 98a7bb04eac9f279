/**
 * The `lsnrctl` command of the lab's database hosts: `status [LISTENER]`, `services`, `start`,
 * `stop`, in the real 11.2/19c layout (health-checks.md §2.8). Services of instances that are
 * down (or under the `db-down` fault) are not registered; a stopped listener answers with
 * TNS-12541 / TNS-12560 / TNS-00511 and exit status 1.
 */
import type { LabDatabase, LabState } from '../state/types.js';
import type { CommandHandler, ShellContext } from '../shell/types.js';
import { isDown } from './connect.js';
import { versionOf } from './views.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function stamp(d: Date): string {
  const l = new Date(d.getTime() + 8 * 3_600_000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(l.getUTCDate())}-${MONTHS[l.getUTCMonth()]}-${l.getUTCFullYear()} ${p(l.getUTCHours())}:${p(l.getUTCMinutes())}:${p(l.getUTCSeconds())}`;
}

function uptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 86400)} days ${Math.floor(s / 3600) % 24} hr. ${Math.floor(s / 60) % 60} min. ${s % 60} sec`;
}

function databasesOn(state: LabState, host: string): LabDatabase[] {
  return Object.values(state.databases).filter((d) => d.instances.some((i) => i.host === host));
}

function platform(state: LabState, host: string): { name: string; error: string } {
  return state.hosts[host]?.os === 'aix'
    ? { name: 'IBM/AIX RISC System/6000', error: 'IBM/AIX RISC System/6000 Error: 79: Connection refused' }
    : { name: 'Linux', error: 'Linux Error: 111: Connection refused' };
}

function header(state: LabState, ctx: ShellContext, version: string): string[] {
  return [``, `LSNRCTL for ${platform(state, ctx.host).name}: Version ${version} - Production on ${stamp(ctx.now)}`, '',
    'Copyright (c) 1991, 2023, Oracle.  All rights reserved.', ''];
}

const pad = (label: string, value: string): string => `${label.padEnd(26)}${value}`;

function address(ctx: ShellContext, port: number): string {
  return `(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=${ctx.host})(PORT=${port})))`;
}

function services(state: LabState, ctx: ShellContext, dbs: LabDatabase[]): string[] {
  const lines: string[] = [];
  for (const db of dbs) {
    const inst = db.instances.find((i) => i.host === ctx.host);
    if (!inst || isDown(db, state, inst.sid)) continue;
    for (const svc of [db.service, `${db.dbName}XDB`]) {
      lines.push(`Service "${svc}" has 1 instance(s).`, `  Instance "${inst.sid}", status READY, has 1 handler(s) for this service...`);
    }
  }
  return lines.length > 0 ? ['Services Summary...', ...lines] : ['The listener supports no services'];
}

function status(state: LabState, ctx: ShellContext, dbs: LabDatabase[], version: string, name: string): string[] {
  const port = dbs[0]?.listenerPort ?? 1521;
  const home = `/oracle/app/oracle/product/${version.split('.').slice(0, 2).join('.').replace(/^(\d+)\.\d+$/, '$1.0.0')}/dbhome_1`;
  const started = new Date(Date.parse(state.resetAt));
  return [
    `Connecting to ${address(ctx, port)}`, `STATUS of the ${name}`, '------------------------',
    pad('Alias', name), pad('Version', `TNSLSNR for ${platform(state, ctx.host).name}: Version ${version} - Production`),
    pad('Start Date', stamp(started)), pad('Uptime', uptime(ctx.now.getTime() - started.getTime())), pad('Trace Level', 'off'),
    pad('Security', 'ON: Local OS Authentication'), pad('SNMP', 'OFF'),
    pad('Listener Parameter File', `${home}/network/admin/listener.ora`),
    pad('Listener Log File', `/oracle/app/oracle/diag/tnslsnr/${ctx.host}/${name.toLowerCase()}/alert/log.xml`),
    'Listening Endpoints Summary...', `  (DESCRIPTION=(ADDRESS=(PROTOCOL=tcp)(HOST=${ctx.host})(PORT=${port})))`,
    ...services(state, ctx, dbs), 'The command completed successfully',
  ];
}

function down(state: LabState, ctx: ShellContext, port: number): string[] {
  return [`Connecting to ${address(ctx, port)}`, 'TNS-12541: TNS:no listener', ' TNS-12560: TNS:protocol adapter error',
    '  TNS-00511: No listener', `   ${platform(state, ctx.host).error}`];
}

function setListener(ctx: ShellContext, dbs: LabDatabase[], up: boolean): void {
  const names = new Set(dbs.map((d) => d.name));
  ctx.store.update((s) => {
    for (const db of Object.values(s.databases)) if (names.has(db.name)) db.listenerUp = up;
  });
}

export const lsnrctlCommand: CommandHandler = (argv, ctx) => {
  const state = ctx.store.read();
  const dbs = databasesOn(state, ctx.host);
  const version = versionOf(dbs[0]?.version ?? '19.0.0.0.0');
  const verb = (argv[1] ?? 'status').toLowerCase();
  const name = (argv[2] ?? 'LISTENER').toUpperCase();
  const up = dbs.length > 0 && dbs.every((d) => d.listenerUp);
  const port = dbs[0]?.listenerPort ?? 1521;
  const out = header(state, ctx, version);
  const done = (lines: string[], exitCode: number) => ({ stdout: `${[...out, ...lines].join('\n')}\n`, stderr: '', exitCode });
  if (verb === 'status' || verb === 'services') return up ? done(status(state, ctx, dbs, version, name), 0) : done(down(state, ctx, port), 1);
  if (verb === 'stop') {
    if (!up) return done(down(state, ctx, port), 1);
    setListener(ctx, dbs, false);
    return done([`Connecting to ${address(ctx, port)}`, 'The command completed successfully'], 0);
  }
  if (verb === 'start') {
    if (up) return done(['TNS-01106: Listener using listener name LISTENER has already been started'], 1);
    setListener(ctx, dbs, true);
    return done(['Starting /oracle/app/oracle/product/19.0.0/dbhome_1/bin/tnslsnr: please wait...', '', ...status(ctx.store.read(), ctx, dbs, version, name)], 0);
  }
  return done([`NL-00853: undefined command "${argv[1] ?? ''}".  Try "help"`], 1);
};
