/**
 * SQL-migration releases on Oracle (issue #5): the scripts of a `sql-migration` release, overlaid
 * on the environment as `migrations` (release/migration-overlay.ts), planned, applied, verified
 * and rolled back as resources whose live state is the history table.
 *
 * Resources (per release, on its database):
 *   `E/oracle:DB/schema-history:TABLE` — the history table; created by its own step when absent.
 *   `E/oracle:DB/migration:ID`        — one per script: present when the table has a row for ID;
 *                                        attribute `checksum` (sha256 of the script as applied).
 * A row with the manifest's checksum = applied (noop, so re-planning shows nothing pending); no
 * row = pending (create); another checksum = conflict: the plan is errored naming the script and
 * both checksums, and apply refuses — an applied script is never run again.
 *
 * Apply of a script: the file's sha256 must equal the manifest's; the file must be a plain
 * migration (transport/sqlplus-script.ts); the row must still be absent; then ONE sqlplus run
 * (`WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK`): the file unmodified, then the INSERT of the
 * history row, then COMMIT. What is atomic and what is not (Oracle commits before and after
 * every DDL statement):
 *   - the history row and any DML of the script after its last DDL commit together, or not at all;
 *   - each DDL statement commits on its own; a script failing at statement k keeps statements
 *     1..k-1's DDL (reported as PARTIAL, by statement, never undone automatically) and gets no row;
 *   - if the session dies between the script's last DDL and the COMMIT, the script's DDL stands
 *     with no row: the step then reads pending and a re-run fails on the existing objects (e.g.
 *     ORA-01430) — a clear stop, never a silent double run.
 * The engine journals `intent` before the run and `done` after it; `verified` only once the
 * history row reads back with the checksum and the release's `verify` queries return what they
 * expect: the row is the proof the script completed.
 *
 * Rollback (the inverse of a script's create): the rollback script recorded at apply time (its
 * sha256 checked again), then DELETE of the row (same run, committed with it). A script without
 * a rollback script is an irreversible step (apply needs --consent-irreversible). The history
 * table's own inverse drops it only while it is empty (other releases' rows keep it).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { AttributeValue, DesiredResource, LiveRead } from '../../core/index.js';
import { error, type Diagnostic } from '../../diag/index.js';
import type { Address } from '../../model/address.js';
import type { EnvironmentModel, MigrationScript, MigrationSet } from '../../model/index.js';
import { OracleError } from '../../transport/errors.js';
import { OracleScriptError } from '../../transport/oracle.js';
import { parseSqlplusScript, type ParsedScript } from '../../transport/sqlplus-script.js';
import type { OracleSession, ProviderContext } from '../context.js';
import type { InverseResponse, RollbackRequest, StepRequest, VerifyResponse } from '../provider.js';
import { ApplyRefused } from './apply.js';
import { absent, childAddress, present, reasonOf, splitAddress, unknown } from './common.js';
import {
  conflictMessage, countHistorySql, createHistorySql, deleteHistory, dropHistorySql, failureReport, HISTORY_COLUMNS,
  historyRow, insertHistory, probeHistorySql, scriptState, selectHistorySql, type HistoryRow,
} from './migration-history.js';

export const MIGRATION_KINDS: ReadonlySet<string> = new Set(['migration', 'schema-history']);
const COLUMNS: AttributeValue = [...HISTORY_COLUMNS];
/** A script may run this long at least (an ONLINE index build), or 3× its declared estimate. */
const MIN_SCRIPT_TIMEOUT_MS = 30 * 60_000;

export function isMigrationAddress(address: string): boolean {
  const p = splitAddress(address);
  return !!p && MIGRATION_KINDS.has(p.kind);
}

function historyAddress(env: string, set: MigrationSet): Address {
  return childAddress(env, set.database, 'schema-history', set.historyTable);
}

