/**
 * The unpaid list (应缴未缴 / 未足额) as CSV for the bureau: one line per payer × 险种 × 费款所属期,
 * personal data masked, amounts in yuan with two decimals. RFC 4180 quoting; UTF-8 with BOM so
 * spreadsheet software shows the Chinese headers.
 */
import { yuan } from './amount.js';
import { UNPAID, valueLabel, type Lang } from './labels.js';
import type { UnpaidResult } from './types.js';

const HEAD = {
  zh: ['缴费人编号', '缴费人名称', '证件号码', '联系电话', '缴费人类型', '险种', '费款所属期', '税务机关', '应征金额(元)', '实征金额(元)', '欠缴金额(元)', '状态', '含退费'],
  en: ['Payer id', 'Name', 'ID no.', 'Phone', 'Payer type', 'Insurance type', 'Fee period', 'Tax office', 'Due (CNY)', 'Paid (CNY)', 'Owed (CNY)', 'Status', 'Refunded'],
};

export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function unpaidCsv(u: UnpaidResult | null, lang: Lang): string {
  const lines = [HEAD[lang].map(csvCell).join(',')];
  for (const e of u?.entries ?? []) {
    lines.push([
      e.payerId, e.nameMasked ?? '', e.idNoMasked ?? '', e.phoneMasked ?? '', valueLabel('PAYER_TYPE', e.payerType, lang),
      valueLabel('XZ_CODE', e.keys['XZ_CODE'] ?? '', lang), e.keys['PERIOD'] ?? '', e.taxOffice,
      yuan(e.dueFen), yuan(e.paidFen), yuan(e.owedFen), UNPAID[e.status][lang], e.refunded ? (lang === 'zh' ? '是' : 'yes') : '',
    ].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
