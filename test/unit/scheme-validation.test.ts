import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { METRIC_CATALOG, resolveMetric } from '../../src/domain/scheme/metric-catalog';
import { parseScheme, validateScheme } from '../../src/domain/scheme/parse-scheme';
import { formatIssuePath } from '../../src/domain/scheme/scheme-issue';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the document to break one field at a time.
type Doc = any;

/** A small valid threshold scheme; each test breaks one thing. */
function scheme(): Doc {
  return {
    id: 'test',
    version: 1,
    name: { zh: '测试方案', en: 'Test scheme' },
    metrics: [
      { id: 'revenue', window: { kind: 'last_n_months', months: 12 } },
      { id: 'on_time_payment_rate', window: { kind: 'last_n_months', months: 12 } },
    ],
    criteria: [
      {
        id: 'sales',
        label: { zh: '销售额', en: 'Sales' },
        metric: 'revenue',
        weight: 60,
        kind: 'bands',
        cover: true,
        bands: [
          { max: 100000, points: 10 },
          { min: 100000, max: 500000, points: 30 },
          { min: 500000, points: 60 },
        ],
      },
      {
        id: 'payment',
        label: { zh: '回款', en: 'Payment' },
        metric: 'on_time_payment_rate',
        weight: 40,
        kind: 'linear',
        min: 50,
        max: 100,
        maxPoints: 40,
      },
    ],
    score: { scale: 100, weightsMustSumTo: 100 },
    tiers: [
      { id: 'A', name: { zh: 'A级', en: 'A' }, rank: 1 },
      { id: 'B', name: { zh: 'B级', en: 'B' }, rank: 2 },
      { id: 'C', name: { zh: 'C级', en: 'C' }, rank: 3 },
    ],
    assignment: {
      ranking: {
        kind: 'thresholds',
        thresholds: [
          { tier: 'A', minScore: 80 },
          { tier: 'B', minScore: 60 },
        ],
      },
      default: 'C',
    },
  };
}

/** The issues of a scheme, as `path: message` lines. */
function issues(doc: unknown): { field: string; message: string }[] {
  const v = validateScheme(doc);
  if (v.ok) return [];
  return v.issues;
}

function expectIssue(doc: unknown, field: string, message: RegExp): void {
  const found = issues(doc);
  const hit = found.find((i) => i.field === field);
  expect(hit, `expected an issue at ${field}, got ${JSON.stringify(found)}`).toBeDefined();
  expect(hit!.message).toMatch(message);
}

