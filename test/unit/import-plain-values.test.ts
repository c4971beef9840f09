import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../src/domain/import/cell-result';
import { parseDate, parseDateText, plainDate } from '../../src/domain/import/parse-date';
import {
  type AmountFormat,
  parseAmount,
  parseAmountText,
  parseInteger,
  parseIntegerText,
  plainAmount,
  plainInteger,
} from '../../src/domain/import/parse-number';

const ref = { field: 'x', row: 7 };

const amountFormat: fc.Arbitrary<AmountFormat> = fc
  .record({
    scale: fc.integer({ min: 0, max: 4 }),
    decimalSeparator: fc.constantFrom('.' as const, ',' as const),
    thousandsSeparator: fc.constantFrom(',' as const, '.' as const, ' ' as const, "'" as const, ''),
    rounding: fc.constantFrom('reject' as const, 'half-up' as const, 'half-even' as const),
    allowNegative: fc.boolean(),
  })
  .filter((f) => f.decimalSeparator !== f.thousandsSeparator);

/** Text that is often a plain number and often almost one. */
const numberish = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ','), maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('0', '7', '.', ',', '-', ' ', '¥', 'e', '٣', '１'),
    maxLength: 8,
  }),
  fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.nat({ max: 99999 }))
    .map(([i, f]) => `${i}.${f}`),
);

describe('plain fast paths give exactly what the full parsers give', () => {
  it('amounts', () => {
    fc.assert(
      fc.property(numberish, amountFormat, (text, fmt) => {
        const full = parseAmountText(text, fmt, ref);
        const plain = plainAmount(text, fmt);
        if (plain !== undefined) expect(full).toEqual({ ok: true, value: plain });
        expect(parseAmount(text, fmt, ref)).toEqual(full);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the fast path for what exports write', () => {
    const fmt: AmountFormat = {
      scale: 2,
      decimalSeparator: '.',
      thousandsSeparator: ',',
      rounding: 'reject',
      allowNegative: false,
    };
    expect(plainAmount('11097.85', fmt)).toBe(1109785);
    expect(plainAmount('7', fmt)).toBe(700);
    expect(plainAmount('0.5', fmt)).toBe(50);
    expect(plainAmount('9999999999999.99', fmt)).toBe(999999999999999);
    // Left to the full parser: too many digits, separators, signs, spaces, a third decimal.
    for (const t of ['99999999999999.99', '1,234.50', '-3', ' 3', '1.234', '.5', '5.']) {
      expect(plainAmount(t, fmt)).toBeUndefined();
    }
    expect(plainInteger('12', { min: 1 })).toBe(12);
    expect(plainInteger('0', { min: 1 })).toBeUndefined();
    expect(plainDate('2026-02-28', 'YYYY-MM-DD')).toBe('2026-02-28');
    expect(plainDate('20240229', 'YYYYMMDD')).toBe('2024-02-29');
    expect(plainDate('2026-02-29', 'YYYY-MM-DD')).toBeUndefined();
  });

  it('whole numbers', () => {
    fc.assert(
      fc.property(
        numberish,
        fc.option(fc.integer({ min: -5, max: 100 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 10 ** 6 }), { nil: undefined }),
        fc.constantFrom(',' as const, '.' as const, '' as const),
        (text, min, max, thousandsSeparator) => {
          const fmt = { min, max, thousandsSeparator };
          const full = parseIntegerText(text, fmt, ref);
          const plain = plainInteger(text, fmt);
          if (plain !== undefined) expect(full).toEqual({ ok: true, value: plain });
          expect(parseInteger(text, fmt, ref)).toEqual(full);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('dates', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const dateish = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}${m}${d}`),
      fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ unit: fc.constantFrom('2', '0', '1', '-', '/', ' ', '３'), maxLength: 11 }),
    );
    fc.assert(
      fc.property(
        dateish,
        fc.constantFrom('YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'excel-serial'),
        (text, format) => {
          const full = parseDateText(text, format, ref);
          const plain = plainDate(text, format);
          if (plain !== undefined) expect(full).toEqual({ ok: true, value: plain });
          expect(parseDate(text, format, ref)).toEqual(full);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('blank cells', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(' ', '\u3000', '\u00a0', '\t', 'a', '０', '.', '\u200b'),
        }),
        (text) => {
          expect(isBlank(text)).toBe(text.normalize('NFKC').trim() === '');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
