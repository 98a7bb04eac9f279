/**
 * How bean property values look to a WLST script: booleans as Jython 2.2 integers (1/0, kept as
 * booleans internally), references as ObjectName strings, health states as WLST prints them.
 */
import type { Val } from './wlst-eval.js';

const TYPES: Record<string, string> = { servers: 'Server', clusters: 'Cluster', machines: 'Machine', minThreadsConstraints: 'MinThreadsConstraint', maxThreadsConstraints: 'MaxThreadsConstraint' };

export function wlstValue(v: unknown): Val {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(wlstValue);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.identity)) {
    const id = o.identity as string[];
    return `com.bea:Name=${id.at(-1)},Type=${TYPES[id.at(-2) ?? ''] ?? id.at(-2)}`;
  }
  if (typeof o.state === 'string' && 'symptoms' in o) {
    return `Component:${o.subsystemName ?? 'null'},State:HEALTH_${o.state.toUpperCase()},MBean:null,ReasonCode:[]`;
  }
  return JSON.stringify(o);
}
