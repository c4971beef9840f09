import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../src/domain/import/cell-result';
import { DATE_FORMATS, isDateFormat, parseDate } from '../../src/domain/import/parse-date';
import { parseEnum } from '../../src/domain/import/parse-enum';
import {
  type AmountFormat,
  DEFAULT_AMOUNT_FORMAT,
  parseAmount,
  parseInteger,
} from '../../src/domain/import/parse-number';

const ref = { field: 'date', row: 5 };
const amountRef = { field: 'amount', row: 9 };

describe('parseDate', () => {
  it.each([
    ['2026-03-07', 'YYYY-MM-DD', '2026-03-07'],
    ['20260307', 'YYYYMMDD', '2026-03-07'],
    ['2026/3/7', 'YYYY/M/D', '2026-03-07'],
    ['2026/03/07', 'YYYY/M/D', '2026-03-07'],
    ['2026年3月7日', 'YYYY年M月D日', '2026-03-07'],
    ['07/03/2026', 'DD/MM/YYYY', '2026-03-07'],
    ['03/07/2026', 'MM/DD/YYYY', '2026-03-07'],
    [' 2026-03-07 ', 'YYYY-MM-DD', '2026-03-07'],
    ['2024-02-29', 'YYYY-MM-DD', '2024-02-29'],
    ['2026-03-07 13:45:09', 'YYYY-MM-DD HH:mm:ss', '2026-03-07T13:45:09'],
    ['19970101', 'YYYYMMDD', '1997-01-01'],
    ['2024-01-05', 'YYYY/M/D', '2024-01-05'], // ISO from an XLSX date cell
    ['45292', 'excel-serial', '2024-01-01'],
    ['45292.75', 'excel-serial', '2024-01-01'],
    ['1', 'excel-serial', '1900-01-01'],
    ['59', 'excel-serial', '1900-02-28'],
    ['61', 'excel-serial', '1900-03-01'],
  ])('%s as %s → %s', (text, format, iso) => {
    expect(parseDate(text, format, ref)).toEqual({ ok: true, value: iso });
  });

  it('is strict: impossible dates are errors, not rolled over', () => {
    expect(parseDate('2026-02-30', 'YYYY-MM-DD', ref)).toEqual({
      ok: false,
      issue: {
        row: 5,
        field: 'date',
        value: '2026-02-30',
        message: 'date "2026-02-30" is not a date: 2026-02 has 28 days',
        expected: 'a date as YYYY-MM-DD',
      },
    });
    expect(parseDate('2023-02-29', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('1900-02-29', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('2026-13-01', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('2026-3-7', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('2026/03/07', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('2026-03-07 25:00:00', 'YYYY-MM-DD HH:mm:ss', ref).ok).toBe(false);
    expect(parseDate('', 'YYYY-MM-DD', ref).ok).toBe(false);
    expect(parseDate('60', 'excel-serial', ref).ok).toBe(false); // Excel's phantom 1900-02-29
    expect(parseDate('-3', 'excel-serial', ref).ok).toBe(false);
  });

  it('knows which formats it understands', () => {
    for (const f of DATE_FORMATS) expect(isDateFormat(f)).toBe(true);
    expect(isDateFormat('YYYY-MM')).toBe(false);
    expect(isDateFormat('DD/DD/YYYY')).toBe(false);
    expect(parseDate('2026', 'YYYY', ref)).toMatchObject({
      ok: false,
      issue: { message: 'date format "YYYY" is not understood' },
    });
  });

  it('round-trips every real date in every format', () => {
    const formats = DATE_FORMATS.filter((f) => f !== 'excel-serial' && !f.includes('H'));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...formats),
        (d, format) => {
          const y = String(d.getUTCFullYear()).padStart(4, '0');
          const m = d.getUTCMonth() + 1;
          const day = d.getUTCDate();
          const text = format
            .replace('YYYY', y)
            .replace('MM', String(m).padStart(2, '0'))
            .replace('DD', String(day).padStart(2, '0'))
            .replace('M', String(m))
            .replace('D', String(day));
          expect(parseDate(text, format, ref)).toEqual({
            ok: true,
            value: d.toISOString().slice(0, 10),
          });
        },
      ),
    );
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...DATE_FORMATS, 'junk'), (text, format) => {
        const r = parseDate(text, format, ref);
        if (!r.ok) expect(r.issue).toMatchObject({ field: 'date', row: 5, value: text });
      }),
    );
  });
});

