import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortRetention,
  DEFAULT_LIFECYCLE_OPTIONS,
  dayNumber,
  LIFECYCLE_STAGES,
  lifecycleStages,
  monthLabel,
  monthNumber,
} from '../../src/domain/analytics/lifecycle/index';
import { cdnowTransactions } from '../factories/cdnow';
import { issuesOf } from '../support/domain-errors';

describe('day and month numbers', () => {
  it('counts whole days and months', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1997-09-30') - dayNumber('1997-01-01')).toBe(272);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(monthNumber('2024-03-15') - monthNumber('2023-12')).toBe(3);
    expect(monthLabel(monthNumber('2024-03'))).toBe('2024-03');
    expect(issuesOf(() => dayNumber('2024-02-30'))).toMatchObject([{ field: 'date' }]);
    expect(issuesOf(() => monthNumber('2024-13'))).toMatchObject([{ field: 'date' }]);
  });
});

describe('lifecycleStages', () => {
  // asOf day 1000, defaults: new ≤ 30 days, silent > 2×, at risk > 3×, churned > 5× or > 365 days.
  const input = {
    firstPurchaseDay: [980, 800, 700, 600, 500, 100, 950, 900],
    lastPurchaseDay: [990, 980, 870, 780, 680, 600, 950, 900],
    purchaseCount: [2, 4, 4, 4, 4, 2, 1, 3],
  };

  it('derives each stage and its reason from the own rhythm', () => {
    const result = lifecycleStages(input, 1000);
    expect(Array.from(result.stage, (s) => LIFECYCLE_STAGES[s]!.key)).toEqual([
      'new', // first purchase 20 days ago
      'active', // every 60 days, last 20 days ago
      'silent', // every 56.7 days, last 130 days ago: 2.29×
      'at_risk', // every 60 days, last 220 days ago: 3.67×
      'churned', // every 60 days, last 320 days ago: 5.33×
      'churned', // 400 days > 365, though only 0.8× its 500-day rhythm
      'active', // one purchase 50 days ago against the fallback 60 days
      'churned', // three purchases on one day: interval 1 day, 100× ago
    ]);
    expect(Array.from(result.daysSinceLast)).toEqual([10, 20, 130, 220, 320, 400, 50, 100]);
    expect(result.intervalDays[2]).toBeCloseTo(170 / 3, 12);
    expect(Array.from(result.intervalDays).slice(3)).toEqual([60, 60, 500, 60, 1]);
    expect(Array.from(result.ownInterval)).toEqual([1, 1, 1, 1, 1, 1, 0, 1]);
    expect(result.multiple[3]).toBeCloseTo(220 / 60, 12);
    // Median of the repeat buyers' own intervals 1, 10, 56.7, 60, 60, 60, 500.
    expect(result.fallbackIntervalDays).toBe(60);
    expect(result.counts).toEqual([1, 2, 1, 1, 3]);
    expect(LIFECYCLE_STAGES.map((s) => s.zh)).toEqual([
      '新客户',
      '活跃客户',
      '沉默客户',
      '潜在流失客户',
      '流失客户',
    ]);
  });

  it('uses a given fallback interval, and newDays (≥ 1) when nobody repeats', () => {
    const one = { firstPurchaseDay: [900], lastPurchaseDay: [900], purchaseCount: [1] };
    const given = lifecycleStages(one, 1000, {
      ...DEFAULT_LIFECYCLE_OPTIONS,
      fallbackIntervalDays: 40,
    });
    expect([given.stage[0], given.multiple[0]]).toEqual([2, 2.5]);
    const none = lifecycleStages(one, 1000);
    expect([none.fallbackIntervalDays, none.stage[0]]).toEqual([30, 3]);
    const zero = lifecycleStages(one, 1000, { ...DEFAULT_LIFECYCLE_OPTIONS, newDays: 0 });
    expect([zero.fallbackIntervalDays, zero.stage[0], zero.multiple[0]]).toEqual([1, 4, 100]);
  });

  it('names the field of bad input', () => {
    expect(issuesOf(() => lifecycleStages({ ...input, purchaseCount: [1] }, 1000))).toMatchObject([
      { field: 'purchaseCount' },
    ]);
    expect(
      issuesOf(() =>
        lifecycleStages({ firstPurchaseDay: [5], lastPurchaseDay: [4], purchaseCount: [2] }, 10),
      ),
    ).toMatchObject([{ field: 'lastPurchaseDay' }]);
    expect(
      issuesOf(() =>
        lifecycleStages({ firstPurchaseDay: [5], lastPurchaseDay: [11], purchaseCount: [2] }, 10),
      ),
    ).toMatchObject([{ field: 'lastPurchaseDay' }]);
    expect(
      issuesOf(() =>
        lifecycleStages({ firstPurchaseDay: [5], lastPurchaseDay: [5], purchaseCount: [0] }, 10),
      ),
    ).toMatchObject([{ field: 'purchaseCount' }]);
    expect(
      issuesOf(() =>
        lifecycleStages(
          { firstPurchaseDay: [Number.NaN], lastPurchaseDay: [5], purchaseCount: [1.5] },
          10,
        ),
      ),
    ).toMatchObject([
      { field: 'firstPurchaseDay', row: 0 },
      { field: 'purchaseCount', row: 0 },
    ]);
    expect(
      issuesOf(() =>
        lifecycleStages(input, 1000, { ...DEFAULT_LIFECYCLE_OPTIONS, atRiskMultiple: 2 }),
      ),
    ).toMatchObject([{ field: 'atRiskMultiple' }]);
    expect(
      issuesOf(() =>
        lifecycleStages({ firstPurchaseDay: [], lastPurchaseDay: [], purchaseCount: [] }, 1),
      ),
    ).toHaveLength(3);
  });

  it('never gives NaN and only lets a customer worsen as time passes', () => {
    const customer = fc.record({
      first: fc.integer({ min: 0, max: 500 }),
      span: fc.integer({ min: 0, max: 300 }),
      count: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 400 }),
        (cs, later) => {
          const cols = {
            firstPurchaseDay: cs.map((c) => c.first),
            lastPurchaseDay: cs.map((c) => c.first + c.span),
            purchaseCount: cs.map((c) => c.count),
          };
          const options = { ...DEFAULT_LIFECYCLE_OPTIONS, fallbackIntervalDays: 45 };
          const a = lifecycleStages(cols, 900, options);
          const b = lifecycleStages(cols, 900 + later, options);
          for (let i = 0; i < cs.length; i++) {
            for (const v of [a.daysSinceLast[i]!, a.intervalDays[i]!, a.multiple[i]!]) {
              expect(Number.isFinite(v)).toBe(true);
            }
            // new (0) can become anything; otherwise stages only move towards churned.
            if (a.stage[i]! > 0) expect(b.stage[i]!).toBeGreaterThanOrEqual(a.stage[i]!);
          }
          expect(a.counts.reduce((s, c) => s + c, 0)).toBe(cs.length);
        },
      ),
    );
  });
});

