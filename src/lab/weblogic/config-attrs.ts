/**
 * The editable configuration attributes of the lab's WebLogic domains, by canonical edit path
 * (REST edit-tree segments, e.g. `JDBCSystemResources/HallDS/JDBCResource/JDBCConnectionPoolParams`)
 * and REST attribute name (`maxCapacity`). Both the REST edit tree and WLST set() record pending
 * changes in this one form; activation applies them here. JDBCDriverParams `password` is
 * write-only: recorded and kept as a digest (state/password.ts).
 */
import { DIGEST_PREFIX, passwordDigest } from '../state/password.js';
import type { LabDomain, Scalar } from '../state/types.js';

type Kind = 'server' | 'serverStart' | 'log' | 'pool' | 'dsParams' | 'driver' | 'workManager';

interface Attr {
  /** Dynamic attributes apply live; non-dynamic ones set restartRequired on affected servers. */
  dynamic: boolean;
  /** Write-only and encrypted in WebLogic: the edit session records its digest, never the value (`recordedValue`). */
  secret?: boolean;
  apply(d: LabDomain, name: string, v: Scalar | Scalar[]): string | undefined;
}

const PATTERNS: Array<[RegExp, Kind]> = [
  [/^servers\/([^/]+)$/, 'server'],
  [/^servers\/([^/]+)\/serverStart$/, 'serverStart'],
  [/^servers\/([^/]+)\/log$/, 'log'],
  [/^JDBCSystemResources\/([^/]+)\/JDBCResource\/JDBCConnectionPoolParams$/, 'pool'],
  [/^JDBCSystemResources\/([^/]+)\/JDBCResource\/JDBCDataSourceParams$/, 'dsParams'],
  [/^JDBCSystemResources\/([^/]+)\/JDBCResource\/JDBCDriverParams$/, 'driver'],
  [/^selfTuning\/workManagers\/([^/]+)$/, 'workManager'],
];

function int(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 'true' || v === 'True') return true;
  if (v === 0 || v === 'false' || v === 'False') return false;
  return undefined;
}

function intAttr(set: (d: LabDomain, name: string, n: number) => void, dynamic = true): Attr {
  return { dynamic, apply: (d, name, v) => { const n = int(v); if (n === undefined) return `expected an integer, got ${JSON.stringify(v)}`; set(d, name, n); return undefined; } };
}

function boolAttr(set: (d: LabDomain, name: string, b: boolean) => void): Attr {
  return { dynamic: true, apply: (d, name, v) => { const b = bool(v); if (b === undefined) return `expected a boolean, got ${JSON.stringify(v)}`; set(d, name, b); return undefined; } };
}

function strAttr(set: (d: LabDomain, name: string, s: string) => void, dynamic: boolean): Attr {
  return { dynamic, apply: (d, name, v) => { if (typeof v !== 'string') return `expected a string, got ${JSON.stringify(v)}`; set(d, name, v); return undefined; } };
}

const srv = (d: LabDomain, n: string) => d.servers[n]!;
const ds = (d: LabDomain, n: string) => d.dataSources[n]!;

/** ServerStart.arguments as the lab renders it: heap flags first, then the other JVM arguments. */
export function serverArguments(s: { heap: { minMb: number; maxMb: number }; jvmArgs: string[] }): string {
  return [`-Xms${s.heap.minMb}m`, `-Xmx${s.heap.maxMb}m`, ...s.jvmArgs].join(' ');
}

function setArguments(d: LabDomain, name: string, args: string): void {
  const s = srv(d, name);
  const rest: string[] = [];
  for (const tok of args.split(/\s+/).filter(Boolean)) {
    const m = /^-Xm([sx])(\d+)([mMgG])$/.exec(tok);
    if (!m) { rest.push(tok); continue; }
    const mb = Number(m[2]) * (m[3]!.toLowerCase() === 'g' ? 1024 : 1);
    if (m[1] === 's') s.heap.minMb = mb; else s.heap.maxMb = mb;
  }
  s.jvmArgs = rest;
}

