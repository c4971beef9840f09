import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/domain/analytics/lifecycle/index';
import {
  quantileBuckets,
  quintileScores,
  RFM_SEGMENTS,
  rfmScores,
  rfmSegmentIndex,
} from '../../src/domain/analytics/rfm/index';
import { quantileBucket } from '../../src/domain/evaluation/quantile';
import { cdnowTransactions } from '../factories/cdnow';
import { issuesOf } from '../support/domain-errors';

const scores = (xs: number[], higherIsBetter: boolean) =>
  Array.from(quintileScores(xs, Float64Array.from(xs).sort(), higherIsBetter));

describe('quintileScores', () => {
  it('gives 1 + ⌊5 · worse / n⌋, equal values the lowest score they reach', () => {
    expect(scores([10, 20, 30, 40, 50], true)).toEqual([1, 2, 3, 4, 5]);
    expect(scores([10, 20, 30, 40, 50], false)).toEqual([5, 4, 3, 2, 1]);
    // Three customers tie at 1: none is better than another, so all score 1; 2 beats 3 of 5.
    expect(scores([1, 3, 1, 2, 1], true)).toEqual([1, 5, 1, 4, 1]);
    expect(scores([7, 7, 7], true)).toEqual([1, 1, 1]);
    expect(scores([7, 7, 7], false)).toEqual([1, 1, 1]);
    // Ten customers: two a quintile.
    expect(scores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('quantileBuckets', () => {
  it('agrees with the evaluation engine’s binary-search quantile bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 7 }),
        fc.boolean(),
        (xs, buckets, higherIsBetter) => {
          const sorted = Float64Array.from(xs).sort();
          const reference = quantileBucket(sorted, buckets, higherIsBetter);
          expect(Array.from(quantileBuckets(xs, sorted, buckets, higherIsBetter))).toEqual(
            xs.map(reference),
          );
        },
      ),
    );
  });
});

describe('rfmScores', () => {
  const asOf = 100;
  const input = {
    lastPurchaseDay: [100, 90, 80, 70, 60],
    frequency: [1, 2, 3, 4, 5],
    monetary: [50, 40, 30, 20, 10],
  };

  it('scores and segments a hand-made population', () => {
    const result = rfmScores(input, asOf);
    expect(Array.from(result.recencyDays)).toEqual([0, 10, 20, 30, 40]);
    expect(Array.from(result.r)).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(result.f)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(result.m)).toEqual([5, 4, 3, 2, 1]);
    // R5 F1 M5 and R4 F2 M4: recent big spenders who rarely buy; R3 F3 M3: all low (score < 4);
    // R2 F4 M2 and R1 F5 M1: frequent but lapsed small spenders.
    expect(result.segments.map((s) => s.key)[result.segment[0]!]).toBe('important_develop');
    expect(Array.from(result.segment, (s) => RFM_SEGMENTS[s]!.zh)).toEqual([
      '重要发展客户',
      '重要发展客户',
      '一般挽留客户',
      '一般保持客户',
      '一般保持客户',
    ]);
    const bySegment = Object.fromEntries(result.segments.map((s) => [s.key, s]));
    expect(bySegment.important_develop).toMatchObject({ customers: 2, monetary: 90 });
    expect(bySegment.general_keep).toMatchObject({ customers: 2, monetary: 30 });
    expect(bySegment.general_retain).toMatchObject({ customers: 1, monetary: 30 });
    expect(result.stats.monetary).toMatchObject({ count: 5, mean: 30, min: 10, median: 30 });
    expect(result.stats.monetary.std).toBeCloseTo(Math.sqrt(250), 12);
  });

  it('maps the eight high/low classes', () => {
    expect(RFM_SEGMENTS[rfmSegmentIndex(5, 5, 5)]).toMatchObject({
      zh: '重要价值客户',
      en: 'Champions',
    });
    expect(RFM_SEGMENTS[rfmSegmentIndex(1, 1, 1)]).toMatchObject({
      zh: '一般挽留客户',
      en: 'Lost',
    });
    expect(RFM_SEGMENTS[rfmSegmentIndex(2, 5, 4)]!.zh).toBe('重要保持客户');
    expect(RFM_SEGMENTS[rfmSegmentIndex(4, 3, 3)]!.zh).toBe('一般发展客户');
    expect(new Set(RFM_SEGMENTS.map((s) => s.zh)).size).toBe(8);
    for (const s of RFM_SEGMENTS) expect(s.action.zh && s.action.en).toBeTruthy();
  });

  it('names the field of bad input', () => {
    expect(
      issuesOf(() => rfmScores({ lastPurchaseDay: [], frequency: [], monetary: [] }, 1)),
    ).toMatchObject([{ field: 'lastPurchaseDay' }, { field: 'frequency' }, { field: 'monetary' }]);
    expect(issuesOf(() => rfmScores({ ...input, frequency: [1, 2] }, asOf))).toMatchObject([
      { field: 'frequency' },
    ]);
    expect(
      issuesOf(() => rfmScores({ ...input, monetary: [1, 2, -3, Number.NaN, 5] }, asOf)),
    ).toMatchObject([
      { field: 'monetary', row: 2 },
      { field: 'monetary', row: 3 },
    ]);
    expect(issuesOf(() => rfmScores(input, 99))).toMatchObject([{ field: 'lastPurchaseDay' }]);
    expect(issuesOf(() => rfmScores(input, 100.5))).toMatchObject([{ field: 'asOfDay' }]);
  });

  it('scores monotonically, ties equally, whatever the input order', () => {
    const customer = fc.record({
      last: fc.integer({ min: 0, max: 60 }),
      frequency: fc.integer({ min: 0, max: 8 }),
      monetary: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 80 }), (cs) => {
        const run = (list: typeof cs) =>
          rfmScores(
            {
              lastPurchaseDay: list.map((c) => c.last),
              frequency: list.map((c) => c.frequency),
              monetary: list.map((c) => c.monetary),
            },
            60,
          );
        const a = run(cs);
        const b = run([...cs].reverse());
        const n = cs.length;
        for (let i = 0; i < n; i++) {
          for (const s of [a.r[i]!, a.f[i]!, a.m[i]!]) expect(s >= 1 && s <= 5).toBe(true);
          const j = n - 1 - i;
          expect([b.r[j], b.f[j], b.m[j], b.segment[j]]).toEqual([
            a.r[i],
            a.f[i],
            a.m[i],
            a.segment[i],
          ]);
          for (let k = 0; k < n; k++) {
            if (cs[i]!.last > cs[k]!.last) expect(a.r[i]!).toBeGreaterThanOrEqual(a.r[k]!);
            if (cs[i]!.monetary === cs[k]!.monetary) expect(a.m[i]).toBe(a.m[k]);
          }
        }
        expect(a.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(n);
      }),
    );
  });
});

