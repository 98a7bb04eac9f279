/**
 * Faults for patch rehearsals. `home-busy`: a process is left running from a software home on a
 * host — an operator's WLST session (a WebLogic home) or sqlplus (a database home) — which the
 * patch step does not know to stop. OPatch then refuses on that host with
 * CheckActiveFilesAndExecutables (error code 73), as the real tool does; BSU does not check, as
 * the real one does not. Target `host[:home]`; default the first hall web host and its home.
 * `lab clear` takes the process out again.
 */
import type { LabState } from '../state/types.js';
import { addTo, type Fragment } from './fragments.js';
import { pickHost, ScenarioError, splitTarget } from './targets.js';
import type { Effect, ScenarioOptions } from './types.js';

export function homeBusy(state: LabState, { target }: ScenarioOptions): Effect {
  const { name, detail } = splitTarget(target);
  const host = pickHost(state, name, (h) => Object.keys(h.homes ?? {}).length > 0);
  const home = detail ?? Object.keys(host.homes ?? {}).sort()[0];
  const h = home ? host.homes?.[home] : undefined;
  if (!home || !h) throw new ScenarioError(`no software home ${detail ?? ''} on ${host.name} (homes: ${Object.keys(host.homes ?? {}).join(', ') || 'none'})`.replace('  ', ' '));
  const weblogic = h.product === 'WebLogic Server';
  const command = weblogic
    ? `/bin/sh ${home}/${h.tool === 'bsu' ? 'wlserver_10.3/common/bin' : 'oracle_common/common/bin'}/wlst.sh`
    : `${home}/bin/sqlplus   as sysdba`;
  const used = new Set(host.processes.map((p) => p.pid));
  let pid = 31_418;
  while (used.has(pid)) pid += 2;
  const undo: Fragment[] = [];
  addTo(state, undo, ['hosts', host.name, 'processes'], [{ user: weblogic ? 'weblogic' : 'oracle', pid, ppid: 1, started: 'Nov 27', command }]);
  return { target: `${host.name}:${home}`, fragments: undo };
}
