/**
 * Running the lab: one SSH server per host and one WebLogic REST server per 12.2.1.4 domain,
 * all on ephemeral ports of 127.0.0.1, sharing one LabStore.
 *
 * Endpoints contract (docs/lab.md): the lab inventory gives every host address 127.0.0.1 and no
 * port; the port comes from the running lab. `connectLab(root)` uses the lab a foreground
 * `opsctl lab serve` publishes in .lab/endpoints.json when its pid is alive and its ports answer,
 * or starts one in this process; `labEndpointsOf(handle)` maps an inventory host or domain name
 * to its { address, port }.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { EnvironmentModel } from '../model/index.js';
import { resetLab } from './reset.js';
import { ensureLabSecrets } from './secrets.js';
import { openLabStore } from './state/file-store.js';
import { pidAlive } from './state/lock.js';
import type { LabStore } from './state/store.js';
import { startSshHost } from './ssh/index.js';
import { startWeblogicRest } from './weblogic/index.js';

export const LOOPBACK = '127.0.0.1';

export interface LabEndpoint { address: string; port: number }
export interface LabEndpoints { ssh: Record<string, LabEndpoint>; weblogic: Record<string, LabEndpoint> }

export interface LabHandle {
  endpoints: LabEndpoints;
  /** True when this process runs the servers (stop() stops them); false for a `lab serve` one. */
  inProcess: boolean;
  stop(): Promise<void>;
}

export interface EndpointsFile { pid: number; startedAt: string; endpoints: LabEndpoints }

interface Server { port: number; close(): Promise<void> }

export interface StartOptions {
  root: string;
  store: LabStore;
  /** Informational: the topology comes from the store's state (which mirrors it). */
  env?: EnvironmentModel;
  now?: () => Date;
}

export async function startLab(opts: StartOptions): Promise<LabHandle> {
  const state = opts.store.read();
  const secrets = ensureLabSecrets(opts.root);
  const started: Server[] = [];
  const endpoints: LabEndpoints = { ssh: {}, weblogic: {} };
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(started.splice(0).map((s) => s.close()));
  };
  try {
    await Promise.all(Object.keys(state.hosts).sort().map(async (hostName) => {
      const s = await startSshHost({ hostName, store: opts.store, authorizedKeys: [secrets.publicKey], password: secrets.sshPassword, ...(opts.now ? { now: opts.now } : {}) });
      started.push(s);
      endpoints.ssh[hostName] = { address: LOOPBACK, port: s.port };
    }));
    await Promise.all(Object.values(state.domains).filter((d) => d.management === 'rest').map(async (d) => {
      const s = await startWeblogicRest({ domain: d.name, store: opts.store, user: d.user, password: secrets.weblogicPassword, ...(opts.now ? { now: opts.now } : {}) });
      started.push(s);
      endpoints.weblogic[d.name] = { address: LOOPBACK, port: s.port };
    }));
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { endpoints, inProcess: true, stop: stopAll };
}

export function endpointsPath(root: string): string {
  return join(root, '.lab', 'endpoints.json');
}

/** Publishes a running lab for other processes (`lab serve`); stop() also withdraws it. */
export function publishLab(root: string, handle: LabHandle, now: Date = new Date()): LabHandle {
  const file: EndpointsFile = { pid: process.pid, startedAt: now.toISOString(), endpoints: handle.endpoints };
  const path = endpointsPath(root);
  writeFileSync(`${path}.tmp`, JSON.stringify(file, null, 2));
  renameSync(`${path}.tmp`, path);
  return {
    ...handle,
    async stop() {
      rmSync(path, { force: true });
      await handle.stop();
    },
  };
}

export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The lab a `lab serve` published, if its process is alive and its ports answer. */
export async function runningLab(root: string): Promise<EndpointsFile | undefined> {
  const path = endpointsPath(root);
  if (!existsSync(path)) return undefined;
  let file: EndpointsFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as EndpointsFile;
  } catch {
    return undefined;
  }
  if (!pidAlive(file.pid)) return undefined;
  const ports = [...Object.values(file.endpoints.ssh).slice(0, 2), ...Object.values(file.endpoints.weblogic).slice(0, 1)].map((e) => e.port);
  const answers = await Promise.all(ports.map((p) => portAnswers(p)));
  return answers.every(Boolean) ? file : undefined;
}

/** Uses a running `lab serve`, or starts the lab in this process (resetting it first if it has no state). */
export async function connectLab(root: string, opts: { now?: () => Date } = {}): Promise<LabHandle> {
  const running = await runningLab(root);
  if (running) return { endpoints: running.endpoints, inProcess: false, stop: async () => {} };
  const store = openLabStore(root);
  if (!store.exists()) resetLab({ root, store, ...(opts.now ? { now: opts.now() } : {}) });
  return startLab({ root, store, ...(opts.now ? { now: opts.now } : {}) });
}

export interface LabEndpointResolver {
  /** Port of the lab SSH server for an inventory host name; throws for an unknown host. */
  ssh(host: string): LabEndpoint;
  /** Port of the lab WebLogic REST server for a 12.2.1.4 domain; throws for others. */
  weblogic(domain: string): LabEndpoint;
}

export function labEndpointsOf(handle: Pick<LabHandle, 'endpoints'>): LabEndpointResolver {
  const find = (kind: keyof LabEndpoints, name: string): LabEndpoint => {
    const e = handle.endpoints[kind][name];
    if (!e) throw new Error(`the lab has no ${kind === 'ssh' ? 'SSH host' : 'WebLogic REST domain'} "${name}"`);
    return e;
  };
  return { ssh: (host) => find('ssh', host), weblogic: (domain) => find('weblogic', domain) };
}
