/**
 * Exact money: database cells to integer fen (bigint) and fen to yuan text. No floating point
 * arithmetic anywhere; a cell that is not an exact decimal is an error, not a rounding.
 */

export class AmountError extends Error {
  override readonly name = 'AmountError';
}

const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?$/;

/** A cell as a plain decimal string (numbers from the driver print exactly up to 15 digits). */
function decimalText(cell: unknown, column: string): string {
  if (typeof cell === 'bigint') return cell.toString();
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new AmountError(`${column}: ${cell} is not an amount`);
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) throw new AmountError(`${column}: ${cell} lost precision before it arrived`);
    const text = String(cell);
    if (/e/i.test(text)) throw new AmountError(`${column}: ${text} is not an exact decimal`);
    return text;
  }
  if (typeof cell === 'string' && cell.trim() !== '') return cell.trim();
  throw new AmountError(`${column}: empty amount`);
}

/** A cell in `unit` (integer fen, or yuan with at most two decimals) as integer fen. */
export function toFen(cell: unknown, unit: 'fen' | 'yuan', column = 'amount'): bigint {
  const text = decimalText(cell, column);
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new AmountError(`${column}: "${text}" is not a decimal amount`);
  const [, sign, whole = '', frac = ''] = m;
  const digits = frac.replace(/0+$/, '');
  if (unit === 'fen' && digits !== '') throw new AmountError(`${column}: "${text}" is not an integer number of fen`);
  if (unit === 'yuan' && digits.length > 2) throw new AmountError(`${column}: "${text}" has fractions of a fen`);
  const fen = unit === 'fen' ? BigInt(whole || '0') : BigInt(whole || '0') * 100n + BigInt(digits.padEnd(2, '0') || '0');
  return sign === '-' ? -fen : fen;
}

/** Integer fen as yuan with two decimals and thousands separators off: -1234.50 */
export function yuan(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${text}` : text;
}

/** Like yuan() with thousands separators, for the Markdown report: 1,234,567.80 */
export function yuanGrouped(fen: bigint): string {
  const [whole = '', frac = ''] = yuan(fen).split('.');
  const neg = whole.startsWith('-');
  const digits = neg ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${frac}`;
}

export function sumFen(values: Iterable<bigint>): bigint {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}
