/**
 * Database collector: per database one OracleSession (ProviderContext.oracle), the catalogue SQL
 * of each database check the playbook lists, and `lsnrctl status` on each instance host. A
 * database that cannot be reached or answers the first query with an error (db-down: ORA-01034)
 * becomes one Unread for every database and business check on it; a single failing query makes
 * an Unread for that check only.
 */
import type { OracleDatabase } from '../model/index.js';
import { parseLsnrctlStatus } from '../parsers/index.js';
import type { OracleSession } from '../providers/context.js';
import { mapBounded } from '../transport/index.js';
import { DB_READERS } from './db-readers.js';
import { type Collected, type CollectInput, emptyCollected, merge, selectedDatabases, unread } from './types.js';

export const DB_CHECKS = [...Object.keys(DB_READERS), 'db.listener'];

export type OracleOpener = (database: string) => Promise<OracleSession>;

export function openerOf(input: CollectInput): OracleOpener {
  return input.oracle ?? ((db) => input.ctx.oracle(db));
}

async function listener(input: CollectInput, db: OracleDatabase, base: string): Promise<Collected> {
  const out = emptyCollected();
  const hosts = [...new Set(db.instances.map((i) => i.host))];
  for (const host of hosts) {
    const target = `${base}/listener:${host}`;
    try {
      const res = await input.ctx.hosts.exec(host, ['lsnrctl', 'status', 'LISTENER']);
      const parsed = parseLsnrctlStatus(res.stdout);
      const status = parsed.ok ? parsed.value : undefined;
      const service = status?.services.find((s) => s.name.toLowerCase() === db.service.toLowerCase());
      const ready = service?.instances.some((i) => i.status === 'READY') ?? false;
      const value = !status?.running ? 'down' : ready ? 'READY' : 'service-missing';
      out.measurements.push({ checkId: 'db.listener', target, value, unit: 'state', detail: { service: db.service, uptimeSeconds: status?.uptimeSeconds ?? null } });
    } catch (err) {
      out.unread.push(unread(target, 'database', ['db.listener'], err));
    }
  }
  return out;
}

async function readDatabase(input: CollectInput, db: OracleDatabase): Promise<Collected> {
  const { ctx } = input;
  const base = `${ctx.env}/oracle:${db.name}`;
  const wanted = Object.keys(DB_READERS).filter((c) => input.checks.has(c));
  const parts: Collected[] = [];
  if (input.checks.has('db.listener')) parts.push(await listener(input, db, base));
  if (wanted.length === 0) return merge(parts);
  let session: OracleSession;
  try {
    session = await openerOf(input)(db.name);
    // The instance query first: it is the reachability probe (db-down answers ORA-01034 here).
    const first = await DB_READERS['db.instance']!({ session, db, base, now: ctx.now() });
    parts.push({ ...emptyCollected(), measurements: input.checks.has('db.instance') ? first : [] });
  } catch (err) {
    parts.push({ ...emptyCollected(), unread: [unread(base, 'database', wanted, err)] });
    return merge(parts);
  }
  const out = emptyCollected();
  for (const checkId of wanted.filter((c) => c !== 'db.instance')) {
    try {
      out.measurements.push(...(await DB_READERS[checkId]!({ session, db, base, now: ctx.now() })));
    } catch (err) {
      out.unread.push(unread(base, 'database', [checkId], err));
    }
  }
  parts.push(out);
  return merge(parts);
}

export async function collectDatabases(input: CollectInput): Promise<Collected> {
  if (!DB_CHECKS.some((c) => input.checks.has(c))) return emptyCollected();
  const parts = await mapBounded(selectedDatabases(input), Math.max(1, Math.min(input.ctx.concurrency, 8)), (db) => readDatabase(input, db));
  return merge(parts);
}
