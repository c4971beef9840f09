import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { distribution } from '../../src/domain/evaluation/distribution';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { explain } from '../../src/domain/evaluation/explain';
import { Flag } from '../../src/domain/evaluation/plan';
import { validateScheme } from '../../src/domain/scheme/parse-scheme';

/**
 * The ABCD scorecard of seed 002: eight items, 100 points, the ranked list cut 20/30/40/10.
 * Each criterion's maxPoints equals its weight, so criterion points read as the seed's points.
 */
const ABCD = {
  id: 'abcd-scorecard',
  version: 1,
  name: {
    zh: 'ABCD 客户分级（100 分制，按比例）',
    en: 'ABCD scorecard (100 points, quotas)',
  },
  description: {
    zh: '销售规模、付款信誉、产品利润率、产品订量、销售模式、我司产品占比、经营历史、行业知名度 8 项计分，总分 100 分；按积分高低 20% A、30% B、40% C、10% D。',
    en: 'Eight weighted items, 100 points in all; the ranked list is cut 20% A, 30% B, 40% C, 10% D.',
  },
  appliesTo: {
    attribute: 'type',
    in: ['enterprise', 'group'],
  },
  metrics: [
    {
      id: 'revenue',
      window: {
        kind: 'calendar_year',
        offset: -1,
      },
    },
    {
      id: 'on_time_payment_rate',
      window: {
        kind: 'calendar_year',
        offset: -1,
      },
    },
    {
      id: 'margin_rate',
      window: {
        kind: 'calendar_year',
        offset: -1,
      },
    },
    {
      id: 'order_count',
      window: {
        kind: 'calendar_year',
        offset: -1,
      },
    },
    {
      id: 'custom.sales_model',
    },
    {
      id: 'share_of_wallet',
      window: {
        kind: 'calendar_year',
        offset: -1,
      },
    },
    {
      id: 'tenure_months',
    },
    {
      id: 'custom.industry_reputation',
    },
  ],
  criteria: [
    {
      id: 'sales_scale',
      label: {
        zh: '销售规模',
        en: 'Sales scale',
      },
      metric: 'revenue',
      weight: 20,
      kind: 'bands',
      cover: true,
      bands: [
        {
          max: 500000,
          points: 4,
        },
        {
          min: 500000,
          max: 1000000,
          points: 8,
        },
        {
          min: 1000000,
          max: 3000000,
          points: 12,
        },
        {
          min: 3000000,
          max: 5000000,
          points: 16,
        },
        {
          min: 5000000,
          points: 20,
        },
      ],
    },
    {
      id: 'payment_credit',
      label: {
        zh: '付款信誉',
        en: 'Payment credit',
      },
      metric: 'on_time_payment_rate',
      weight: 15,
      kind: 'bands',
      cover: true,
      bands: [
        {
          max: 60,
          points: 0,
        },
        {
          min: 60,
          max: 80,
          points: 5,
        },
        {
          min: 80,
          max: 95,
          points: 10,
        },
        {
          min: 95,
          points: 15,
        },
      ],
    },
    {
      id: 'product_margin',
      label: {
        zh: '产品利润率',
        en: 'Product margin',
      },
      metric: 'margin_rate',
      weight: 15,
      kind: 'linear',
      min: 5,
      max: 30,
      maxPoints: 15,
    },
    {
      id: 'order_volume',
      label: {
        zh: '产品订量',
        en: 'Order volume',
      },
      metric: 'order_count',
      weight: 10,
      kind: 'bands',
      cover: true,
      bands: [
        {
          max: 12,
          points: 2,
        },
        {
          min: 12,
          max: 24,
          points: 5,
        },
        {
          min: 24,
          max: 52,
          points: 8,
        },
        {
          min: 52,
          points: 10,
        },
      ],
    },
    {
      id: 'sales_model',
      label: {
        zh: '销售模式',
        en: 'Sales model',
      },
      metric: 'custom.sales_model',
      weight: 10,
      kind: 'category',
      map: [
        {
          value: 'direct',
          points: 10,
        },
        {
          value: 'distributor',
          points: 7,
        },
        {
          value: 'agent',
          points: 5,
        },
      ],
      otherwise: 2,
      maxPoints: 10,
    },
    {
      id: 'share_of_products',
      label: {
        zh: '我司产品占其销售比例',
        en: 'Share of our products',
      },
      metric: 'share_of_wallet',
      weight: 10,
      kind: 'linear',
      min: 10,
      max: 60,
      maxPoints: 10,
      missing: {
        policy: 'exclude',
      },
    },
    {
      id: 'dealing_history',
      label: {
        zh: '经营我司产品历史',
        en: 'Years dealing our products',
      },
      metric: 'tenure_months',
      weight: 10,
      kind: 'bands',
      cover: true,
      bands: [
        {
          max: 12,
          points: 2,
        },
        {
          min: 12,
          max: 36,
          points: 5,
        },
        {
          min: 36,
          max: 60,
          points: 8,
        },
        {
          min: 60,
          points: 10,
        },
      ],
    },
    {
      id: 'industry_reputation',
      label: {
        zh: '行业知名度',
        en: 'Industry reputation',
      },
      metric: 'custom.industry_reputation',
      weight: 10,
      kind: 'category',
      map: [
        {
          value: 'national',
          points: 10,
        },
        {
          value: 'regional',
          points: 6,
        },
        {
          value: 'local',
          points: 3,
        },
      ],
      maxPoints: 10,
    },
  ],
  score: {
    scale: 100,
    weightsMustSumTo: 100,
  },
  tiers: [
    {
      id: 'A',
      name: {
        zh: 'A类客户',
        en: 'A',
      },
      rank: 1,
    },
    {
      id: 'B',
      name: {
        zh: 'B类客户',
        en: 'B',
      },
      rank: 2,
    },
    {
      id: 'C',
      name: {
        zh: 'C类客户',
        en: 'C',
      },
      rank: 3,
    },
    {
      id: 'D',
      name: {
        zh: 'D类客户',
        en: 'D',
      },
      rank: 4,
    },
  ],
  assignment: {
    ranking: {
      kind: 'quotas',
      quotas: [
        {
          tier: 'A',
          percent: 20,
        },
        {
          tier: 'B',
          percent: 30,
        },
        {
          tier: 'C',
          percent: 40,
        },
        {
          tier: 'D',
          percent: 10,
        },
      ],
      rounding: 'largest_remainder',
      tieBreak: [
        {
          metric: 'revenue',
          order: 'desc',
        },
      ],
    },
  },
  provisional: {
    minTenureMonths: 6,
  },
};

