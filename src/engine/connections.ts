/**
 * Builds the ProviderContext for one environment: inventory host names become pinned SSH
 * targets (credentials resolved from their references only when a connection is opened),
 * domains become REST clients of their admin servers. For the simulated lab, an endpoint
 * resolver maps a host or domain to the lab's loopback port; everything else is the same path
 * the real estate takes.
 */
import type { EnvironmentModel } from '../model/model.js';
import type { Host } from '../model/schema/index.js';
import type { HostRunner, ProviderContext } from '../providers/context.js';
import { withFailover, type OracleSqlSession } from '../transport/oracle.js';
import { createOracledbSession } from '../transport/oracle-oracledb.js';
import { createSqlplusSession } from '../transport/oracle-sqlplus.js';
import {
  createSshPool,
  createWeblogicClient,
  DEFAULT_CONCURRENCY,
  resolveSecret,
  type Secret,
  type SshPool,
  type SshPoolOptions,
  type SshTarget,
  type WeblogicClient,
} from '../transport/index.js';

export interface Endpoint {
  address: string;
  port: number;
}

/** Where a host's SSH or a domain's admin server really listens (the lab answers on loopback). */
export interface EndpointResolver {
  ssh(host: string): Endpoint | undefined;
  weblogic(domain: string): Endpoint | undefined;
}

export interface ConnectionOptions {
  root: string;
  model: EnvironmentModel;
  now?: () => Date;
  endpoints?: EndpointResolver;
  /** Hosts read at once; default the environment's `ssh.concurrency`, else DEFAULT_CONCURRENCY. */
  concurrency?: number;
  pool?: SshPool;
  poolOptions?: SshPoolOptions;
  /** Environment variables for env: references (default process.env). */
  processEnv?: Record<string, string | undefined>;
}

export interface Connections {
  context: ProviderContext;
  /** Close every SSH connection and HTTP agent. */
  close(): Promise<void>;
}

export class UnknownHostError extends Error {
  override readonly name = 'UnknownHostError';
  constructor(readonly host: string, readonly env: string) {
    super(`host "${host}" is not in the inventory of environment ${env}`);
  }
}

export function createConnections(opts: ConnectionOptions): Connections {
  const env = opts.model.environment.name;
  const pool = opts.pool ?? createSshPool(sshPoolOptions(opts));
  const secrets = new Map<string, Promise<Secret>>();
  const secret = (ref: string): Promise<Secret> => {
    let s = secrets.get(ref);
    if (!s) {
      s = resolveSecret(ref, { root: opts.root, env: opts.processEnv ?? process.env });
      secrets.set(ref, s);
    }
    return s;
  };
  const hostsByName = new Map(opts.model.hosts.map((h) => [h.name, h]));
  const targets = new Map<string, Promise<SshTarget>>();
  const targetOf = (name: string): Promise<SshTarget> => {
    let t = targets.get(name);
    if (!t) {
      t = sshTarget(name, { hostsByName, env, opts, secret });
      targets.set(name, t);
    }
    return t;
  };
  const hosts: HostRunner = {
    exec: async (host, command, execOpts) => pool.exec(await targetOf(host), command, execOpts),
    writeFile: async (host, path, content, mode) => pool.writeFile(await targetOf(host), path, content, mode),
    readFile: async (host, path) => (await pool.readFile(await targetOf(host), path)).toString('utf8'),
  };
  const clients = new Map<string, Promise<WeblogicClient>>();
  const weblogic = (domain: string): Promise<WeblogicClient> => {
    let c = clients.get(domain);
    if (!c) {
      c = weblogicClient(domain, opts, secret);
      clients.set(domain, c);
    }
    return c;
  };
  const sessions = new Map<string, Promise<OracleSqlSession>>();
  const oracle = (database: string): Promise<OracleSqlSession> => {
    let s = sessions.get(database);
    if (!s) {
      s = oracleSession(database, opts.model, hosts, secret);
      sessions.set(database, s);
      s.catch(() => sessions.delete(database));
    }
    return s;
  };
  const context: ProviderContext = {
    root: opts.root,
    env,
    model: opts.model,
    hosts,
    weblogic,
    oracle,
    secret,
    concurrency: opts.concurrency ?? opts.model.environment.ssh?.concurrency ?? DEFAULT_CONCURRENCY,
    now: opts.now ?? (() => new Date()),
  };
  return {
    context,
    close: async () => {
      for (const s of sessions.values()) await (await s.catch(() => undefined))?.close();
      await pool.close();
      for (const c of clients.values()) (await c.catch(() => undefined))?.close();
    },
  };
}

