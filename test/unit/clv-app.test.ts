import { describe, expect, it } from 'vitest';
import { MAX_CONCENTRATION, tameBgNbd } from '../../src/app/clv/clv-degenerate';
import { distributionOf } from '../../src/app/clv/clv-distribution';
import { evaluateCalibration } from '../../src/app/clv/clv-evaluate';
import type { HistoryColumns } from '../../src/app/clv/clv-histories';
import { fitSettings, monthLength, monthlyRate } from '../../src/app/clv/clv-options';
import { scoreCustomers } from '../../src/app/clv/clv-score';
import { customerLifetimeValue } from '../../src/domain/analytics/clv/customer-lifetime-value';

const BG = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
const GG = { p: 6.249574, q: 3.744225, gamma: 15.443518 };

/** History columns of a few customers given as [x, t_x days, T days, z̄]. */
function histories(rows: [number, number, number, number][]): HistoryColumns {
  const n = rows.length;
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]!);
  return {
    n,
    source: Int32Array.from(rows, (_, i) => i),
    customerIds: Int32Array.from(rows, (_, i) => i + 1),
    x: Int32Array.from(rows, (r) => r[0]),
    tXDays: Int32Array.from(rows, (r) => r[1]),
    TDays: Int32Array.from(rows, (r) => r[2]),
    tX: col(1).map((d) => d / 7),
    T: col(2).map((d) => d / 7),
    zbar: col(3),
    xHoldout: new Int32Array(n),
  };
}

describe('lifetime-value settings', () => {
  it('turns the annual rate into a monthly one and a month into model units', () => {
    expect(monthlyRate(0.1)).toBeCloseTo(1.1 ** (1 / 12) - 1, 15);
    expect((1 + monthlyRate(0.1)) ** 12).toBeCloseTo(1.1, 12);
    expect(monthlyRate(0)).toBe(0);
    expect(monthLength('weeks')).toBeCloseTo(365.25 / 12 / 7, 12);
    expect(monthLength('days')).toBeCloseTo(30.4375, 12);
    expect(monthLength('months')).toBe(1);
  });

  it('ends the calibration period the holdout weeks before the as-of day', () => {
    const s = fitSettings(
      { holdoutWeeks: 39, horizonMonths: 12, discountRate: 0.1, unit: 'weeks', asOf: '1998-06-30' },
      '2026-01-01',
    );
    expect(s).toMatchObject({ asOf: '1998-06-30', calibrationEnd: '1997-09-30', margin: null });
    const today = fitSettings(
      { holdoutWeeks: 0, horizonMonths: 6, discountRate: 0, unit: 'days' },
      '2026-01-01',
    );
    expect(today).toMatchObject({ asOf: '2026-01-01', calibrationEnd: '2026-01-01' });
  });
});

describe('run-away BG/NBD parameters', () => {
  it('keeps the mean dropout probability and mean rate while capping the concentration', () => {
    const t = tameBgNbd({ r: 5000, alpha: 10_000, a: 7.4e6, b: 1.4e7 });
    expect(t.params.a + t.params.b).toBeCloseTo(MAX_CONCENTRATION, 9);
    expect(t.params.a / (t.params.a + t.params.b)).toBeCloseTo(7.4e6 / 2.14e7, 12);
    expect(t.params.r).toBeCloseTo(MAX_CONCENTRATION, 9);
    expect(t.params.r / t.params.alpha).toBeCloseTo(0.5, 12);
    expect(t.dropout).toEqual({ a: 7.4e6, b: 1.4e7 });
    expect(tameBgNbd(BG)).toEqual({ params: BG });
  });
});

describe('scores', () => {
  const h = histories([
    [0, 0, 200, 0],
    [2, 213, 272, 30.5],
    [26, 216, 217, 42.1],
    [0, 0, 200, 0],
    [5, 100, 300, 0],
  ]);

  it('equal the domain’s customerLifetimeValue, times the margin, for every history', async () => {
    const horizon = {
      periods: 12,
      periodLength: monthLength('weeks'),
      discountRate: monthlyRate(0.1),
    };
    const s = await scoreCustomers(BG, GG, h, { ...horizon, margin: 0.4 });
    for (let i = 0; i < h.n; i++) {
      const c = { x: h.x[i]!, tX: h.tX[i]!, T: h.T[i]!, zbar: h.zbar[i]! };
      expect(s.clv![i]).toBeCloseTo(0.4 * customerLifetimeValue(BG, GG, c, horizon), 10);
      expect(s.pAlive[i]).toBeGreaterThan(0);
      expect(s.pAlive[i]).toBeLessThanOrEqual(1);
    }
    // One-time buyers are alive by the model's assumption.
    expect(s.pAlive[0]).toBe(1);
    expect(s.expectedPurchases[0]).toBe(s.expectedPurchases[3]);
  });

  it('leave spend and CLV empty without a spend model', async () => {
    const s = await scoreCustomers(BG, null, h, {
      periods: 3,
      periodLength: 30.4375,
      discountRate: 0,
      margin: 1,
    });
    expect(s.clv).toBeNull();
    expect(s.expectedSpend).toBeNull();
    expect([...s.expectedPurchases].every(Number.isFinite)).toBe(true);
  });

  it('summarise into a histogram, quantiles and the top-20 % share', () => {
    const clv = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    const d = distributionOf({
      pAlive: Float64Array.from({ length: 100 }, (_, i) => i / 100),
      expectedPurchases: new Float64Array(100).fill(0.5),
      expectedSpend: new Float64Array(100),
      clv,
    });
    expect(d.customers).toBe(100);
    expect(d.clv?.totalMinor).toBe(505_000);
    expect(d.clv?.quantilesMinor).toMatchObject({ p50: 5000, p90: 9000, max: 10_000 });
    // The top 20 customers hold 81..100 = 1,810 of 5,050.
    expect(d.clv?.top20Share).toBeCloseTo(1810 / 5050, 12);
    expect(d.clv?.counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(d.pAliveCounts).toEqual(new Array(10).fill(10));
    expect(d.expectedPurchasesTotal).toBe(50);
  });
});

describe('calibration evaluation', () => {
  it('counts every customer once and expects as many as there are', () => {
    const h = histories([
      [0, 0, 100, 0],
      [1, 50, 100, 10],
      [9, 90, 273, 10],
      [3, 20, 60, 10],
    ]);
    const e = evaluateCalibration(BG, h);
    expect(e.actualRepeat).toBe(13);
    expect(e.bins.map((b) => b.actual)).toEqual([1, 1, 0, 1, 0, 0, 0, 1]);
    expect(e.bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(4, 9);
    expect(e.expectedRepeat).toBeGreaterThan(0);
  });
});
