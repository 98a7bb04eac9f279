/**
 * The live state of one domain in one normalised shape, whatever the protocol (REST or WLST),
 * and its conversion into LiveReads: present/absent per requested address, fingerprinted with
 * sha256 over the canonical JSON of what was read. Value normalisation lives here too (JVM
 * arguments → heap + other flags, references → names) so both readers agree exactly.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type AttributeValue, type Attributes, type LiveRead } from '../../core/index.js';
import { parseAddress, type Address } from '../../model/address.js';
import { outageOverrides, WEBLOGIC_TYPES } from './rules.js';
import { LOG_ROTATION, TYPE_OF_KIND } from './desired.js';

export interface LiveDomain {
  servers: Record<string, Attributes>;
  clusters: Record<string, Attributes>;
  machines: Record<string, Attributes>;
  dataSources: Record<string, Attributes>;
  workManagers: Record<string, Attributes>;
  deployments: Record<string, Attributes>;
  logRotation?: Attributes;
}

export function emptyDomain(): LiveDomain {
  return { servers: {}, clusters: {}, machines: {}, dataSources: {}, workManagers: {}, deployments: {} };
}

const COLLECTION: Record<string, keyof Omit<LiveDomain, 'logRotation'>> = {
  server: 'servers', cluster: 'clusters', machine: 'machines', datasource: 'dataSources', 'work-manager': 'workManagers', deployment: 'deployments',
};

/** `-Xms512m -Xmx2g -Dx=y` → heap in MB and the other arguments in order. */
export function parseServerArguments(args: string | null | undefined): { heapMinMb: number | null; heapMaxMb: number | null; jvmArgs: string[] } {
  let heapMinMb: number | null = null;
  let heapMaxMb: number | null = null;
  const jvmArgs: string[] = [];
  for (const tok of (args ?? '').split(/\s+/).filter(Boolean)) {
    const m = /^-Xm([sx])(\d+)([kKmMgG]?)$/.exec(tok);
    if (!m) {
      jvmArgs.push(tok);
      continue;
    }
    const unit = (m[3] ?? '').toLowerCase();
    const n = Number(m[2]);
    const mb = unit === 'g' ? n * 1024 : unit === 'm' ? n : unit === 'k' ? Math.round(n / 1024) : Math.round(n / 1048576);
    if (m[1] === 's') heapMinMb = mb;
    else heapMaxMb = mb;
  }
  return { heapMinMb, heapMaxMb, jvmArgs };
}

/** Heap and JVM arguments back into one ServerStart `Arguments` string (heap flags first). */
export function serverArguments(heapMinMb: number | null, heapMaxMb: number | null, jvmArgs: readonly string[]): string {
  return [...(heapMinMb === null ? [] : [`-Xms${heapMinMb}m`]), ...(heapMaxMb === null ? [] : [`-Xmx${heapMaxMb}m`]), ...jvmArgs].join(' ');
}

/** A REST reference `{identity:[…, name]}` or a WLST ObjectName `com.bea:Name=X,Type=Cluster` → `X`. */
export function refName(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object' && Array.isArray((v as { identity?: unknown }).identity)) {
    const id = (v as { identity: unknown[] }).identity;
    return String(id[id.length - 1]);
  }
  const s = String(v);
  const m = /(?:^|[:,])Name=([^,]+)/.exec(s);
  return m ? m[1]! : s;
}

export function refNames(v: unknown): string[] {
  if (typeof v === 'string' && v.includes('Name=')) {
    // A Java array printed by WLST: `array(javax.management.ObjectName,[com.bea:Name=A,Type=Cluster, …])`.
    return [...v.matchAll(/Name=([^,\])\s]+)/g)].map((m) => m[1]!).sort();
  }
  const list = Array.isArray(v) ? v : v === null || v === undefined || v === '' ? [] : [v];
  return list.map(refName).filter((x): x is string => x !== null).sort();
}

/** WLST booleans arrive as 1/0 (Jython 2.2); REST as true/false. */
export function bool(v: unknown): boolean | null {
  if (v === true || v === 1 || v === '1' || v === 'true') return true;
  if (v === false || v === 0 || v === '0' || v === 'false') return false;
  return null;
}

export function num(v: unknown): number | null {
  const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

export function fingerprintOf(status: string, attributes?: Attributes): string {
  return `sha256:${createHash('sha256').update(canonicalJson({ status, attributes: attributes ?? null })).digest('hex')}`;
}

function liveAttributes(live: LiveDomain, kind: string, name: string): Attributes | undefined {
  if (kind === 'log-rotation') return name === LOG_ROTATION ? live.logRotation : undefined;
  const coll = COLLECTION[kind];
  return coll ? live[coll][name] : undefined;
}

/** A server or data source whose restart group has one member: restarts mean an outage. */
function aloneInGroup(live: LiveDomain, kind: string, attrs: Attributes): boolean {
  if (kind !== 'server') return false;
  const cluster = attrs.cluster;
  if (cluster === null || cluster === undefined) return true;
  return Object.values(live.servers).filter((s) => s.cluster === cluster).length <= 1;
}

/** LiveReads for the requested addresses of one domain. */
export function readsOf(addresses: readonly Address[], live: LiveDomain): LiveRead[] {
  return addresses.map((address) => {
    const parts = parseAddress(address);
    const seg = 'error' in parts ? undefined : parts.segments[1];
    const type = seg ? TYPE_OF_KIND[seg.kind] : undefined;
    if (!seg || !type) return { address, status: 'unknown', reason: `not a WebLogic resource address: ${address}`, fingerprint: fingerprintOf('unknown') } satisfies LiveRead;
    const attributes = liveAttributes(live, seg.kind, seg.name);
    if (!attributes) return { address, status: 'absent', fingerprint: fingerprintOf('absent'), system: 'weblogic', type } satisfies LiveRead;
    const read: LiveRead = { address, status: 'present', attributes, fingerprint: fingerprintOf('present', attributes), system: 'weblogic', type };
    if (aloneInGroup(live, seg.kind, attributes)) read.rules = outageOverrides(WEBLOGIC_TYPES[type]!);
    return read;
  });
}

export function unknownReads(addresses: readonly Address[], reason: string): LiveRead[] {
  return addresses.map((address) => ({ address, status: 'unknown', reason, fingerprint: fingerprintOf('unknown') }));
}

export function clean(attrs: Record<string, AttributeValue | undefined>): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[k] = v;
  return out;
}
