/**
 * A data source's connection to its database, as the lab's WebLogic makes one: on `testPool`
 * (REST action, WLST cmo.testPool()) and when a server starts. The database must be reachable
 * (listener up, not down) and the data source's password must be its account's — both kept as
 * digests (state/password.ts) — else the error an Oracle JDBC driver gives. testPool returns
 * null or the message, as JDBCDataSourceRuntimeMBean.testPool() does; a pool that connects
 * again leaves `Unhealthy`; a server that starts with a data source that cannot connect marks
 * it `Unhealthy`.
 */
import { isDown } from '../oracle/connect.js';
import type { LabStore } from '../state/store.js';
import type { LabDataSource, LabDomain, LabState } from '../state/types.js';
import { expandTargets } from './config-attrs.js';
import { DOWN } from './runtime-tree.js';
import { domainOf } from './session.js';

/** Why a new connection of `ds` fails, or null when it logs on. */
export function connectError(state: LabState, ds: LabDataSource): string | null {
  const db = state.databases[ds.database];
  const sql = (ora: string): string => `java.sql.SQLException: ${ora}`;
  if (!db) return sql('ORA-12514: TNS:listener does not currently know of service requested in connect descriptor');
  if (!db.listenerUp) return sql('IO Error: The Network Adapter could not establish the connection (ORA-12541: TNS:no listener)');
  if (isDown(db, state)) return sql('ORA-01034: ORACLE not available');
  const account = db.users[ds.user.toUpperCase()];
  if (!account || (account.passwordDigest !== undefined && account.passwordDigest !== ds.passwordDigest)) return sql('ORA-01017: invalid username/password; logon denied');
  if (account.accountStatus.startsWith('LOCKED')) return sql('ORA-28000: the account is locked');
  if (account.accountStatus === 'EXPIRED') return sql('ORA-28001: the password has expired');
  return null;
}

/** The data source named `name` deployed on a running `server`, or undefined (REST 404, WLST no MBean). */
export function deployedOn(d: LabDomain, server: string, name: string): LabDataSource | undefined {
  const s = d.servers[server];
  const ds = d.dataSources[name];
  return s && ds && !DOWN.has(s.state) && expandTargets(d, ds.targets).includes(server) ? ds : undefined;
}

export type PoolTest = { found: false } | { found: true; error: string | null };

/** testPool of `name` on `server`: reserve a new connection and release it. */
export function testPool(store: LabStore, domain: string, server: string, name: string): PoolTest {
  return store.update((s): PoolTest => {
    const ds = deployedOn(domainOf(s, domain), server, name);
    if (!ds) return { found: false };
    const error = connectError(s, ds);
    if (!error && ds.runtime.state === 'Unhealthy') ds.runtime.state = 'Running';
    return { found: true, error: error && `Connection test failed with the following exception: ${error}` };
  });
}

/** A server starting creates the pools of its data sources: one that cannot connect is Unhealthy. */
export function connectPools(state: LabState, d: LabDomain, server: string): void {
  for (const ds of Object.values(d.dataSources)) {
    if (expandTargets(d, ds.targets).includes(server) && connectError(state, ds)) ds.runtime.state = 'Unhealthy';
  }
}
