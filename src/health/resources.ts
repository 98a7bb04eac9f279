/**
 * The resources section of the report (per-host CPU/memory/paging/filesystems, tablespaces, FRA,
 * servers' heap/threads/sessions, JDBC pools), derived from the measurements so the HTML charts
 * and trends read figures without re-deriving them. Pure.
 */
import type { InspectionReport } from './report-schema.js';
import { segmentsOf } from './thresholds.js';
import type { Measurement, Scalar } from './types.js';

type Resources = InspectionReport['resources'];

const n = (v: Scalar | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const s = (v: Scalar | undefined): string | null => (v === null || v === undefined ? null : String(v));

function byKey<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (!v) {
    v = make();
    map.set(key, v);
  }
  return v;
}

type HostRow = Resources['hosts'][number];
type ServerRow = Resources['servers'][number];

function hostRow(hosts: Map<string, HostRow>, m: Measurement, seg: Record<string, string>): void {
  const h = byKey(hosts, seg.host ?? '', () => ({ host: seg.host ?? '', cpuPercent: null, memoryPercent: null, pagingPercent: null, filesystems: [] }));
  if (m.checkId === 'host.cpu') h.cpuPercent = n(m.value);
  if (m.checkId === 'host.memory') h.memoryPercent = n(m.value);
  if (m.checkId === 'host.paging') h.pagingPercent = n(m.value);
  if (m.checkId === 'host.filesystem') h.filesystems.push({ mount: seg.fs ?? '', sizeMb: n(m.detail?.sizeMb), usedMb: n(m.detail?.usedMb), usedPercent: n(m.value) ?? 0 });
}

function serverRow(servers: Map<string, ServerRow>, m: Measurement, seg: Record<string, string>): void {
  const r = byKey(servers, `${seg.weblogic}/${seg.server}`, () => ({
    domain: seg.weblogic ?? '', server: seg.server ?? '', state: null, health: null, heapUsedPercent: null, heapMaxMb: null,
    threads: { total: null, idle: null, hogging: null, stuck: null }, sessions: null,
  }));
  if (m.checkId === 'wls.server-state') r.state = s(m.value);
  if (m.checkId === 'wls.health') r.health = s(m.value);
  if (m.checkId === 'wls.heap') {
    r.heapUsedPercent = n(m.value);
    r.heapMaxMb = n(m.detail?.heapMaxMb);
  }
  if (m.checkId === 'wls.threads') r.threads = { total: n(m.detail?.total), idle: n(m.detail?.idle), hogging: n(m.detail?.hogging), stuck: n(m.value) };
  if (m.checkId === 'wls.sessions') r.sessions = n(m.value);
}

export function resourcesOf(measurements: readonly Measurement[]): Resources {
  const hosts = new Map<string, HostRow>();
  const servers = new Map<string, ServerRow>();
  const out: Resources = { hosts: [], tablespaces: [], fra: [], servers: [], pools: [] };
  for (const m of measurements) {
    const seg = segmentsOf(m.target);
    if (m.checkId.startsWith('host.') && seg.host && ['host.cpu', 'host.memory', 'host.paging', 'host.filesystem'].includes(m.checkId)) hostRow(hosts, m, seg);
    else if ((m.checkId === 'db.tablespace' || m.checkId === 'db.temp') && seg.oracle && seg.tablespace) {
      out.tablespaces.push({ database: seg.oracle, name: seg.tablespace, contents: s(m.detail?.contents), usedMb: n(m.detail?.usedMb), maxMb: n(m.detail?.maxMb), usedPercent: n(m.value) ?? 0 });
    } else if (m.checkId === 'db.fra' && seg.oracle) {
      out.fra.push({ database: seg.oracle, limitMb: n(m.detail?.limitMb), usedMb: n(m.detail?.usedMb), reclaimableMb: n(m.detail?.reclaimableMb), usedPercent: n(m.value) ?? 0 });
    } else if (m.checkId === 'wls.jdbc' && seg.datasource) {
      out.pools.push({ domain: seg.weblogic ?? '', server: seg.server ?? '', datasource: seg.datasource, state: s(m.detail?.state), active: n(m.detail?.active), max: n(m.detail?.max), waiting: n(m.detail?.waiting), usedPercent: n(m.value) ?? 0 });
    } else if (m.checkId.startsWith('wls.') && seg.weblogic && seg.server) serverRow(servers, m, seg);
  }
  out.hosts = [...hosts.values()];
  out.servers = [...servers.values()];
  return out;
}
