/**
 * Password rotation of a database user, in the order a careful DBA keeps:
 *   1. the current password is known (the store, else the account's or a dependent data
 *      source's credential) and logs on — else nothing is touched (no restore would be possible);
 *   2. a strong new one is generated and put in the secret store as `<USER>.new`
 *      (`store:oracle/<env>/<db>/<USER>` under OPSCTL_SECRET_STORE, 0600, never git); the
 *      current one stays where it is;
 *   3. ALTER USER … IDENTIFIED BY (SQL*Plus stdin; Oracle never echoes it);
 *   4. the dependent WebLogic data sources (same database and user), one activated edit per
 *      domain: REST edit tree (the value in the request body) or WLST cmo.setPassword (the value
 *      in a 0600 file the script reads, removed afterwards);
 *   5. each of them tested (testPool) on every running server it targets;
 *   6. a login with the new value;
 *   7. the old value is kept as `<USER>.previous`, `<USER>.new` becomes `<USER>`.
 * Any failure in 3–6 restores the old password everywhere — database, the data sources changed
 * so far (tested again), store (`.new` removed: as it was) — and the run fails saying so; a
 * restore step that fails leaves `.new` for the operator and is named. Values appear
 * in no argv, message, record or log (errors are redacted).
 */
import { randomInt } from 'node:crypto';
import { createDomainOps, type DomainOps } from '../providers/weblogic/index.js';
import { redact, Secret } from '../transport/index.js';
import { AccountStore, alterUser, currentRef, dependents, login, type Dependent } from './password-parts.js';
import { failed, num, ok, warn, type StepInput, type StepResult } from './types.js';

const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGIT = '23456789';
const SPECIAL = '_#';

/** Starts with a letter; at least two of each class; only characters safe in a quoted identifier. */
export function generatePassword(length: number): string {
  const all = LOWER + UPPER + DIGIT + SPECIAL;
  const pick = (set: string): string => set[randomInt(set.length)]!;
  const body = [pick(LOWER), pick(LOWER), pick(UPPER), pick(UPPER), pick(DIGIT), pick(DIGIT), pick(SPECIAL), pick(SPECIAL)];
  while (body.length < length - 1) body.push(pick(all));
  for (let i = body.length - 1; i > 0; i--) { const j = randomInt(i + 1); [body[i], body[j]] = [body[j]!, body[i]!]; }
  return pick(UPPER + LOWER) + body.join('');
}

const errorOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** One run: the values, where things stand, and the evidence (redacted as it is written). */
class Rotation {
  readonly evidence: string[] = [];
  altered = false;
  /** Domains whose data sources may hold the new password (set, or the outcome unknown). */
  readonly touched: Dependent[] = [];
  private readonly ops = new Map<string, DomainOps>();
  constructor(readonly input: StepInput, readonly store: AccountStore, readonly next: Secret, readonly current: Secret, readonly currentRef: string) {}
  note(line: string): void {
    this.evidence.push(redact(line, [this.next, this.current]));
  }
  async opsOf(dep: Dependent): Promise<DomainOps> {
    const cached = this.ops.get(dep.domain.name);
    if (cached) return cached;
    const made = await createDomainOps(this.input.ctx, dep.domain);
    this.ops.set(dep.domain.name, made);
    return made;
  }
}

/** Sets `password` on the domain's dependent data sources (one activated edit). */
async function setOn(r: Rotation, dep: Dependent, password: Secret, what: string): Promise<{ ok: boolean; message: string }> {
  const names = dep.dataSources.map((x) => x.ds.name);
  const out = await (await r.opsOf(dep)).setDataSourcePassword(names, password).catch((err: unknown) => ({ ok: false, message: `${errorOf(err)} (state unknown)` }));
  r.note(`${dep.domain.name} (${dep.domain.management}): ${what}: ${out.message}`);
  return out;
}

/** testPool of every dependent data source on the servers it runs on: the failures, and the data sources no running server could test. */
async function testAll(r: Rotation, deps: readonly Dependent[]): Promise<{ failed: string[]; untested: string[] }> {
  const out = { failed: [] as string[], untested: [] as string[] };
  for (const dep of deps) {
    for (const { ds, servers } of dep.dataSources) {
      const results = await (await r.opsOf(dep)).testDataSource(ds.name, servers).catch((err: unknown) => [{ server: servers.join(','), status: 'failed' as const, message: errorOf(err) }]);
      for (const t of results) {
        r.note(`${dep.domain.name}/${ds.name} on ${t.server}: testPool ${t.status} — ${t.message}`);
        if (t.status === 'failed') out.failed.push(`${dep.domain.name}/${ds.name} on ${t.server}`);
      }
      if (results.every((t) => t.status === 'not-running')) out.untested.push(`${dep.domain.name}/${ds.name}`);
    }
  }
  return out;
}

