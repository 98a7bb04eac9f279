/**
 * WebLogic runtime figures → measurements, shared by the REST and WLST readers: one `ServerFigures`
 * per server (whatever the transport), turned into wls.* measurements for the
 * `weblogic:D/server:S` target (and `…/datasource:DS` for pools).
 */
import type { Measurement } from '../health/index.js';

export interface PoolFigures { name: string; state: string | null; active: number | null; waiting: number | null; max: number | null }

export interface ServerFigures {
  server: string;
  state: string;
  health?: string | null;
  version?: string | null;
  heapFreePercent?: number | null;
  heapMaxBytes?: number | null;
  threads?: { total: number | null; idle: number | null; hogging: number | null; stuck: number | null };
  sessions?: number | null;
  pools?: PoolFigures[];
}

export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** WLST `Component:…,State:HEALTH_OK,…` or REST `{state: 'ok'}` → `ok`. */
export function healthText(v: unknown): string | null {
  if (v && typeof v === 'object' && 'state' in v) return String((v as { state: unknown }).state).toLowerCase();
  if (typeof v === 'string') {
    const m = /State:HEALTH_([A-Z]+)/.exec(v);
    return m ? m[1]!.toLowerCase() : v.toLowerCase();
  }
  return null;
}

export function serverMeasurements(base: string, f: ServerFigures, declaredVersion: string): Measurement[] {
  const t = `${base}/server:${f.server}`;
  const out: Measurement[] = [{ checkId: 'wls.server-state', target: t, value: f.state, unit: 'state' }];
  if (f.state !== 'RUNNING') return out;
  if (f.health !== undefined) out.push({ checkId: 'wls.health', target: t, value: f.health ?? null, unit: 'state' });
  if (f.version) out.push({ checkId: 'wls.patch-level', target: t, value: f.version, unit: 'state', detail: { declared: declaredVersion } });
  if (f.heapFreePercent !== undefined && f.heapFreePercent !== null) {
    out.push({ checkId: 'wls.heap', target: t, value: 100 - f.heapFreePercent, unit: '%', detail: { heapMaxMb: f.heapMaxBytes ? Math.round(f.heapMaxBytes / 1048576) : null } });
  }
  if (f.threads) {
    const { total, idle, hogging, stuck } = f.threads;
    out.push({ checkId: 'wls.threads', target: t, value: stuck, unit: 'count', detail: { total, idle, hogging } });
    if (total) out.push({ checkId: 'wls.hogging', target: t, value: Math.round((hogging ?? 0) * 10000 / total) / 100, unit: '%', detail: { hogging, total } });
  }
  if (f.sessions !== undefined && f.sessions !== null) out.push({ checkId: 'wls.sessions', target: t, value: f.sessions, unit: 'count' });
  for (const p of f.pools ?? []) {
    const pct = p.max ? Math.round((p.active ?? 0) * 10000 / p.max) / 100 : null;
    out.push({ checkId: 'wls.jdbc', target: `${t}/datasource:${p.name}`, value: pct, unit: '%', detail: { state: p.state, active: p.active, waiting: p.waiting, max: p.max } });
  }
  return out;
}
