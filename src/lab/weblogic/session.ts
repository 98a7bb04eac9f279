/**
 * The change manager (edit session) of a lab domain, shared by the REST edit tree and WLST:
 * lock, pending changes (state.domains[d].edit.pending, in canonical REST path/attribute form),
 * activate (apply; non-dynamic changes set restartRequired) and cancel. Faults: `activation-fails`
 * on the domain makes activation fail as WebLogic's does: nothing is applied, the pending changes
 * and the lock stay (the owner must fix and re-activate, or cancelEdit).
 */
import type { LabDomain, LabState, Scalar } from '../state/types.js';
import type { LabStore } from '../state/store.js';
import { affectedServers, applyChange, editableAttribute, recordedValue, resolveEditPath } from './config-attrs.js';

export type Task = LabDomain['tasks'][string];

export function hasFault(state: LabState, name: string, target: string): boolean {
  return state.faults.some((f) => f.name === name && f.target === target);
}

export function domainOf(state: LabState, domain: string): LabDomain {
  const d = state.domains[domain];
  if (!d) throw new Error(`lab: no WebLogic domain '${domain}'`);
  return d;
}

export function newTask(d: LabDomain, operation: string, target: string, now: Date, error?: string): Task {
  const id = `_${Object.keys(d.tasks).length}_${operation}`;
  const task: Task = { id, operation, target, status: error ? 'failed' : 'completed', progress: error ? 'failed' : 'success', startedAt: now.toISOString() };
  if (error) task.error = error;
  d.tasks[id] = task;
  return task;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

const NOT_OWNER = 'weblogic.management.provider.EditNotEditorException: Not edit lock owner';

export function startEdit(store: LabStore, domain: string, user: string): Outcome<null> {
  return store.update((s) => {
    const d = domainOf(s, domain);
    if (d.edit.lockedBy && d.edit.lockedBy !== user) return { ok: false, error: NOT_OWNER };
    d.edit.lockedBy = user;
    return { ok: true, value: null };
  });
}

/** A domain with the pending changes of its edit session applied (the `edit` tree's view). */
export function editView(d: LabDomain): LabDomain {
  const copy = structuredClone(d);
  for (const p of d.edit.pending) applyChange(copy, p.path, p.attribute, p.value);
  return copy;
}

/** Checks that a change names an editable attribute and a valid value; returns the error text. */
export function validateChange(d: LabDomain, path: string, attribute: string, value: Scalar | Scalar[]): string | undefined {
  return applyChange(structuredClone(d), path, attribute, value);
}

function normalise(value: Scalar | Scalar[]): Scalar {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/**
 * Records a change in the caller's edit session. Without a session (`lockedBy` null) returns
 * 'no-session' so the caller decides (REST: implicit session; WLST: refuse).
 */
export function recordChange(store: LabStore, domain: string, user: string, path: string, attribute: string, value: Scalar | Scalar[]): Outcome<null> | 'no-session' {
  return store.update((s): Outcome<null> | 'no-session' => {
    const d = domainOf(s, domain);
    if (!d.edit.lockedBy) return 'no-session';
    if (d.edit.lockedBy !== user) return { ok: false, error: NOT_OWNER };
    const view = editView(d);
    const recorded = recordedValue(view, path, attribute, value);
    const err = validateChange(view, path, attribute, recorded);
    if (err) return { ok: false, error: err };
    d.edit.pending = d.edit.pending.filter((p) => !(p.path === path && p.attribute === attribute));
    d.edit.pending.push({ path, attribute, value: normalise(recorded) });
    return { ok: true, value: null };
  });
}

export interface Activation {
  task: Task;
  /** Non-dynamic changes that need a restart: bean path and attributes. */
  restartNeeded: Array<{ path: string; attributes: string[] }>;
  changes: Array<{ path: string; attribute: string }>;
}

function applyPending(d: LabDomain): Activation['restartNeeded'] {
  const restart = new Map<string, string[]>();
  for (const p of d.edit.pending) {
    applyChange(d, p.path, p.attribute, p.value);
    const t = resolveEditPath(d, p.path);
    if (!t || editableAttribute(t, p.attribute)?.dynamic !== false) continue;
    for (const name of affectedServers(d, t)) d.servers[name]!.restartRequired = true;
    restart.set(p.path, [...(restart.get(p.path) ?? []), p.attribute]);
  }
  return [...restart].map(([path, attributes]) => ({ path, attributes }));
}

/** Activates the caller's session. A failed activation is a value (task with error), like WebLogic. */
export function activate(store: LabStore, domain: string, user: string, now: Date): Outcome<Activation> {
  return store.update((s): Outcome<Activation> => {
    const d = domainOf(s, domain);
    if (d.edit.lockedBy !== user) return { ok: false, error: NOT_OWNER };
    const changes = d.edit.pending.map((p) => ({ path: p.path, attribute: p.attribute }));
    if (hasFault(s, 'activation-fails', domain)) {
      const task = newTask(d, 'activate', domain, now, 'weblogic.management.DeploymentException: [Deployer:149189]An attempt was made to execute the "activate" operation on an application named "config" that is not currently available. The activation of the configuration changes failed on one or more servers; the changes were not committed.');
      return { ok: true, value: { task, restartNeeded: [], changes } };
    }
    const restartNeeded = applyPending(d);
    d.edit = { lockedBy: null, pending: [] };
    return { ok: true, value: { task: newTask(d, 'activate', domain, now), restartNeeded, changes } };
  });
}

export function cancelEdit(store: LabStore, domain: string, user: string): Outcome<null> {
  return store.update((s): Outcome<null> => {
    const d = domainOf(s, domain);
    if (d.edit.lockedBy && d.edit.lockedBy !== user) return { ok: false, error: NOT_OWNER };
    d.edit = { lockedBy: null, pending: [] };
    return { ok: true, value: null };
  });
}

/** One change in its own session, activated at once (REST implicit edit session). */
export function implicitChange(store: LabStore, domain: string, user: string, path: string, attribute: string, value: Scalar | Scalar[], now: Date): Outcome<Activation> {
  const started = startEdit(store, domain, user);
  if (!started.ok) return started;
  const rec = recordChange(store, domain, user, path, attribute, value);
  if (rec !== 'no-session' && !rec.ok) {
    cancelEdit(store, domain, user);
    return rec;
  }
  const act = activate(store, domain, user, now);
  if (act.ok && act.value.task.status === 'failed') cancelEdit(store, domain, user);
  return act;
}
