/**
 * The SQL side of a database patch, `E/oracle:DB/patch:ID`: registered in DBA_REGISTRY_SQLPATCH
 * by `datapatch -verbose`, run once on the primary (on its first instance that answers) after
 * every home of the database and its standbys has the patch. The inverse runs
 * `datapatch -rollback ID -force`: the engine undoes steps in reverse, so the SQL is rolled back
 * while the binaries are still installed (-force), and the homes after it. 11.2 databases
 * register PSUs with `catbundle.sql psu apply`, which opsctl does not run: such a step fails
 * and says so. A standby gets the SQL changes through redo; it has no SQL step.
 */
import { parseAddress } from '../../model/address.js';
import { oracleHomeOf } from '../../model/homes.js';
import type { OracleDatabase } from '../../model/index.js';
import type { ProviderContext } from '../context.js';
import type { OpOutcome } from '../weblogic/ops.js';
import { runDatapatch } from './tools.js';

export interface SqlPatch {
  db: OracleDatabase;
  id: string;
}

/** `E/oracle:DB/patch:ID` → the database and patch; undefined for other addresses. */
export function locateSqlPatch(ctx: ProviderContext, address: string): SqlPatch | string | undefined {
  const p = parseAddress(address);
  if ('error' in p || p.segments.length !== 2 || p.segments[0]!.kind !== 'oracle' || p.segments[1]!.kind !== 'patch') return undefined;
  const db = ctx.model.databases.find((d) => d.name === p.segments[0]!.name);
  return db ? { db, id: p.segments[1]!.name } : `database ${p.segments[0]!.name} is not in environment ${ctx.env}`;
}

async function datapatch(ctx: ProviderContext, s: SqlPatch, args: string[]): Promise<OpOutcome> {
  if (s.db.version.startsWith('11.')) return { ok: false, message: `${s.db.name} is ${s.db.version}: its SQL is registered by catbundle.sql psu apply, which opsctl does not run — run it by hand, then re-plan` };
  if (s.db.role !== 'primary') return { ok: false, message: `${s.db.name} is a standby: the SQL of patch ${s.id} arrives with redo from its primary` };
  const tried: string[] = [];
  for (const i of s.db.instances) {
    const r = await runDatapatch(ctx, i.host, i.sid, oracleHomeOf(s.db), args);
    if (r.ok) return r;
    tried.push(r.message);
    if (!/ORA-01034|not available/.test(r.message)) break;
  }
  return { ok: false, message: tried.join('; ') };
}

export function applySqlPatch(ctx: ProviderContext, s: SqlPatch): Promise<OpOutcome> {
  return datapatch(ctx, s, []);
}

export function rollbackSqlPatch(ctx: ProviderContext, s: SqlPatch): Promise<OpOutcome> {
  return datapatch(ctx, s, ['-rollback', s.id, '-force']);
}
