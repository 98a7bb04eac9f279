/**
 * providers/oracle — the Oracle provider: init parameters, tablespaces, profiles, users,
 * scheduler jobs, patches (declared; applied by releases) and archive settings of every
 * OracleDatabase, read through `ctx.oracle(db)` (sqlplus over SSH or node-oracledb), changed
 * with ALTER SYSTEM/TABLESPACE/DATABASE/PROFILE/USER and DBMS_SCHEDULER, instances restarted
 * one at a time as SYSDBA on their hosts; and the scripts of sql-migration releases against their
 * history table (migration.ts). See docs/providers/oracle.md.
 *
 * May import: core/, model/, diag/, parsers/, transport/, providers/context. Not: cli/,
 * engine/, lab/. Never prints.
 */
import { valuesEqual, type AttributeValue, type Attributes, type DesiredResource, type LiveRead } from '../../core/index.js';
import type { Diagnostic } from '../../diag/index.js';
import type { Address } from '../../model/address.js';
import { mapBounded } from '../../transport/concurrency.js';
import type { ProviderContext } from '../context.js';
import type { InverseResponse, Provider, ProviderDescriptor, ReadRequest, RollbackRequest, StepRequest, StepResponse, VerifyResponse, YamlEdit } from '../provider.js';
import { ApplyRefused, setArchive, setJob, setParameter, setProfile, setTablespace, setUser } from './apply.js';
import { reasonOf, splitAddress, unknown } from './common.js';
import { oracleDesired } from './desired.js';
import { gateInstance, restartInstance, verifySpfile } from './instance.js';
import { isMigrationAddress, migrationDesired, migrationSteps, readMigrations } from './migration.js';
import { readDatabase } from './read.js';
import { ORACLE_TYPES } from './rules.js';
import { parameterKind, sizeLiteral } from './values.js';

export { ORACLE_TYPES, parameterRule } from './rules.js';
export { oracleDesired } from './desired.js';

export const ORACLE_DESCRIPTOR: ProviderDescriptor = {
  system: 'oracle',
  types: ORACLE_TYPES,
  capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: ['instance'] },
};

const ADOPT_PATH: Record<string, (name: string, attr: string) => YamlEdit['path'] | undefined> = {
  parameter: (name) => ['initParameters', name],
  tablespace: (name, attr) => ['tablespaces', { key: 'name', value: name }, attr],
  profile: (name, attr) => ['profiles', { key: 'name', value: name }, attr],
  user: (name, attr) => ['users', { key: 'name', value: name }, attr],
  'scheduler-job': (name, attr) => ['schedulerJobs', { key: 'name', value: name }, attr],
  archive: (_name, attr) => ['archive', attr],
};

/** A live parameter value as desired state writes it: sizes as Oracle shows them (`64G`), booleans as booleans. */
function adoptParameter(ctx: ProviderContext, db: string, name: string, value: AttributeValue | undefined): AttributeValue | undefined {
  const desired = ctx.model.databases.find((d) => d.name === db)?.initParameters?.[name];
  if (value === undefined || value === null || desired === undefined) return value;
  const kind = parameterKind(name, desired);
  if (kind === 'size' && typeof value === 'number') return sizeLiteral(value);
  if (kind === 'boolean') return typeof desired === 'boolean' ? value === 'TRUE' : value;
  return value;
}

