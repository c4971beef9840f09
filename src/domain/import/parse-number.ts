import { type CellRef, type CellResult, cellIssue, cellOk } from './cell-result';

/** How amounts are written in a file and how they become integer minor units. */
export interface AmountFormat {
  /** Digits after the decimal point in the stored integer: 2 turns 12.34 into 1234. */
  scale: number;
  decimalSeparator: '.' | ',';
  /** '' when the file has none. */
  thousandsSeparator: ',' | '.' | ' ' | "'" | '';
  /**
   * What to do with more decimals than `scale`: refuse the value ('reject'), round half away
   * from zero ('half-up') or half to even ('half-even', banker's rounding).
   */
  rounding: 'reject' | 'half-up' | 'half-even';
  allowNegative: boolean;
}

export const DEFAULT_AMOUNT_FORMAT: AmountFormat = {
  scale: 2,
  decimalSeparator: '.',
  thousandsSeparator: ',',
  rounding: 'reject',
  allowNegative: false,
};

// Currency marks that ERP exports put before or after amounts; NFKC has already turned ￥ into ¥.
const CURRENCY_BEFORE = /^(?:[¥$€£]|cny|rmb|usd|hkd|eur|us\$|hk\$)\s*/i;
const CURRENCY_AFTER = /\s*(?:元|人民币|cny|rmb|usd|hkd|eur)$/i;

interface SplitNumber {
  negative: boolean;
  int: string;
  frac: string;
}

/**
 * Splits numeric text into sign, integer digits and fraction digits without ever making a
 * float: accepts a leading + or -, the Unicode minus, accounting parentheses "(1,234.50)",
 * thousands separators only in groups of three, and full-width digits. Returns a reason string
 * on failure.
 */
function splitNumber(
  text: string,
  fmt: Pick<AmountFormat, 'decimalSeparator' | 'thousandsSeparator'>,
): SplitNumber | string {
  let t = text
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!.trim();
  }
  t = t.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  const sign = /^([+-])\s*/.exec(t);
  if (sign) {
    if (paren) return 'has both parentheses and a sign';
    negative = sign[1] === '-';
    t = t.slice(sign[0].length);
    t = t.replace(CURRENCY_BEFORE, '');
  }
  if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(t)) return 'is in scientific notation, which loses digits';
  const pieces = t.split(fmt.decimalSeparator);
  if (pieces.length > 2) return `has more than one decimal separator "${fmt.decimalSeparator}"`;
  const [intText = '', frac = ''] = pieces;
  if (!/^\d*$/.test(frac)) return 'has something other than digits after the decimal separator';
  if (intText === '' && frac === '') return 'has no digits';
  let int = intText;
  const sep = fmt.thousandsSeparator;
  if (sep && int.includes(sep)) {
    const grouped = new RegExp(`^\\d{1,3}(?:${sep.replace(/[.]/g, '\\.')}\\d{3})+$`);
    if (!grouped.test(int)) return `has the thousands separator "${sep}" in the wrong place`;
    int = int.split(sep).join('');
  }
  if (!/^\d*$/.test(int)) return 'is not a number';
  return { negative, int: int.replace(/^0+(?=\d)/, '') || '0', frac };
}

function describeFormat(fmt: AmountFormat): string {
  const sample = `1${fmt.thousandsSeparator}234${fmt.decimalSeparator}${'5'.repeat(Math.max(fmt.scale, 1))}`;
  return `an amount such as ${sample} with at most ${fmt.scale} decimals${fmt.allowNegative ? '' : ', not negative'}`;
}

/**
 * Parses an amount into integer minor units exactly, by string arithmetic (never through a
 * float): with scale 2, "1,234.56" is 123456 and "(12.30)" is -1230. More decimals than
 * `scale` are refused by default, or rounded when the format says how; negative amounts are
 * refused unless allowed; results beyond ±9,007,199,254,740,991 minor units are refused.
 * @example parseAmount('1,234.56', DEFAULT_AMOUNT_FORMAT, { field: 'amount', row: 2 }) // { ok: true, value: 123456 }
 * @example parseAmount('12.345', DEFAULT_AMOUNT_FORMAT, { field: 'amount' }).ok // false
 */
export function parseAmount(text: string, fmt: AmountFormat, ref: CellRef): CellResult<number> {
  const fast = plainAmount(text, fmt);
  return fast === undefined ? parseAmountText(text, fmt, ref) : cellOk(fast);
}

/** Most digits the plain paths below read: 10^15 − 1 is well inside Number.MAX_SAFE_INTEGER. */
const PLAIN_DIGITS = 15;
const POW10 = [1, 10, 100, 1000, 10000];

/**
 * The amount in minor units when `text` is plain ASCII digits with at most one decimal
 * separator, digits on both sides of it, no more decimals than `scale` and at most 15 digits
 * once scaled — what exports write almost always; undefined for anything else, which then goes through
 * the full parser. Gives exactly what {@link parseAmount} gives (a property test checks it), with
 * no string or BigInt made on the way.
 */
