/**
 * releaseOverlay: a release as desired-state changes for one environment, so `plan --release R`
 * plans it like any other change (and apply's inverse is the previous desired value).
 *
 * - application: the domain's deployment gets the release's version, artifact path (same folder
 *   on the admin host, the release's file name) and sha256.
 * - oracle-patch: the patch id joins each listed database's `patches` (and each standby's), with
 *   its archive; weblogic-patch: the patch joins each listed domain's `patches` (replacing what
 *   it supersedes). providers/patch applies them host by host (and datapatch).
 * - os-tunables / config-table: the documents named in `changes` are already desired state; the
 *   overlay only names their addresses (the release groups them, for approvals and notes).
 * - sql-migration: the scripts as `migrations` of the environment copy (migration-overlay.ts),
 *   planned by the Oracle provider against the history table; also their step descriptions.
 * - the patch types' host order: step descriptions (release-steps.ts).
 * The model is not changed; the overlay holds a copy of the environment.
 */
import { error, type Diagnostic } from '../diag/index.js';
import type { Address } from '../model/address.js';
import type { EnvironmentModel, Model, PatchArchive, Release, ReleaseType } from '../model/index.js';
import { profileApplies } from '../model/index.js';
import { withMigrations } from './migration-overlay.js';
import { oraclePatchSteps, sqlSteps, weblogicPatchSteps, type ReleaseRunStep } from './release-steps.js';

export interface ReleaseOverlay {
  release: string;
  type: ReleaseType;
  /** The environment's desired state with the release applied. */
  env: EnvironmentModel;
  /** What the release touches: use as `--only` prefixes. */
  addresses: Address[];
  /** Procedural steps (sql-migration, weblogic-patch, oracle-patch), in execution order. */
  runSteps: ReleaseRunStep[];
  diagnostics: Diagnostic[];
}

const addr = (env: string, ...segs: string[]): Address => `${env}/${segs.join('/')}` as Address;

function application(env: EnvironmentModel, release: Release, out: ReleaseOverlay): void {
  const app = release.application;
  const artifact = (release.artifacts ?? []).find((a) => a.name === app?.artifact);
  if (!app || !artifact) return void out.diagnostics.push(error('release', `release ${release.name}: an application release needs \`application\` and its artifact`));
  const domain = env.domains.find((d) => d.name === app.domain);
  const deployment = domain?.deployments?.find((d) => d.name === app.deployment);
  if (!domain || !deployment) {
    return void out.diagnostics.push(error('release', `release ${release.name}: deployment ${app.deployment} of domain ${app.domain} is not in ${env.environment.name}'s desired state (add it there first: targets cannot be guessed)`));
  }
  const folder = deployment.artifact.path.slice(0, deployment.artifact.path.lastIndexOf('/'));
  const file = artifact.path.slice(artifact.path.lastIndexOf('/') + 1);
  const updated = { ...deployment, version: app.version, artifact: { path: `${folder}/${file}`, sha256: artifact.sha256 } };
  const deployments = (domain.deployments ?? []).map((d) => (d === deployment ? updated : d));
  out.env = { ...out.env, domains: out.env.domains.map((d) => (d === domain ? { ...domain, deployments } : d)) };
  out.addresses.push(addr(env.environment.name, `weblogic:${domain.name}`, `deployment:${deployment.name}`));
}

/** The archive a host is patched from: the artifact's file name in the host's staging directory, and its sha256. */
function patchArchive(release: Release, name: string): PatchArchive {
  const a = (release.artifacts ?? []).find((x) => x.name === name);
  if (!a) throw new Error(`release ${release.name}: artifact "${name}" is not declared`);
  const file = a.path.slice(a.path.lastIndexOf('/') + 1);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.zip$/.test(file)) throw new Error(`release ${release.name}: a patch archive must be a .zip (got ${file})`);
  return { file, sha256: a.sha256 };
}