describe('scheme validation', () => {
  it('accepts the base scheme', () => {
    expect(issues(scheme())).toEqual([]);
  });

  it('refuses overlapping bands at the later band', () => {
    const s = scheme();
    s.criteria[0].bands[1].min = 80000;
    expectIssue(
      s,
      'criteria[0].bands[1].min',
      /band \[80000, 500000\) overlaps band \[−∞, 100000\) \(bands\[0\]\)/,
    );
  });

  it('refuses a gap between covering bands', () => {
    const s = scheme();
    s.criteria[0].bands[1].min = 120000;
    expectIssue(s, 'criteria[0].bands[1].min', /gap between 100000 and 120000/);
  });

  it('allows gaps when the bands need not cover', () => {
    const s = scheme();
    s.criteria[0].cover = false;
    s.criteria[0].bands[1].min = 120000;
    expect(issues(s)).toEqual([]);
  });

  it('refuses covering bands that stop short of the metric range', () => {
    const s = scheme();
    s.metrics[1] = { id: 'share_of_wallet', window: { kind: 'last_n_months', months: 12 } };
    s.criteria[1] = {
      id: 'share',
      label: { zh: '占比', en: 'Share' },
      metric: 'share_of_wallet',
      weight: 40,
      kind: 'bands',
      cover: true,
      bands: [
        { min: 0, max: 50, points: 10 },
        { min: 50, max: 100, points: 40 },
      ],
    };
    // Bands exclude their max, so 100% itself would score nothing.
    expectIssue(s, 'criteria[1].bands[1].max', /100 itself fall in no band/);
  });

  it('refuses a band whose max is not above its min', () => {
    const s = scheme();
    s.criteria[0].bands[1].max = 100000;
    expectIssue(s, 'criteria[0].bands[1].max', /must be greater than its min/);
  });

  it('refuses weights that do not add up when they must', () => {
    const s = scheme();
    s.criteria[1].weight = 35;
    expectIssue(
      s,
      'score.weightsMustSumTo',
      /add up to 95 \(sales 60, payment 35\) but must add up to 100/,
    );
  });

  it('accepts any weights when no total is demanded', () => {
    const s = scheme();
    s.criteria[1].weight = 35;
    delete s.score.weightsMustSumTo;
    expect(issues(s)).toEqual([]);
  });

  it('refuses quotas that do not total 100%', () => {
    const s = scheme();
    s.assignment.ranking = {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 20 },
        { tier: 'B', percent: 30 },
        { tier: 'C', percent: 45 },
      ],
    };
    expectIssue(s, 'assignment.ranking.quotas', /add up to 95%; they must add up to 100%/);
  });

  it('refuses a 0% quota: that tier could never be assigned', () => {
    const s = scheme();
    s.assignment.ranking = {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 0 },
        { tier: 'B', percent: 40 },
        { tier: 'C', percent: 60 },
      ],
    };
    expectIssue(s, 'assignment.ranking.quotas[0].percent', /0% quota can never assign tier A/);
  });

  it('refuses percentages with more than two decimals', () => {
    const s = scheme();
    s.assignment.ranking = {
      kind: 'quotas',
      quotas: [
        { tier: 'A', percent: 33.333 },
        { tier: 'B', percent: 66.667 },
      ],
    };
    expectIssue(s, 'assignment.ranking.quotas[0].percent', /at most two decimals/);
  });

  it('refuses an unknown metric id with a suggestion', () => {
    const s = scheme();
    s.metrics[0].id = 'revenu';
    expectIssue(s, 'metrics[0].id', /unknown metric revenu \(did you mean revenue\?\)/);
  });

  it('refuses a criterion on an undeclared metric', () => {
    const s = scheme();
    s.criteria[1].metric = 'margin_rate';
    expectIssue(s, 'criteria[1].metric', /unknown metric margin_rate; declare it in metrics/);
  });

  it('refuses a rule on an undeclared metric, at the leaf', () => {
    const s = scheme();
    s.assignment.rules = [
      { tier: 'A', when: { all: [{ metric: 'referral_count', op: '>=', value: 1 }] } },
    ];
    expectIssue(s, 'assignment.rules[0].when.all[0].metric', /unknown metric referral_count/);
  });

  it('refuses a rule that can never fire', () => {
    const s = scheme();
    s.assignment.rules = [
      {
        tier: 'A',
        when: {
          all: [
            { metric: 'revenue', op: '>=', value: 10 },
            { metric: 'revenue', op: '<', value: 5 },
          ],
        },
      },
    ];
    expectIssue(
      s,
      'assignment.rules[0].when.all[1].value',
      /revenue < 5 contradicts the condition at assignment\.rules\[0\]\.when\.all\[0\].*this rule can never fire/,
    );
  });

  it('refuses a comparison outside the metric range', () => {
    const s = scheme();
    s.assignment.rules = [
      { tier: 'A', when: { metric: 'on_time_payment_rate', op: '>', value: 100 } },
    ];
    expectIssue(
      s,
      'assignment.rules[0].when.value',
      /can never hold: on_time_payment_rate lies between 0 and 100/,
    );
  });

  it('refuses contradictions hidden in nested all', () => {
    const s = scheme();
    s.assignment.rules = [
      {
        tier: 'A',
        when: {
          all: [
            { metric: 'revenue', op: '==', value: 5 },
            { all: [{ metric: 'revenue', op: 'missing' }] },
          ],
        },
      },
    ];
    expectIssue(s, 'assignment.rules[0].when.all[1].all[0].op', /revenue is missing contradicts/);
  });

  it('refuses an any whose every alternative is impossible, and allows one possible', () => {
    const s = scheme();
    s.assignment.rules = [
      {
        tier: 'A',
        when: {
          any: [
            { metric: 'on_time_payment_rate', op: '<', value: 0 },
            { metric: 'on_time_payment_rate', op: '>', value: 100 },
          ],
        },
      },
    ];
    expectIssue(s, 'assignment.rules[0].when.any[0].value', /can never hold/);
    s.assignment.rules[0].when.any[1].value = 99;
    expect(issues(s)).toEqual([]);
  });

  it('refuses a tag both required and excluded, and attribute lists that never meet', () => {
    const s = scheme();
    s.assignment.rules = [
      { tier: 'A', when: { all: [{ tag: 'vip' }, { not: { tag: 'vip' } }] } },
      {
        tier: 'B',
        when: {
          all: [
            { attribute: 'size', in: ['large'] },
            { attribute: 'size', in: ['small', 'micro'] },
          ],
        },
      },
    ];
    expectIssue(
      s,
      'assignment.rules[0].when.all[1].not.tag',
      /tag vip is both required and excluded/,
    );
    expectIssue(s, 'assignment.rules[1].when.all[1].in', /size cannot be in \[small, micro\]/);
  });

  it('refuses cyclic derived metrics at the edge that closes the cycle', () => {
    const s = scheme();
    s.metrics.push(
      { key: 'x', derive: { op: 'ratio', of: ['revenue', 'y'] } },
      { key: 'y', derive: { op: 'sum', of: ['x', 'revenue'] } },
    );
    expectIssue(s, 'metrics[3].derive.of[0]', /cyclic derivation x → y → x/);
  });

  it('refuses a derived metric on an unknown key', () => {
    const s = scheme();
    s.metrics.push({ key: 'margin', derive: { op: 'percent_of', of: ['profit', 'revenue'] } });
    expectIssue(s, 'metrics[2].derive.of[0]', /unknown metric profit/);
  });

  it('refuses duplicate tier ids and ranks', () => {
    const s = scheme();
    s.tiers[2].id = 'A';
    s.tiers[1].rank = 1;
    const found = issues(s);
    expect(found).toContainEqual({
      field: 'tiers[2].id',
      message: 'duplicate tier id A (also tiers[0])',
    });
    expect(found.map((i) => i.field)).toContain('tiers[1].rank');
  });

  it('refuses tiers the assignment does not define', () => {
    const s = scheme();
    s.assignment.ranking.thresholds[1].tier = 'S';
    expectIssue(s, 'assignment.ranking.thresholds[1].tier', /unknown tier S; tiers are A, B, C/);
  });

  it('refuses a threshold that a better tier shadows, or one above the scale', () => {
    const s = scheme();
    s.assignment.ranking.thresholds[1].minScore = 85;
    expectIssue(
      s,
      'assignment.ranking.thresholds[1].minScore',
      /tier B can never be reached by score/,
    );
    const t = scheme();
    t.assignment.ranking.thresholds[0].minScore = 120;
    expectIssue(t, 'assignment.ranking.thresholds[0].minScore', /above the score scale 100/);
  });

  it('needs a default tier when scores can fall below every threshold', () => {
    const s = scheme();
    delete s.assignment.default;
    expectIssue(s, 'assignment.default', /customers scoring below 60 would get no tier/);
  });

  it('refuses a gate on the lowest tier: nowhere to fall', () => {
    const s = scheme();
    s.assignment.gates = [{ tier: 'C', when: { tag: 'agreement' } }];
    expectIssue(s, 'assignment.gates[0].tier', /C is the lowest tier/);
  });

  it('keeps the segment filter to attributes and tags', () => {
    const s = scheme();
    s.appliesTo = {
      all: [
        { attribute: 'type', in: ['enterprise'] },
        { metric: 'revenue', op: '>', value: 0 },
      ],
    };
    expectIssue(s, 'appliesTo.all[1].metric', /attributes and tags only/);
    s.appliesTo = { attribute: 'type', in: ['company'] };
    expectIssue(s, 'appliesTo.in[0]', /unknown type 'company'/);
  });

  it('checks windows against the catalog', () => {
    const s = scheme();
    delete s.metrics[0].window;
    expectIssue(s, 'metrics[0].window', /revenue is aggregated over time and needs a window/);
    const t = scheme();
    t.metrics.push({ id: 'tenure_months', window: { kind: 'last_n_months', months: 6 } });
    expectIssue(t, 'metrics[2].window', /read at the as-of date and takes no window/);
    const u = scheme();
    u.metrics[0].window = { kind: 'fiscal_year', startMonth: 13 };
    expectIssue(u, 'metrics[0].window.startMonth', /month number 1–12/);
  });

  it('refuses malformed conditions where they are', () => {
    const s = scheme();
    s.assignment.rules = [
      {
        tier: 'A',
        when: {
          any: [
            { metric: 'revenue', value: 5 },
            { metric: 'revenue', op: 'missing', value: 1 },
          ],
        },
      },
      { tier: 'B', when: { metric: 'revenue', op: '>=', value: 1, tag: 'x' } },
    ];
    const found = issues(s);
    expect(found).toContainEqual({
      field: 'assignment.rules[0].when.any[0].op',
      message: 'op is required: one of >= > <= < == != missing present',
    });
    expect(found).toContainEqual({
      field: 'assignment.rules[0].when.any[1].value',
      message: 'missing takes no value',
    });
    expect(found.map((i) => i.field)).toContain('assignment.rules[1].when.tag');
  });

  it('refuses duplicate criterion ids, duplicate category values and flat linear scales', () => {
    const s = scheme();
    s.criteria[1].id = 'sales';
    expectIssue(s, 'criteria[1].id', /duplicate criterion id sales/);
    const t = scheme();
    t.criteria[1] = {
      id: 'model',
      label: { zh: '模式', en: 'Model' },
      metric: 'revenue',
      weight: 40,
      kind: 'category',
      map: [
        { value: 'direct', points: 10 },
        { value: 'direct', points: 5 },
      ],
    };
    expectIssue(t, 'criteria[1].map[1].value', /duplicate value direct/);
    const u = scheme();
    u.criteria[1].max = 50;
    expectIssue(u, 'criteria[1].max', /max must differ from min/);
  });

  it('names the criterion kinds when one is unknown', () => {
    const s = scheme();
    s.criteria[0].kind = 'steps';
    expectIssue(s, 'criteria[0].kind', /one of bands, linear, percentile, category/);
  });

  it('parseScheme throws one VALIDATION error listing every issue', () => {
    const s = scheme();
    s.criteria[1].weight = 35;
    s.tiers[2].id = 'A';
    try {
      parseScheme(s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('VALIDATION');
      const fields = (err.details.issues as { field: string }[]).map((i) => i.field);
      expect(fields).toEqual(expect.arrayContaining(['score.weightsMustSumTo', 'tiers[2].id']));
    }
  });
});