const ATTRS: Record<Kind, Record<string, Attr>> = {
  server: {
    listenPort: intAttr((d, n, v) => { srv(d, n).listenPort = v; }, false),
    stuckThreadMaxTime: intAttr((d, n, v) => { srv(d, n).stuckThreadMaxTimeSeconds = v; }, false),
  },
  serverStart: { arguments: strAttr(setArguments, false) },
  log: {
    rotationType: strAttr((d, _n, v) => { d.logRotation.rotationType = v; }, true),
    fileMinSize: intAttr((d, _n, v) => { d.logRotation.fileMinSizeKb = v; }),
    rotationTime: strAttr((d, _n, v) => { d.logRotation.rotationTime = v; }, true),
    fileCount: intAttr((d, _n, v) => { d.logRotation.filesToRetain = v; }),
    rotateLogOnStartup: boolAttr((d, _n, v) => { d.logRotation.rotateLogOnStartup = v; }),
  },
  pool: {
    initialCapacity: intAttr((d, n, v) => { ds(d, n).initialCapacity = v; }),
    minCapacity: intAttr((d, n, v) => { ds(d, n).minCapacity = v; }),
    maxCapacity: intAttr((d, n, v) => { ds(d, n).maxCapacity = v; }),
    testTableName: strAttr((d, n, v) => { ds(d, n).testQuery = v; }, true),
    testConnectionsOnReserve: boolAttr((d, n, v) => { ds(d, n).testConnectionsOnReserve = v; }),
    statementCacheSize: intAttr((d, n, v) => { ds(d, n).statementCacheSize = v; }),
    inactiveConnectionTimeoutSeconds: intAttr((d, n, v) => { ds(d, n).inactiveConnectionTimeoutSeconds = v; }),
  },
  dsParams: {
    JNDINames: {
      dynamic: false,
      apply: (d, n, v) => {
        const first = Array.isArray(v) ? v[0] : v;
        if (typeof first !== 'string') return `expected a list of JNDI names, got ${JSON.stringify(v)}`;
        ds(d, n).jndiName = first;
        return undefined;
      },
    },
  },
  driver: {
    url: strAttr((d, n, v) => { ds(d, n).url = v; }, false),
    // Dynamic, as WebLogic's data-source password is; a new connection uses it at once.
    password: {
      dynamic: true, secret: true,
      apply: (d, n, v) => {
        if (typeof v !== 'string' || !v.startsWith(DIGEST_PREFIX)) return 'expected a password';
        ds(d, n).passwordDigest = v;
        return undefined;
      },
    },
  },
  workManager: { ignoreStuckThreads: boolAttr((d, n, v) => { d.workManagers[n]!.ignoreStuckThreads = v; }) },
};

export interface EditTarget {
  kind: Kind;
  name: string;
}

/** Resolves a canonical edit path to the bean it names, checking the bean exists. */
export function resolveEditPath(d: LabDomain, path: string): EditTarget | undefined {
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const name = decodeURIComponent(m[1]!);
    const exists = kind === 'pool' || kind === 'dsParams' || kind === 'driver' ? !!d.dataSources[name] : kind === 'workManager' ? !!d.workManagers[name] : !!d.servers[name];
    return exists ? { kind, name } : undefined;
  }
  return undefined;
}

export function editableAttribute(t: EditTarget, attribute: string): Attr | undefined {
  return ATTRS[t.kind][attribute];
}

/** Servers a change to this bean affects (for restartRequired): the server, or the data source's targets. */
export function affectedServers(d: LabDomain, t: EditTarget): string[] {
  if (t.kind === 'server' || t.kind === 'serverStart' || t.kind === 'log') return [t.name];
  if (t.kind === 'workManager') return expandTargets(d, d.workManagers[t.name]?.targets ?? []);
  return expandTargets(d, d.dataSources[t.name]?.targets ?? []);
}

/** Target names (servers or clusters) → server names. */
export function expandTargets(d: LabDomain, targets: string[]): string[] {
  const out = new Set<string>();
  for (const t of targets) {
    if (d.servers[t]) out.add(t);
    for (const s of Object.values(d.servers)) if (s.cluster === t) out.add(s.name);
  }
  return [...out];
}

/** What an edit session records for a change: a secret attribute's value as its digest (so no state file holds it), others as given. */
export function recordedValue(d: LabDomain, path: string, attribute: string, value: Scalar | Scalar[]): Scalar | Scalar[] {
  const t = resolveEditPath(d, path);
  const secret = t ? editableAttribute(t, attribute)?.secret : false;
  return secret && typeof value === 'string' && value.length > 0 ? passwordDigest(value) : value;
}

/** Applies one change to a domain (mutating it); returns an error text when the value is refused. */
export function applyChange(d: LabDomain, path: string, attribute: string, value: Scalar | Scalar[]): string | undefined {
  const t = resolveEditPath(d, path);
  if (!t) return `'${path}' was not found.`;
  const attr = editableAttribute(t, attribute);
  if (!attr) return `'${attribute}' is not an editable attribute of ${path}.`;
  return attr.apply(d, t.name, value);
}
