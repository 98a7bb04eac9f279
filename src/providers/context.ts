/**
 * What a provider is given to reach the live systems: named by inventory host and domain,
 * never by address or credential. The engine builds it (engine/connections.ts) from the
 * inventory, the secret references and, for the lab, the lab's endpoints; tests may hand in
 * their own. Providers never resolve secrets or open sockets themselves.
 */
import type { EnvironmentModel } from '../model/model.js';
import type { ExecOptions, ExecResult, Secret, SshCommand, WeblogicClient } from '../transport/index.js';
import type { OracleScriptResult, OracleScriptRun } from '../transport/oracle.js';

export interface HostRunner {
  /** Run a command on an inventory host over its pooled SSH connection. A non-zero exit is a value. */
  exec(host: string, command: SshCommand, opts?: ExecOptions): Promise<ExecResult>;
  /** Write a file on the host via SFTP (mode as a number, e.g. 0o644); bytes as given (archives). */
  writeFile(host: string, path: string, content: string | Buffer, mode?: number): Promise<void>;
  readFile(host: string, path: string): Promise<string>;
}

/** A row as the database returned it: column name (upper case) → value (numbers stay strings when not exact). */
export type OracleRow = Record<string, string | number | null>;
export type OracleBinds = Record<string, string | number | null>;

/**
 * One interface for SQL against a database, two implementations (transport/oracle-*):
 * sqlplus over SSH on a database host, and node-oracledb from the ops host. Values travel only
 * as bind variables (`:name`), never pasted into the text. ORA- errors reject with OracleError.
 */
export interface OracleSession {
  /** Run one SELECT; rows keyed by upper-case column name. */
  query(sql: string, binds?: OracleBinds): Promise<OracleRow[]>;
  /** Run one statement (DDL, DML, ALTER SYSTEM, PL/SQL block) and commit; rows affected for DML. */
  execute(sql: string, binds?: OracleBinds): Promise<{ rowsAffected: number }>;
  /** Run a migration script file as one unit, then `after`, then COMMIT (transport/oracle.ts). */
  runScript?(run: OracleScriptRun): Promise<OracleScriptResult>;
}

export interface ProviderContext {
  root: string;
  /** Environment name (also the first segment of every address). */
  env: string;
  model: EnvironmentModel;
  hosts: HostRunner;
  /** REST client of a domain's admin server (12.2.1.4 domains). */
  weblogic(domain: string): Promise<WeblogicClient>;
  /** SQL session on a database of the model, by name (connects as its `connect` user). */
  oracle(database: string): Promise<OracleSession>;
  /** Resolve a secret reference from the model (kept wrapped; reveal only at the transport). */
  secret(ref: string): Promise<Secret>;
  /** Reads across hosts run concurrently up to this bound. */
  concurrency: number;
  /** The clock (from --now in rehearsals and tests). */
  now(): Date;
}
