/**
 * Home patches as desired resources (pure). Every patch a WebLogic domain or an Oracle database
 * declares (`patches`, usually added by a weblogic-patch / oracle-patch release) is one resource
 * per host and home, `applied: true`:
 *
 *   E/weblogic:DOMAIN/host:HOST/patch:ID     middleware home on a host of the domain
 *   E/oracle:DB/host:HOST/patch:ID           ORACLE_HOME on an instance host of the database
 *
 * A home shared by two domains (or databases) on one host is claimed by the first that declares
 * the patch. Rolling order is data: each resource depends on every resource before it in its
 * system's order (hosts of a domain as src/model/homes.ts orders them; a database's standbys
 * before its instances), so at most one host is being patched at a time and a host already
 * patched (no step) does not break the chain. The SQL side of a database patch
 * (`E/oracle:DB/patch:ID`, datapatch) comes from the Oracle provider; `sqlDependencies` makes it
 * wait for every home of the database and its standbys.
 */
import type { DesiredResource } from '../../core/index.js';
import { databasePatchInstances, domainPatchHosts, oracleHomeOf, weblogicHome } from '../../model/homes.js';
import type { Address } from '../../model/address.js';
import type { EnvironmentModel, OracleDatabase } from '../../model/index.js';

export const HOME_PATCH = 'home-patch';

export function homePatchAddress(env: string, system: 'weblogic' | 'oracle', owner: string, host: string, id: string): Address {
  return `${env}/${system}:${owner}/host:${host}/patch:${id}` as Address;
}

/** Chains resources in the given order: each depends on all before it. */
function chain(resources: DesiredResource[]): DesiredResource[] {
  return resources.map((r, i) => (i === 0 ? r : { ...r, dependsOn: resources.slice(0, i).map((x) => x.address) }));
}

export function weblogicHomePatches(env: string, model: Pick<EnvironmentModel, 'domains'>): DesiredResource[] {
  const claimed = new Set<string>();
  const out: DesiredResource[] = [];
  for (const d of model.domains) {
    const home = weblogicHome(d).home;
    for (const p of d.patches ?? []) {
      for (const h of domainPatchHosts(d)) {
        const key = `${h.host}|${home}|${p.id}`;
        if (claimed.has(key)) continue;
        claimed.add(key);
        out.push({ address: homePatchAddress(env, 'weblogic', d.name, h.host, p.id), system: 'weblogic', type: HOME_PATCH, attributes: { applied: true } });
      }
    }
  }
  return chain(out);
}

/** Primaries (with their standbys first) then standbys whose primary does not declare the patch. */
function oracleOrder(model: Pick<EnvironmentModel, 'databases'>, id: string): Array<{ db: OracleDatabase; host: string }> {
  const has = (d: OracleDatabase): boolean => (d.patches ?? []).some((p) => p.id === id);
  const primaries = model.databases.filter((d) => d.role === 'primary' && has(d));
  const seq = databasePatchInstances(model, primaries).filter((x) => has(x.db));
  const orphans = model.databases.filter((d) => d.role === 'physical-standby' && has(d) && !primaries.some((p) => p.name === d.standbyOf));
  return [...seq, ...orphans.flatMap((db) => db.instances.map((i) => ({ db, host: i.host })))].map((x) => ({ db: x.db, host: x.host }));
}

export function oracleHomePatches(env: string, model: Pick<EnvironmentModel, 'databases'>): DesiredResource[] {
  const ids = [...new Set(model.databases.flatMap((d) => (d.patches ?? []).map((p) => p.id)))];
  const claimed = new Set<string>();
  const out: DesiredResource[] = [];
  for (const id of ids) {
    for (const { db, host } of oracleOrder(model, id)) {
      const key = `${host}|${oracleHomeOf(db)}|${id}`;
      if (claimed.has(key)) continue;
      claimed.add(key);
      out.push({ address: homePatchAddress(env, 'oracle', db.name, host, id), system: 'oracle', type: HOME_PATCH, attributes: { applied: true } });
    }
  }
  return chain(out);
}

/** `E/oracle:DB/patch:ID` (datapatch) waits for the home patches of DB and of its standbys. */
export function sqlDependencies(model: Pick<EnvironmentModel, 'databases'>, resources: DesiredResource[], homes: readonly DesiredResource[]): DesiredResource[] {
  return resources.map((r) => {
    const m = /^[^/]+\/oracle:([^/]+)\/patch:(\d+)$/.exec(r.address);
    if (!m) return r;
    const family = new Set([m[1]!, ...model.databases.filter((d) => d.standbyOf === m[1]).map((d) => d.name)]);
    const deps = homes.filter((h) => h.address.endsWith(`/patch:${m[2]}`) && family.has(h.address.split('/')[1]!.slice('oracle:'.length))).map((h) => h.address);
    return deps.length ? { ...r, dependsOn: [...new Set([...(r.dependsOn ?? []), ...deps])].sort() as Address[] } : r;
  });
}