export function createOracleProvider(ctx: ProviderContext): Provider {
  const migrations = migrationSteps(ctx);
  const databaseOf = (address: string) => {
    const p = splitAddress(address);
    return p ? { ...p, model: ctx.model.databases.find((d) => d.name === p.db) } : undefined;
  };

  /** Migration addresses (history table, scripts) read from the history table, per database. */
  async function readMigrationAddresses(addresses: readonly Address[]): Promise<{ reads: LiveRead[]; diagnostics: Diagnostic[] }> {
    const byDb = new Map<string, Address[]>();
    for (const a of addresses) byDb.set(splitAddress(a)!.db, [...(byDb.get(splitAddress(a)!.db) ?? []), a]);
    const perDb = await mapBounded([...byDb], ctx.concurrency, ([db, list]) => readMigrations(ctx.env, ctx.model, db, list, () => ctx.oracle(db)));
    return { reads: perDb.flatMap((r) => r.reads), diagnostics: perDb.flatMap((r) => r.diagnostics) };
  }

  async function readAddresses(req: Pick<ReadRequest, 'addresses'>): Promise<LiveRead[]> {
    return (await readWithDiagnostics(req)).reads;
  }

  async function readWithDiagnostics(req: Pick<ReadRequest, 'addresses'>): Promise<{ reads: LiveRead[]; diagnostics: Diagnostic[] }> {
    const scripts = await readMigrationAddresses(req.addresses.filter(isMigrationAddress));
    return { reads: [...(await readObjects(req.addresses.filter((a) => !isMigrationAddress(a)))), ...scripts.reads], diagnostics: scripts.diagnostics };
  }

  async function readObjects(addresses: readonly Address[]): Promise<LiveRead[]> {
    const byDb = new Map<string, Address[]>();
    const reads: LiveRead[] = [];
    for (const a of addresses) {
      const p = databaseOf(a);
      if (!p) continue;
      if (!p.model) reads.push(unknown(a, `database ${p.db} is not in environment ${ctx.env}`));
      else byDb.set(p.db, [...(byDb.get(p.db) ?? []), a]);
    }
    const perDb = await mapBounded([...byDb], ctx.concurrency, ([db, list]) => {
      const model = ctx.model.databases.find((d) => d.name === db)!;
      return readDatabase(ctx.env, model, list, () => ctx.oracle(db));
    });
    return [...reads, ...perDb.flat()];
  }

  function attributesToSet(req: StepRequest): Attributes | undefined {
    // Rollback: the engine hands in the inverse captured before the step ran.
    const rollback = (req as Partial<RollbackRequest>).rollback;
    if (rollback) return rollback.inverse?.attributes;
    return oracleDesired(ctx.env, req.model.databases).find((r) => r.address === req.step.address)?.attributes;
  }

  async function change(req: StepRequest): Promise<string> {
    const p = databaseOf(req.step.address);
    if (req.step.action === 'restart') return restartInstance(ctx, req.step.address);
    if (!p?.model) throw new ApplyRefused(`${req.step.address} is not an Oracle object of environment ${ctx.env}`);
    if (req.step.action === 'delete') throw new ApplyRefused(`opsctl does not drop Oracle ${p.kind}s (${p.name})`);
    const attrs = attributesToSet(req);
    if (!attrs) throw new ApplyRefused(`${req.step.address} has no desired state`);
    const s = await ctx.oracle(p.db);
    switch (p.kind) {
      case 'parameter': return setParameter(s, p.model, p.name, attrs.value ?? null);
      case 'tablespace': return setTablespace(s, p.name, attrs);
      case 'profile': return setProfile(s, p.name, attrs);
      case 'user': return setUser(s, p.name, attrs);
      case 'scheduler-job': {
        const owner = p.model.schedulerJobs?.find((j) => j.name === p.name)?.owner;
        if (!owner) throw new ApplyRefused(`no owner known for scheduler job ${p.name}`);
        return setJob(s, owner, p.name, attrs.enabled === true);
      }
      case 'archive': return setArchive(s, p.model, attrs, (await readAddresses({ addresses: [req.step.address] }))[0]?.attributes);
      case 'patch': throw new ApplyRefused(`patch ${p.name} is applied by a release (OPatch + datapatch), not by plan apply`);
      default: throw new ApplyRefused(`opsctl does not change Oracle ${p.kind} objects`);
    }
  }

  return {
    descriptor: ORACLE_DESCRIPTOR,
    desired: (req) => ({ resources: [...oracleDesired(req.env, req.model.databases), ...migrationDesired(req.env, req.model)], pruneWithin: [], diagnostics: [] }),
    read: (req) => readWithDiagnostics(req),

    async prepareInverse(req): Promise<InverseResponse> {
      if (isMigrationAddress(req.step.address)) return migrations.prepareInverse(req);
      if (req.step.action === 'restart' || req.step.action === 'run') return { diagnostics: [] };
      const [live] = await readAddresses({ addresses: [req.step.address] });
      if (!live || live.status !== 'present') return { diagnostics: [], undo: { status: live?.status ?? 'unknown', reason: live?.reason ?? null } };
      const names = req.step.inverse ? Object.keys(req.step.inverse.attributes) : Object.keys(live.attributes ?? {});
      const attributes = Object.fromEntries(names.filter((n) => live.attributes?.[n] !== undefined).map((n) => [n, live.attributes![n]!]));
      return { inverse: { action: 'update', attributes }, diagnostics: [] };
    },

    /** Rollback is an apply whose values are the captured inverse (see attributesToSet); a migration runs its rollback script. */
    async rollback(req: RollbackRequest): Promise<StepResponse> {
      if (!isMigrationAddress(req.step.address)) return this.apply(req);
      const started = ctx.now().getTime();
      const done = (outcome: StepResponse['outcome'], message: string): StepResponse => ({ outcome, message, durationMs: Math.max(0, ctx.now().getTime() - started), diagnostics: [] });
      try {
        return done('applied', await migrations.rollback(req));
      } catch (err) {
        return done('failed', err instanceof ApplyRefused ? err.message : reasonOf(splitAddress(req.step.address)?.db ?? '?', err));
      }
    },

    async apply(req): Promise<StepResponse> {
      const started = ctx.now().getTime();
      const done = (outcome: StepResponse['outcome'], message: string): StepResponse => ({ outcome, message, durationMs: Math.max(0, ctx.now().getTime() - started), diagnostics: [] });
      if (req.step.action === 'run') return done('skipped', 'health gates run in verify');
      if (req.dryRun) return done('skipped', 'dry run: Oracle DDL has no validate-only mode');
      try {
        if (isMigrationAddress(req.step.address)) return done('applied', await migrations.apply(req));
        return done('applied', await change(req));
      } catch (err) {
        const p = databaseOf(req.step.address);
        return done('failed', err instanceof ApplyRefused ? err.message : reasonOf(p?.db ?? '?', err));
      }
    },

    async verify(req): Promise<VerifyResponse> {
      if (isMigrationAddress(req.step.address)) return migrations.verify(req);
      try {
        if (req.step.action === 'restart' || req.step.action === 'run') {
          const g = await gateInstance(ctx, req.step.address, req.step.changes);
          return { status: g.healthy ? 'healthy' : 'degraded', message: g.message };
        }
        const [live] = await readAddresses({ addresses: [req.step.address] });
        const want = attributesToSet(req) ?? {};
        if (live?.rules?.value?.effect === 'restart') return verifySpfile(ctx, req.step.address, want);
        const off = Object.keys(want).filter((k) => !valuesEqual(live?.attributes?.[k], want[k]));
        if (!live || live.status !== 'present') return { status: 'unknown', message: live?.reason ?? `${req.step.address} not found` };
        return off.length === 0 ? { status: 'healthy', message: `${req.step.address} as desired` } : { status: 'progressing', message: `${off.join(', ')} not yet as desired (restart pending?)` };
      } catch (err) {
        return { status: 'unknown', message: reasonOf(databaseOf(req.step.address)?.db ?? '?', err) };
      }
    },

    adopt(read: LiveRead, desired: DesiredResource | undefined): YamlEdit[] {
      const p = splitAddress(read.address);
      const path = p && ADOPT_PATH[p.kind];
      if (!p || !path || read.status !== 'present' || !read.attributes) return [];
      const names = desired ? Object.keys(desired.attributes) : Object.keys(read.attributes);
      return names.flatMap((attr) => {
        const at = path(p.name, attr);
        const value = p.kind === 'parameter' ? adoptParameter(ctx, p.db, p.name, read.attributes![attr]) : read.attributes![attr];
        return at && value !== undefined ? [{ env: ctx.env, kind: 'OracleDatabase', name: p.db, path: at, value }] : [];
      });
    },
  };
}
