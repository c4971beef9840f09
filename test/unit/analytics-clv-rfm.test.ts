import { describe, expect, it } from 'vitest';
import { buildRfmSummary, type ClvTransaction } from '../../src/domain/analytics/clv/rfm-summary';
import { DomainError } from '../../src/domain/errors';
import { cdnowTransactions, sharedData } from '../factories/cdnow';

describe('buildRfmSummary on CDNOW', () => {
  const summary = buildRfmSummary(cdnowTransactions(), '1997-09-30', '1998-06-30');

  it('reproduces the published totals', () => {
    expect(summary).toHaveLength(2357);
    expect(summary.reduce((s, c) => s + c.x, 0)).toBe(2457);
    expect(summary.filter((c) => c.x === 0)).toHaveLength(1411);
    expect(summary.filter((c) => c.x > 0)).toHaveLength(946);
    expect(summary.reduce((s, c) => s + c.xHoldout, 0)).toBe(1882);
  });

  it('matches every row of the summary files to their 2-decimal rounding', () => {
    const rows = sharedData('cdnow_customers_summary_with_transactions.csv')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    const plain = sharedData('cdnow_customers_summary.csv').trim().split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(2357);
    const mismatches: string[] = [];
    rows.forEach((line, i) => {
      const [id, x, tX, T, zbar] = line.split(',').map(Number) as number[];
      const [, freq, rec, T2] = plain[i]!.split(',').map(Number) as number[];
      const c = summary[i]!;
      const ok =
        c.customerId === String(id) &&
        c.x === x &&
        c.x === freq &&
        Math.abs(c.tX - tX!) <= 0.005 + 1e-9 &&
        Math.abs(c.tX - rec!) <= 0.005 + 1e-9 &&
        Math.abs(c.T - T!) <= 0.005 + 1e-9 &&
        Math.abs(c.T - T2!) <= 0.005 + 1e-9 &&
        Math.abs(c.zbar - zbar!) <= 0.005 + 1e-9;
      if (!ok) mismatches.push(line);
    });
    expect(mismatches).toEqual([]);
  });

  it('gives the repeat buyers’ spend profile of the JMR paper', () => {
    const z = summary
      .filter((c) => c.x > 0)
      .map((c) => c.zbar)
      .sort((a, b) => a - b);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / (z.length - 1));
    expect(Math.round(mean)).toBe(35);
    expect(Math.round(sd)).toBe(30);
    expect(Math.round(z[0]!)).toBe(3);
    expect(Math.round((z[472]! + z[473]!) / 2)).toBe(27);
    expect(Math.round(z[z.length - 1]!)).toBe(300);
  });
});

describe('buildRfmSummary rules', () => {
  const t = (customerId: string, date: string, amount: number) => ({ customerId, date, amount });

  it('merges same-day purchases and leaves the first purchase out of zbar', () => {
    const [c] = buildRfmSummary(
      [
        t('a', '2024-01-01', 100),
        t('a', '2024-01-08', 10),
        t('a', '2024-01-08', 20),
        t('a', '2024-01-15', 6),
      ],
      '2024-01-29',
      '2024-02-29',
    );
    expect(c).toMatchObject({
      x: 2,
      tX: 2,
      T: 4,
      zbar: 18,
      xHoldout: 0,
      firstPurchase: '2024-01-01',
    });
  });

  it('counts holdout purchases, ignores later ones and customers first seen after calibration', () => {
    const out = buildRfmSummary(
      [
        t('1', '2024-01-01', 5),
        t('1', '2024-02-10', 5),
        t('1', '2024-05-01', 5),
        t('2', '2024-02-10', 5),
      ],
      '2024-01-31',
      '2024-03-31',
    );
    expect(out).toEqual([
      {
        customerId: '1',
        x: 0,
        tX: 0,
        T: 30 / 7,
        zbar: 0,
        xHoldout: 1,
        firstPurchase: '2024-01-01',
      },
    ]);
  });

  it('rejects bad input naming the field and row', () => {
    const bad =
      (rows: ClvTransaction[], cal = '2024-01-31', hold?: string) =>
      () =>
        buildRfmSummary(rows, cal, hold);
    expect(bad([t('a', '2024-01-01', -1)])).toThrow(/amount must be >= 0/);
    expect(bad([t('a', '2024-01-01', Number.NaN)])).toThrow(/amount must be a finite number/);
    expect(bad([t('a', '2024-02-30', 1)])).toThrow(/date must be a calendar date/);
    expect(bad([t('', '2024-01-01', 1)])).toThrow(/customerId/);
    expect(bad([], '31/01/2024')).toThrow(/calibrationEnd/);
    expect(bad([], '2024-01-31', '2024-01-01')).toThrow(/holdoutEnd/);
    try {
      bad([t('a', '2024-01-01', 1), t('a', '2024-01-02', Number.POSITIVE_INFINITY)])();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toMatchObject({ issues: [{ field: 'amount', row: 2 }] });
    }
    expect(buildRfmSummary([], '2024-01-31')).toEqual([]);
  });
});