function oraclePatch(env: EnvironmentModel, release: Release, out: ReleaseOverlay): void {
  const p = release.oraclePatch;
  if (!p) return;
  const names = new Set(p.databases);
  for (const d of env.databases) if (d.standbyOf && names.has(d.standbyOf)) names.add(d.name);
  const archive = patchArchive(release, p.artifact);
  out.env = {
    ...out.env,
    databases: out.env.databases.map((d) => {
      if (!names.has(d.name) || (d.patches ?? []).some((x) => x.id === p.patchId)) return d;
      return { ...d, patches: [...(d.patches ?? []), { id: p.patchId, description: p.description ?? `${release.name}: ${release.title}`, archive }] };
    }),
  };
  for (const n of [...names].sort()) out.addresses.push(addr(env.environment.name, `oracle:${n}`));
}

/** weblogic-patch: the patch joins `patches` of each listed domain (what it replaces leaves), with its archive. */
function weblogicPatch(env: EnvironmentModel, release: Release, out: ReleaseOverlay): void {
  const p = release.weblogicPatch;
  if (!p) return;
  const archive = patchArchive(release, p.artifact);
  for (const name of p.domains) {
    const d = env.domains.find((x) => x.name === name);
    const tool = d?.version === '10.3.6' ? 'bsu' : 'opatch';
    if (d && tool !== p.tool) out.diagnostics.push(error('release', `release ${release.name}: domain ${name} is WebLogic ${d.version}, patched with ${tool}, not ${p.tool}`));
  }
  const entry = { id: p.patchId, description: p.description ?? `${release.name}: ${release.title}`, archive, ...(p.replaces?.length ? { replaces: [...p.replaces] } : {}) };
  out.env = {
    ...out.env,
    domains: out.env.domains.map((d) => {
      if (!p.domains.includes(d.name) || (d.patches ?? []).some((x) => x.id === p.patchId)) return d;
      return { ...d, patches: [...(d.patches ?? []).filter((x) => !p.replaces?.includes(x.id)), entry] };
    }),
  };
}

function documents(env: EnvironmentModel, release: Release, out: ReleaseOverlay): void {
  const e = env.environment.name;
  for (const change of release.changes ?? []) {
    const [kind, name] = change.split('/');
    if (kind === 'HostProfile') {
      const profile = env.hostProfiles.find((p) => p.name === name);
      if (!profile) out.diagnostics.push(error('release', `release ${release.name}: HostProfile ${name} is not in ${e}'s desired state`));
      else for (const h of env.hosts.filter((x) => profileApplies(env, profile, x))) out.addresses.push(addr(e, `host:${h.name}`));
    } else if (kind === 'ConfigTable') {
      if (!env.configTables.some((t) => t.name === name)) out.diagnostics.push(error('release', `release ${release.name}: ConfigTable ${name} is not in ${e}'s desired state`));
      else out.addresses.push(addr(e, `config-table:${name}`));
    } else {
      out.diagnostics.push(error('release', `release ${release.name}: change "${change}" is not HostProfile/NAME or ConfigTable/NAME`));
    }
  }
}

/** The release applied to `env`'s desired state (a copy), with its addresses and run steps. */
export function releaseOverlay(model: Model, release: Release, env: EnvironmentModel | string): ReleaseOverlay {
  const e = typeof env === 'string' ? model.environments[env] : env;
  if (!e) throw new Error(`environment "${String(env)}" does not exist`);
  const out: ReleaseOverlay = { release: release.name, type: release.type, env: e, addresses: [], runSteps: [], diagnostics: [] };
  try {
    if (release.type === 'application') application(e, release, out);
    else if (release.type === 'oracle-patch') {
      oraclePatch(e, release, out);
      out.runSteps = oraclePatchSteps(e, release);
    } else if (release.type === 'weblogic-patch') {
      weblogicPatch(e, release, out);
      out.runSteps = weblogicPatchSteps(e, release);
      for (const d of release.weblogicPatch?.domains ?? []) out.addresses.push(addr(e.environment.name, `weblogic:${d}`));
    } else if (release.type === 'sql-migration') {
      const steps = sqlSteps(e.environment.name, release);
      out.runSteps = steps;
      out.env = withMigrations(e, release, steps, out.diagnostics);
      if (release.sqlMigration) out.addresses.push(addr(e.environment.name, `oracle:${release.sqlMigration.database}`));
    } else documents(e, release, out);
  } catch (err) {
    out.diagnostics.push(error('release', (err as Error).message));
  }
  out.addresses = [...new Set(out.addresses)].sort();
  return out;
}
