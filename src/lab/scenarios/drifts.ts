/**
 * Drift scenarios: the live state moved away from desired, as a hand change on a real system
 * would. Each records exactly what it replaced.
 */
import { createHash } from 'node:crypto';
import { effectiveHostConfig } from '../state/profiles.js';
import type { LabState } from '../state/types.js';
import { removeFrom, setAt, type Fragment } from './fragments.js';
import { pickDatabase, pickDomain, pickHost, pickItem, pickServer, ScenarioError, splitTarget } from './targets.js';
import type { Effect, ScenarioOptions } from './types.js';

type Body = (state: LabState, opts: ScenarioOptions) => Effect;

const half = (n: number, min: number): number => Math.max(min, Math.floor(n / 2));

export const datasourceCapacity: Body = (state, { target }) => {
  const [domainName, dsName] = (target ?? '').split('/');
  const domain = pickDomain(state, domainName || undefined);
  const [name, ds] = pickItem(domain.dataSources, dsName, 'data source', `domain ${domain.name}`);
  const undo: Fragment[] = [];
  setAt(state, undo, ['domains', domain.name, 'dataSources', name, 'maxCapacity'], ds.maxCapacity > 1 ? half(ds.maxCapacity, 1) : 10);
  return { target: `${domain.name}/${name}`, fragments: undo };
};

export const jvmHeap: Body = (state, { target }) => {
  const { domain, server } = pickServer(state, target);
  const undo: Fragment[] = [];
  const base = ['domains', domain.name, 'servers', server.name];
  const maxMb = half(server.heap.maxMb, 256);
  setAt(state, undo, [...base, 'heap'], { minMb: Math.min(server.heap.minMb, maxMb), maxMb });
  setAt(state, undo, [...base, 'restartRequired'], true);
  return { target: `${domain.name}/${server.name}`, fragments: undo };
};

export const initParameter: Body = (state, { target }) => {
  const [dbName, paramName] = (target ?? '').split('/');
  const db = pickDatabase(state, dbName || undefined);
  const name = paramName ?? 'open_cursors';
  const p = db.parameters[name];
  if (!p) throw new ScenarioError(`no init parameter "${name}" in ${db.name}`);
  const n = Number(p.value);
  if (!Number.isFinite(n)) throw new ScenarioError(`init-parameter drifts numeric parameters; ${name} is "${p.value}"`);
  const undo: Fragment[] = [];
  setAt(state, undo, ['databases', db.name, 'parameters', name, 'value'], String(n === 300 ? 500 : n > 1 ? half(n, 1) : n + 1));
  return { target: `${db.name}/${name}`, fragments: undo };
};

const LAB_FILE = /\.log$|^\/etc\/tunables\/nextboot$|^\/etc\/sysctl\.d\//;

export const fileContent: Body = (state, { target, env, now }) => {
  const { name, detail } = splitTarget(target);
  const desiredHost = (h: string): string[] => {
    const host = env?.hosts.find((x) => x.name === h);
    return env && host ? effectiveHostConfig(env, host).files.map((f) => f.path) : [];
  };
  const host = pickHost(state, name, (h) => desiredHost(h.name).some((p) => h.files[p]) || (!env && Object.keys(h.files).some((p) => !LAB_FILE.test(p))));
  const candidates = desiredHost(host.name).filter((p) => host.files[p]);
  const path = detail ?? candidates.sort()[0] ?? Object.keys(host.files).filter((p) => !LAB_FILE.test(p)).sort()[0];
  const file = path ? host.files[path] : undefined;
  if (!path || !file) throw new ScenarioError(`no ${path ? `file ${path}` : 'managed file'} on ${host.name}`);
  const undo: Fragment[] = [];
  const sep = file.content.endsWith('\n') || file.content === '' ? '' : '\n';
  setAt(state, undo, ['hosts', host.name, 'files', path], { ...file, content: `${file.content}${sep}# edited by hand on the host\n`, mtime: (now ?? new Date()).toISOString() });
  return { target: `${host.name}:${path}`, fragments: undo };
};

