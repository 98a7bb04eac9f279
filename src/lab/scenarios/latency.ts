/**
 * The lab's latency model: `rtt=20ms,cmd=5ms,aix=150ms,linux=10ms,host:hall-web-01=900ms`.
 * rtt is added to every request/response round trip; a command costs the host's own time
 * (host:NAME) or else its OS's (aix/linux) or else cmd. `off` clears it.
 */
import type { LabState, LatencySpec } from '../state/types.js';
import { ScenarioError } from './targets.js';

export const NO_LATENCY: LatencySpec = { roundTripMs: 0, commandMs: 0 };

function millis(text: string, key: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!m) throw new ScenarioError(`latency ${key}: "${text}" is not a duration (e.g. 20ms, 1.5s)`);
  return Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1));
}

export function parseLatency(spec: string): LatencySpec {
  const text = spec.trim();
  if (text === 'off' || text === '0' || text === '') return { ...NO_LATENCY };
  const out: LatencySpec = { roundTripMs: 0, commandMs: 0 };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq < 0) throw new ScenarioError(`latency: "${part}" is not KEY=DURATION`);
    const key = part.slice(0, eq).trim();
    const ms = millis(part.slice(eq + 1), key);
    if (key === 'rtt') out.roundTripMs = ms;
    else if (key === 'cmd') out.commandMs = ms;
    else if (key === 'aix' || key === 'linux') out.perOs = { ...out.perOs, [key]: ms };
    else if (key.startsWith('host:') && key.length > 5) out.perHost = { ...out.perHost, [key.slice(5)]: ms };
    else throw new ScenarioError(`latency: unknown key "${key}" (rtt, cmd, aix, linux, host:NAME)`);
  }
  return out;
}

export function formatLatency(spec: LatencySpec): string {
  const parts: string[] = [];
  if (spec.roundTripMs) parts.push(`rtt=${spec.roundTripMs}ms`);
  if (spec.commandMs) parts.push(`cmd=${spec.commandMs}ms`);
  for (const [os, ms] of Object.entries(spec.perOs ?? {})) parts.push(`${os}=${ms}ms`);
  for (const [host, ms] of Object.entries(spec.perHost ?? {})) parts.push(`host:${host}=${ms}ms`);
  return parts.length ? parts.join(',') : 'off';
}

/** Milliseconds one command costs on `host` (before any `slow` fault). */
export function commandLatencyMs(state: LabState, host: string): number {
  const l = state.latency;
  const os = state.hosts[host]?.os;
  return l.perHost?.[host] ?? (os ? l.perOs?.[os] : undefined) ?? l.commandMs;
}