/** Puts the old password back everywhere the new one may be; the failure's result. */
async function restore(r: Rotation, deps: readonly Dependent[], stage: string, why: string): Promise<StepResult> {
  const { input, store, next, current } = r;
  const db = input.ctx.model.databases.find((x) => x.name === input.target.database)!;
  r.note(`FAILED at ${stage}: ${why} — restoring the old password`);
  const left: string[] = [];
  if (r.altered) {
    try {
      await alterUser(input, db, current, next);
      r.note(`restore: ALTER USER ${input.target.user} back to the old password: ok`);
    } catch (err) {
      r.note(`restore: ALTER USER back failed: ${errorOf(err)}`);
      left.push(`database ${db.name}`);
    }
  }
  for (const dep of r.touched) if (!(await setOn(r, dep, current, 'restore the old password')).ok) left.push(`data sources of ${dep.domain.name}`);
  const still = (await testAll(r, deps)).failed;
  await login(input, db, current).then(() => r.note('restore: login with the old password: ok'), (err: unknown) => r.note(`restore: login with the old password failed: ${errorOf(err)}`));
  const head = `rotation of ${input.target.user} on ${db.name} failed at ${stage}: ${redact(why, [next, current])}`;
  if (left.length > 0) {
    r.note(`store: ${store.ref('.new')} (the new password) kept for the operator; the old one is ${r.currentRef}`);
    return failed(`${head}; restore INCOMPLETE — ${left.join(', ')} may still hold the new password (${store.ref('.new')}; the old one is ${r.currentRef})`, r.evidence);
  }
  store.discard();
  r.note(`store: ${store.ref('.new')} removed; the old password is current (${r.currentRef}), as before`);
  const tested = still.length ? `; pool tests still failing: ${still.join(', ')}` : '';
  return failed(`${head}; the old password was restored everywhere (database, ${r.touched.reduce((a, d) => a + d.dataSources.length, 0)} data source(s), store)${tested}`, r.evidence);
}

export async function rotatePassword(input: StepInput): Promise<StepResult> {
  const t = input.target;
  const db = input.ctx.model.databases.find((x) => x.name === t.database)!;
  const store = new AccountStore(input.secretStore, `oracle/${input.ctx.env}/${db.name}/${t.user}`);
  const deps = dependents(input);
  if (store.has('.new')) return failed(`${store.ref('.new')} exists: an earlier rotation of ${t.user} did not finish — resolve it (which value does the database hold?) before rotating again`);
  const ref = currentRef(input, db, store, deps);
  if (!ref) return failed(`no reference to the current password of ${t.user} (store, the account's credential, a data source's): nothing changed — a restore would be impossible`);
  const current = await input.ctx.secret(ref);
  try {
    await login(input, db, current);
  } catch (err) {
    return failed(`the current password of ${t.user} (${ref}) does not log on: nothing changed — a restore would be impossible: ${redact(errorOf(err), [current])}`);
  }
  const next = new Secret(generatePassword(Math.max(20, num(input.step, 'length', 24))), store.ref());
  const r = new Rotation(input, store, next, current, ref);
  r.note(`current password (${ref}) logs on: ok`);
  await store.stage(next);
  r.note(`new password staged as ${store.ref('.new')} (outside git); the current one stays in ${ref}`);
  try {
    await alterUser(input, db, next, current);
  } catch (err) {
    store.discard();
    return failed(`ALTER USER ${t.user} failed, password unchanged, ${store.ref('.new')} removed: ${redact(errorOf(err), [next, current])}`, r.evidence);
  }
  r.altered = true;
  r.note(`ALTER USER ${t.user} IDENTIFIED BY (new): ok`);
  for (const dep of deps) {
    const set = await setOn(r, dep, next, `set the new password of ${dep.dataSources.map((x) => x.ds.name).join(', ')}`);
    // A cancelled edit changed nothing; any other failure may have (restore that domain too).
    if (set.ok || !/nothing changed|startEdit refused/.test(set.message)) r.touched.push(dep);
    if (!set.ok) return restore(r, deps, `the data sources of ${dep.domain.name}`, set.message);
  }
  const tests = await testAll(r, deps);
  if (tests.failed.length > 0) return restore(r, deps, 'the pool tests', `testPool failed: ${tests.failed.join(', ')}`);
  try {
    await login(input, db, next);
    r.note(`login as ${t.user} with the new password: ok`);
  } catch (err) {
    return restore(r, deps, 'the login with the new password', errorOf(err));
  }
  await store.promote(current);
  r.note(`store: ${store.ref()} holds the new password; ${store.ref('.previous')} the old one`);
  const n = deps.reduce((a, d) => a + d.dataSources.length, 0);
  const sources = n ? `${n} dependent data source(s) in ${deps.length} domain(s) updated and tested` : `no data source logs on as ${t.user}`;
  const summary = `${t.user} on ${db.name} rotated: ${sources}; value in ${store.ref()}`;
  if (tests.untested.length > 0) return warn(`${summary}; not tested (no running server): ${tests.untested.join(', ')}`, r.evidence);
  return ok(summary, r.evidence);
}
