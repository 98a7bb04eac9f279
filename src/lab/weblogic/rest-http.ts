/**
 * HTTP details of the lab's WebLogic REST server: WebLogic's error envelopes, the 401 page,
 * the CSRF (`X-Requested-By`) refusal, body reading, and task bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Task } from './session.js';
import type { LabStore } from '../state/store.js';
import type { Bean } from './tree.js';

const TYPE_400 = 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1';
const TYPE_500 = 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 4);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text);
}

/** Read-side error envelope (samples/12.2.1.4/error_404_sample.json). */
export function sendFailure(res: ServerResponse, status: number, detail: string): void {
  sendJson(res, status, { status, type: status >= 500 ? TYPE_500 : TYPE_400, title: 'FAILURE', detail });
}

/** Edit-tree error envelope (samples/12.2.1.4/edit-tree/changeManager_forceResolve_idle_400.json). */
export function sendErrors(res: ServerResponse, details: string[]): void {
  sendJson(res, 400, { status: 400, type: TYPE_400, title: 'ERRORS', 'wls:errorsDetails': details.map((detail) => ({ type: TYPE_400, title: 'FAILURE', detail })) });
}

/** A POST/DELETE without X-Requested-By: 400 with a plain `Bad Request` text/html body (QUIRKS.md). */
export function sendCsrfRefusal(res: ServerResponse): void {
  res.writeHead(400, { 'Content-Type': 'text/html', 'Content-Length': 11 });
  res.end('Bad Request');
}

export function sendUnauthorized(res: ServerResponse): void {
  const html = '<html><head><title>Error 401--Unauthorized</title></head><body><h2>Error 401--Unauthorized</h2></body></html>';
  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="default"', 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

export function checkAuth(req: IncomingMessage, user: string, password: string): string | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const [u, ...rest] = Buffer.from(m[1]!, 'base64').toString('utf8').split(':');
  return u === user && rest.join(':') === password ? u : undefined;
}

export async function readJson(req: IncomingMessage): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { ok: true, value: {} };
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? { ok: true, value: v as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** ServerLifeCycleTaskRuntime body (samples/14.1.2/lifecycle/op_suspend_response.txt). */
export function lifecycleTaskBody(base: string, server: string, t: Task, now: Date): Record<string, unknown> {
  const href = `${base}/domainRuntime/serverLifeCycleRuntimes/${server}/tasks/${t.id}`;
  return {
    links: [{ rel: 'job', href }], identity: ['serverLifeCycleRuntimes', server, 'tasks', t.id], type: 'ServerLifeCycleTaskRuntime', name: t.id,
    operation: t.operation, serverName: server, description: `${t.operation} ${server} server ...`, progress: t.progress,
    taskStatus: t.status === 'failed' ? 'TASK FAILED' : 'TASK COMPLETED', running: false, completed: true, taskError: t.error ?? null,
    systemTask: false, parentTask: null, intervalToPoll: 1000, startTime: t.startedAt, endTime: now.toISOString(),
    startTimeAsLong: Date.parse(t.startedAt), endTimeAsLong: now.getTime(),
  };
}

const OPERATION_TYPE: Record<string, number> = { start: 1, stop: 2, deploy: 3, redeploy: 4, undeploy: 5 };

/** DeploymentProgressObject body (weblogic.md §2.8 doc example, with `error` on failure). */
export function deploymentTaskBody(base: string, t: Task): Record<string, unknown> {
  return {
    links: [{ rel: 'job', href: `${base}/domainRuntime/deploymentManager/deploymentProgressObjects/${t.target}` }],
    identity: ['deploymentManager', 'deploymentProgressObjects', t.target], type: 'DeploymentProgressObject', name: t.target,
    operationType: OPERATION_TYPE[t.operation] ?? 0, applicationName: t.target, state: t.status === 'failed' ? 'STATE_FAILED' : 'STATE_COMPLETED',
    progress: t.progress, completed: true, error: t.error ?? null, startTimeAsLong: Date.parse(t.startedAt),
  };
}

/** ActivationTaskRuntime-like body for changeManager/activate (shape not captured; see docs/lab-weblogic.md). */
export function activationBody(base: string, t: Task, user: string, changes: Array<{ path: string; attribute: string }>): Record<string, unknown> {
  return {
    links: [{ rel: 'job', href: `${base}/edit/changeManager/activationTasks/${t.id}` }], identity: ['activationTasks', t.id], type: 'ActivationTaskRuntime',
    name: t.id, user, state: t.status === 'failed' ? 'STATE_FAILED' : 'STATE_COMMITTED', progress: t.progress, taskStatus: t.status === 'failed' ? 'TASK FAILED' : 'TASK COMPLETED',
    completed: true, running: false, error: t.error ?? null, taskError: t.error ?? null, startTime: t.startedAt,
    changes: changes.map((c) => ({ bean: c.path, attributeName: c.attribute })),
  };
}

/** What every REST handler needs: the store, the domain and the authenticated user. */
export interface RestContext {
  store: LabStore;
  domain: string;
  user: string;
  base: string;
  now(): Date;
  /** The edit tree (configuration with the pending changes applied). */
  configRoot(): Bean;
}
