/**
 * Server lifecycle and application deployment operations on a lab domain, shared by REST and
 * WLST. Every operation returns a task (kept in state.domains[d].tasks); failures are tasks with
 * an error, as WebLogic reports them (HTTP 200 with taskError / WLST exception). A started
 * server connects its data sources' pools (datasource.ts).
 */
import { createHash } from 'node:crypto';
import type { LabDomain, LabState } from '../state/types.js';
import type { LabStore } from '../state/store.js';
import { fileBytes } from '../shell/vfs.js';
import { connectPools } from './datasource.js';
import { domainOf, hasFault, newTask } from './session.js';
import type { Outcome, Task } from './session.js';

export type LifecycleOp = 'start' | 'shutdown' | 'forceShutdown';

function lifecycleError(s: LabState, d: LabDomain, name: string, op: LifecycleOp): string | undefined {
  const srv = d.servers[name]!;
  if (op === 'start') {
    if (name === d.adminServer) return `The Administration Server ${name} cannot be started through its own ServerLifeCycleRuntime.`;
    if (hasFault(s, 'host-down', srv.host)) return `weblogic.nodemanager.NMConnectException: Connection refused. Could not connect to NodeManager. Check that it is running at ${srv.host}:${d.machines.find((m) => m.name === srv.machine)?.nodeManagerPort ?? 5556}.`;
    if (srv.state === 'RUNNING') return `Server ${name} is already running.`;
    return undefined;
  }
  if (op === 'shutdown' && (srv.state === 'SHUTDOWN' || srv.state === 'UNKNOWN')) return `Server ${name} is not running; the current state is ${srv.state}.`;
  if (op === 'forceShutdown' && srv.state === 'UNKNOWN') return `Server ${name} is in state UNKNOWN and cannot be force shut down.`;
  return undefined;
}

/** start / shutdown / forceShutdown of one server; `undefined` when the server does not exist. */
export function lifecycle(store: LabStore, domain: string, name: string, op: LifecycleOp, now: Date): Task | undefined {
  return store.update((s) => {
    const d = domainOf(s, domain);
    const srv = d.servers[name];
    if (!srv) return undefined;
    const error = lifecycleError(s, d, name, op);
    if (!error && op === 'start') {
      Object.assign(srv, { state: 'RUNNING', restartRequired: false, activationTime: now.toISOString(), health: 'HEALTH_OK' });
      srv.threads = { ...srv.threads, stuck: 0, hogging: 0, idle: srv.threads.total };
      connectPools(s, d, name);
    } else if (!error) {
      srv.state = 'SHUTDOWN';
    }
    return newTask(d, op, name, now, error);
  });
}

export interface DeployRequest {
  name: string;
  sourcePath?: string;
  targets?: string[];
  version?: string;
}

/** A version from the archive name (hall-2.3.1.war → 2.3.1) when none is given. */
export function versionFrom(path: string): string {
  return /-(\d[\w.]*)\.(war|ear|jar)$/.exec(path)?.[1] ?? 'unversioned';
}

function artifact(s: LabState, d: LabDomain, path: string): Outcome<string> {
  const file = s.hosts[d.adminHost]?.files[path];
  if (!file) return { ok: false, error: `weblogic.deploy.api.tools.deployer.DeployerException: [J2EE Deployment SPI:260105]Failed to create DeploymentData for application: source path '${path}' does not exist on the Administration Server host.` };
  return { ok: true, value: createHash('sha256').update(fileBytes(file)).digest('hex') };
}

export type DeployOp = 'deploy' | 'redeploy' | 'undeploy' | 'start' | 'stop';

function runDeploy(s: LabState, d: LabDomain, op: DeployOp, req: DeployRequest): string | undefined {
  const app = d.deployments[req.name];
  if (op === 'deploy') {
    if (app) return `weblogic.management.ManagementException: [Deployer:149157]There is already an application named '${req.name}'; use redeploy.`;
    if (!req.sourcePath) return 'weblogic.management.ManagementException: sourcePath is required.';
    const sha = artifact(s, d, req.sourcePath);
    if (!sha.ok) return sha.error;
    const targets = req.targets ?? [];
    const unknown = targets.filter((t) => !d.servers[t] && !d.clusters.includes(t));
    if (unknown.length) return `weblogic.management.ManagementException: [Deployer:149001]No application target named '${unknown[0]}'.`;
    d.deployments[req.name] = { name: req.name, version: req.version ?? versionFrom(req.sourcePath), sourcePath: req.sourcePath, sha256: sha.value, targets, stagingMode: 'stage', state: 'STATE_ACTIVE' };
    return undefined;
  }
  if (!app) return `weblogic.management.ManagementException: [Deployer:149001]No application named '${req.name}' exists for operation ${op}.`;
  if (op === 'redeploy') {
    const path = req.sourcePath ?? app.sourcePath;
    const sha = artifact(s, d, path);
    if (!sha.ok) return sha.error;
    app.previous = { version: app.version, sourcePath: app.sourcePath, sha256: app.sha256 };
    Object.assign(app, { sourcePath: path, sha256: sha.value, version: req.version ?? (req.sourcePath ? versionFrom(path) : app.version), state: 'STATE_ACTIVE' });
    if (req.targets?.length) app.targets = req.targets;
  } else if (op === 'undeploy') {
    delete d.deployments[req.name];
  } else {
    app.state = op === 'start' ? 'STATE_ACTIVE' : 'STATE_PREPARED';
  }
  return undefined;
}

/** deploy / redeploy (keeps `previous` for rollback) / undeploy / start / stop of an application. */
export function deployment(store: LabStore, domain: string, op: DeployOp, req: DeployRequest, now: Date): Task {
  return store.update((s) => {
    const d = domainOf(s, domain);
    return newTask(d, op, req.name, now, runDeploy(s, d, op, req));
  });
}
