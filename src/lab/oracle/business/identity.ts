/**
 * Synthetic personal and organisation data for the business tables: 身份证号 (18 chars, GB
 * 11643 check digit), 统一社会信用代码 (GB 32100 check character), names, mobile numbers and
 * Luhn-valid bank card numbers. All generated from a seeded stream — no real person's data.
 */

/** The lab's one seeded stream (mulberry32 per seed and key), under the names this folder uses. */
import type { Rng as Rand } from '../../state/random.js';

export { rngFor as rand } from '../../state/random.js';
export type { Rand };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, ch, i) => s + Number(ch) * (ID_WEIGHTS[i] ?? 0), 0);
  return ID_CHECK[sum % 11] ?? '0';
}

export function isValidIdNo(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** Hebei county codes (石家庄, 唐山, 邯郸, 保定, 廊坊). */
const AREAS = ['130102', '130104', '130203', '130402', '130602', '131002'];

export function idNo(r: Rand): string {
  const y = r.int(1962, 2004);
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  const body = `${r.pick(AREAS)}${y}${m}${d}${String(r.int(1, 999)).padStart(3, '0')}`;
  return body + idCheckDigit(body);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function uscc(r: Rand, kind: '91' | '12' | '11'): string {
  let body = `${kind}${r.pick(AREAS)}`;
  while (body.length < 17) body += USCC_CHARS[r.int(0, 30)];
  const sum = [...body].reduce((s, ch, i) => s + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
  return body + (USCC_CHARS[(31 - (sum % 31)) % 31] ?? '0');
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'];

export function personName(r: Rand): string {
  return r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.6 ? r.pick(GIVEN) : '');
}

const ORG_WORDS = ['华北', '冀中', '燕赵', '恒信', '长城', '太行', '渤海', '正定', '滹沱'];
const ORG_KINDS = ['建材有限公司', '机械制造有限公司', '商贸有限公司', '物流有限公司', '食品有限公司'];

export function orgName(r: Rand, kind: 'enterprise' | 'public' | 'virtual'): string {
  if (kind === 'public') return `${r.pick(['石家庄市', '保定市', '唐山市'])}${r.pick(['第一中学', '人民医院', '图书馆', '水务局'])}`;
  if (kind === 'virtual') return `${r.pick(['正定县', '栾城区', '鹿泉区'])}${r.pick(['城乡居民批扣户', '乡镇代收虚拟户'])}`;
  return `河北${r.pick(ORG_WORDS)}${r.pick(ORG_KINDS)}`;
}

export function mobile(r: Rand): string {
  return `1${r.pick(['35', '38', '39', '52', '58', '87', '88'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

function luhnDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return String((10 - (sum % 10)) % 10);
}

export function bankCard(r: Rand, bin: string): string {
  let body = bin;
  while (body.length < 18) body += String(r.int(0, 9));
  return body + luhnDigit(body);
}

export function isLuhnValid(card: string): boolean {
  return luhnDigit(card.slice(0, -1)) === card.slice(-1);
}
