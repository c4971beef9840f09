import { z } from 'zod';

/**
 * Converts a decimal amount to integer minor units exactly, by string arithmetic (never through
 * a float multiply): '1,234.56' → 123456. Returns undefined when the text is not an amount or has
 * more decimals than `scale` (rounding money silently is never right).
 */
export function toMinorUnits(value: string | number, scale = 2): number | undefined {
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim().replace(/,/g, '');
  const m = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > scale) {
    // Trailing zeros beyond the scale are harmless ('12.500').
    if (/[^0]/.test(frac.slice(scale))) return undefined;
  }
  const digits = `${whole}${frac.slice(0, scale).padEnd(scale, '0')}`;
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return undefined;
  return sign === '-' ? -n : n;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // toString keeps the shortest round-trip form; exponent forms are refused by the regex above.
  return String(n);
}

/** Formats minor units as a plain decimal string: 123456 → '1234.56'. */
export function fromMinorUnits(minor: number, scale = 2): string {
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${s}` : `${sign}${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** A zod schema for a money amount given as a decimal string or number, output in minor units. */
export function moneySchema(field: string, opts: { allowNegative?: boolean } = {}) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const minor = toMinorUnits(v);
    if (minor === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${field} must be an amount with at most 2 decimals, e.g. 1234.56`,
      });
      return z.NEVER;
    }
    if (!opts.allowNegative && minor < 0) {
      ctx.addIssue({ code: 'custom', message: `${field} must not be negative` });
      return z.NEVER;
    }
    return minor;
  });
}

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 is refused). */
export function dateSchema(field: string) {
  return z.string().refine(isCalendarDate, `${field} must be a real date as YYYY-MM-DD`);
}

/** True for 'YYYY-MM-DD' strings naming a real day. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
