/**
 * Layers → Model: one EnvironmentModel per environment that has an Environment document, the
 * estate-wide kinds by kind, and `sources` (address → where it is declared) for diagnostics.
 */
import type { SourcePos } from '../diag/index.js';
import type { AddressSegment, EnvironmentModel, Model } from '../model/index.js';
// address.js directly: model/index.js would load TypeBox (~50 ms) for the schemas at run time.
import { formatAddress } from '../model/address.js';
import type { Doc, Layers } from './layers.js';
import { isRecord, pointer, valuePos } from './paths.js';

/** The address segment kind of each document kind (estate-wide kinds live under `estate/`). */
export const SEGMENT_OF: Readonly<Record<string, string>> = {
  Environment: 'environment',
  HostProfile: 'host-profile',
  WeblogicDomain: 'weblogic',
  OracleDatabase: 'oracle',
  ConfigTable: 'config-table',
  Calendar: 'calendar',
  ChangeWindows: 'windows',
  Release: 'release',
  InspectionPlaybook: 'inspection',
  Runbook: 'runbook',
  DataFix: 'data-fix',
  ReconciliationPlaybook: 'reconciliation',
};

/** Lists inside documents whose items get their own address, with the segment kind. */
const CHILD_SEGMENTS: Readonly<Record<string, Record<string, string>>> = {
  WeblogicDomain: { servers: 'server', clusters: 'cluster', machines: 'machine', dataSources: 'datasource', workManagers: 'work-manager', deployments: 'deployment' },
  OracleDatabase: { tablespaces: 'tablespace', profiles: 'profile', users: 'user', schedulerJobs: 'scheduler-job' },
};

/** The estate-wide pseudo-environment used in addresses of Calendar, Release, playbooks. */
export const ESTATE = 'estate';

export function items(value: unknown, key: string): Record<string, unknown>[] {
  const list = isRecord(value) ? value[key] : undefined;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

function record(sources: Record<string, SourcePos>, env: string, segs: AddressSegment[], at: SourcePos | undefined): void {
  if (at) sources[formatAddress({ env, segments: segs })] = at;
}

function recordDoc(sources: Record<string, SourcePos>, env: string, doc: Doc): void {
  const top = { kind: SEGMENT_OF[doc.kind] ?? doc.kind.toLowerCase(), name: doc.name };
  record(sources, env, [top], valuePos(doc.pos, '/name') ?? valuePos(doc.pos, ''));
  for (const [list, kind] of Object.entries(CHILD_SEGMENTS[doc.kind] ?? {})) {
    items(doc.value, list).forEach((item, i) => {
      if (typeof item['name'] === 'string') record(sources, env, [top, { kind, name: item['name'] }], valuePos(doc.pos, pointer(`/${list}`, i)));
    });
  }
}

function environmentModel(env: Layers['envs'] extends Map<string, infer E> ? E : never, sources: Record<string, SourcePos>): EnvironmentModel | undefined {
  if (!env.environment) return undefined;
  const of = <T>(kind: string): T[] => env.desired.filter((d) => d.kind === kind).map((d) => d.value as T);
  const model: EnvironmentModel = {
    environment: env.environment.value as unknown as EnvironmentModel['environment'],
    hosts: env.inventories.flatMap((d) => items(d.value, 'hosts')) as unknown as EnvironmentModel['hosts'],
    groups: env.inventories.flatMap((d) => items(d.value, 'groups')) as unknown as EnvironmentModel['groups'],
    hostProfiles: of('HostProfile'),
    domains: of('WeblogicDomain'),
    databases: of('OracleDatabase'),
    configTables: of('ConfigTable'),
  };
  recordDoc(sources, env.name, env.environment);
  for (const inv of env.inventories) {
    for (const list of ['hosts', 'groups'] as const) {
      items(inv.value, list).forEach((h, i) => {
        if (typeof h['name'] === 'string') record(sources, env.name, [{ kind: list === 'hosts' ? 'host' : 'group', name: h['name'] }], valuePos(inv.pos, pointer(`/${list}`, i)));
      });
    }
  }
  for (const d of env.desired) recordDoc(sources, env.name, d);
  return model;
}

export function buildModel(root: string, layers: Layers): Model {
  const sources: Record<string, SourcePos> = {};
  const environments: Record<string, EnvironmentModel> = {};
  for (const env of [...layers.envs.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const m = environmentModel(env, sources);
    if (m) environments[env.name] = m;
  }
  for (const d of layers.global) recordDoc(sources, ESTATE, d);
  const of = <T>(kind: string): T[] => layers.global.filter((d) => d.kind === kind).map((d) => d.value as T);
  return {
    root,
    environments,
    calendars: of('Calendar'),
    windows: of('ChangeWindows'),
    releases: of('Release'),
    inspections: of('InspectionPlaybook'),
    runbooks: of('Runbook'),
    dataFixes: of('DataFix'),
    reconciliations: of('ReconciliationPlaybook'),
    sources,
  };
}