describe('parseAmount', () => {
  it.each([
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0.01', 1],
    ['.5', 50],
    ['12.', 1200],
    ['¥1,234.56', 123456],
    ['￥ 88', 8800],
    ['88元', 8800],
    ['RMB 1,000.00', 100000],
    ['１，２３４．５６', 123456],
    ['12.300', 1230],
    ['00012.30', 1230],
    [' 7 ', 700],
  ])('%s → %i', (text, units) => {
    expect(parseAmount(text, DEFAULT_AMOUNT_FORMAT, amountRef)).toEqual({ ok: true, value: units });
  });

  it('never uses floats: values beyond float precision stay exact', () => {
    expect(parseAmount('90071992547409.91', DEFAULT_AMOUNT_FORMAT, amountRef)).toEqual({
      ok: true,
      value: 9007199254740991,
    });
    expect(parseAmount('90071992547409.92', DEFAULT_AMOUNT_FORMAT, amountRef).ok).toBe(false);
    expect(parseAmount('0.1', { ...DEFAULT_AMOUNT_FORMAT, scale: 4 }, amountRef)).toEqual({
      ok: true,
      value: 1000,
    });
  });

  it('refuses extra decimals by default and rounds only when told how', () => {
    const r = parseAmount('12.345', DEFAULT_AMOUNT_FORMAT, amountRef);
    expect(r).toEqual({
      ok: false,
      issue: {
        row: 9,
        field: 'amount',
        value: '12.345',
        message: 'amount "12.345" has 3 decimals; at most 2 are allowed',
        expected: 'an amount such as 1,234.55 with at most 2 decimals, not negative',
      },
    });
    const halfUp: AmountFormat = {
      ...DEFAULT_AMOUNT_FORMAT,
      rounding: 'half-up',
      allowNegative: true,
    };
    const halfEven: AmountFormat = { ...halfUp, rounding: 'half-even' };
    expect(parseAmount('12.345', halfUp, amountRef)).toEqual({ ok: true, value: 1235 });
    expect(parseAmount('12.345', halfEven, amountRef)).toEqual({ ok: true, value: 1234 });
    expect(parseAmount('12.355', halfEven, amountRef)).toEqual({ ok: true, value: 1236 });
    expect(parseAmount('12.3451', halfEven, amountRef)).toEqual({ ok: true, value: 1235 });
    expect(parseAmount('-12.345', halfUp, amountRef)).toEqual({ ok: true, value: -1235 });
    expect(parseAmount('0.994', halfUp, amountRef)).toEqual({ ok: true, value: 99 });
    expect(parseAmount('9.995', halfUp, amountRef)).toEqual({ ok: true, value: 1000 });
  });

  it('flags negative amounts unless they are allowed', () => {
    expect(parseAmount('-5', DEFAULT_AMOUNT_FORMAT, amountRef)).toMatchObject({
      ok: false,
      issue: { message: 'amount "-5" is negative, which is not allowed here' },
    });
    const allow = { ...DEFAULT_AMOUNT_FORMAT, allowNegative: true };
    expect(parseAmount('-5', allow, amountRef)).toEqual({ ok: true, value: -500 });
    expect(parseAmount('(1,234.50)', allow, amountRef)).toEqual({ ok: true, value: -123450 });
    expect(parseAmount('\u22125', allow, amountRef)).toEqual({ ok: true, value: -500 });
    expect(parseAmount('-0', DEFAULT_AMOUNT_FORMAT, amountRef)).toEqual({ ok: true, value: 0 });
  });

  it('follows the separators of the mapping', () => {
    const eu: AmountFormat = {
      ...DEFAULT_AMOUNT_FORMAT,
      decimalSeparator: ',',
      thousandsSeparator: '.',
    };
    expect(parseAmount('1.234,56', eu, amountRef)).toEqual({ ok: true, value: 123456 });
    expect(parseAmount('1234,5', eu, amountRef)).toEqual({ ok: true, value: 123450 });
    const spaced: AmountFormat = { ...DEFAULT_AMOUNT_FORMAT, thousandsSeparator: ' ' };
    expect(parseAmount('1 234 567.00', spaced, amountRef)).toEqual({ ok: true, value: 123456700 });
    const yen: AmountFormat = { ...DEFAULT_AMOUNT_FORMAT, scale: 0 };
    expect(parseAmount('1,234', yen, amountRef)).toEqual({ ok: true, value: 1234 });
  });

  it.each([
    '',
    'abc',
    '1,23.4',
    '12,34',
    '1.2.3',
    '1e5',
    '1.5E+07',
    '--1',
    '(-1)',
    '$',
    '1 234',
    '12a',
  ])('refuses %j with a FieldIssue', (text) => {
    const r = parseAmount(text, DEFAULT_AMOUNT_FORMAT, amountRef);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ row: 9, field: 'amount', value: text });
  });

  it('round-trips any integer of minor units written with separators', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.boolean(),
        (units, grouped) => {
          const s = units.toString().padStart(3, '0');
          const int = s.slice(0, -2);
          const text = `${grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int}.${s.slice(-2)}`;
          expect(parseAmount(text, DEFAULT_AMOUNT_FORMAT, amountRef)).toEqual({
            ok: true,
            value: Number(units),
          });
        },
      ),
    );
  });

  it('never throws, and fails only with a FieldIssue', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom<AmountFormat['rounding']>('reject', 'half-up', 'half-even'),
        (text, rounding) => {
          const r = parseAmount(text, { ...DEFAULT_AMOUNT_FORMAT, rounding }, amountRef);
          if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
          else expect(r.issue.field).toBe('amount');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseInteger', () => {
  const q = { field: 'quantity', row: 3 };
  it('accepts whole numbers, separators when configured, and zero fractions', () => {
    expect(parseInteger('42', {}, q)).toEqual({ ok: true, value: 42 });
    expect(parseInteger('1,200', { thousandsSeparator: ',' }, q)).toEqual({
      ok: true,
      value: 1200,
    });
    expect(parseInteger('3.00', {}, q)).toEqual({ ok: true, value: 3 });
    expect(parseInteger('-2', {}, q)).toEqual({ ok: true, value: -2 });
  });

  it('flags negatives, fractions and bounds', () => {
    expect(parseInteger('-2', { min: 0 }, q)).toMatchObject({
      ok: false,
      issue: {
        message: 'quantity "-2" must not be negative',
        expected: 'a whole number, not negative',
      },
    });
    expect(parseInteger('2.5', {}, q)).toMatchObject({
      ok: false,
      issue: { message: 'quantity "2.5" is not a whole number' },
    });
    expect(parseInteger('11', { min: 1, max: 10 }, q)).toMatchObject({
      ok: false,
      issue: { message: 'quantity "11" must be at most 10' },
    });
    expect(parseInteger('0', { min: 1 }, q).ok).toBe(false);
    expect(parseInteger('1,200', {}, q).ok).toBe(false);
    expect(parseInteger('99999999999999999999', {}, q).ok).toBe(false);
  });

  it('round-trips safe integers and never throws', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n), {}, q)).toEqual({ ok: true, value: n });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseInteger(s, { min: 0 }, q);
      }),
    );
  });
});

describe('parseEnum', () => {
  const types = [
    { value: 'enterprise', labels: ['企业', 'Enterprise'] },
    { value: 'individual', labels: ['个人'] },
    'internal',
  ];
  it('matches values and labels, ignoring case, width and spacing', () => {
    const f = { field: 'type', row: 2 };
    expect(parseEnum('企业', types, f)).toEqual({ ok: true, value: 'enterprise' });
    expect(parseEnum(' ENTERPRISE ', types, f)).toEqual({ ok: true, value: 'enterprise' });
    expect(parseEnum('ｉｎｔｅｒｎａｌ', types, f)).toEqual({ ok: true, value: 'internal' });
    expect(parseEnum('集团', types, f)).toEqual({
      ok: false,
      issue: {
        row: 2,
        field: 'type',
        value: '集团',
        message: 'type "集团" is not one of the allowed values',
        expected: 'one of enterprise (企业/Enterprise), individual (个人), internal',
      },
    });
  });
});

describe('isBlank', () => {
  it('treats spaces of every width as empty', () => {
    expect(isBlank(' \u3000\u00a0')).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('0')).toBe(false);
  });
});
