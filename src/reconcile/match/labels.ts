/**
 * Words of the reports in both languages: payer types (docs/lab-oracle.md codes), 险种 (人社
 * AAE140 / 医保 insutype codes, reference/domain.md §3.2), exception classes, sides, columns.
 */
import type { ExceptionClass, Side, UnpaidStatus } from './types.js';

export type Lang = 'zh' | 'en';
type Words = Record<string, { zh: string; en: string }>;

export const PAYER_TYPES: Words = {
  11: { zh: '单位-企业', en: 'Unit: enterprise' },
  12: { zh: '单位-机关事业单位', en: 'Unit: government/public institution' },
  13: { zh: '单位-虚拟户', en: 'Unit: virtual account' },
  21: { zh: '个人-灵活就业', en: 'Individual: flexible employment' },
  22: { zh: '个人-城乡居民', en: 'Individual: urban/rural resident' },
};

export const XZ: Words = {
  110: { zh: '企业职工基本养老保险', en: 'Employee basic pension' },
  120: { zh: '机关事业单位养老保险', en: 'Public-sector pension' },
  170: { zh: '城乡居民基本养老保险', en: 'Resident basic pension' },
  210: { zh: '失业保险', en: 'Unemployment' },
  310: { zh: '职工基本医疗保险', en: 'Employee basic medical' },
  390: { zh: '城乡居民基本医疗保险', en: 'Resident basic medical' },
  410: { zh: '工伤保险', en: 'Work injury' },
  510: { zh: '生育保险', en: 'Maternity' },
};

export const CLASS: Record<ExceptionClass, { zh: string; en: string }> = {
  'in-transit': { zh: '在途', en: 'in transit' },
  'one-side-only': { zh: '单边', en: 'one side only' },
  'amount-mismatch': { zh: '金额不符', en: 'amount mismatch' },
  duplicate: { zh: '重复', en: 'duplicate' },
  'reversal-refund': { zh: '冲正/退费', en: 'reversal/refund' },
};

export const SIDE: Record<Side, { zh: string; en: string }> = {
  tax: { zh: '仅税务方', en: 'tax side only' },
  other: { zh: '仅对方', en: 'other side only' },
  both: { zh: '双方', en: 'both sides' },
};

export const UNPAID: Record<UnpaidStatus, { zh: string; en: string }> = {
  unpaid: { zh: '应缴未缴', en: 'not paid' },
  underpaid: { zh: '未足额', en: 'underpaid' },
};

export const COLUMN: Words = {
  PAYER_TYPE: { zh: '缴费人类型', en: 'Payer type' },
  XZ_CODE: { zh: '险种', en: 'Insurance type' },
  PERIOD: { zh: '费款所属期', en: 'Fee period' },
  TAX_OFFICE: { zh: '税务机关', en: 'Tax office' },
  VOUCHER_NO: { zh: '电子税票号码', en: 'Voucher no.' },
  PAYER_ID: { zh: '缴费人编号', en: 'Payer id' },
};

export function word(words: Words, code: string, lang: Lang): string {
  const w = words[code];
  return w ? `${code} ${w[lang]}` : code;
}

/** A group or key value with its label when the column has coded values. */
export function valueLabel(column: string, value: string, lang: Lang): string {
  if (column === 'PAYER_TYPE') return word(PAYER_TYPES, value, lang);
  if (column === 'XZ_CODE') return word(XZ, value, lang);
  return value;
}

export function columnLabel(column: string, lang: Lang): string {
  return COLUMN[column]?.[lang] ?? column;
}
