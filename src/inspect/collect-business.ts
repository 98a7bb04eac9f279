/**
 * Business collector (issue 7 item 2): batch deductions 批扣 (SBF.SBF_PK_BATCH), assessment 应征
 * save errors (SBF.SBF_YZ) on the core primary; the receive exchange queue (SBFJS.JS_RECV_QUEUE)
 * on the receive primary. Tables as docs/lab-oracle.md describes them; times are text
 * `YYYY-MM-DD HH24:MI:SS` (+08:00). A FAILED batch counts when it failed within FAILED_DAYS.
 */
import type { Measurement } from '../health/index.js';
import type { OracleDatabase } from '../model/index.js';
import type { OracleSession } from '../providers/context.js';
import { openerOf } from './collect-db.js';
import { cellNum, cellText, oracleTime } from './sql.js';
import { type Collected, type CollectInput, emptyCollected, merge, selectedDatabases, unread } from './types.js';

export const BUSINESS_CHECKS = ['batch.deduction', 'exchange.receive', 'exchange.backlog', 'yz.save-errors'];
const FAILED_DAYS = 35;

const BATCH_SQL = `SELECT BATCH_ID, BANK_CODE, BANK_NAME, PERIOD, STATUS, EXPECTED_COUNT, PROCESSED_COUNT, UPDATED_AT, ERROR_MSG
FROM SBF.SBF_PK_BATCH WHERE STATUS IN ('RUNNING', 'FAILED') ORDER BY BATCH_ID`;
const YZ_SQL = `SELECT COUNT(*) AS CNT FROM SBF.SBF_YZ WHERE SAVE_STATUS = 'ERROR'`;
const RECV_SQL = `SELECT STATUS, COUNT(*) AS CNT FROM SBFJS.JS_RECV_QUEUE GROUP BY STATUS`;

async function batches(session: OracleSession, base: string, now: Date): Promise<Measurement[]> {
  const rows = await session.query(BATCH_SQL);
  return rows.flatMap((r) => {
    const updated = oracleTime(cellText(r, 'UPDATED_AT'));
    const hours = updated ? Math.round((now.getTime() - updated.getTime()) / 360_000) / 10 : null;
    const status = cellText(r, 'STATUS');
    if (status === 'FAILED' && (hours === null || hours > FAILED_DAYS * 24)) return [];
    return [{
      checkId: 'batch.deduction', target: `${base}/batch:${cellText(r, 'BATCH_ID')}`, value: status === 'RUNNING' ? hours : null, unit: 'hours' as const,
      detail: {
        status, bank: cellText(r, 'BANK_NAME') || cellText(r, 'BANK_CODE'), period: cellText(r, 'PERIOD'),
        expected: cellNum(r, 'EXPECTED_COUNT'), processed: cellNum(r, 'PROCESSED_COUNT'), updatedAt: cellText(r, 'UPDATED_AT'), error: cellText(r, 'ERROR_MSG'),
      },
    }];
  });
}

async function core(input: CollectInput, session: OracleSession, base: string): Promise<Measurement[]> {
  const out: Measurement[] = [];
  if (input.checks.has('batch.deduction')) out.push(...(await batches(session, base, input.ctx.now())));
  if (input.checks.has('yz.save-errors')) {
    const [row] = await session.query(YZ_SQL);
    out.push({ checkId: 'yz.save-errors', target: `${base}/table:SBF.SBF_YZ`, value: cellNum(row, 'CNT') ?? 0, unit: 'count' });
  }
  return out;
}

async function receive(input: CollectInput, session: OracleSession, base: string): Promise<Measurement[]> {
  const rows = await session.query(RECV_SQL);
  const count = (status: string): number => rows.filter((r) => cellText(r, 'STATUS') === status).reduce((n, r) => n + (cellNum(r, 'CNT') ?? 0), 0);
  const target = `${base}/table:SBFJS.JS_RECV_QUEUE`;
  const detail = { processed: count('PROCESSED'), failed: count('FAILED'), pending: count('PENDING') };
  return [
    ...(input.checks.has('exchange.receive') ? [{ checkId: 'exchange.receive', target, value: detail.failed, unit: 'count' as const, detail }] : []),
    ...(input.checks.has('exchange.backlog') ? [{ checkId: 'exchange.backlog', target, value: detail.pending, unit: 'count' as const, detail }] : []),
  ];
}

async function readDb(input: CollectInput, db: OracleDatabase, checks: string[], read: (s: OracleSession, base: string) => Promise<Measurement[]>): Promise<Collected> {
  const base = `${input.ctx.env}/oracle:${db.name}`;
  try {
    const session = await openerOf(input)(db.name);
    return { ...emptyCollected(), measurements: await read(session, base) };
  } catch (err) {
    return { ...emptyCollected(), unread: [unread(base, 'business', checks, err)] };
  }
}

export async function collectBusiness(input: CollectInput): Promise<Collected> {
  const dbs = selectedDatabases(input).filter((d) => d.role === 'primary');
  const coreChecks = ['batch.deduction', 'yz.save-errors'].filter((c) => input.checks.has(c));
  const recvChecks = ['exchange.receive', 'exchange.backlog'].filter((c) => input.checks.has(c));
  const parts: Promise<Collected>[] = [];
  if (coreChecks.length) for (const db of dbs.filter((d) => d.purpose === 'core')) parts.push(readDb(input, db, coreChecks, (s, b) => core(input, s, b)));
  if (recvChecks.length) for (const db of dbs.filter((d) => d.purpose === 'receive')) parts.push(readDb(input, db, recvChecks, (s, b) => receive(input, s, b)));
  return merge(await Promise.all(parts));
}