describe('metric catalog', () => {
  it('describes every metric in both languages with a unit and a direction', () => {
    expect(METRIC_CATALOG.length).toBeGreaterThanOrEqual(18);
    for (const m of METRIC_CATALOG) {
      expect(m.label.zh).not.toBe('');
      expect(m.label.en).not.toBe('');
      expect(['higher', 'lower']).toContain(m.direction);
    }
    expect(resolveMetric('days_overdue')?.direction).toBe('lower');
  });

  it('resolves custom fields and tags', () => {
    expect(resolveMetric('custom.sales_model')).toMatchObject({ unit: 'number', windowed: false });
    expect(resolveMetric('tag:长期协议')).toMatchObject({ unit: 'flag', range: [0, 1] });
    expect(resolveMetric('custom.Bad-Key')).toBeUndefined();
    expect(resolveMetric('nothing')).toBeUndefined();
  });

  it('formats issue paths as people read them', () => {
    expect(formatIssuePath(['criteria', 2, 'bands', 1, 'min'])).toBe('criteria[2].bands[1].min');
    expect(formatIssuePath([])).toBe('(scheme)');
  });
});

/** The base scheme ranked by cumulative share of revenue instead of by score. */
function shares(): Doc {
  const s = scheme();
  s.metrics.push({ id: 'order_count', window: { kind: 'last_n_months', months: 12 } });
  s.assignment = {
    ranking: {
      kind: 'cumulative_share',
      metric: 'revenue',
      shares: [
        { tier: 'A', upTo: 50 },
        { tier: 'B', upTo: 80 },
        { tier: 'C', upTo: 100 },
      ],
      tieBreak: [{ metric: 'order_count', order: 'desc' }],
    },
  };
  return s;
}

