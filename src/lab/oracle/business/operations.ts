/**
 * Operational business tables: batch deductions (批扣, SBF.SBF_PK_BATCH) with one stalled
 * batch in the latest period and one failed earlier, and the receive queue of messages from
 * the 信息共享平台 (SBFJS.JS_RECV_QUEUE) with failures and a backlog in the latest period.
 */
import type { LabTable, Scalar } from '../../state/types.js';
import { rand } from './identity.js';
import { BANKS } from './payers.js';
import type { Payer } from './payers.js';
import type { BusinessManifest } from './types.js';

type Row = Record<string, Scalar>;

const local = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
const start = (p: string): number => Date.parse(`${p}-01T00:00:00+08:00`);

export const BATCH_COLUMNS = ['BATCH_ID', 'BANK_CODE', 'BANK_NAME', 'PERIOD', 'STATUS', 'EXPECTED_COUNT', 'PROCESSED_COUNT', 'SUCCESS_COUNT', 'FAILED_COUNT', 'EXPECTED_FEN', 'DEBITED_FEN', 'STARTED_AT', 'UPDATED_AT', 'FINISHED_AT', 'ERROR_MSG'];

function batch(id: string, bank: (typeof BANKS)[number], p: string, expected: number, each: number): Row {
  return { BATCH_ID: id, BANK_CODE: bank.code, BANK_NAME: bank.name, PERIOD: p, STATUS: 'DONE', EXPECTED_COUNT: expected, PROCESSED_COUNT: expected, SUCCESS_COUNT: expected, FAILED_COUNT: 0, EXPECTED_FEN: expected * each, DEBITED_FEN: expected * each, STARTED_AT: null, UPDATED_AT: null, FINISHED_AT: null, ERROR_MSG: null };
}

export function addBatches(periods: string[], payers: Payer[], seed: number, now: Date, m: BusinessManifest): LabTable {
  const r = rand(seed, 'batches');
  const rows: Row[] = [];
  const residents = payers.filter((x) => x.type.code === '22').length;
  periods.forEach((p, k) => {
    const latest = k === periods.length - 1;
    BANKS.forEach((bank, b) => {
      const id = `PK${p.replace('-', '')}${String(b + 1).padStart(3, '0')}`;
      const expected = r.int(800, 3000) + residents;
      const row = batch(id, bank, p, expected, 38_000);
      const t0 = start(p) + (14 + b) * 86_400_000 + 2 * 3_600_000;
      Object.assign(row, { STARTED_AT: local(t0), UPDATED_AT: local(t0 + 3_600_000), FINISHED_AT: local(t0 + 3_600_000) });
      const failedNo = Math.min(expected, r.int(5, 40));
      Object.assign(row, { SUCCESS_COUNT: expected - failedNo, FAILED_COUNT: failedNo, DEBITED_FEN: (expected - failedNo) * 38_000 });
      if (p === periods[Math.max(0, periods.length - 3)] && b === 2) {
        Object.assign(row, { STATUS: 'FAILED', PROCESSED_COUNT: 412, SUCCESS_COUNT: 400, FAILED_COUNT: 12, DEBITED_FEN: 400 * 38_000, FINISHED_AT: null, ERROR_MSG: 'TIPS-E0031: 与人民银行TIPS通讯超时' });
        m.batchAnomalies.push({ batchId: id, period: p, kind: 'failed' });
      }
      if (latest && b === 0) {
        Object.assign(row, { STATUS: 'RUNNING', PROCESSED_COUNT: Math.floor(expected * 0.37), SUCCESS_COUNT: Math.floor(expected * 0.36), FAILED_COUNT: Math.floor(expected * 0.37) - Math.floor(expected * 0.36), STARTED_AT: local(now.getTime() - 6 * 3_600_000), UPDATED_AT: local(now.getTime() - 5 * 3_600_000), FINISHED_AT: null, DEBITED_FEN: Math.floor(expected * 0.36) * 38_000 });
        m.batchAnomalies.push({ batchId: id, period: p, kind: 'stalled' });
      } else if (latest && b === 1) {
        Object.assign(row, { STATUS: 'RUNNING', PROCESSED_COUNT: Math.floor(expected * 0.8), SUCCESS_COUNT: Math.floor(expected * 0.8), FAILED_COUNT: 0, STARTED_AT: local(now.getTime() - 40 * 60_000), UPDATED_AT: local(now.getTime() - 60_000), FINISHED_AT: null, DEBITED_FEN: Math.floor(expected * 0.8) * 38_000 });
      }
      rows.push(row);
    });
  });
  return { columns: BATCH_COLUMNS, key: ['BATCH_ID'], rows };
}

export const QUEUE_COLUMNS = ['MSG_ID', 'MSG_TYPE', 'SOURCE', 'PERIOD', 'PAYER_ID', 'RECEIVED_AT', 'PROCESSED_AT', 'STATUS', 'ERROR_CODE', 'ERROR_MSG', 'RETRY_COUNT'];

const ERRORS: Array<[string, string]> = [['E1002', '证件号码校验失败'], ['E2001', '缴费人登记信息不存在'], ['E3005', '费款所属期格式错误'], ['E9001', '报文签名验证失败']];

export function addReceiveQueue(periods: string[], payers: Payer[], seed: number, now: Date, m: BusinessManifest): LabTable {
  const r = rand(seed, 'receive');
  const rows: Row[] = [];
  periods.forEach((p, k) => {
    const latest = k === periods.length - 1;
    const n = latest ? 20 : 16;
    for (let i = 0; i < n; i++) {
      const id = `MSG${p.replace('-', '')}${String(i + 1).padStart(5, '0')}`;
      const received = latest ? now.getTime() - (n - i) * 20 * 60_000 : start(p) + r.int(0, 27 * 86_400) * 1000;
      const row: Row = {
        MSG_ID: id, MSG_TYPE: i % 3 === 0 ? '征集' : '登记', SOURCE: i % 2 === 0 ? '人社' : '医保', PERIOD: p, PAYER_ID: r.pick(payers).id,
        RECEIVED_AT: local(received), PROCESSED_AT: local(received + 30_000), STATUS: 'PROCESSED', ERROR_CODE: null, ERROR_MSG: null, RETRY_COUNT: 0,
      };
      if (latest && i < 4) {
        const [code, msg] = ERRORS[i]!;
        Object.assign(row, { STATUS: 'FAILED', ERROR_CODE: code, ERROR_MSG: msg, RETRY_COUNT: 3 });
        m.receiveFailures.push(id);
      } else if (latest && i >= n - 10) {
        Object.assign(row, { STATUS: 'PENDING', PROCESSED_AT: null });
        m.receiveBacklog.push(id);
      }
      rows.push(row);
    }
  });
  return { columns: QUEUE_COLUMNS, key: ['MSG_ID'], rows };
}