/** Desired `schema-history` and `migration` resources of every overlaid migration set (pure). */
export function migrationDesired(env: string, model: EnvironmentModel): DesiredResource[] {
  return (model.migrations ?? []).flatMap((set) => {
    const history = historyAddress(env, set);
    const ordered = [...set.scripts].sort((a, b) => a.order - b.order);
    const scripts = ordered.map((s, i): DesiredResource => ({
      address: childAddress(env, set.database, 'migration', s.id), system: 'oracle', type: 'migration',
      attributes: { checksum: s.sha256 },
      dependsOn: [history, ...(i > 0 ? [childAddress(env, set.database, 'migration', ordered[i - 1]!.id)] : [])],
      ...(s.rollback ? {} : { irreversible: `${s.id} has no rollback script: opsctl cannot undo it` }),
      ...(s.estimatedSeconds ? { estimatedSeconds: s.estimatedSeconds } : {}),
    }));
    return [{ address: history, system: 'oracle', type: 'schema-history', attributes: { columns: COLUMNS } } satisfies DesiredResource, ...scripts];
  });
}

interface Found {
  set: MigrationSet;
  script?: MigrationScript;
}

/** The overlaid set (and script) an address belongs to. */
export function findMigration(model: EnvironmentModel, address: string): Found | undefined {
  const p = splitAddress(address);
  if (!p) return undefined;
  for (const set of model.migrations ?? []) {
    if (set.database !== p.db) continue;
    if (p.kind === 'schema-history' && set.historyTable === p.name) return { set };
    const script = p.kind === 'migration' ? set.scripts.find((s) => s.id === p.name) : undefined;
    if (script) return { set, script };
  }
  return undefined;
}

const NO_OVERLAY = 'not part of the release being planned: migration state is read only with --release (plan, apply, rollback and recover of a sql-migration release)';

/** History table state: present (its rows for `ids`), absent, or unknown (unreadable, another layout). */
async function readHistory(s: OracleSession, db: string, table: string, ids: readonly string[]): Promise<{ status: 'present'; rows: HistoryRow[] } | { status: 'absent' } | { status: 'unknown'; reason: string }> {
  try {
    await s.query(probeHistorySql(table));
  } catch (err) {
    if (err instanceof OracleError && err.code === 'ORA-00942') return { status: 'absent' };
    if (err instanceof OracleError && err.code === 'ORA-00904') return { status: 'unknown', reason: `database ${db}: ${table} exists but is not an opsctl history table (${err.message}); name another historyTable in the release` };
    return { status: 'unknown', reason: reasonOf(db, err) };
  }
  if (ids.length === 0) return { status: 'present', rows: [] };
  const q = selectHistorySql(table, ids);
  return { status: 'present', rows: (await s.query(q.sql, q.binds)).map(historyRow) };
}

/** Live reads of migration addresses (all of one database), with the conflicts as plan errors. */
export async function readMigrations(env: string, model: EnvironmentModel, db: string, addresses: readonly Address[], session: () => Promise<OracleSession>): Promise<{ reads: LiveRead[]; diagnostics: Diagnostic[] }> {
  const reads: LiveRead[] = [];
  const diagnostics: Diagnostic[] = [];
  const bySet = new Map<MigrationSet, Address[]>();
  for (const a of addresses) {
    const f = findMigration(model, a);
    if (!f) reads.push(unknown(a, `${a} is ${NO_OVERLAY}`));
    else bySet.set(f.set, [...(bySet.get(f.set) ?? []), a]);
  }
  for (const [set, list] of bySet) {
    const ids = list.map((a) => splitAddress(a)!).filter((p) => p.kind === 'migration').map((p) => p.name);
    let h: Awaited<ReturnType<typeof readHistory>>;
    try {
      h = await readHistory(await session(), db, set.historyTable, ids);
    } catch (err) {
      h = { status: 'unknown', reason: reasonOf(db, err) };
    }
    for (const a of list) {
      const p = splitAddress(a)!;
      if (h.status === 'unknown') reads.push(unknown(a, h.reason));
      else if (p.kind === 'schema-history') reads.push(h.status === 'present' ? present(a, { columns: COLUMNS }) : absent(a));
      else if (h.status === 'absent') reads.push(absent(a));
      else {
        const script = set.scripts.find((s) => s.id === p.name)!;
        const st = scriptState(script, h.rows);
        if (st.state === 'pending') reads.push(absent(a));
        else {
          reads.push(present(a, { checksum: st.row.checksum }));
          if (st.state === 'conflict') diagnostics.push(error('migration-checksum', conflictMessage(db, set.historyTable, script, set.release, st.row), undefined, a));
        }
      }
    }
  }
  return { reads, diagnostics };
}

