/**
 * Where the software a patch goes into lives, and in which order its hosts are patched. Pure,
 * shared by the patch provider (what it runs), the release steps (what 升级说明 says) and the
 * lab (what it simulates), so the three cannot disagree.
 *
 * - WebLogic: the domain's middleware home on every host of the domain; 12.2.1.4 is patched with
 *   OPatch (`<home>/OPatch/opatch`), 10.3.6 with BSU (`<home>/utils/bsu/bsu.sh`, product dir
 *   `<home>/wlserver_10.3`). Hosts in order: managed-server hosts cluster by cluster, each one
 *   alone; the admin host last.
 * - Oracle: ORACLE_HOME on every instance host (declared, or the estate's convention
 *   `/oracle/app/oracle/product/<major>.0.0/dbhome_1`); standby hosts first, then the primary's
 *   instances one at a time.
 */
import type { EnvironmentModel } from './model.js';
import type { OracleDatabase, WeblogicDomain } from './schema/index.js';

export type PatchTool = 'opatch' | 'bsu';

export interface WeblogicHome {
  /** MW_HOME (10.3.6) / ORACLE_HOME (12c). */
  home: string;
  /** WL_HOME: BSU's -prod_dir. */
  wlHome: string;
  tool: PatchTool;
}

export function weblogicHome(d: Pick<WeblogicDomain, 'version' | 'admin'>): WeblogicHome {
  const home = d.admin.middlewareHome.replace(/\/+$/, '');
  return d.version === '10.3.6' ? { home, wlHome: `${home}/wlserver_10.3`, tool: 'bsu' } : { home, wlHome: `${home}/wlserver`, tool: 'opatch' };
}

export function defaultOracleHome(version: string): string {
  const v = version.startsWith('11.2') ? '11.2.0' : version.startsWith('12.1') ? '12.1.0' : version.startsWith('12.2') ? '12.2.0' : version.startsWith('18') ? '18.0.0' : '19.0.0';
  return `/oracle/app/oracle/product/${v}/dbhome_1`;
}

export function oracleHomeOf(db: Pick<OracleDatabase, 'oracleHome' | 'version'>): string {
  return db.oracleHome ?? defaultOracleHome(db.version);
}

export interface PatchHost {
  host: string;
  /** The cluster the host serves, or `admin` for the admin host. */
  group: string;
  /** Servers of this domain on the host, the admin server first when it is there. */
  servers: string[];
}

/** Hosts of a domain in patch order: per cluster, one host at a time; the admin host last. */
export function domainPatchHosts(d: WeblogicDomain): PatchHost[] {
  const byHost = new Map<string, { group: string; servers: string[] }>();
  for (const s of [...d.servers].sort((a, b) => (a.cluster ?? '').localeCompare(b.cluster ?? '') || a.host.localeCompare(b.host))) {
    if (s.host === d.admin.host) continue;
    const e = byHost.get(s.host) ?? { group: s.cluster ?? s.name, servers: [] };
    e.servers.push(s.name);
    byHost.set(s.host, e);
  }
  const adminServers = [d.admin.serverName, ...d.servers.filter((s) => s.host === d.admin.host && s.name !== d.admin.serverName).map((s) => s.name)];
  return [...[...byHost].map(([host, e]) => ({ host, ...e })), { host: d.admin.host, group: 'admin', servers: adminServers }];
}

export interface PatchInstance {
  db: OracleDatabase;
  host: string;
  sid: string;
}

/** Instances of `dbs` and of their standbys in patch order: standby hosts first, then each database's instances as listed. */
export function databasePatchInstances(env: Pick<EnvironmentModel, 'databases'>, dbs: readonly OracleDatabase[]): PatchInstance[] {
  const standbys = env.databases.filter((s) => s.role === 'physical-standby' && dbs.some((d) => d.name === s.standbyOf) && !dbs.includes(s));
  const all = [...standbys, ...dbs].sort((a, b) => (a.role === b.role ? 0 : a.role === 'physical-standby' ? -1 : 1));
  return all.flatMap((db) => db.instances.map((i) => ({ db, host: i.host, sid: i.sid })));
}
