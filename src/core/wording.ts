/**
 * The words core puts into steps: descriptions, downtime statements, health-gate texts. Kept in
 * one place so plans read the same everywhere; renderers add layout, never new facts.
 */
import { parseAddress } from '../model/address.js';
import type { Change } from './plan.js';

/** The name of an address's last segment: `prod/weblogic:hall/server:HallServer1` → HallServer1. */
export function shortName(address: string): string {
  const parts = parseAddress(address);
  if ('error' in parts) return address;
  return parts.segments[parts.segments.length - 1]?.name ?? address;
}

const GATES = {
  server: 'health gate: wait until RUNNING and HEALTH_OK',
  instance: 'health gate: wait until the instance is OPEN and its services are registered with the listener',
  host: 'health gate: wait until the host answers SSH and its required processes run',
} as const;

export function gateText(scope: keyof typeof GATES): string {
  return GATES[scope];
}

/** How an update that needs a restart is written, per system (the restart itself is a later step). */
function pendingRestartNote(c: Change): string {
  switch (c.system) {
    case 'oracle':
      return 'written with SCOPE=SPFILE; takes effect at the instance restart below';
    case 'weblogic':
      return 'activated as a non-dynamic change; takes effect at the server restart below';
    case 'host':
      return 'persisted for the next boot; takes effect at the reboot below';
    default:
      return 'takes effect after a restart';
  }
}

/** `verb` is the step action when it differs from the change action (deployments: deploy). */
export function describeChange(c: Change, verb: string = c.action): string {
  const names = c.attributes.map((a) => a.name);
  const what = `${verb} ${c.type} ${shortName(c.address)}`;
  const attrs = c.action === 'update' || c.action === 'replace' ? ` (${names.join(', ')})` : '';
  const note = c.takesEffect === 'after-restart' ? `; ${pendingRestartNote(c)}` : '';
  const why = c.reason ? `; ${c.reason}` : '';
  return `${what}${attrs}${note}${why}`;
}

export function downtimeOfChange(c: Change): string {
  switch (c.disruption) {
    case 'none':
      return 'none';
    case 'brief':
      return 'brief — requests may pause while the change is activated';
    case 'outage':
      return 'outage — the object is unavailable while the step runs';
  }
}
