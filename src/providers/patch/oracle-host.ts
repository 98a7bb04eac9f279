/**
 * What a database home patch stops and starts on one host: the instances of every database whose
 * ORACLE_HOME it is (SHUTDOWN IMMEDIATE / STARTUP — a standby STARTUP MOUNT — as SYSDBA by OS
 * authentication, the way the Oracle provider restarts instances), and, for a single-instance
 * database, its listener, which runs from the same home (`lsnrctl stop` / `start`; a RAC
 * listener runs from the Grid home and keeps serving the other instances). Only what was running
 * is started again, listener first; the gate is the Oracle provider's instance gate (OPEN, a
 * standby MOUNTED).
 */
import type { OracleDatabase } from '../../model/index.js';
import { oracleHomeOf } from '../../model/homes.js';
import { childAddress } from '../oracle/common.js';
import { gateInstance } from '../oracle/instance.js';
import { createSqlplusSession, runSqlplusSysdba } from '../../transport/oracle-sqlplus.js';
import { shellCommand } from '../../transport/quote.js';
import type { ProviderContext } from '../context.js';
import { errorText, type OpOutcome } from '../weblogic/ops.js';

export interface HostInstance {
  db: OracleDatabase;
  sid: string;
  /** The database's listener runs from this home (single instance). */
  listener: boolean;
}

export function instancesOnHost(dbs: readonly OracleDatabase[], host: string, home: string): HostInstance[] {
  return dbs.filter((d) => oracleHomeOf(d) === home).flatMap((db) => db.instances.filter((i) => i.host === host).map((i) => ({ db, sid: i.sid, listener: db.instances.length === 1 })));
}

interface Stopped { instances: HostInstance[]; listeners: HostInstance[] }

async function instanceUp(ctx: ProviderContext, host: string, home: string, sid: string): Promise<boolean> {
  try {
    const rows = await createSqlplusSession({ hosts: ctx.hosts, host, sid, oracleHome: home }).query('SELECT STATUS FROM V$INSTANCE');
    return rows.length > 0;
  } catch {
    return false; // ORA-01034 ORACLE not available: an idle instance
  }
}

const lsnrctl = (home: string, verb: string): { script: string } => ({ script: `ORACLE_HOME=${shellCommand([home])} ${shellCommand([`${home}/bin/lsnrctl`, verb])}` });

export async function stopInstances(ctx: ProviderContext, host: string, home: string, items: readonly HostInstance[]): Promise<Stopped & { failure?: string }> {
  const stopped: Stopped = { instances: [], listeners: [] };
  for (const i of items) {
    if (!(await instanceUp(ctx, host, home, i.sid))) continue;
    try {
      await runSqlplusSysdba({ hosts: ctx.hosts, host, sid: i.sid, oracleHome: home }, ['SHUTDOWN IMMEDIATE']);
    } catch (err) {
      return { ...stopped, failure: `SHUTDOWN IMMEDIATE of ${i.sid} on ${host}: ${errorText(err)}` };
    }
    stopped.instances.push(i);
  }
  for (const i of items.filter((x) => x.listener)) {
    const status = await ctx.hosts.exec(host, lsnrctl(home, 'status'));
    if (status.exitCode !== 0) continue;
    const stop = await ctx.hosts.exec(host, lsnrctl(home, 'stop'));
    if (stop.exitCode !== 0) return { ...stopped, failure: `lsnrctl stop on ${host}: exit ${stop.exitCode}` };
    stopped.listeners.push(i);
  }
  return stopped;
}

export async function startInstances(ctx: ProviderContext, host: string, home: string, stopped: Stopped): Promise<OpOutcome> {
  if (stopped.listeners.length) {
    const r = await ctx.hosts.exec(host, lsnrctl(home, 'start'));
    if (r.exitCode !== 0) return { ok: false, message: `lsnrctl start on ${host}: exit ${r.exitCode}` };
  }
  const done: string[] = [];
  for (const i of stopped.instances) {
    const start = i.db.role === 'physical-standby' ? 'STARTUP MOUNT' : 'STARTUP';
    try {
      await runSqlplusSysdba({ hosts: ctx.hosts, host, sid: i.sid, oracleHome: home }, [start]);
    } catch (err) {
      return { ok: false, message: `${start} of ${i.sid} on ${host}: ${errorText(err)}` };
    }
    const g = await gateInstance(ctx, childAddress(ctx.env, i.db.name, 'instance', i.sid), []);
    if (!g.healthy) return { ok: false, message: `${i.sid} after ${start}: ${g.message}` };
    done.push(`${i.sid} ${start}`);
  }
  const listener = stopped.listeners.length ? 'listener started; ' : '';
  return { ok: true, message: `${listener}${done.join(', ') || 'no instance was running from this home'}` };
}