// ------------------------------------------------------------------ files

/** A script file of the release, read and checked against its manifest sha256 (and kept inside the release folder). */
export function readScript(root: string, release: string, file: string, sha256: string, what: string): { text: string; parsed: ParsedScript } {
  const folder = resolve(root, 'releases', release);
  const path = resolve(root, file);
  const rel = relative(folder, path);
  if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') throw new ApplyRefused(`${what}: ${file} is not inside releases/${release}/`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ApplyRefused(`${what}: cannot read ${file}: ${(err as Error).message}`);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256.toLowerCase()) throw new ApplyRefused(`${what}: ${file} has sha256 ${actual}, the release says ${sha256}: not run (the file changed after the release was reviewed)`);
  const text = bytes.toString('utf8');
  const parsed = parseSqlplusScript(text);
  if (parsed.problems.length) throw new ApplyRefused(`${what}: ${file} cannot run as a migration: ${parsed.problems.join('; ')}`);
  return { text, parsed };
}

function timeoutOf(script: MigrationScript): number {
  return Math.max(MIN_SCRIPT_TIMEOUT_MS, (script.estimatedSeconds ?? 0) * 3000);
}

/** What a failed run left, as a sentence for the journal (OracleScriptError says how far it got). */
function runFailure(id: string, parsed: ParsedScript, err: unknown, db: string, rollbackFile: string | undefined, rollingBack: boolean): string {
  if (err instanceof OracleScriptError) {
    if (!err.started) return `${rollingBack ? 'rollback of ' : ''}${id} did not start (${reasonOf(db, err)}): nothing changed`;
    if (err.scriptFinished) {
      return rollingBack
        ? `rollback script of ${id} ran completely but its history row could not be deleted (${err.message}): the objects are rolled back, the row still says applied — delete it by hand`
        : `${id} ran completely but its history row could not be written (${err.message}): its DDL is committed and was NOT undone; the history says it is not applied`;
    }
    const report = failureReport(id, parsed.statements, err.completed, err.message, rollbackFile);
    return rollingBack ? `rollback: ${report.replace(/ no history row was written\./, ' the history row is kept.')}` : report;
  }
  return `${rollingBack ? 'rollback of ' : ''}${id}: outcome unknown (${reasonOf(db, err)}): the script may have run in part or completely; check the schema and the history table before anything else`;
}

// ------------------------------------------------------------------ the provider's steps

export interface MigrationSteps {
  prepareInverse(req: StepRequest): Promise<InverseResponse>;
  apply(req: StepRequest): Promise<string>;
  rollback(req: RollbackRequest): Promise<string>;
  verify(req: StepRequest): Promise<VerifyResponse>;
}

interface Undo {
  kind: 'migration' | 'schema-history';
  release: string;
  table: string;
  script?: string;
  checksum?: string;
  rollback?: { file: string; sha256: string } | null;
}

