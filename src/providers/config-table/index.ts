/**
 * providers/config-table — config tables (代码参数, 系统菜单, 岗位与功能对照, 工作流) as rows keyed by
 * their key columns: `E/config-table:NAME/row:K1=V1,K2=V2` (rows.ts). Only the managed
 * columns are compared. One SELECT per table reads every row; live-only rows are listed for
 * tables with `prune: true` (pruneWithin). Changes are INSERT/UPDATE/DELETE with binds;
 * `applyRows` runs several rows of one table in one transaction (the engine may group a
 * table's steps; `apply` runs one row). See docs/providers/oracle.md.
 *
 * May import: core/, model/, diag/, transport/, providers/context. Not: cli/, engine/, lab/.
 */
import { valuesEqual, type Attributes, type DesiredResource, type LiveRead } from '../../core/index.js';
import type { Address } from '../../model/address.js';
import type { ConfigTable } from '../../model/schema/index.js';
import { mapBounded } from '../../transport/concurrency.js';
import { hasTransactions } from '../../transport/oracle.js';
import type { ProviderContext } from '../context.js';
import type { Provider, ProviderDescriptor, RollbackRequest, StepRequest, StepResponse, YamlEdit } from '../provider.js';
import { absent, present, reasonOf, unknown } from '../oracle/common.js';
import { parseRowName, rowAddress, splitRowAddress, tableAddress, type KeyValues } from './rows.js';
import { cellValue, deleteRow, insertRow, rowAttributes, rowKey, selectSql, updateRow, type RowStatement } from './table.js';

export { encodeKeyValue, decodeKeyValue, rowName, parseRowName } from './rows.js';

const live = { effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: 2 } as const;

export const CONFIG_TABLE_DESCRIPTOR: ProviderDescriptor = {
  system: 'config-table',
  types: { row: { deleteReversible: true, createSeconds: 2, deleteSeconds: 2, defaultAttribute: live } },
  capabilities: { readOnlyRead: true, dryRun: false, rollback: true, restarts: [] },
};

export function configTableDesired(env: string, tables: readonly ConfigTable[]): DesiredResource[] {
  return tables.flatMap((t) => t.rows.map((row) => ({
    address: rowAddress(env, t, rowKey(t, row)),
    system: 'config-table' as const,
    type: 'row',
    attributes: Object.fromEntries(Object.entries(rowAttributes(t, row)).filter(([c]) => c in row)),
  })));
}

/** One row change: what to write (undefined = delete). */
export interface RowChange {
  key: KeyValues;
  attributes: Attributes | undefined;
}

/** Several rows of one table in one transaction: each statement must touch exactly one row. */
export async function applyRows(ctx: ProviderContext, t: ConfigTable, changes: readonly RowChange[]): Promise<string> {
  const s = await ctx.oracle(t.database);
  const current = new Map((await s.query(selectSql(t))).map((r) => [JSON.stringify(rowKey(t, r)), r]));
  const statements: RowStatement[] = [];
  for (const c of changes) {
    const exists = current.has(JSON.stringify(c.key));
    if (!c.attributes) {
      if (exists) statements.push(deleteRow(t, c.key));
    } else if (!exists) statements.push(insertRow(t, c.key, c.attributes));
    else {
      const u = updateRow(t, c.key, c.attributes);
      if (u) statements.push(u);
    }
  }
  if (statements.length === 0) return `${t.name}: nothing to change`;
  if (!hasTransactions(s)) throw new Error('the Oracle session has no transactions');
  const r = await s.transaction(statements);
  const off = r.rowsAffected.findIndex((n) => n !== 1);
  if (off >= 0) throw new Error(`${t.name}: statement ${off + 1} changed ${r.rowsAffected[off]} rows, not 1`);
  return `${t.name}: ${statements.length} row statement(s) committed`;
}

