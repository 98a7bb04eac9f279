/**
 * The collector (the only part of reconciliation that reads live systems): runs each side's
 * SQL with `:period` bound through ctx.oracle(database).query, plus the payer register and the
 * 应征 rows a playbook declares, and masks the personal columns before returning the rows.
 * Each distinct (database, SQL) is run once per reconciliation.
 */
import type { ReconciliationPlaybook } from '../model/schema/playbook.js';
import type { OracleRow, ProviderContext } from '../providers/context.js';
import { maskRow, type CollectedPair, type SourceRow } from './match/index.js';

export class CollectError extends Error {
  override readonly name = 'CollectError';
}

type Query = (database: string, sql: string, binds: Record<string, string>) => Promise<SourceRow[]>;

function cachedQuery(ctx: ProviderContext, personal: (rows: OracleRow[]) => SourceRow[]): Query {
  const cache = new Map<string, Promise<SourceRow[]>>();
  return (database, sql, binds) => {
    const id = JSON.stringify([database, sql, binds]);
    let rows = cache.get(id);
    if (!rows) {
      rows = (async () => {
        try {
          const session = await ctx.oracle(database);
          return personal(await session.query(sql, binds));
        } catch (err) {
          throw new CollectError(`database ${database}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      })();
      cache.set(id, rows);
    }
    return rows;
  };
}

/** Only binds the SQL uses are passed (SQL*Plus rejects nothing, but stray binds confuse readers). */
function bindsFor(sql: string, period: string): Record<string, string> {
  return /:period\b/i.test(sql) ? { period } : {};
}

export async function collectPair(p: ReconciliationPlaybook, period: string, query: Query): Promise<CollectedPair> {
  const run = (database: string, sql: string): Promise<SourceRow[]> => query(database, sql, bindsFor(sql, period));
  const [left, right, payers, due] = await Promise.all([
    run(p.left.database, p.left.sql),
    run(p.right.database, p.right.sql),
    p.payers ? run(p.payers.database, p.payers.sql) : undefined,
    p.arrears ? run(p.arrears.database, p.arrears.sql) : undefined,
  ]);
  return { playbook: p, left, right, ...(payers ? { payers } : {}), ...(due ? { due } : {}) };
}

/** Reads every playbook's sides for `period` (YYYY-MM). Rows come back with personal columns masked. */
export async function collect(ctx: ProviderContext, playbooks: readonly ReconciliationPlaybook[], period: string): Promise<CollectedPair[]> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new CollectError(`period "${period}" is not YYYY-MM`);
  const out: CollectedPair[] = [];
  for (const p of playbooks) {
    const personal = new Set((p.personalColumns ?? []).map((c) => c.toUpperCase()));
    const query = cachedQuery(ctx, (rows) => rows.map((r) => maskRow(r, personal)));
    out.push(await collectPair(p, period, query));
  }
  return out;
}