describe('cohortRetention', () => {
  const jan = monthNumber('2024-01');
  const feb = jan + 1;
  const mar = jan + 2;

  it('counts each customer once a month from its first month', () => {
    // A: Jan, Jan, Mar; B: Feb, Jan; C: Feb; D: Mar, Feb.
    const rows = cohortRetention(
      { offsets: [0, 3, 5, 6, 8], months: [jan, jan, mar, feb, jan, feb, mar, feb] },
      mar,
    );
    expect(rows).toEqual([
      { month: jan, label: '2024-01', customers: 2, active: [2, 1, 1], share: [1, 0.5, 0.5] },
      { month: feb, label: '2024-02', customers: 2, active: [2, 1], share: [1, 0.5] },
    ]);
    expect(cohortRetention({ offsets: [0], months: [] }, mar)).toEqual([]);
  });

  it('names the field of bad input', () => {
    expect(
      issuesOf(() => cohortRetention({ offsets: [0, 0, 1], months: [jan] }, mar)),
    ).toMatchObject([{ field: 'offsets', row: 0 }]);
    expect(issuesOf(() => cohortRetention({ offsets: [1, 2], months: [jan] }, mar))).toMatchObject([
      { field: 'offsets' },
    ]);
    expect(
      issuesOf(() => cohortRetention({ offsets: [0, 1], months: [mar + 1] }, mar)),
    ).toMatchObject([{ field: 'months', row: 0 }]);
    expect(
      issuesOf(() => cohortRetention({ offsets: [0, 1], months: [Number.NaN] }, mar)),
    ).toMatchObject([{ field: 'months', row: 0 }]);
  });

  it('agrees with a naive count by sets', () => {
    const customerMonths = fc.array(fc.integer({ min: 0, max: 11 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(customerMonths, { minLength: 1, maxLength: 40 }), (customers) => {
        const offsets = [0];
        for (const ms of customers) offsets.push(offsets[offsets.length - 1]! + ms.length);
        const rows = cohortRetention({ offsets, months: customers.flat() }, 11);
        const expected = new Map<number, Array<Set<number>>>();
        customers.forEach((ms, i) => {
          const cohort = Math.min(...ms);
          const sets =
            expected.get(cohort) ?? Array.from({ length: 12 - cohort }, () => new Set<number>());
          for (const m of ms) sets[m - cohort]!.add(i);
          expected.set(cohort, sets);
        });
        expect(rows.map((r) => r.month)).toEqual([...expected.keys()].sort((a, b) => a - b));
        expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(customers.length);
        for (const r of rows) {
          expect(r.active).toEqual(expected.get(r.month)!.map((s) => s.size));
          expect(r.share[0]).toBe(1);
          for (const s of r.share) expect(s >= 0 && s <= 1).toBe(true);
        }
      }),
    );
  });
});

describe('CDNOW sample lifecycle', () => {
  // Purchase days by customer; the whole cohort made its first purchase in 1997 Q1.
  const days = new Map<string, number[]>();
  for (const t of cdnowTransactions()) {
    const list = days.get(t.customerId) ?? [];
    list.push(dayNumber(t.date));
    days.set(t.customerId, list);
  }
  const customers = [...days.values()];
  const toMonth = (day: number) =>
    monthNumber(new Date(day * 86_400_000).toISOString().slice(0, 10));

  it('has three monthly cohorts, 16% of which buy again the next month', () => {
    const offsets = [0];
    const months: number[] = [];
    for (const list of customers) {
      for (const d of list) months.push(toMonth(d));
      offsets.push(months.length);
    }
    const rows = cohortRetention({ offsets, months }, monthNumber('1998-06'));
    expect(
      rows.map((r) => [r.label, r.customers, r.active.length, ...r.active.slice(0, 4)]),
    ).toEqual([
      ['1997-01', 781, 18, 781, 124, 95, 70],
      ['1997-02', 857, 17, 857, 134, 110, 75],
      ['1997-03', 719, 16, 719, 87, 84, 78],
    ]);
  });

  it('has no new customers at the end of the data and classifies everyone once', () => {
    const unique = customers.map((list) => [...new Set(list)].sort((a, b) => a - b));
    const result = lifecycleStages(
      {
        firstPurchaseDay: unique.map((l) => l[0]!),
        lastPurchaseDay: unique.map((l) => l[l.length - 1]!),
        purchaseCount: unique.map((l) => l.length),
      },
      dayNumber('1998-06-30'),
    );
    expect(result.counts[0]).toBe(0);
    expect(result.counts.reduce((a, b) => a + b, 0)).toBe(2357);
    // Most of the cohort stopped buying long before mid-1998.
    expect(result.counts[4]).toBeGreaterThan(2357 / 2);
  });
});