export function createConfigTableProvider(ctx: ProviderContext): Provider {
  const tableOf = (address: string): { t: ConfigTable; key: KeyValues } | undefined => {
    const p = splitRowAddress(address);
    const t = p && ctx.model.configTables.find((x) => x.name === p.table);
    const key = t && parseRowName(t, p.row);
    return t && key ? { t, key } : undefined;
  };

  async function readTable(t: ConfigTable, addresses: Address[]): Promise<LiveRead[]> {
    try {
      const rows = await (await ctx.oracle(t.database)).query(selectSql(t));
      const byAddress = new Map(rows.map((r) => [rowAddress(ctx.env, t, rowKey(t, r)), rowAttributes(t, r)]));
      const reads = addresses.map((a) => (byAddress.has(a) ? present(a, byAddress.get(a)!) : absent(a)));
      if (t.prune) for (const [a, attrs] of byAddress) if (!addresses.includes(a)) reads.push(present(a, attrs, { type: 'row', system: 'config-table' }));
      return reads;
    } catch (err) {
      return addresses.map((a) => unknown(a, `config table ${t.name} (${t.schema}.${t.table}) on ${reasonOf(t.database, err)}`));
    }
  }

  const attributesToSet = (req: StepRequest): Attributes | undefined => {
    const rollback = (req as Partial<RollbackRequest>).rollback;
    if (rollback) return rollback.inverse?.action === 'delete' ? undefined : rollback.inverse?.attributes;
    if (req.step.action === 'delete') return undefined;
    return configTableDesired(ctx.env, req.model.configTables).find((r) => r.address === req.step.address)?.attributes;
  };

  return {
    descriptor: CONFIG_TABLE_DESCRIPTOR,
    desired: (req) => ({
      resources: configTableDesired(req.env, req.model.configTables),
      pruneWithin: req.model.configTables.filter((t) => t.prune).map((t) => tableAddress(req.env, t.name)),
      diagnostics: [],
    }),
    async read(req) {
      const byTable = new Map<ConfigTable, Address[]>();
      for (const a of req.addresses) {
        const x = tableOf(a);
        if (x) byTable.set(x.t, [...(byTable.get(x.t) ?? []), a]);
      }
      for (const t of req.model.configTables) if (t.prune && !byTable.has(t)) byTable.set(t, []);
      const reads = await mapBounded([...byTable], ctx.concurrency, ([t, addresses]) => readTable(t, addresses));
      return { reads: reads.flat(), diagnostics: [] };
    },
    async prepareInverse(req) {
      const x = tableOf(req.step.address);
      if (!x) return { diagnostics: [] };
      const [before] = await readTable(x.t, [req.step.address]);
      if (!before || before.status === 'unknown') return { diagnostics: [], undo: { reason: before?.reason ?? 'not read' } };
      return { inverse: before.status === 'absent' ? { action: 'delete', attributes: {} } : { action: before.status === 'present' && req.step.action === 'delete' ? 'create' : 'update', attributes: before.attributes ?? {} }, diagnostics: [] };
    },
    /** Rollback is an apply whose row is the captured inverse (see attributesToSet). */
    rollback(req: RollbackRequest): Promise<StepResponse> {
      return this.apply(req);
    },
    async apply(req): Promise<StepResponse> {
      const started = ctx.now().getTime();
      const done = (outcome: StepResponse['outcome'], message: string): StepResponse => ({ outcome, message, durationMs: Math.max(0, ctx.now().getTime() - started), diagnostics: [] });
      const x = tableOf(req.step.address);
      if (!x) return done('failed', `${req.step.address} is not a config-table row of environment ${ctx.env}`);
      if (req.dryRun) return done('skipped', 'dry run');
      try {
        return done('applied', await applyRows(ctx, x.t, [{ key: x.key, attributes: attributesToSet(req) }]));
      } catch (err) {
        return done('failed', reasonOf(x.t.database, err));
      }
    },
    async verify(req) {
      const x = tableOf(req.step.address);
      if (!x) return { status: 'unknown', message: `${req.step.address} is not a config-table row` };
      const [r] = await readTable(x.t, [req.step.address]);
      const want = attributesToSet(req);
      if (!r || r.status === 'unknown') return { status: 'unknown', message: r?.reason ?? 'not read' };
      if (!want) return r.status === 'absent' ? { status: 'healthy', message: 'row deleted' } : { status: 'degraded', message: 'row still present' };
      const ok = r.status === 'present' && Object.keys(want).every((c) => valuesEqual(r.attributes?.[c] ?? null, cellValue(want[c])));
      return ok ? { status: 'healthy', message: 'row as desired' } : { status: 'degraded', message: 'row differs from desired' };
    },
    adopt(read, desired): YamlEdit[] {
      const x = tableOf(read.address);
      if (!x) return [];
      const keyCols = x.t.key;
      const selector = keyCols.length === 1
        ? { key: keyCols[0]!, value: x.key[keyCols[0]!]! }
        : { key: keyCols.join(','), value: keyCols.map((k) => x.key[k]).join(',') };
      const base = { env: ctx.env, kind: 'ConfigTable', name: x.t.name };
      if (read.status === 'absent') return [{ ...base, path: ['rows', selector], value: null }];
      if (read.status !== 'present' || !read.attributes) return [];
      if (!desired) return [{ ...base, path: ['rows', selector], value: { ...x.key, ...read.attributes } }];
      return Object.keys(desired.attributes).map((c) => ({ ...base, path: ['rows', selector, c], value: read.attributes![c] ?? null }));
    },
  };
}
