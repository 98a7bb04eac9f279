/**
 * The payers (缴费人) of the business tables: units (企业, 机关事业单位, 虚拟户) and individuals
 * (灵活就业, 城乡居民), with the 险种 each pays and a plausible monthly amount in fen.
 */
import type { Scalar } from '../../state/types.js';
import type { Rand } from './identity.js';
import { bankCard, idNo, mobile, orgName, personName, uscc } from './identity.js';

export interface PayerType { code: string; name: string; cls: '单位' | '个人'; count: number; xz: string[] }

export const PAYER_TYPES: PayerType[] = [
  { code: '11', name: '企业', cls: '单位', count: 26, xz: ['110', '310'] },
  { code: '12', name: '机关事业单位', cls: '单位', count: 8, xz: ['120'] },
  { code: '13', name: '虚拟户', cls: '单位', count: 6, xz: ['390'] },
  { code: '21', name: '灵活就业', cls: '个人', count: 40, xz: ['110'] },
  { code: '22', name: '城乡居民', cls: '个人', count: 40, xz: ['170', '390'] },
];

export const XZ_DEPT: Record<string, '人社' | '医保'> = { 110: '人社', 120: '人社', 170: '人社', 210: '人社', 410: '人社', 310: '医保', 390: '医保', 510: '医保' };

export const TAX_OFFICES = ['11301020000', '11301040000', '11302030000', '11304020000', '11306020000', '11310020000'];

export const BANKS: Array<{ code: string; name: string; bin: string }> = [
  { code: '102', name: '中国工商银行', bin: '622202' }, { code: '103', name: '中国农业银行', bin: '622848' },
  { code: '105', name: '中国建设银行', bin: '621700' }, { code: '403', name: '中国邮政储蓄银行', bin: '621799' },
];

export interface Payer {
  id: string;
  type: PayerType;
  idNo: string;
  taxOffice: string;
  bank: (typeof BANKS)[number];
  row: Record<string, Scalar>;
}

export function makePayers(r: Rand): Payer[] {
  const payers: Payer[] = [];
  for (const type of PAYER_TYPES) {
    for (let i = 1; i <= type.count; i++) {
      const id = `13${type.code}${String(i).padStart(6, '0')}`;
      const unit = type.cls === '单位';
      const number = unit ? uscc(r, type.code === '12' ? '12' : '91') : idNo(r);
      const bank = r.pick(BANKS);
      const taxOffice = r.pick(TAX_OFFICES);
      const name = unit ? orgName(r, type.code === '11' ? 'enterprise' : type.code === '12' ? 'public' : 'virtual') : personName(r);
      payers.push({
        id, type, idNo: number, taxOffice, bank,
        row: {
          PAYER_ID: id, PAYER_TYPE: type.code, PAYER_TYPE_NAME: type.name, PAYER_CLASS: type.cls, NAME: name, ID_NO: number,
          PHONE: mobile(r), BANK_CODE: bank.code, BANK_ACCOUNT: bankCard(r, bank.bin), TAX_OFFICE: taxOffice, AGREEMENT: r.next() < 0.8 ? 'Y' : 'N',
        },
      });
    }
  }
  return payers;
}

/** A monthly amount in fen for one payer and 险种 (base × rate, rounded to the fen). */
export function amountFen(r: Rand, payer: Payer, xz: string): number {
  if (xz === '390') return payer.type.code === '13' ? r.int(20, 80) * 38_000 : 38_000;
  if (xz === '170') return r.pick([20_000, 30_000, 50_000, 100_000, 200_000]);
  const base = r.int(4_000_00, 25_000_00);
  const rate = xz === '110' ? (payer.type.code === '21' ? 20 : 24) : xz === '120' ? 24 : 8;
  return Math.round((base * rate) / 100) * (payer.type.cls === '单位' ? r.int(5, 60) : 1);
}