describe('scheme validation: cumulative shares', () => {
  it('accepts ascending lines ending at 100%, with or without criteria', () => {
    expect(issues(shares())).toEqual([]);
    const s = shares();
    s.criteria = [];
    delete s.score.weightsMustSumTo;
    expect(issues(s)).toEqual([]);
  });

  it('refuses an unknown or lower-is-better metric at ranking.metric', () => {
    const s = shares();
    s.assignment.ranking.metric = 'profit';
    expectIssue(s, 'assignment.ranking.metric', /unknown metric profit; declare it in metrics/);
    const t = shares();
    t.metrics.push({ id: 'days_since_last_order' });
    t.assignment.ranking.metric = 'days_since_last_order';
    expectIssue(t, 'assignment.ranking.metric', /lower-is-better/);
  });

  it('refuses lines that do not ascend, at the later line', () => {
    const s = shares();
    s.assignment.ranking.shares[1].upTo = 50;
    expectIssue(s, 'assignment.ranking.shares[1].upTo', /upTo 50 must be above 50 of shares\[0\]/);
  });

  it('refuses a last line below 100%', () => {
    const s = shares();
    s.assignment.ranking.shares[2].upTo = 95;
    expectIssue(s, 'assignment.ranking.shares[2].upTo', /must be 100% so every customer/);
  });

  it('refuses lines at 0, above 100 or with three decimals', () => {
    const s = shares();
    s.assignment.ranking.shares[0].upTo = 0;
    expectIssue(s, 'assignment.ranking.shares[0].upTo', /greater than 0/);
    const t = shares();
    t.assignment.ranking.shares[2].upTo = 100.5;
    expectIssue(t, 'assignment.ranking.shares[2].upTo', /between 0 and 100/);
    const u = shares();
    u.assignment.ranking.shares[0].upTo = 50.125;
    expectIssue(u, 'assignment.ranking.shares[0].upTo', /at most two decimals/);
  });

  it('refuses tiers listed out of rank order, twice, or unknown', () => {
    const s = shares();
    s.assignment.ranking.shares[0].tier = 'B';
    s.assignment.ranking.shares[1].tier = 'A';
    expectIssue(s, 'assignment.ranking.shares[1].tier', /tier A ranks above B.*best first/);
    const t = shares();
    t.assignment.ranking.shares[1].tier = 'A';
    expectIssue(t, 'assignment.ranking.shares[1].tier', /tier A is listed twice/);
    const u = shares();
    u.assignment.ranking.shares[2].tier = 'Z';
    expectIssue(u, 'assignment.ranking.shares[2].tier', /unknown tier Z/);
  });

  it('refuses an unknown tie-break metric and a score margin', () => {
    const s = shares();
    s.assignment.ranking.tieBreak[0].metric = 'profit';
    expectIssue(s, 'assignment.ranking.tieBreak[0].metric', /unknown metric profit/);
    const t = shares();
    t.hysteresis = { margin: 5 };
    expectIssue(t, 'hysteresis.margin', /cumulative_share ranks by a metric/);
    const u = shares();
    u.hysteresis = { consecutiveRuns: 2 };
    expect(issues(u)).toEqual([]);
  });

  it('names the ranking kinds when one is unknown', () => {
    const s = shares();
    s.assignment.ranking.kind = 'pareto';
    expectIssue(s, 'assignment.ranking.kind', /thresholds, quotas or cumulative_share/);
  });
});