export function migrationSteps(ctx: ProviderContext): MigrationSteps {
  const found = (address: string): Found & { db: string } => {
    const f = findMigration(ctx.model, address);
    if (!f) throw new ApplyRefused(`${address} is ${NO_OVERLAY}`);
    return { ...f, db: f.set.database };
  };
  const session = (db: string): Promise<OracleSession> => ctx.oracle(db);

  async function rowsOf(db: string, table: string, id: string): Promise<HistoryRow[] | undefined> {
    const h = await readHistory(await session(db), db, table, [id]);
    if (h.status === 'unknown') throw new ApplyRefused(h.reason);
    return h.status === 'present' ? h.rows : undefined;
  }

  async function createHistory(f: Found & { db: string }): Promise<string> {
    const s = await session(f.db);
    const h = await readHistory(s, f.db, f.set.historyTable, []);
    if (h.status === 'unknown') throw new ApplyRefused(h.reason);
    if (h.status === 'present') return `${f.set.historyTable} already exists on ${f.db}`;
    await s.execute(createHistorySql(f.set.historyTable));
    return `created history table ${f.set.historyTable} on ${f.db}`;
  }

  async function runScript(req: StepRequest, f: Found & { db: string; script: MigrationScript }): Promise<string> {
    const { set, script, db } = f;
    const { text, parsed } = readScript(ctx.root, set.release, script.file, script.sha256, `migration ${script.id}`);
    const rows = await rowsOf(db, set.historyTable, script.id);
    if (!rows) throw new ApplyRefused(`history table ${set.historyTable} does not exist on ${db}: its step must run first`);
    const st = scriptState(script, rows);
    if (st.state === 'conflict') throw new ApplyRefused(conflictMessage(db, set.historyTable, script, set.release, st.row));
    if (st.state === 'applied') return `${script.id} is already recorded as applied (release ${st.row.release}, ${st.row.appliedAt}): not run again`;
    const s = await session(db);
    if (!s.runScript) throw new ApplyRefused(`the session to ${db} cannot run scripts`);
    const row: HistoryRow = {
      scriptId: script.id, checksum: script.sha256, release: set.release, planId: req.run?.planDigest ?? null, applyId: req.run?.applyId ?? null,
      appliedBy: req.run?.operator ?? null, appliedAt: ctx.now().toISOString(), rollbackChecksum: script.rollback?.sha256 ?? null,
    };
    try {
      const r = await s.runScript({ name: script.id, text, after: [insertHistory(set.historyTable, row)], timeoutMs: timeoutOf(script) });
      return `ran ${script.id} (${r.completed}/${parsed.statements.length} statement(s), sha256 ${script.sha256.slice(0, 12)}…) on ${db}; recorded in ${set.historyTable}`;
    } catch (err) {
      throw new ApplyRefused(runFailure(script.id, parsed, err, db, script.rollback?.file, false));
    }
  }

  async function undoScript(req: RollbackRequest, f: Found & { db: string; script: MigrationScript }): Promise<string> {
    const undo = req.rollback.undo as Partial<Undo> | undefined;
    const { set, script, db } = f;
    // What was recorded before the script ran is what is undone: its rollback file and checksum.
    const rb = undo?.rollback === undefined ? script.rollback : undo.rollback ?? undefined;
    const checksum = undo?.checksum ?? script.sha256;
    if (!rb) throw new ApplyRefused(`${script.id} has no rollback script: undo it by hand`);
    const { text, parsed } = readScript(ctx.root, undo?.release ?? set.release, rb.file, rb.sha256, `rollback of ${script.id}`);
    const rows = await rowsOf(db, set.historyTable, script.id);
    const st = rows ? scriptState({ id: script.id, sha256: checksum }, rows) : { state: 'pending' as const };
    if (st.state === 'pending') return `${script.id} is not recorded as applied on ${db}: its rollback script was not run`;
    if (st.state === 'conflict') throw new ApplyRefused(`${script.id} is recorded with checksum ${st.row.checksum}, not ${checksum} as applied by this release: not rolled back`);
    const s = await session(db);
    if (!s.runScript) throw new ApplyRefused(`the session to ${db} cannot run scripts`);
    try {
      const r = await s.runScript({ name: `${script.id} rollback`, text, after: [deleteHistory(set.historyTable, script.id, checksum)], timeoutMs: timeoutOf(script) });
      return `rolled back ${script.id} with ${rb.file} (${r.completed}/${parsed.statements.length} statement(s)); its row deleted from ${set.historyTable}`;
    } catch (err) {
      throw new ApplyRefused(runFailure(script.id, parsed, err, db, undefined, true));
    }
  }

  async function dropHistory(f: Found & { db: string }): Promise<string> {
    const s = await session(f.db);
    const h = await readHistory(s, f.db, f.set.historyTable, []);
    if (h.status === 'absent') return `${f.set.historyTable} does not exist on ${f.db}`;
    if (h.status === 'unknown') throw new ApplyRefused(h.reason);
    const n = Number((await s.query(countHistorySql(f.set.historyTable)))[0]?.N ?? 0);
    if (n > 0) return `kept ${f.set.historyTable} on ${f.db}: it records ${n} other script(s)`;
    await s.execute(dropHistorySql(f.set.historyTable));
    return `dropped the empty history table ${f.set.historyTable} on ${f.db} (created by this release)`;
  }

  return {
    async prepareInverse(req): Promise<InverseResponse> {
      const f = findMigration(ctx.model, req.step.address);
      if (!f) return { diagnostics: [error('migration', `${req.step.address} is ${NO_OVERLAY}`)] };
      if (req.step.action !== 'create') {
        return { diagnostics: [error('migration', `${req.step.address}: opsctl only runs migrations forward (create) and back (their rollback); ${req.step.action} is not possible — see the plan's errors`)] };
      }
      const undo: Undo = f.script
        ? { kind: 'migration', release: f.set.release, table: f.set.historyTable, script: f.script.id, checksum: f.script.sha256, rollback: f.script.rollback ?? null }
        : { kind: 'schema-history', release: f.set.release, table: f.set.historyTable };
      return { inverse: { action: 'delete', attributes: {} }, undo: { ...undo }, diagnostics: [] };
    },

    async apply(req): Promise<string> {
      const f = found(req.step.address);
      if (req.step.action !== 'create') {
        if (f.script) {
          const rows = (await rowsOf(f.db, f.set.historyTable, f.script.id)) ?? [];
          const st = scriptState(f.script, rows);
          if (st.state === 'conflict') throw new ApplyRefused(conflictMessage(f.db, f.set.historyTable, f.script, f.set.release, st.row));
        }
        throw new ApplyRefused(`${req.step.address}: ${req.step.action} is not a migration step opsctl runs`);
      }
      return f.script ? runScript(req, { ...f, script: f.script }) : createHistory(f);
    },

    async rollback(req): Promise<string> {
      const f = found(req.step.address);
      return f.script ? undoScript(req, { ...f, script: f.script }) : dropHistory(f);
    },

    async verify(req): Promise<VerifyResponse> {
      try {
        const f = found(req.step.address);
        if (!f.script) {
          const h = await readHistory(await session(f.db), f.db, f.set.historyTable, []);
          return h.status === 'present' ? { status: 'healthy', message: `${f.set.historyTable} exists` } : { status: 'degraded', message: h.status === 'absent' ? `${f.set.historyTable} does not exist` : h.reason };
        }
        const rows = await rowsOf(f.db, f.set.historyTable, f.script.id);
        const st = rows ? scriptState(f.script, rows) : { state: 'pending' as const };
        if (st.state !== 'applied') {
          return { status: 'degraded', message: st.state === 'pending' ? `no history row for ${f.script.id} in ${f.set.historyTable}: the script is not recorded as applied` : conflictMessage(f.db, f.set.historyTable, f.script, f.set.release, st.row) };
        }
        const failed: string[] = [];
        const s = await session(f.db);
        for (const v of f.script.verify) {
          const sql = v.sql.trim().replace(/;\s*$/, '');
          const got = await s.query(sql);
          const value = got.length === 1 && Object.keys(got[0]!).length === 1 ? Object.values(got[0]!)[0] : undefined;
          if (got.length !== 1 || String(value ?? '') !== String(v.expect)) failed.push(`${sql} returned ${got.length === 1 ? String(value) : `${got.length} rows`}, expected ${String(v.expect)}`);
        }
        if (failed.length) return { status: 'degraded', message: `${f.script.id} is recorded but its verification failed: ${failed.join('; ')}` };
        return { status: 'healthy', message: `${f.script.id} recorded in ${f.set.historyTable} with checksum ${f.script.sha256.slice(0, 12)}…${f.script.verify.length ? `; ${f.script.verify.length} verification(s) passed` : ''}` };
      } catch (err) {
        if (err instanceof ApplyRefused) return { status: 'degraded', message: err.message };
        return { status: 'unknown', message: reasonOf(splitAddress(req.step.address)?.db ?? '?', err) };
      }
    },
  };
}
