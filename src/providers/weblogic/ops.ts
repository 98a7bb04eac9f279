/**
 * What apply needs of a domain, one implementation per protocol (ops-rest.ts, ops-wlst.ts):
 * an activated edit (all or nothing), server lifecycle, (re)deploy and server health. Every
 * operation returns an outcome value; a failed edit has been cancelled, so the domain is as it was.
 */
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

export interface DomainOps {
  read(): Promise<LiveDomain>;
  /** startEdit → set each edit → save/activate; on any failure cancelEdit and report it. */
  edit(edits: readonly Edit[]): Promise<OpOutcome>;
  lifecycle(server: string, op: 'start' | 'shutdown' | 'forceShutdown'): Promise<OpOutcome>;
  deploy(spec: DeploySpec, mode: 'deploy' | 'redeploy'): Promise<OpOutcome>;
  health(server: string): Promise<ServerHealth>;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