type Metrics = Record<string, number | string | null>;
const k = (
  code: string,
  revenue: number,
  otp: number | null,
  margin: number,
  orders: number,
  model: string | null,
  share: number | null,
  tenure: number,
  reputation: string | null,
): CustomerRow => {
  const metrics: Metrics = {
    revenue,
    on_time_payment_rate: otp,
    margin_rate: margin,
    order_count: orders,
    'custom.sales_model': model,
    share_of_wallet: share,
    tenure_months: tenure,
    'custom.industry_reputation': reputation,
  };
  return {
    id: Number(code.slice(1)),
    code,
    metrics,
    attributes: { type: 'enterprise' },
    tenureMonths: tenure,
  };
};

// Points by hand (sales, payment, margin, orders, model, share, history, reputation):
const customers: CustomerRow[] = [
  k('K01', 6000000, 98, 30, 60, 'direct', 60, 72, 'national'), //       20 15 15   10 10 10 10 10 = 100
  k('K02', 4000000, 90, 25, 40, 'distributor', 35, 48, 'regional'), // 16 10 12    8  7  5  8  6 = 72
  k('K03', 2000000, 85, 20, 30, 'distributor', 30, 40, 'regional'), // 12 10  9    8  7  4  8  6 = 64
  k('K04', 600000, 70, 15, 20, 'agent', 20, 24, 'local'), //            8  5  6    5  5  2  5  3 = 39
  k('K05', 800000, 70, 15, 20, 'agent', 20, 24, 'local'), //            8  5  6    5  5  2  5  3 = 39
  k('K06', 3000000, 50, 10, 12, 'direct', null, 12, 'local'), //       16  0  3    5 10  –  5  3 = 42 of 90 → 46.666667
  k('K07', 800000, 70, 15, 20, 'agent', 20, 24, 'local'), //            8  5  6    5  5  2  5  3 = 39
  k('K08', 1500000, 95, 22.5, 24, 'direct', 40, 60, 'national'), //    12 15 10.5  8 10  6 10 10 = 81.5
  k('K09', 500000, 80, 17.5, 52, 'distributor', 15, 36, null), //      8 10  7.5 10  7  1  8  0 = 51.5
  k('K10', 5000000, null, 12.5, 8, 'online', 50, 3, 'national'), //    20  0  4.5  2  2  8  2 10 = 48.5
  {
    ...k('K11', 1000000, 99, 30, 99, 'direct', 99, 99, 'national'),
    attributes: { type: 'individual' },
  },
];

