/**
 * How the lab keeps the passwords of database accounts and of data sources: never the value,
 * only a digest — `{lab-sha256}` and the hex sha256 of a fixed lab prefix and the value — so
 * .lab/state.json holds no password, and a data source's digest compares directly with its
 * database account's (a data source with a stale password fails its pool test). A reset seeds
 * every account and data source with the digest of the lab's Oracle secret.
 */
import { createHash } from 'node:crypto';
import type { LabState } from './types.js';

export const DIGEST_PREFIX = '{lab-sha256}';

export function passwordDigest(value: string): string {
  return `${DIGEST_PREFIX}${createHash('sha256').update(`opsctl-lab\0${value}`, 'utf8').digest('hex')}`;
}

/** An account without a digest (a hand-built state) accepts any non-empty password. */
export function passwordMatches(digest: string | undefined, value: string): boolean {
  return value.length > 0 && (digest === undefined || digest === passwordDigest(value));
}

/** Every database account and every data source gets the digest of `password` (reset). */
export function seedPasswords(state: LabState, password: string): void {
  const digest = passwordDigest(password);
  for (const db of Object.values(state.databases)) for (const u of Object.values(db.users)) u.passwordDigest = digest;
  for (const d of Object.values(state.domains)) for (const ds of Object.values(d.dataSources)) ds.passwordDigest = digest;
}
