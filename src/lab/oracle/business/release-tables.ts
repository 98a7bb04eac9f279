/**
 * The core tables the release migrations change (docs/assumptions.md A-18), derived from the
 * generated ledger so they agree with it: SBF.T_PK_PCMX 批扣批次明细 (one row per 批扣 payment,
 * in its period's first batch) and SBF.T_JF_JFXX 缴费信息 (one row per payment of the last three
 * periods; FKSSQ 费款所属期 as YYYYMM). Both carry column definitions and a primary-key index,
 * so DBA_TAB_COLUMNS / DBA_INDEXES show them as a DBA would see them.
 */
import type { LabColumnDef, LabIndex, LabTable, Scalar } from '../../state/types.js';

const PCMX_DEFS: Record<string, LabColumnDef> = {
  PCMX_ID: { type: 'VARCHAR2(20)', nullable: false, comment: '批扣明细编号' },
  PC_ID: { type: 'VARCHAR2(40)', nullable: false, comment: '批扣批次编号' },
  PAYER_ID: { type: 'VARCHAR2(20)', nullable: false },
  XZDM: { type: 'VARCHAR2(3)', nullable: false, comment: '险种代码' },
  FKSSQ: { type: 'VARCHAR2(6)', nullable: false, comment: '费款所属期 YYYYMM' },
  JE_FEN: { type: 'NUMBER(14)', nullable: false },
  CLZT: { type: 'VARCHAR2(2)', nullable: false, comment: '处理状态 01 成功 02 发送中 03 扣款失败' },
  CLSJ: { type: 'VARCHAR2(19)', nullable: true },
};

const JFXX_DEFS: Record<string, LabColumnDef> = {
  JFXX_ID: { type: 'VARCHAR2(20)', nullable: false, comment: '电子税票号码' },
  PAYER_ID: { type: 'VARCHAR2(20)', nullable: false },
  XZDM: { type: 'VARCHAR2(3)', nullable: false, comment: '险种代码' },
  FKSSQ: { type: 'VARCHAR2(6)', nullable: false, comment: '费款所属期 YYYYMM' },
  JE_FEN: { type: 'NUMBER(14)', nullable: false },
  JFRQ: { type: 'VARCHAR2(19)', nullable: false, comment: '缴费时间' },
};

type Row = Record<string, Scalar>;

const yyyymm = (period: Scalar | undefined): string => String(period ?? '').replace('-', '');

function pkIndex(table: string, name: string, columns: string[], created: string): LabIndex {
  return { owner: 'SBF', name, table, columns, unique: true, tablespace: 'SBF_IDX', degree: 1, status: 'VALID', created };
}

/** The two tables (keyed "SBF.T_…") and their primary-key indexes, from the generated core tables. */
export function releaseTables(core: Record<string, LabTable>, resetAt: string): { tables: Record<string, LabTable>; indexes: Record<string, LabIndex> } {
  const jk = core['SBF.SBF_JK']?.rows ?? [];
  const batches = core['SBF.SBF_PK_BATCH']?.rows ?? [];
  const firstBatch = new Map<string, Row>();
  for (const b of batches) if (!firstBatch.has(String(b.PERIOD))) firstBatch.set(String(b.PERIOD), b);
  const pcmx: Row[] = [];
  for (const r of jk) {
    const batch = firstBatch.get(String(r.PERIOD));
    if (r.CHANNEL !== '批扣' || !batch) continue;
    const failed = batch.STATUS === 'FAILED';
    pcmx.push({
      PCMX_ID: `PCMX${String(pcmx.length + 1).padStart(8, '0')}`, PC_ID: batch.BATCH_ID ?? null, PAYER_ID: r.PAYER_ID ?? null, XZDM: r.XZ_CODE ?? null,
      FKSSQ: yyyymm(r.PERIOD), JE_FEN: r.AMOUNT_FEN ?? 0, CLZT: failed ? '03' : batch.STATUS === 'RUNNING' ? '02' : '01', CLSJ: r.PAID_AT ?? null,
    });
  }
  const periods = [...new Set(jk.map((r) => String(r.PERIOD)))].sort().slice(-3);
  const jfxx: Row[] = jk.filter((r) => periods.includes(String(r.PERIOD))).map((r) => ({
    JFXX_ID: r.VOUCHER_NO ?? null, PAYER_ID: r.PAYER_ID ?? null, XZDM: r.XZ_CODE ?? null, FKSSQ: yyyymm(r.PERIOD), JE_FEN: r.AMOUNT_FEN ?? 0, JFRQ: r.PAID_AT ?? null,
  }));
  const tables: Record<string, LabTable> = {
    'SBF.T_PK_PCMX': { columns: Object.keys(PCMX_DEFS), key: ['PCMX_ID'], rows: pcmx, defs: structuredClone(PCMX_DEFS), keyName: 'PK_T_PK_PCMX', tablespace: 'SBF_DATA', comment: '批扣批次明细' },
    'SBF.T_JF_JFXX': { columns: Object.keys(JFXX_DEFS), key: ['JFXX_ID'], rows: jfxx, defs: structuredClone(JFXX_DEFS), keyName: 'PK_T_JF_JFXX', tablespace: 'SBF_DATA', comment: '缴费信息' },
  };
  const indexes = {
    'SBF.PK_T_PK_PCMX': pkIndex('SBF.T_PK_PCMX', 'PK_T_PK_PCMX', ['PCMX_ID'], resetAt),
    'SBF.PK_T_JF_JFXX': pkIndex('SBF.T_JF_JFXX', 'PK_T_JF_JFXX', ['JFXX_ID'], resetAt),
  };
  return { tables, indexes };
}