function sshPoolOptions(opts: ConnectionOptions): SshPoolOptions {
  const ssh = opts.model.environment.ssh;
  return {
    ...(ssh?.connectTimeoutSeconds ? { connectTimeoutMs: ssh.connectTimeoutSeconds * 1000 } : {}),
    ...(ssh?.commandTimeoutSeconds ? { commandTimeoutMs: ssh.commandTimeoutSeconds * 1000 } : {}),
    ...opts.poolOptions,
  };
}

interface TargetDeps {
  hostsByName: Map<string, Host>;
  env: string;
  opts: ConnectionOptions;
  secret(ref: string): Promise<Secret>;
}

async function sshTarget(name: string, deps: TargetDeps, seen = new Set<string>()): Promise<SshTarget> {
  const host = deps.hostsByName.get(name);
  if (!host) throw new UnknownHostError(name, deps.env);
  const endpoint = deps.opts.endpoints?.ssh(name);
  const settings = deps.opts.model.environment.ssh;
  const jumpName = settings?.jumpHost && settings.jumpHost !== name && !seen.has(name) ? settings.jumpHost : undefined;
  seen.add(name);
  return {
    host: name,
    address: endpoint?.address ?? host.address,
    port: endpoint?.port ?? host.port ?? 22,
    user: host.ssh.user,
    credential: await deps.secret(host.ssh.credential),
    ...(host.ssh.hostKey ? { hostKey: host.ssh.hostKey } : {}),
    ...(settings?.legacyAlgorithms ? { legacyAlgorithms: true } : {}),
    ...(jumpName ? { jump: await sshTarget(jumpName, deps, seen) } : {}),
  };
}

async function weblogicClient(domain: string, opts: ConnectionOptions, secret: (ref: string) => Promise<Secret>): Promise<WeblogicClient> {
  const d = opts.model.domains.find((x) => x.name === domain);
  if (!d) throw new Error(`domain "${domain}" is not in environment ${opts.model.environment.name}`);
  const admin = opts.model.hosts.find((h) => h.name === d.admin.host);
  const endpoint = opts.endpoints?.weblogic(domain) ?? { address: admin?.address ?? d.admin.host, port: d.admin.port };
  const protocol = d.admin.protocol ?? 'http';
  const host = endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address;
  return createWeblogicClient({
    baseUrl: `${protocol}://${host}:${endpoint.port}/management/weblogic/latest`,
    user: d.admin.user,
    password: await secret(d.admin.credential),
  });
}

/**
 * A database's SQL session, by its `connect.via`: sqlplus over SSH on its instance hosts in
 * order (the first that answers; CONNECT user@//host:port/service with the password on stdin),
 * or node-oracledb from the ops host to the first instance's listener (thick mode for 11.2).
 */
async function oracleSession(database: string, model: EnvironmentModel, hosts: HostRunner, secret: (ref: string) => Promise<Secret>): Promise<OracleSqlSession> {
  const db = model.databases.find((d) => d.name === database);
  if (!db) throw new Error(`database "${database}" is not in environment ${model.environment.name}`);
  const password = await secret(db.connect.credential);
  const addressOf = (host: string): string => model.hosts.find((h) => h.name === host)?.address ?? host;
  if (db.connect.via === 'oracledb') {
    const first = db.instances[0]!;
    const host = addressOf(first.host);
    return createOracledbSession({
      connectString: `${host.includes(':') ? `[${host}]` : host}:${db.listenerPort}/${db.service}`,
      user: db.connect.user,
      password,
      thick: db.version.startsWith('11.'),
    });
  }
  return withFailover(db.instances.map((inst) => () => createSqlplusSession({
    hosts,
    host: inst.host,
    sid: inst.sid,
    connect: { user: db.connect.user, password, service: db.service, port: db.listenerPort, listenerHost: addressOf(inst.host) },
  })));
}
