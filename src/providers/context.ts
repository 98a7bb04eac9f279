/**
 * What a provider is given to reach the live systems: named by inventory host and domain,
 * never by address or credential. The engine builds it (engine/connections.ts) from the
 * inventory, the secret references and, for the lab, the lab's endpoints; tests may hand in
 * their own. Providers never resolve secrets or open sockets themselves.
 */
import type { EnvironmentModel } from '../model/model.js';
import type { ExecOptions, ExecResult, Secret, SshCommand, WeblogicClient } from '../transport/index.js';

export interface HostRunner {
  /** Run a command on an inventory host over its pooled SSH connection. A non-zero exit is a value. */
  exec(host: string, command: SshCommand, opts?: ExecOptions): Promise<ExecResult>;
  /** Write a file on the host via SFTP (mode as a number, e.g. 0o644). */
  writeFile(host: string, path: string, content: string, mode?: number): Promise<void>;
  readFile(host: string, path: string): Promise<string>;
}

export interface ProviderContext {
  root: string;
  /** Environment name (also the first segment of every address). */
  env: string;
  model: EnvironmentModel;
  hosts: HostRunner;
  /** REST client of a domain's admin server (12.2.1.4 domains). */
  weblogic(domain: string): Promise<WeblogicClient>;
  /** Resolve a secret reference from the model (kept wrapped; reveal only at the transport). */
  secret(ref: string): Promise<Secret>;
  /** Reads across hosts run concurrently up to this bound. */
  concurrency: number;
  /** The clock (from --now in rehearsals and tests). */
  now(): Date;
}
