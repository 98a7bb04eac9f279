/**
 * The parts of a password rotation (password.ts runs them): the secret store's files of one
 * account (`store:oracle/<env>/<db>/<USER>`, `.new` staged, `.previous` kept), the current
 * password's reference, the dependent data sources with the servers they run on, a login as
 * the account, and ALTER USER.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { DataSource, OracleDatabase, WeblogicDomain } from '../model/index.js';
import { createSqlplusSession } from '../transport/oracle-sqlplus.js';
import { oracleIdentifier, oraclePassword, storeFile, writeStoreSecret, type Secret } from '../transport/index.js';
import type { OracleSqlSession } from '../transport/oracle.js';
import type { StepInput } from './types.js';

/**
 * The store files of one account: `<USER>` the current value (once rotated), `<USER>.new` the
 * value being rotated to, `<USER>.previous` the value before the last rotation. During a run the
 * current value stays where it is (`<USER>` or the model's reference), so a failed run that
 * removes `.new` leaves the store exactly as it was.
 */
export class AccountStore {
  constructor(readonly dir: string, readonly rel: string) {}
  ref(suffix: '' | '.new' | '.previous' = ''): string {
    return `store:${this.rel}${suffix}`;
  }
  has(suffix: '' | '.new' | '.previous' = ''): boolean {
    return existsSync(storeFile(this.dir, `${this.rel}${suffix}`));
  }
  /** The new value as `.new` (0600), before anything changes. */
  async stage(next: Secret): Promise<void> {
    await writeStoreSecret(this.dir, `${this.rel}.new`, next);
  }
  /** The old value becomes `.previous` (kept), the new one the account's. */
  async promote(current: Secret): Promise<void> {
    await writeStoreSecret(this.dir, `${this.rel}.previous`, current);
    renameSync(storeFile(this.dir, `${this.rel}.new`), storeFile(this.dir, this.rel));
  }
  /** After a restore: the staged value goes; the store is as it was before the run. */
  discard(): void {
    rmSync(storeFile(this.dir, `${this.rel}.new`), { force: true });
  }
}

/** The data sources of one domain that log on as this account, and the servers they run on. */
export interface Dependent {
  domain: WeblogicDomain;
  dataSources: Array<{ ds: DataSource; servers: string[] }>;
}

export function dependents(input: StepInput): Dependent[] {
  const { database, user } = input.target;
  return input.ctx.model.domains.map((domain) => ({
    domain,
    dataSources: (domain.dataSources ?? []).filter((ds) => ds.database === database && ds.user.toUpperCase() === user).map((ds) => ({
      ds, servers: domain.servers.filter((s) => ds.targets.includes(s.name) || (s.cluster !== undefined && ds.targets.includes(s.cluster))).map((s) => s.name),
    })),
  })).filter((d) => d.dataSources.length > 0);
}

/** Where the current password is: the store (an earlier rotation), else the account's credential, else a dependent data source's. */
export function currentRef(input: StepInput, db: OracleDatabase, store: AccountStore, deps: readonly Dependent[]): string | undefined {
  if (store.has()) return store.ref();
  return db.users?.find((u) => u.name === input.target.user)?.credential ?? deps[0]?.dataSources[0]?.ds.credential;
}

/** A session logged on as the account (over the listener of the database's first instance). */
function accountSession(input: StepInput, db: OracleDatabase, password: Secret): OracleSqlSession {
  const inst = db.instances[0]!;
  const host = input.ctx.model.hosts.find((h) => h.name === inst.host);
  return createSqlplusSession({ hosts: input.ctx.hosts, host: inst.host, sid: inst.sid, connect: { user: input.target.user!, password, service: db.service, port: db.listenerPort, listenerHost: host?.address ?? inst.host } });
}

/** Logs on as the account with `password` and runs one SELECT; rejects (ORA-01017 …) otherwise. */
export async function login(input: StepInput, db: OracleDatabase, password: Secret): Promise<void> {
  await accountSession(input, db, password).query('SELECT 1 AS OK FROM DUAL');
}

/**
 * ALTER USER … IDENTIFIED BY `to`, through the database's own session — unless the account is
 * that session's: then as the account itself, logged on with `from`, with REPLACE `from`.
 */
export async function alterUser(input: StepInput, db: OracleDatabase, to: Secret, from: Secret): Promise<void> {
  const user = input.target.user!;
  const self = db.connect.user.toUpperCase() === user;
  const sql = `ALTER USER ${oracleIdentifier(user, 30)} IDENTIFIED BY ${oraclePassword(to)}${self ? ` REPLACE ${oraclePassword(from)}` : ''}`;
  await (self ? accountSession(input, db, from) : await input.ctx.oracle(db.name)).execute(sql);
}