function run() {
  const plan = compileScheme(ABCD as never);
  const input = columnarInput(plan, customers);
  const result = evaluate(plan, input);
  return { plan, input, result };
}

describe('ABCD scorecard (seed 002), by hand', () => {
  it('is a valid scheme', () => {
    expect(validateScheme(ABCD)).toMatchObject({ ok: true });
  });

  it('scores the eight items', () => {
    const { result } = run();
    expect(Array.from(result.score)).toEqual([
      100,
      72,
      64,
      39,
      39,
      46.666667,
      39,
      81.5,
      51.5,
      48.5,
      Number.NaN,
    ]);
    expect(Array.from(result.points.map((p) => p[7]))).toEqual([12, 15, 10.5, 8, 10, 6, 10, 10]);
    // K06 has no share: it is excluded and the other seven are rescaled from 90 to 100.
    expect(result.points[5]![5]).toBeNaN();
    expect(result.points[0]![5]).toBeCloseTo(16 / 0.9, 9);
  });

  it('cuts the ranked list 20/30/40/10 with ties broken by revenue, then code', () => {
    const { plan, result } = run();
    const tier = (i: number) => (result.tier[i]! < 0 ? null : plan.tiers[result.tier[i]!]!.id);
    // Ranked: K01 100, K08 81.5 | K02 72, K03 64, K09 51.5 | K10 48.5, K06 46.67, K05 39, K07 39 | K04 39.
    // K04, K05 and K07 tie at 39: K04 has the lowest revenue and falls to D.
    expect(customers.map((c, i) => `${c.code}:${tier(i)}`)).toEqual([
      'K01:A',
      'K02:B',
      'K03:B',
      'K04:D',
      'K05:C',
      'K06:C',
      'K07:C',
      'K08:A',
      'K09:B',
      'K10:C',
      'K11:null',
    ]);
    expect(Array.from(result.lines)).toEqual([81.5, 51.5, 39, 39]);
    // K10 has dealt with us for 3 months: provisional, to be re-evaluated.
    expect(result.flags[9]).toBe(Flag.provisional);
  });

  it('tells K10 what it lacks for B', () => {
    const { plan, input, result } = run();
    const e = explain(plan, input, result, 9);
    expect(e).toMatchObject({
      tier: 2,
      nextTier: 1,
      score: 48.5,
      targetScore: 51.500001,
      estimate: true,
    });
    const by = Object.fromEntries(e.byCriterion.map((s) => [s.criterion, s]));
    expect(by.sales_scale).toMatchObject({ reachable: false });
    expect(by.payment_credit).toMatchObject({ reachable: true, target: { op: '>=', value: 60 } });
    expect(by.payment_credit!.change).toBeUndefined();
    expect(by.product_margin!.target).toMatchObject({ op: '>=' });
    expect(by.product_margin!.change).toBeCloseTo(5, 4);
    // 5 points of 10 would only tie K09's 51.5; the next band is 24 orders.
    expect(by.order_volume).toMatchObject({ target: { op: '>=', value: 24 }, change: 16 });
    expect(by.sales_model).toMatchObject({
      target: { op: 'in', values: ['direct', 'distributor'] },
    });
    expect(by.share_of_products).toMatchObject({ reachable: false });
    expect(by.dealing_history).toMatchObject({ target: { op: '>=', value: 36 }, change: 33 });
  });

  it('counts a missing, excluded criterion back in when explaining K06', () => {
    const { plan, input, result } = run();
    const e = explain(plan, input, result, 5);
    const share = e.byCriterion.find((s) => s.criterion === 'share_of_products')!;
    // (51.500001 × 100/100 − 42)/10 → 95% of the points → share ≥ 57.5%.
    expect(share.target).toMatchObject({ op: '>=' });
    expect((share.target as { value: number }).value).toBeCloseTo(57.5, 4);
    const pay = e.byCriterion.find((s) => s.criterion === 'payment_credit')!;
    expect(pay).toMatchObject({ target: { op: '>=', value: 60 }, change: 10 });
  });

  it('reports the distribution with revenue shares', () => {
    const { plan, input, result } = run();
    const d = distribution(plan, result, { revenue: input.metrics.revenue });
    expect(d.tiers.map((t) => [t.tier, t.count, t.revenue])).toEqual([
      ['A', 2, 7500000],
      ['B', 3, 6500000],
      ['C', 4, 9600000],
      ['D', 1, 600000],
    ]);
    expect(d.unassigned).toBe(1);
    expect(d.tiers[0]!.revenueShare).toBeCloseTo(7.5 / 24.2, 12);
  });
});
