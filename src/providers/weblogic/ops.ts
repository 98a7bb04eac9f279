/**
 * What apply (and the password rotation) needs of a domain, one implementation per protocol
 * (ops-rest.ts, ops-wlst.ts): an activated edit (all or nothing), a data source's password set
 * and its pool tested, server lifecycle, (re)deploy and server health. Every operation returns
 * an outcome value; a failed edit has been cancelled, so the domain is as it was.
 */
import type { Secret } from '../../transport/index.js';
import type { Edit } from './edits.js';
import type { LiveDomain } from './live.js';

export interface OpOutcome {
  ok: boolean;
  message: string;
}

export interface DeploySpec {
  name: string;
  sourcePath: string;
  version: string;
  targets: string[];
}

export interface ServerHealth {
  state: string;
  /** HEALTH_OK, HEALTH_WARN, …; null when the server is not running. */
  health: string | null;
}

/** One data source's testPool on one server. */
export interface PoolTest {
  server: string;
  /** not-running: the server is down, nothing to test there. */
  status: 'ok' | 'failed' | 'not-running';
  message: string;
}

export interface DomainOps {
  read(): Promise<LiveDomain>;
  /** startEdit → set each edit → save/activate; on any failure cancelEdit and report it. */
  edit(edits: readonly Edit[]): Promise<OpOutcome>;
  /**
   * Sets the password (JDBCDriverParams) of these data sources in one activated edit, cancelled
   * on any failure. The value reaches only the admin server: REST body, or a 0600 file WLST reads.
   */
  setDataSourcePassword(dataSources: readonly string[], password: Secret): Promise<OpOutcome>;
  /** testPool (reserve and release a new connection) of a data source on each of `servers` that runs. */
  testDataSource(dataSource: string, servers: readonly string[]): Promise<PoolTest[]>;
  lifecycle(server: string, op: 'start' | 'shutdown' | 'forceShutdown'): Promise<OpOutcome>;
  deploy(spec: DeploySpec, mode: 'deploy' | 'redeploy'): Promise<OpOutcome>;
  health(server: string): Promise<ServerHealth>;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
