/**
 * Fault scenarios: recorded in LabState.faults, where the responders look on every request.
 * Targets follow the responders' convention: a host, domain or database name, `*` for all, or
 * `host:detail` (disk-full: a mount; command-hangs: a command name; slow: milliseconds).
 * disk-full and db-down also change the state they imply (a full file system; instances down
 * and their processes gone), recorded for `lab clear`.
 */
import type { LabState } from '../state/types.js';
import { removeFrom, setAt, type Fragment } from './fragments.js';
import { pickDatabase, pickDomain, pickHost, ScenarioError, splitTarget } from './targets.js';
import type { Effect, ScenarioOptions } from './types.js';

type Body = (state: LabState, opts: ScenarioOptions) => Effect;

const BASE_MOUNTS = new Set(['/', '/usr', '/var', '/tmp', '/home', '/admin', '/opt', '/boot', '/var/adm/ras/livedump']);

/** A fault on a host (or `*`), with an optional `:detail` passed through. */
export function hostFault(defaultDetail?: string): Body {
  return (state, { target }) => {
    if (target === '*') return { target, fragments: [] };
    const { name, detail } = splitTarget(target);
    const host = pickHost(state, name);
    const d = detail ?? (target ? undefined : defaultDetail);
    return { target: d ? `${host.name}:${d}` : host.name, fragments: [] };
  };
}

export function domainFault(): Body {
  return (state, { target }) => (target === '*' ? { target, fragments: [] } : { target: pickDomain(state, target).name, fragments: [] });
}

export const diskFull: Body = (state, { target }) => {
  const { name, detail } = splitTarget(target);
  const host = pickHost(state, name);
  const mount = detail ?? host.filesystems.find((f) => !BASE_MOUNTS.has(f.mount))?.mount ?? '/var';
  const index = host.filesystems.findIndex((f) => f.mount === mount);
  const fs = host.filesystems[index];
  if (!fs) throw new ScenarioError(`no file system mounted at ${mount} on ${host.name}`);
  const undo: Fragment[] = [];
  setAt(state, undo, ['hosts', host.name, 'filesystems', index, 'usedMb'], fs.sizeMb);
  return { target: `${host.name}:${mount}`, fragments: undo };
};

export const dbDown: Body = (state, { target }) => {
  const db = pickDatabase(state, target);
  const undo: Fragment[] = [];
  db.instances.forEach((inst, i) => {
    setAt(state, undo, ['databases', db.name, 'instances', i, 'status'], 'DOWN');
    removeFrom<{ command: string }>(state, undo, ['hosts', inst.host, 'processes'], (p) => p.command.startsWith('ora_') && p.command.endsWith(`_${inst.sid}`));
  });
  return { target: db.name, fragments: undo };
};
