/**
 * Mutating REST calls of the lab's WebLogic: changeManager, edit-tree updates (explicit or
 * implicit sessions), server lifecycle, deployment, a data source's testPool, and the
 * domainRuntime `search` bulk query.
 */
import type { ServerResponse } from 'node:http';
import type { Scalar } from '../state/types.js';
import { testPool } from './datasource.js';
import { runtimeTree } from './runtime-tree.js';
import { activate, cancelEdit, domainOf, implicitChange, recordChange, startEdit } from './session.js';
import { deployment, lifecycle } from './ops.js';
import type { DeployOp, LifecycleOp } from './ops.js';
import { activationBody, deploymentTaskBody, lifecycleTaskBody, sendErrors, sendFailure, sendJson } from './rest-http.js';
import { search, walk } from './tree.js';
import type { SearchQuery } from './tree.js';
import type { RestContext } from './rest-http.js';

function targetNames(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((t) => (t && typeof t === 'object' && Array.isArray((t as { identity?: unknown }).identity) ? String((t as { identity: unknown[] }).identity.at(-1)) : String(t)));
}

function changeManager(c: RestContext, res: ServerResponse, action: string): void {
  const { store, domain, user } = c;
  if (action === 'startEdit') {
    const r = startEdit(store, domain, user);
    return r.ok ? sendJson(res, 200, {}) : sendErrors(res, [r.error]);
  }
  if (action === 'cancelEdit') {
    const r = cancelEdit(store, domain, user);
    return r.ok ? sendJson(res, 200, {}) : sendErrors(res, [r.error]);
  }
  if (action === 'activate') {
    const r = activate(store, domain, user, c.now());
    return r.ok ? sendJson(res, 200, activationBody(c.base, r.value.task, user, r.value.changes)) : sendErrors(res, [r.error]);
  }
  if (action === 'safeResolve' || action === 'forceResolve') {
    const d = domainOf(store.read(), domain);
    if (d.edit.lockedBy !== user) return sendErrors(res, ['weblogic.management.provider.EditNotEditorException: Not edit lock owner', 'Failed to resolve the changes in this edit session with the global configuration.']);
    return sendJson(res, 200, {});
  }
  sendFailure(res, 404, `'${action}' was not found.`);
}

function editUpdate(c: RestContext, res: ServerResponse, segs: string[], body: Record<string, unknown>): void {
  const path = segs.join('/');
  const node = walk(c.configRoot(), segs);
  if (!node || node.kind !== 'bean') return sendFailure(res, 404, `'${segs.at(-1)}' was not found.`);
  const errors: string[] = [];
  for (const [attr, value] of Object.entries(body)) {
    const v = value as Scalar | Scalar[];
    const r = recordChange(c.store, c.domain, c.user, path, attr, v);
    if (r === 'no-session') {
      const a = implicitChange(c.store, c.domain, c.user, path, attr, v, c.now());
      if (!a.ok) errors.push(a.error);
      else if (a.value.task.error) errors.push(a.value.task.error);
    } else if (!r.ok) {
      errors.push(r.error);
    }
  }
  return errors.length ? sendErrors(res, errors) : sendJson(res, 200, {});
}

function deploy(c: RestContext, res: ServerResponse, op: DeployOp, name: string, body: Record<string, unknown>): void {
  const opts = (body.deploymentOptions ?? {}) as Record<string, unknown>;
  const version = (body.applicationVersion ?? body.versionIdentifier ?? opts.appVersion) as string | undefined;
  const sourcePath = (body.sourcePath ?? body.applicationPath) as string | undefined;
  const t = deployment(c.store, c.domain, op, { name, sourcePath, targets: targetNames(body.targets), version }, c.now());
  if (op === 'deploy' && t.error) return sendErrors(res, [t.error]);
  sendJson(res, op === 'deploy' ? 201 : 200, deploymentTaskBody(c.base, t));
}

/** Handles POST (and DELETE on edit/appDeployments/{app}) below /management/weblogic/{v}/. */
export function handlePost(c: RestContext, res: ServerResponse, method: string, segs: string[], body: Record<string, unknown>): void {
  const [tree, ...rest] = segs;
  const [a, b, cc, dd] = rest;
  if (method === 'DELETE') {
    if (tree === 'edit' && a === 'appDeployments' && b && rest.length === 2) return deploy(c, res, 'undeploy', b, body);
    return sendFailure(res, 405, 'Method Not Allowed');
  }
  if (tree === 'domainRuntime' && a === 'search' && rest.length === 1) {
    if (body.links !== undefined && !Array.isArray(body.links)) return sendFailure(res, 400, "'links' must be an array");
    return sendJson(res, 200, search(runtimeTree(domainOf(c.store.read(), c.domain), c.now()), body as SearchQuery));
  }
  if (tree === 'edit' && a === 'changeManager' && b && rest.length === 2) return changeManager(c, res, b);
  if (tree === 'edit' && a === 'appDeployments' && rest.length === 1) return deploy(c, res, 'deploy', String(body.name ?? ''), body);
  if (tree === 'edit' && rest.length > 0) return editUpdate(c, res, rest, body);
  const lifecycleCall = tree === 'domainRuntime' && (a === 'serverLifeCycleRuntimes' || a === 'serverRuntimes') && b && cc && rest.length === 3;
  if (lifecycleCall && ['start', 'shutdown', 'forceShutdown'].includes(cc)) {
    const t = lifecycle(c.store, c.domain, b, cc as LifecycleOp, c.now());
    return t ? sendJson(res, 200, lifecycleTaskBody(c.base, b, t, c.now())) : sendFailure(res, 404, `'${b}' was not found.`);
  }
  if (tree === 'domainRuntime' && a === 'serverRuntimes' && b && cc === 'JDBCServiceRuntime' && dd === 'JDBCDataSourceRuntimeMBeans' && rest[4] && rest[5] === 'testPool' && rest.length === 6) {
    const t = testPool(c.store, c.domain, b, rest[4]);
    // JDBCDataSourceRuntimeMBean.testPool() returns null when the test passed, else the error.
    return t.found ? sendJson(res, 200, t.error === null ? {} : { return: t.error }) : sendFailure(res, 404, `'${rest[4]}' was not found.`);
  }
  if (tree === 'domainRuntime' && a === 'deploymentManager' && b === 'appDeploymentRuntimes' && cc && dd && rest.length === 4 && ['redeploy', 'start', 'stop', 'undeploy'].includes(dd)) {
    if (!domainOf(c.store.read(), c.domain).deployments[cc]) return sendFailure(res, 404, `'${cc}' was not found.`);
    return deploy(c, res, dd as DeployOp, cc, body);
  }
  sendFailure(res, 404, `'${segs.at(-1) ?? ''}' was not found.`);
}