describe('scheme validation: quantiles and constants', () => {
  const derived = (derive: unknown): Doc => {
    const s = scheme();
    s.metrics.push({ key: 'x', derive });
    return s;
  };

  it('accepts quantile metrics and criteria, and constants in formulas', () => {
    const s = derived({ op: 'quantile', of: ['revenue'], buckets: 5 });
    s.metrics.push({ key: 'monthly', derive: { op: 'ratio', of: ['revenue', 12] } });
    s.criteria[1] = {
      id: 'payment',
      label: { zh: '回款', en: 'Payment' },
      metric: 'on_time_payment_rate',
      weight: 40,
      kind: 'quantile',
      buckets: 5,
      maxPoints: 40,
    };
    s.assignment.rules = [{ tier: 'A', when: { metric: 'x', op: '>=', value: 5 } }];
    expect(issues(s)).toEqual([]);
  });

  it('refuses quantile formulas that are not one metric with buckets', () => {
    expectIssue(
      derived({ op: 'quantile', of: ['revenue', 'on_time_payment_rate'], buckets: 5 }),
      'metrics[2].derive.of',
      /quantile takes exactly one metric/,
    );
    expectIssue(
      derived({ op: 'quantile', of: [5], buckets: 5 }),
      'metrics[2].derive.of[0]',
      /needs a metric key, not a constant/,
    );
    expectIssue(
      derived({ op: 'quantile', of: ['revenue'] }),
      'metrics[2].derive.buckets',
      /quantile needs buckets/,
    );
    expectIssue(
      derived({ op: 'quantile', of: ['revenue'], buckets: 1 }),
      'metrics[2].derive.buckets',
      /at least 2/,
    );
    expectIssue(
      derived({ op: 'quantile', of: ['profit'], buckets: 4 }),
      'metrics[2].derive.of[0]',
      /unknown metric profit/,
    );
    expectIssue(
      derived({ op: 'ratio', of: ['revenue', 2], buckets: 4 }),
      'metrics[2].derive.buckets',
      /applies to quantile only/,
    );
  });

  it('refuses conditions beyond a quantile’s buckets', () => {
    const s = derived({ op: 'quantile', of: ['revenue'], buckets: 5 });
    s.assignment.rules = [{ tier: 'A', when: { metric: 'x', op: '>', value: 5 } }];
    expectIssue(s, 'assignment.rules[0].when.value', /can never hold: x lies between 1 and 5/);
  });

  it('refuses formulas without a metric, dividing by 0, or with a missing operand', () => {
    expectIssue(
      derived({ op: 'product', of: [2, 3] }),
      'metrics[2].derive.of',
      /at least one operand must be a metric key/,
    );
    expectIssue(
      derived({ op: 'ratio', of: ['revenue', 0] }),
      'metrics[2].derive.of[1]',
      /must not be 0/,
    );
    expectIssue(
      derived({ op: 'percent_of', of: ['revenue', 0] }),
      'metrics[2].derive.of[1]',
      /must not be 0/,
    );
    expectIssue(
      derived({ op: 'sum', of: ['revenue'] }),
      'metrics[2].derive.of',
      /sum takes two operands/,
    );
    expectIssue(
      derived({ op: 'sum', of: ['revenue', true] }),
      'metrics[2].derive.of[1]',
      /metric keys or numbers/,
    );
    expectIssue(derived({ op: 'mean', of: ['revenue', 2] }), 'metrics[2].derive.op', /quantile/);
  });

  it('refuses a quantile criterion without whole buckets', () => {
    const s = scheme();
    s.criteria[1] = { ...s.criteria[1], kind: 'quantile', maxPoints: 40 };
    delete s.criteria[1].min;
    delete s.criteria[1].max;
    expectIssue(s, 'criteria[1].buckets', /buckets must be a number/);
    s.criteria[1].buckets = 2.5;
    expectIssue(s, 'criteria[1].buckets', /whole number/);
  });
});
