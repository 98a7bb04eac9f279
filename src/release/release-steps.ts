/**
 * Step descriptions for the release types that are procedures rather than desired values:
 * SQL migrations (ordered scripts with checksums and their rollbacks), WebLogic patches (OPatch
 * on 12c, BSU on 10.3.6, rolling per cluster) and Oracle patches (OPatch + datapatch, standby
 * first, one RAC node at a time). Plain data for the providers' `run` steps and for 升级说明;
 * the contract is in docs/releases.md. Pure: model in, descriptions out.
 */
import type { Address } from '../model/address.js';
import type { Artifact, EnvironmentModel, Release } from '../model/index.js';
import { databasePatchInstances, domainPatchHosts } from '../model/homes.js';

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
  /** Absent: no rollback script — the step is irreversible. */
  rollback?: ArtifactRef;
  /** Checks after the script (manifest `verify`). */
  verify: Array<{ sql: string; expect: string | number }>;
  estimatedMinutes?: number;
  /** The provider inserts this row in the same SQL*Plus run, right after the script (providers/oracle/migration.ts). */
  history: { table: string; columns: { script_id: string; checksum: string; release: string } };
  description: string;
}

export interface PatchHostStep {
  kind: 'weblogic-patch' | 'oracle-patch';
  order: number;
  /** The plan's home-patch address for this host (`E/weblogic:D/host:H/patch:ID`, `E/oracle:DB/host:H/patch:ID`). */
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
    artifact: ref(release, s.artifact), ...(s.rollbackArtifact ? { rollback: ref(release, s.rollbackArtifact) } : {}), verify: s.verify ?? [], ...(s.estimatedMinutes ? { estimatedMinutes: s.estimatedMinutes } : {}),
    history: { table: m.historyTable, columns: { script_id: s.id, checksum: ref(release, s.artifact).sha256, release: release.name } },
    description: `run ${s.id} on ${m.database} (sha256 ${ref(release, s.artifact).sha256.slice(0, 12)}…), record it in ${m.historyTable}; undo: ${s.rollbackArtifact ? ref(release, s.rollbackArtifact).path : 'none — irreversible'}`,
  }));
}

export function weblogicPatchSteps(env: EnvironmentModel, release: Release): PatchHostStep[] {
  const p = release.weblogicPatch;
  if (!p) return [];
  const out: PatchHostStep[] = [];
  for (const name of p.domains) {
    const d = env.domains.find((x) => x.name === name);
    if (!d) throw new Error(`release ${release.name}: domain ${name} does not exist in ${env.environment.name}`);
    const clusterSize = (c: string): number => new Set(d.servers.filter((s) => s.cluster === c).map((s) => s.host)).size;
    for (const h of domainPatchHosts(d)) {
      const rolling = h.group !== 'admin' && clusterSize(h.group) > 1;
      const removes = (p.replaces ?? []).map((r) => `bsu.sh -remove -patchlist=${r}, `).join('');
      const cmd = p.tool === 'opatch' ? `opatch apply (ORACLE_HOME ${d.admin.middlewareHome})` : `${removes}bsu.sh -install -patchlist=${p.patchId} (${d.admin.middlewareHome}/utils/bsu)`;
      out.push({
        kind: 'weblogic-patch', order: out.length + 1, address: `${env.environment.name}/weblogic:${d.name}/host:${h.host}/patch:${p.patchId}` as Address,
        tool: p.tool, patchId: p.patchId, host: h.host, group: h.group, stops: h.servers, rolling, artifact: ref(release, p.artifact), executable: true,
        description: `${d.name} on ${h.host}: stop ${h.servers.join(', ')}, ${cmd}, start, health gate${rolling ? ` — ${h.group} keeps serving` : ''}`,
      });
    }
  }
  return out;
}

export function oraclePatchSteps(env: EnvironmentModel, release: Release): PatchHostStep[] {
  const p = release.oraclePatch;
  if (!p) return [];
  const dbs = p.databases.map((n) => {
    const d = env.databases.find((x) => x.name === n);
    if (!d) throw new Error(`release ${release.name}: database ${n} does not exist in ${env.environment.name}`);
    return d;
  });
  return databasePatchInstances(env, dbs).map((x, i) => {
    const rolling = x.db.instances.length > 1;
    const datapatch = x.db.role === 'primary' && x.db.instances[x.db.instances.length - 1]?.sid === x.sid ? '; then datapatch -verbose once on the primary' : '';
    return {
      kind: 'oracle-patch', order: i + 1, address: `${env.environment.name}/oracle:${x.db.name}/host:${x.host}/patch:${p.patchId}` as Address,
      tool: 'opatch+datapatch', patchId: p.patchId, host: x.host, group: x.db.name, stops: [`instance ${x.sid}`], rolling, artifact: ref(release, p.artifact), executable: true,
      description: `${x.db.name} instance ${x.sid} on ${x.host}: stop instance, opatch apply ${p.patchId}, start${rolling ? ' — other RAC instances keep serving' : ' — outage of this instance'}${datapatch}`,
    };
  });
}
