/**
 * Step descriptions for the release types that are procedures rather than desired values:
 * SQL migrations (ordered scripts with checksums and their rollbacks), WebLogic patches (OPatch
 * on 12c, BSU on 10.3.6, rolling per cluster) and Oracle patches (OPatch + datapatch, standby
 * first, one RAC node at a time). Plain data for the providers' `run` steps and for 升级说明;
 * the contract is in docs/releases.md. Pure: model in, descriptions out.
 */
import type { Address } from '../model/address.js';
import type { Artifact, EnvironmentModel, OracleDatabase, Release, WeblogicDomain } from '../model/index.js';

export interface ArtifactRef {
  name: string;
  /** Path relative to releases/<release>/ (location repo) or to the artifact store root. */
  path: string;
  sha256: string;
  location: 'repo' | 'store';
}

export interface SqlScriptStep {
  kind: 'sql-script';
  /** 1-based position; scripts run strictly in this order, rollbacks in reverse. */
  order: number;
  id: string;
  address: Address;
  database: string;
  artifact: ArtifactRef;
  rollback: ArtifactRef;
  /** The provider inserts this row in the same transaction scope as the script's success. */
  history: { table: string; columns: { script_id: string; checksum: string; release: string } };
  description: string;
}

export interface PatchHostStep {
  kind: 'weblogic-patch' | 'oracle-patch';
  order: number;
  address: Address;
  tool: 'opatch' | 'bsu' | 'opatch+datapatch';
  patchId: string;
  host: string;
  /** Cluster (WebLogic) or database (Oracle) the host is patched for. */
  group: string;
  /** What stops while this host is patched; the rest of the group keeps serving when rolling. */
  stops: string[];
  rolling: boolean;
  artifact: ArtifactRef;
  description: string;
  /** True: providers/patch executes these (the plan's home-patch steps, one per host). */
  executable: boolean;
}

export type ReleaseRunStep = SqlScriptStep | PatchHostStep;

function ref(release: Release, name: string): ArtifactRef {
  const a: Artifact | undefined = (release.artifacts ?? []).find((x) => x.name === name);
  if (!a) throw new Error(`release ${release.name}: artifact "${name}" is not declared`);
  return { name: a.name, path: a.path, sha256: a.sha256, location: a.location ?? 'repo' };
}

export function sqlSteps(env: string, release: Release): SqlScriptStep[] {
  const m = release.sqlMigration;
  if (!m) return [];
  return m.scripts.map((s, i) => ({
    kind: 'sql-script', order: i + 1, id: s.id, database: m.database,
    address: `${env}/oracle:${m.database}/migration:${s.id}` as Address,
    artifact: ref(release, s.artifact), rollback: ref(release, s.rollbackArtifact),
    history: { table: m.historyTable, columns: { script_id: s.id, checksum: ref(release, s.artifact).sha256, release: release.name } },
    description: `run ${s.id} on ${m.database} (sha256 ${ref(release, s.artifact).sha256.slice(0, 12)}…), record it in ${m.historyTable}; undo: ${ref(release, s.rollbackArtifact).path}`,
  }));
}

/** Hosts of a domain in patch order: per cluster, one host at a time; the admin host last. */
function domainHostOrder(d: WeblogicDomain): { host: string; group: string; stops: string[] }[] {
  const byHost = new Map<string, { group: string; stops: string[] }>();
  for (const s of [...d.servers].sort((a, b) => (a.cluster ?? '').localeCompare(b.cluster ?? '') || a.host.localeCompare(b.host))) {
    if (s.host === d.admin.host) continue;
    const e = byHost.get(s.host) ?? { group: s.cluster ?? s.name, stops: [] };
    e.stops.push(s.name);
    byHost.set(s.host, e);
  }
  const admin = { host: d.admin.host, group: 'admin', stops: [d.admin.serverName, ...d.servers.filter((s) => s.host === d.admin.host && s.name !== d.admin.serverName).map((s) => s.name)] };
  return [...[...byHost].map(([host, e]) => ({ host, ...e })), admin];
}

export function weblogicPatchSteps(env: EnvironmentModel, release: Release): PatchHostStep[] {
  const p = release.weblogicPatch;
  if (!p) return [];
  const out: PatchHostStep[] = [];
  for (const name of p.domains) {
    const d = env.domains.find((x) => x.name === name);
    if (!d) throw new Error(`release ${release.name}: domain ${name} does not exist in ${env.environment.name}`);
    const clusterSize = (c: string): number => new Set(d.servers.filter((s) => s.cluster === c).map((s) => s.host)).size;
    for (const h of domainHostOrder(d)) {
      const rolling = h.group !== 'admin' && clusterSize(h.group) > 1;
      const cmd = p.tool === 'opatch' ? `opatch apply (ORACLE_HOME ${d.admin.middlewareHome})` : `bsu.sh -install -patchlist=${p.patchId} (${d.admin.middlewareHome}/utils/bsu)`;
      out.push({
        kind: 'weblogic-patch', order: out.length + 1, address: `${env.environment.name}/weblogic:${d.name}/patch:${p.patchId}` as Address,
        tool: p.tool, patchId: p.patchId, host: h.host, group: h.group, stops: h.stops, rolling, artifact: ref(release, p.artifact), executable: true,
        description: `${d.name} on ${h.host}: stop ${h.stops.join(', ')}, ${cmd}, start, health gate${rolling ? ` — ${h.group} keeps serving` : ''}`,
      });
    }
  }
  return out;
}

/** Standby hosts first (standby-first patching), then primary instances one at a time, datapatch last. */
function instanceOrder(env: EnvironmentModel, dbs: OracleDatabase[]): { db: OracleDatabase; host: string; sid: string }[] {
  const standbys = env.databases.filter((s) => s.role === 'physical-standby' && dbs.some((d) => d.name === s.standbyOf) && !dbs.includes(s));
  const all = [...standbys, ...dbs].sort((a, b) => (a.role === b.role ? 0 : a.role === 'physical-standby' ? -1 : 1));
  return all.flatMap((db) => db.instances.map((i) => ({ db, host: i.host, sid: i.sid })));
}

export function oraclePatchSteps(env: EnvironmentModel, release: Release): PatchHostStep[] {
  const p = release.oraclePatch;
  if (!p) return [];
  const dbs = p.databases.map((n) => {
    const d = env.databases.find((x) => x.name === n);
    if (!d) throw new Error(`release ${release.name}: database ${n} does not exist in ${env.environment.name}`);
    return d;
  });
  return instanceOrder(env, dbs).map((x, i) => {
    const rolling = x.db.instances.length > 1;
    const datapatch = x.db.role === 'primary' && x.db.instances[x.db.instances.length - 1]?.sid === x.sid ? '; then datapatch -verbose once on the primary' : '';
    return {
      kind: 'oracle-patch', order: i + 1, address: `${env.environment.name}/oracle:${x.db.name}/patch:${p.patchId}` as Address,
      tool: 'opatch+datapatch', patchId: p.patchId, host: x.host, group: x.db.name, stops: [`instance ${x.sid}`], rolling, artifact: ref(release, p.artifact), executable: true,
      description: `${x.db.name} instance ${x.sid} on ${x.host}: stop instance, opatch apply ${p.patchId}, start${rolling ? ' — other RAC instances keep serving' : ' — outage of this instance'}${datapatch}`,
    };
  });
}
