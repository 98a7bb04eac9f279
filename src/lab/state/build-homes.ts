/**
 * The software homes of the lab's hosts at reset, with their patch inventories: the middleware
 * home of every WebLogic host (OPatch on 12.2.1.4, BSU on 10.3.6) and ORACLE_HOME of every
 * database instance host. Each home holds the patches the desired state declares (a reset lab
 * equals the desired state) over a realistic base: 12c middleware homes carry the Coherence
 * cumulative patch and two one-offs, 10.3.6 homes the April 2018 PSU (GFWX) — its jar still in
 * BSU's cache_dir, as after a real install — and database homes exactly their declared patches
 * (their RU and OCW patches). The tools' files exist where the providers call them.
 */
import { createHash } from 'node:crypto';
import type { EnvironmentModel } from '../../model/index.js';
import { domainPatchHosts, oracleHomeOf, weblogicHome } from '../../model/homes.js';
import { iso, minus } from './clock.js';
import { labFile } from './build-host.js';
import type { LabDatabase, LabHome, LabHomePatch, LabHost } from './types.js';

/** The lab lists a patch's own number as its one fixed bug (a BSU PSU: its patch number). */
interface Seed { id: string; description: string; bug?: string }

/** Real patches, ids and descriptions as `opatch lspatches` printed them on 12.2.1.4 OAM/OEM homes (public write-ups in the code index). */
const WLS12C_BASE: readonly Seed[] = [
  { id: '122145', description: 'Bundle patch for Oracle Coherence Version 12.2.1.4.5' },
  { id: '30152128', description: 'One-off' },
  { id: '26626168', description: 'One-off' },
];
/** BSU prints a PSU's patch number as its CR/BUG (B47X → 27919965); GFWX came in p27395085. */
const WLS1036_BASE: readonly Seed[] = [{ id: 'GFWX', description: 'WLS PATCH SET UPDATE 10.3.6.0.180417', bug: '27395085' }];

/** OPatch's Unique Patch ID for a patch id: a stable stand-in number (the lab has no ARU). */
export function uniqueId(id: string): string {
  return String(20_000_000 + (parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % 9_000_000));
}

function patch(s: Seed, at: Date): LabHomePatch {
  return { id: s.id, description: s.description, appliedAt: iso(at), uniqueId: uniqueId(s.id), bugs: [s.bug ?? s.id] };
}

function addHome(host: LabHost, path: string, home: LabHome, files: string[], owner: string, at: Date): void {
  host.homes ??= {};
  if (host.homes[path]) return;
  host.homes[path] = home;
  host.dirs.push(path);
  for (const f of files) host.files[`${path}/${f}`] ??= labFile(`#!/bin/sh\n# ${f} (opsctl lab: answered by the lab's simulated tool)\n`, at, '0750', owner, owner === 'oracle' ? 'oinstall' : 'weblogic');
}

/** The jars (and the catalog that describes them) BSU keeps in cache_dir after installing them. */
function bsuCache(host: LabHost, home: string, seeds: readonly Seed[], at: Date): void {
  for (const s of seeds) host.files[`${home}/utils/bsu/cache_dir/${s.id}.jar`] ??= labFile(`opsctl lab stand-in for BSU patch jar ${s.id}\n`, at, '0644', 'weblogic', 'weblogic');
  const entries = seeds.map((s) => `  <patch>\n    <patchId>${s.id}</patchId>\n    <description>${s.description}</description>\n    <bug>${s.bug ?? s.id}</bug>\n  </patch>`);
  host.files[`${home}/utils/bsu/cache_dir/patch-catalog_opsctl-lab.xml`] ??= labFile(`<?xml version="1.0" encoding="UTF-8"?>\n<patch-catalog>\n${entries.join('\n')}\n</patch-catalog>\n`, at, '0644', 'weblogic', 'weblogic');
}

function placeDomainHomes(env: EnvironmentModel, hosts: Record<string, LabHost>, resetAt: Date): void {
  for (const d of env.domains) {
    const wh = weblogicHome(d);
    const installed = minus(resetAt, 200 * 86400);
    const base = wh.tool === 'bsu' ? WLS1036_BASE : WLS12C_BASE;
    const declared: Seed[] = (d.patches ?? []).map((p) => ({ id: p.id, description: p.description ?? `Patch ${p.id}` }));
    const replaced = new Set((d.patches ?? []).flatMap((p) => p.replaces ?? []));
    const seeds = [...base.filter((b) => !replaced.has(b.id) && !declared.some((x) => x.id === b.id)), ...declared];
    for (const { host } of domainPatchHosts(d)) {
      const lab = hosts[host];
      if (!lab) continue;
      const home: LabHome = wh.tool === 'bsu'
        ? { tool: 'bsu', product: 'WebLogic Server', version: '10.3.6.0', wlHome: wh.wlHome, patches: seeds.map((s) => patch(s, installed)) }
        : { tool: 'opatch', product: 'WebLogic Server', version: '12.2.1.4.0', patches: seeds.map((s) => patch(s, installed)) };
      addHome(lab, wh.home, home, wh.tool === 'bsu' ? ['utils/bsu/bsu.sh'] : ['OPatch/opatch'], 'weblogic', installed);
      if (wh.tool === 'bsu') bsuCache(lab, wh.home, [...WLS1036_BASE, ...declared], installed);
    }
  }
}

function placeDatabaseHomes(env: EnvironmentModel, hosts: Record<string, LabHost>, databases: Record<string, LabDatabase>, resetAt: Date): void {
  for (const db of env.databases) {
    const home = oracleHomeOf(db);
    const lab = databases[db.name];
    if (lab && db.oracleHome) lab.oracleHome = db.oracleHome;
    const installed = minus(resetAt, 120 * 86400);
    const major = db.version.startsWith('11') ? '11g' : db.version.startsWith('12') ? '12c' : db.version.startsWith('18') ? '18c' : '19c';
    const parts = db.version.split('.');
    const version = Number(parts[0]) >= 18 ? `${parts[0]}.0.0.0.0` : [...parts, '0', '0', '0', '0'].slice(0, 5).join('.');
    for (const inst of db.instances) {
      const host = hosts[inst.host];
      if (!host) continue;
      const patches = (db.patches ?? []).map((p) => patch({ id: p.id, description: p.description ?? `Patch ${p.id}` }, installed));
      addHome(host, home, { tool: 'opatch', product: `Oracle Database ${major}`, version, patches }, major === '11g' ? ['OPatch/opatch'] : ['OPatch/opatch', 'OPatch/datapatch'], 'oracle', installed);
    }
  }
}

/** Adds every home (and its tool's files) to the lab hosts; a home shared by two domains is added once. */
export function placeHomes(env: EnvironmentModel, hosts: Record<string, LabHost>, databases: Record<string, LabDatabase>, resetAt: Date): void {
  placeDomainHomes(env, hosts, resetAt);
  placeDatabaseHomes(env, hosts, databases, resetAt);
}
