/**
 * The registry of lab scenarios, and applying and clearing them. Applying records an
 * ActiveScenario whose `undo` holds exactly the fragments it replaced; clearing restores them,
 * most recent first, so a cleared lab is deep-equal to the lab before the scenarios.
 */
import type { ActiveScenario, LabState } from '../state/types.js';
import * as d from './drifts.js';
import { dbDown, diskFull, domainFault, hostFault } from './faults.js';
import { restore, type UndoRecord } from './fragments.js';
import { homeBusy } from './patch-faults.js';
import { ScenarioError } from './targets.js';
import type { Effect, Scenario, ScenarioOptions } from './types.js';

type Body = (state: LabState, opts: ScenarioOptions) => Effect;

function define(kind: Scenario['kind'], name: string, targetHelp: string, description: string, body: Body): Scenario {
  return {
    name,
    kind,
    description,
    targetHelp,
    apply(state, opts = {}) {
      const effect = body(state, opts);
      const list = kind === 'drift' ? state.drifts : state.faults;
      if (list.some((s) => s.name === name && s.target === effect.target)) {
        throw new ScenarioError(`${kind} ${name} is already active on ${effect.target}; "opsctl lab clear ${name}" first`);
      }
      const seq = Math.max(0, ...[...state.drifts, ...state.faults].map((s) => (s.undo as UndoRecord | undefined)?.seq ?? 0)) + 1;
      const undo: UndoRecord = { seq, fragments: effect.fragments };
      const active: ActiveScenario = { name, target: effect.target, undo, since: (opts.now ?? new Date()).toISOString() };
      list.push(active);
      return active;
    },
  };
}

export const SCENARIOS: readonly Scenario[] = [
  define('drift', 'datasource-capacity', 'domain[/datasource]', "a data source's maxCapacity halved by hand (default: hall's first data source)", d.datasourceCapacity),
  define('drift', 'jvm-heap', 'domain | server | domain/server', "a server's -Xmx halved in its start arguments, restart pending (default: hall's first managed server)", d.jvmHeap),
  define('drift', 'init-parameter', 'database[/parameter]', 'an init parameter changed with ALTER SYSTEM (default: open_cursors, IMMEDIATE, on the core database)', d.initParameter),
  define('drift', 'file-content', 'host[:/path]', 'a managed file edited by hand on the host (default: the first managed file of a hall web host)', d.fileContent),
  define('drift', 'kernel-param', 'host[:tunable]', 'an AIX `no` tunable (Linux: sysctl) changed with `no -o` (default: a managed tunable on an AIX hall web host)', d.kernelParam),
  define('drift', 'app-version', 'domain[/deployment]', 'a different build of an application deployed by hand: version and sha256 differ (default: hall)', d.appVersion),
  define('drift', 'tablespace-full', 'database[/tablespace]', 'autoextend switched off on a tablespace whose files are 97% full (default: SBF_DATA on the core database)', d.tablespaceFull),
  define('drift', 'server-down', 'domain | server | domain/server', 'a managed server SHUTDOWN and its java process gone (default: hall)', d.serverDown),
  define('fault', 'host-down', 'host | *', 'the host does not answer: SSH connections are refused', hostFault()),
  define('fault', 'auth-fail', 'host | *', 'SSH authentication fails for every credential', hostFault()),
  define('fault', 'hostkey-changed', 'host | *', 'the host presents a different host key than the one pinned in the inventory', hostFault()),
  define('fault', 'slow', 'host[:ms] | *', 'every command on the host takes extra time (default 3000 ms)', hostFault()),
  define('fault', 'command-hangs', 'host[:command] | *', 'a command never returns (default: `df` on a hall web host, as with a stale NFS mount; a bare host: every command)', hostFault('df')),
  define('fault', 'disk-full', 'host[:/mount]', 'a file system at 100%: df shows it full and writes fail with ENOSPC (default: the first application mount)', diskFull),
  define('fault', 'wls-500', 'domain | *', 'the WebLogic REST management API answers 500 Internal Server Error', domainFault()),
  define('fault', 'activation-fails', 'domain | *', 'changeManager activate fails (the edit session stays open)', domainFault()),
  define('fault', 'db-down', 'database', 'the database instances are down (ora_* processes gone; the listener answers, without the service)', dbDown),
  define('fault', 'home-busy', 'host[:home]', 'a process left running from a software home (an operator\'s WLST or sqlplus session): OPatch refuses there with CheckActiveFilesAndExecutables (default: the first hall web host)', homeBusy),
];

export function scenarioNamed(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

export function applyScenario(state: LabState, name: string, opts: ScenarioOptions = {}, kind?: Scenario['kind']): ActiveScenario {
  const s = scenarioNamed(name);
  if (!s || (kind && s.kind !== kind)) {
    const known = SCENARIOS.filter((x) => !kind || x.kind === kind).map((x) => x.name).join(', ');
    throw new ScenarioError(`no ${kind ?? ''} scenario "${name}" (known: ${known})`.replace('  ', ' '));
  }
  return s.apply(state, opts);
}

const seqOf = (s: ActiveScenario): number => (s.undo as UndoRecord | undefined)?.seq ?? 0;

/** Clears the active scenarios matching `name` (and `target`), or all; returns what it cleared. */
export function clearScenarios(state: LabState, filter: { name?: string; target?: string } = {}): ActiveScenario[] {
  const match = (s: ActiveScenario): boolean => (!filter.name || s.name === filter.name) && (!filter.target || s.target === filter.target || s.target.startsWith(`${filter.target}:`) || s.target.startsWith(`${filter.target}/`));
  const cleared = [...state.drifts, ...state.faults].filter(match).sort((a, b) => seqOf(b) - seqOf(a));
  for (const s of cleared) {
    const undo = s.undo as UndoRecord | undefined;
    if (undo) restore(state, undo.fragments);
  }
  state.drifts = state.drifts.filter((s) => !match(s));
  state.faults = state.faults.filter((s) => !match(s));
  return cleared;
}

/** The active fault `name` on `target`: exact, `*`, or `target:detail`. For responders. */
export function activeFault(state: LabState, name: string, target: string): ActiveScenario | undefined {
  return state.faults.find((f) => f.name === name && (f.target === target || f.target === '*' || f.target.startsWith(`${target}:`)));
}