export const kernelParam: Body = (state, { target, env }) => {
  const { name, detail } = splitTarget(target);
  const host = pickHost(state, name, (h) => h.os === 'aix');
  const kind = host.os === 'aix' ? 'no' : 'sysctl';
  const desiredHost = env?.hosts.find((h) => h.name === host.name);
  const desired = env && desiredHost ? Object.keys(effectiveHostConfig(env, desiredHost).tunables[kind]) : [];
  const tunable = detail ?? desired.sort()[0] ?? (kind === 'no' ? 'tcp_sendspace' : 'vm.swappiness');
  const value = host.tunables[kind][tunable];
  if (value === undefined) throw new ScenarioError(`no ${kind} tunable "${tunable}" on ${host.name}`);
  const n = Number(value);
  const next = !Number.isFinite(n) ? '0' : n === 0 ? '1' : n === 1 ? '0' : String(n * 2);
  const undo: Fragment[] = [];
  setAt(state, undo, ['hosts', host.name, 'tunables', kind, tunable], next);
  return { target: `${host.name}:${tunable}`, fragments: undo };
};

export const appVersion: Body = (state, { target }) => {
  const [domainName, appName] = (target ?? '').split('/');
  const domain = pickDomain(state, domainName || undefined);
  const [name, app] = pickItem(domain.deployments, appName, 'deployment', `domain ${domain.name}`);
  const undo: Fragment[] = [];
  setAt(state, undo, ['domains', domain.name, 'deployments', name], {
    ...app,
    version: `${app.version}-hotfix1`,
    sha256: createHash('sha256').update(`${app.sha256}:hand-deployed`).digest('hex'),
    sourcePath: app.sourcePath.replace(/(\.(ear|war|jar))$/, '-hotfix1$1'),
    previous: { version: app.version, sourcePath: app.sourcePath, sha256: app.sha256 },
  });
  return { target: `${domain.name}/${name}`, fragments: undo };
};

const SYSTEM_TS = new Set(['SYSTEM', 'SYSAUX', 'USERS', 'TEMP', 'UNDOTBS1', 'UNDOTBS2']);

export const tablespaceFull: Body = (state, { target }) => {
  const [dbName, tsName] = (target ?? '').split('/');
  const db = pickDatabase(state, dbName || undefined);
  const fallback = Object.values(db.tablespaces).find((t) => t.contents === 'PERMANENT' && !SYSTEM_TS.has(t.name))?.name ?? 'USERS';
  const name = tsName ?? (db.tablespaces.SBF_DATA ? 'SBF_DATA' : fallback);
  const ts = db.tablespaces[name];
  if (!ts) throw new ScenarioError(`no tablespace "${name}" in ${db.name}`);
  const undo: Fragment[] = [];
  // The classic cause: someone switched autoextend off (a configuration drift plan shows), and
  // the data files filled up to 97% (the usage the inspection raises as critical).
  setAt(state, undo, ['databases', db.name, 'tablespaces', name], {
    ...ts,
    autoextend: false,
    sizeMb: ts.maxMb,
    usedMb: Math.round(ts.maxMb * 0.97),
    datafiles: ts.datafiles.map((f) => ({ ...f, autoextend: false, sizeMb: f.maxMb })),
  });
  return { target: `${db.name}/${name}`, fragments: undo };
};

export const serverDown: Body = (state, { target }) => {
  const { domain, server } = pickServer(state, target);
  const undo: Fragment[] = [];
  const base = ['domains', domain.name, 'servers', server.name];
  setAt(state, undo, [...base, 'state'], 'SHUTDOWN');
  setAt(state, undo, [...base, 'openSessions'], 0);
  setAt(state, undo, [...base, 'heapUsedMb'], 0);
  removeFrom<{ command: string }>(state, undo, ['hosts', server.host, 'processes'], (p) => p.command.includes(`-Dweblogic.Name=${server.name} `));
  return { target: `${domain.name}/${server.name}`, fragments: undo };
};