export function plainAmount(text: string, fmt: AmountFormat): number | undefined {
  const n = text.length;
  if (n === 0 || n > PLAIN_DIGITS + 1 || fmt.scale > 4) return undefined;
  const sep = fmt.decimalSeparator.charCodeAt(0);
  let value = 0;
  let digits = 0;
  let frac = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === sep && frac < 0 && i > 0 && i < n - 1) {
      frac = 0;
    } else return undefined;
  }
  const decimals = Math.max(frac, 0);
  // Scaled to minor units the number must still have at most 15 digits.
  if (decimals > fmt.scale || digits + fmt.scale - decimals > PLAIN_DIGITS) return undefined;
  return value * (POW10[fmt.scale - decimals] as number);
}

/** {@link parseAmount} without the plain fast path: the reference it is tested against. */
export function parseAmountText(text: string, fmt: AmountFormat, ref: CellRef): CellResult<number> {
  const expected = describeFormat(fmt);
  const split = splitNumber(text, fmt);
  if (typeof split === 'string') {
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" ${split}`, expected);
  }
  const { negative, int } = split;
  let frac = split.frac;
  let roundUp = false;
  if (frac.length > fmt.scale) {
    const dropped = frac.slice(fmt.scale);
    frac = frac.slice(0, fmt.scale);
    if (/[1-9]/.test(dropped)) {
      if (fmt.rounding === 'reject') {
        return cellIssue(
          ref,
          text,
          `${ref.field} "${text.trim()}" has ${split.frac.length} decimals; at most ${fmt.scale} are allowed`,
          expected,
        );
      }
      const half = dropped[0]! > '5' || (dropped[0] === '5' && /[1-9]/.test(dropped.slice(1)));
      const tie = dropped[0] === '5' && !/[1-9]/.test(dropped.slice(1));
      const lastDigit = Number((int + frac).slice(-1));
      roundUp = half || (tie && (fmt.rounding === 'half-up' || lastDigit % 2 === 1));
    }
  }
  let units = BigInt(int + frac.padEnd(fmt.scale, '0')) + (roundUp ? 1n : 0n);
  if (negative) units = -units;
  if (units < 0n && !fmt.allowNegative) {
    return cellIssue(
      ref,
      text,
      `${ref.field} "${text.trim()}" is negative, which is not allowed here`,
      expected,
    );
  }
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" is too large`, expected);
  }
  // -0 and 0 are the same amount; Number(-0n) is 0 already, the `+ 0` guards the float -0.
  return cellOk(Number(units) + 0);
}

/** Bounds and separators for whole numbers such as quantities. */
export interface IntegerFormat {
  min?: number;
  max?: number;
  thousandsSeparator?: AmountFormat['thousandsSeparator'];
}

/**
 * Parses a whole number. Thousands separators (when given) and a fraction of zeros ("3.00",
 * as spreadsheets export numeric columns) are accepted; any other fraction is not.
 * @example parseInteger('1,200', { min: 0, thousandsSeparator: ',' }, { field: 'quantity' }) // { ok: true, value: 1200 }
 * @example parseInteger('-2', { min: 0 }, { field: 'quantity' }).ok // false: must not be negative
 */
export function parseInteger(text: string, fmt: IntegerFormat, ref: CellRef): CellResult<number> {
  const fast = plainInteger(text, fmt);
  return fast === undefined ? parseIntegerText(text, fmt, ref) : cellOk(fast);
}

/**
 * The number when `text` is 1 to 15 plain ASCII digits within the bounds; undefined otherwise
 * (the full parser then reads it or says what is wrong). Same results as {@link parseInteger}.
 */
export function plainInteger(text: string, fmt: IntegerFormat): number | undefined {
  const n = text.length;
  if (n === 0 || n > PLAIN_DIGITS) return undefined;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    value = value * 10 + (c - 48);
  }
  if ((fmt.min !== undefined && value < fmt.min) || (fmt.max !== undefined && value > fmt.max)) {
    return undefined;
  }
  return value;
}

/** {@link parseInteger} without the plain fast path: the reference it is tested against. */
export function parseIntegerText(
  text: string,
  fmt: IntegerFormat,
  ref: CellRef,
): CellResult<number> {
  const bounds =
    fmt.min === 0 ? ', not negative' : fmt.min !== undefined ? `, at least ${fmt.min}` : '';
  const expected = `a whole number${bounds}${fmt.max !== undefined ? `, at most ${fmt.max}` : ''}`;
  const sepForDecimal = fmt.thousandsSeparator === '.' ? ',' : '.';
  const split = splitNumber(text, {
    decimalSeparator: sepForDecimal,
    thousandsSeparator: fmt.thousandsSeparator ?? '',
  });
  if (typeof split === 'string') {
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" ${split}`, expected);
  }
  if (/[1-9]/.test(split.frac)) {
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" is not a whole number`, expected);
  }
  const big = BigInt(split.int) * (split.negative ? -1n : 1n);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" is too large`, expected);
  }
  const n = Number(big) + 0;
  if (fmt.min !== undefined && n < fmt.min) {
    const why = fmt.min === 0 ? 'must not be negative' : `must be at least ${fmt.min}`;
    return cellIssue(ref, text, `${ref.field} "${text.trim()}" ${why}`, expected);
  }
  if (fmt.max !== undefined && n > fmt.max) {
    return cellIssue(
      ref,
      text,
      `${ref.field} "${text.trim()}" must be at most ${fmt.max}`,
      expected,
    );
  }
  return cellOk(n);
}
