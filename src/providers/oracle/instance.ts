/**
 * Instance restarts and health gates. A restart step (`E/oracle:DB/instance:SID`) runs
 * `SHUTDOWN IMMEDIATE` and `STARTUP` (a standby: `STARTUP MOUNT`) as SYSDBA by OS
 * authentication on that instance's host — a network session cannot start an instance. The
 * gate checks the instance is OPEN (standby: MOUNTED) and every parameter the restart was for
 * now shows its desired value, over the same SYSDBA path on that host.
 */
import type { OracleDatabase } from '../../model/schema/index.js';
import { createSqlplusSession, runSqlplusSysdba } from '../../transport/oracle-sqlplus.js';
import type { ProviderContext } from '../context.js';
import { isStandby, splitAddress } from './common.js';
import { liveParameterValue, parameterRows } from './read.js';
import { normaliseParameter, parameterKind } from './values.js';
import { valuesEqual, type Attributes } from '../../core/index.js';
import type { VerifyResponse } from '../provider.js';

export function instanceOf(ctx: ProviderContext, address: string): { db: OracleDatabase; host: string; sid: string } | undefined {
  const p = splitAddress(address);
  if (!p || p.kind !== 'instance') return undefined;
  const db = ctx.model.databases.find((d) => d.name === p.db);
  const inst = db?.instances.find((i) => i.sid === p.name);
  return db && inst ? { db, host: inst.host, sid: inst.sid } : undefined;
}

export async function restartInstance(ctx: ProviderContext, address: string): Promise<string> {
  const i = instanceOf(ctx, address);
  if (!i) throw new Error(`${address} is not an instance of this environment`);
  const start = isStandby(i.db) ? 'STARTUP MOUNT' : 'STARTUP';
  await runSqlplusSysdba({ hosts: ctx.hosts, host: i.host, sid: i.sid }, ['SHUTDOWN IMMEDIATE', start]);
  return `${i.sid} on ${i.host}: SHUTDOWN IMMEDIATE, ${start}`;
}

export async function gateInstance(ctx: ProviderContext, address: string, causes: readonly string[]): Promise<{ healthy: boolean; message: string }> {
  const i = instanceOf(ctx, address);
  if (!i) return { healthy: false, message: `${address} is not an instance of this environment` };
  const s = createSqlplusSession({ hosts: ctx.hosts, host: i.host, sid: i.sid });
  const status = String((await s.query('SELECT STATUS FROM V$INSTANCE'))[0]?.STATUS ?? 'UNKNOWN');
  const expected = isStandby(i.db) ? 'MOUNTED' : 'OPEN';
  if (status !== expected) return { healthy: false, message: `${i.sid} is ${status}, expected ${expected}` };
  const names = causes.map((c) => splitAddress(c)).filter((p) => p?.db === i.db.name && p.kind === 'parameter').map((p) => p!.name);
  if (names.length === 0) return { healthy: true, message: `${i.sid} is ${status}` };
  const rows = await parameterRows(s, names);
  const wrong = names.filter((n) => {
    const desired = i.db.initParameters?.[n];
    const row = rows.get(n);
    if (desired === undefined || !row) return true;
    return !valuesEqual(liveParameterValue(i.db, n, row).value, normaliseParameter(parameterKind(n, desired), desired));
  });
  return wrong.length === 0
    ? { healthy: true, message: `${i.sid} is ${status}; ${names.join(', ')} as desired` }
    : { healthy: false, message: `${i.sid} is ${status} but ${wrong.join(', ')} not as desired` };
}

/** After a SCOPE=SPFILE change: the SPFILE holds the desired value (the restart steps follow). */
export async function verifySpfile(ctx: ProviderContext, address: string, want: Attributes): Promise<VerifyResponse> {
  const p = splitAddress(address);
  const db = p && ctx.model.databases.find((d) => d.name === p.db);
  const desired = db?.initParameters?.[p?.name ?? ''];
  if (!p || !db || desired === undefined) return { status: 'unknown', message: `${address}: no desired parameter` };
  const rows = await (await ctx.oracle(db.name)).query("SELECT NAME, VALUE FROM V$SPPARAMETER WHERE NAME = :n AND SID = '*'", { n: p.name });
  const raw = rows[0]?.VALUE;
  const value = normaliseParameter(parameterKind(p.name, desired), raw === undefined || raw === null ? null : String(raw));
  return valuesEqual(value, want.value)
    ? { status: 'healthy', message: `${p.name} is in the SPFILE; takes effect at the instance restarts` }
    : { status: 'degraded', message: `${p.name} in the SPFILE is ${String(value)}, not ${String(want.value)}` };
}
