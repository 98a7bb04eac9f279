/**
 * DomainOps over the REST management API (12.2.1.4): edit tree with an explicit session
 * (startEdit → POST beans → activate; an activation task that failed inside HTTP 200 is a
 * failure → cancelEdit), ServerLifeCycleRuntime tasks (taskError inside 200 is a failure), and
 * deployments (create in edit/appDeployments; redeploy through deploymentManager, which keeps
 * the previous version for rollback); a data source's password (JDBCDriverParams `password` in
 * the edit tree, the value a Secret the transport sends) and its pool tested (the runtime
 * action `testPool`, null when it passed).
 */
import type { AttributeValue } from '../../core/index.js';
import type { WeblogicClient } from '../../transport/index.js';
import type { Edit } from './edits.js';
import { errorText, type DeploySpec, type DomainOps, type OpOutcome, type PoolTest } from './ops.js';
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

/** `testPool`'s answer: `return` null (or absent) when the test passed, else the error text. */
function poolTest(server: string, r: Body): PoolTest {
  const error = r.return;
  return error === undefined || error === null || error === '' ? { server, status: 'ok', message: 'testPool: ok' } : { server, status: 'failed', message: `testPool: ${String(error)}` };
}

export function restOps(client: WeblogicClient, wantedServers: readonly string[], hostName: (a: string) => string): DomainOps {
  const cancel = async (): Promise<void> => {
    await client.post('edit/changeManager/cancelEdit', {}).catch(() => undefined);
  };
  /** startEdit → POST each bean → activate; on any failure cancelEdit, so nothing changed. */
  const session = async (posts: ReadonlyArray<{ path: string; body: Body }>): Promise<OpOutcome> => {
    try {
      await client.post('edit/changeManager/startEdit', {});
    } catch (err) {
      return { ok: false, message: `startEdit refused: ${errorText(err)}` };
    }
    try {
      for (const p of posts) await client.post(`edit/${enc(p.path)}`, p.body);
      const task = await client.post<Body>('edit/changeManager/activate', {});
      const failure = activationFailure(task);
      if (failure) {
        await cancel();
        return { ok: false, message: `activation failed, edit cancelled, nothing changed: ${failure}` };
      }
      return { ok: true, message: `activated ${posts.length} change(s)` };
    } catch (err) {
      await cancel();
      return { ok: false, message: `edit failed, cancelled, nothing changed: ${errorText(err)}` };
    }
  };
  return {
    read: () => readRestDomain(client, wantedServers, hostName),
    async edit(edits): Promise<OpOutcome> {
      const live = await readRestDomain(client, wantedServers, hostName);
      const clusters = new Set(Object.keys(live.clusters));
      return session(edits.map((e) => ({ path: e.path, body: { [e.attribute]: restValue(e, clusters) } })));
    },
    async setDataSourcePassword(dataSources, password) {
      // The Secret goes into the body as is: the transport sends its value, nothing else sees it.
      const out = await session(dataSources.map((ds) => ({ path: `JDBCSystemResources/${ds}/JDBCResource/JDBCDriverParams`, body: { password } })));
      return out.ok ? { ok: true, message: `password of ${dataSources.join(', ')} set, activated` } : out;
    },
    async testDataSource(dataSource, servers) {
      const states = new Map<string, string>();
      try {
        const lc = await client.get<{ items?: Body[] }>('domainRuntime/serverLifeCycleRuntimes?links=none&fields=name,state');
        for (const i of lc.items ?? []) states.set(String(i.name), String(i.state));
      } catch (err) {
        return servers.map((server) => ({ server, status: 'failed', message: `server states not readable: ${errorText(err)}` }));
      }
      const out: PoolTest[] = [];
      for (const server of servers) {
        const state = states.get(server) ?? 'UNKNOWN';
        if (state !== 'RUNNING') { out.push({ server, status: 'not-running', message: `${state}: not tested` }); continue; }
        try {
          out.push(poolTest(server, await client.post<Body>(`domainRuntime/serverRuntimes/${enc(server)}/JDBCServiceRuntime/JDBCDataSourceRuntimeMBeans/${enc(dataSource)}/testPool`, {})));
        } catch (err) {
          out.push({ server, status: 'failed', message: `testPool: ${errorText(err)}` });
        }
      }
      return out;
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