describe('CDNOW sample through RFM', () => {
  // Calibration as in the published summaries: purchases on one day merged, up to 1997-09-30.
  const end = dayNumber('1997-09-30');
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of cdnowTransactions()) {
    const day = dayNumber(t.date);
    if (day > end) continue;
    const days = byCustomer.get(t.customerId) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + Math.round(t.amount * 100));
    byCustomer.set(t.customerId, days);
  }
  const last: number[] = [];
  const x: number[] = [];
  const zbar: number[] = [];
  for (const days of byCustomer.values()) {
    const ordered = [...days.entries()].sort((p, q) => p[0] - q[0]);
    const repeats = ordered.slice(1);
    last.push(ordered[ordered.length - 1]![0]);
    x.push(repeats.length);
    zbar.push(repeats.length ? repeats.reduce((s, r) => s + r[1], 0) / 100 / repeats.length : 0);
  }

  it('reproduces the repeat buyers’ zbar summary of the JMR RFM paper', () => {
    expect(byCustomer.size).toBe(2357);
    expect(x.reduce((a, b) => a + b, 0)).toBe(2457);
    const repeat = x.flatMap((v, i) => (v > 0 ? [i] : []));
    const result = rfmScores(
      {
        lastPurchaseDay: repeat.map((i) => last[i]!),
        frequency: repeat.map((i) => x[i]!),
        monetary: repeat.map((i) => zbar[i]!),
      },
      end,
    );
    const m = result.stats.monetary;
    expect([m.count, m.mean, m.std, m.min, m.median, m.max].map((v) => Math.round(v))).toEqual([
      946, 35, 30, 3, 27, 300,
    ]);
    expect(result.stats.frequency.min).toBe(1);
    expect(result.segments.reduce((s, g) => s + g.customers, 0)).toBe(946);
    // The largest repeat value scores 5 on money.
    expect(Math.max(...result.m)).toBe(5);
  });
});
