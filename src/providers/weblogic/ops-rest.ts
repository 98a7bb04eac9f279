/**
 * DomainOps over the REST management API (12.2.1.4): edit tree with an explicit session
 * (startEdit → POST beans → activate; an activation task that failed inside HTTP 200 is a
 * failure → cancelEdit), ServerLifeCycleRuntime tasks (taskError inside 200 is a failure), and
 * deployments (create in edit/appDeployments; redeploy through deploymentManager, which keeps
 * the previous version for rollback).
 */
import type { AttributeValue } from '../../core/index.js';
import type { WeblogicClient } from '../../transport/index.js';
import type { Edit } from './edits.js';
import { errorText, type DeploySpec, type DomainOps, type OpOutcome } from './ops.js';
import { readRestDomain, restServerHealth } from './read-rest.js';

type Body = Record<string, unknown>;
const enc = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

function restValue(e: Edit, clusters: ReadonlySet<string>): unknown {
  if (!e.refs) return e.value;
  const ref = (name: AttributeValue): unknown => {
    if (name === null) return null;
    const kind = e.refs === 'machines' ? 'machines' : e.refs === 'clusters' || clusters.has(String(name)) ? 'clusters' : 'servers';
    return { identity: [kind, String(name)] };
  };
  return Array.isArray(e.value) ? e.value.map(ref) : ref(e.value);
}

/** The activation task's verdict: failures come back as HTTP 200 with state/progress/error. */
function activationFailure(task: Body): string | undefined {
  const failed = task.state === 'STATE_FAILED' || task.progress === 'failed' || (task.error !== undefined && task.error !== null) || (task.taskError !== undefined && task.taskError !== null);
  return failed ? String(task.error ?? task.taskError ?? task.state ?? 'activation failed') : undefined;
}

export function restOps(client: WeblogicClient, wantedServers: readonly string[], hostName: (a: string) => string): DomainOps {
  const cancel = async (): Promise<void> => {
    await client.post('edit/changeManager/cancelEdit', {}).catch(() => undefined);
  };
  return {
    read: () => readRestDomain(client, wantedServers, hostName),
    async edit(edits): Promise<OpOutcome> {
      const live = await readRestDomain(client, wantedServers, hostName);
      const clusters = new Set(Object.keys(live.clusters));
      try {
        await client.post('edit/changeManager/startEdit', {});
      } catch (err) {
        return { ok: false, message: `startEdit refused: ${errorText(err)}` };
      }
      try {
        for (const e of edits) await client.post(`edit/${enc(e.path)}`, { [e.attribute]: restValue(e, clusters) });
        const task = await client.post<Body>('edit/changeManager/activate', {});
        const failure = activationFailure(task);
        if (failure) {
          await cancel();
          return { ok: false, message: `activation failed, edit cancelled, nothing changed: ${failure}` };
        }
        return { ok: true, message: `activated ${edits.length} change(s)` };
      } catch (err) {
        await cancel();
        return { ok: false, message: `edit failed, cancelled, nothing changed: ${errorText(err)}` };
      }
    },
    async lifecycle(server, op) {
      try {
        const task = await client.post<Body>(`domainRuntime/serverLifeCycleRuntimes/${encodeURIComponent(server)}/${op}`, {});
        const error = task.taskError ?? (task.taskStatus === 'TASK FAILED' ? 'TASK FAILED' : null);
        return error ? { ok: false, message: `${op} ${server}: ${String(error)}` } : { ok: true, message: `${op} ${server}: ${String(task.taskStatus ?? 'done')}` };
      } catch (err) {
        return { ok: false, message: `${op} ${server}: ${errorText(err)}` };
      }
    },
    async deploy(spec: DeploySpec, mode) {
      try {
        const live = mode === 'deploy' ? await readRestDomain(client, wantedServers, hostName) : undefined;
        const clusters = new Set(Object.keys(live?.clusters ?? {}));
        const task = mode === 'deploy'
          ? await client.post<Body>('edit/appDeployments', { name: spec.name, sourcePath: spec.sourcePath, applicationVersion: spec.version, targets: spec.targets.map((t) => ({ identity: [clusters.has(t) ? 'clusters' : 'servers', t] })) })
          : await client.post<Body>(`domainRuntime/deploymentManager/appDeploymentRuntimes/${encodeURIComponent(spec.name)}/redeploy`, { applicationPath: spec.sourcePath, deploymentOptions: { appVersion: spec.version } });
        const error = task.error ?? (task.state === 'STATE_FAILED' ? 'STATE_FAILED' : null);
        return error ? { ok: false, message: `${mode} ${spec.name}: ${String(error)}` } : { ok: true, message: `${mode} ${spec.name} ${spec.version}: ${String(task.state ?? 'done')}` };
      } catch (err) {
        return { ok: false, message: `${mode} ${spec.name}: ${errorText(err)}` };
      }
    },
    health: (server) => restServerHealth(client, server),
  };
}
