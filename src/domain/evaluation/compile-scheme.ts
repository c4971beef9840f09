import { checkMetrics, evaluationOrder } from '../scheme/check-metrics';
import type { Condition } from '../scheme/condition.schema';
import { maxPointsOf } from '../scheme/criterion.schema';
import { TAG_METRIC_PREFIX } from '../scheme/metric-catalog';
import { parseScheme } from '../scheme/parse-scheme';
import type { Scheme, SchemeInput } from '../scheme/scheme.schema';
import type { Plan, PlanCriterion, PlanGate, PlanRanking } from './plan';

/**
 * Validates a scheme document and compiles it into a plan for `evaluate`: tiers sorted by
 * rank (index 0 best), metrics in dependency order, bands as typed arrays, quotas and
 * cumulative-share lines in basis points. Throws a VALIDATION DomainError listing every problem of an invalid scheme.
 */
export function compileScheme(input: SchemeInput | Scheme): Plan {
  const scheme = parseScheme(input);
  const metricMap = checkMetrics(scheme.metrics, []);
  const metrics = evaluationOrder(metricMap).map((k) => metricMap.get(k)!);
  const tiers = [...scheme.tiers]
    .sort((a, b) => a.rank - b.rank)
    .map((t) => ({ id: t.id, name: t.name, rank: t.rank }));
  const tierIndex = new Map(tiers.map((t, i) => [t.id, i]));
  const tierOf = (id: string) => tierIndex.get(id)!;

  const criteria = scheme.criteria.map((c): PlanCriterion => {
    const metric = metricMap.get(c.metric)!;
    const s = c;
    const maxPoints = maxPointsOf(s);
    const higherIsBetter =
      (s.kind === 'linear' || s.kind === 'percentile' || s.kind === 'quantile') &&
      s.higherIsBetter !== undefined
        ? s.higherIsBetter
        : metric.direction === 'higher';
    const out: PlanCriterion = {
      id: c.id,
      label: c.label,
      metric,
      weight: c.weight,
      scoring: s,
      missing: c.missing,
      maxPoints,
      higherIsBetter,
    };
    if (s.kind === 'bands') {
      const bands = [...s.bands].sort(
        (a, b) => (a.min ?? Number.NEGATIVE_INFINITY) - (b.min ?? Number.NEGATIVE_INFINITY),
      );
      out.bandMin = Float64Array.from(bands, (b) => b.min ?? Number.NEGATIVE_INFINITY);
      out.bandMax = Float64Array.from(bands, (b) => b.max ?? Number.POSITIVE_INFINITY);
      out.bandFraction = Float64Array.from(bands, (b) => b.points / maxPoints);
      Object.assign(out, bandSteps(out.bandMin, out.bandMax, out.bandFraction));
    }
    return out;
  });

  const a = scheme.assignment;
  let ranking: PlanRanking | undefined;
  if (a.ranking?.kind === 'thresholds') {
    const minScore = new Float64Array(tiers.length).fill(Number.NaN);
    for (const t of a.ranking.thresholds) minScore[tierOf(t.tier)] = t.minScore;
    ranking = { kind: 'thresholds', minScore };
  } else if (a.ranking?.kind === 'quotas') {
    const quotas = [...a.ranking.quotas].sort((x, y) => tierOf(x.tier) - tierOf(y.tier));
    ranking = {
      kind: 'quotas',
      tiers: Int16Array.from(quotas, (q) => tierOf(q.tier)),
      basisPoints: Int32Array.from(quotas, (q) => Math.round(q.percent * 100)),
      rounding: a.ranking.rounding,
      tieBreak: a.ranking.tieBreak,
    };
  } else if (a.ranking?.kind === 'cumulative_share') {
    // The checks keep the lines in tier order and ascending, so listed order is rank order.
    ranking = {
      kind: 'cumulative_share',
      metric: a.ranking.metric,
      tiers: Int16Array.from(a.ranking.shares, (q) => tierOf(q.tier)),
      basisPoints: Int32Array.from(a.ranking.shares, (q) => Math.round(q.upTo * 100)),
      tieBreak: a.ranking.tieBreak,
    };
  }

  const gates: PlanGate[][] = tiers.map(() => []);
  a.gates.forEach((g, index) => {
    const gate: PlanGate = { index, tier: tierOf(g.tier), when: g.when };
    if (g.label) gate.label = g.label;
    gates[gate.tier]!.push(gate);
  });

  const conditions: Condition[] = [
    ...(scheme.appliesTo ? [scheme.appliesTo] : []),
    ...a.rules.map((r) => r.when),
    ...a.gates.map((g) => g.when),
  ];
  const attributes = new Set<string>();
  const tags = new Set<string>();
  const collect = (c: Condition) => {
    if (c.attribute) attributes.add(c.attribute);
    if (c.tag) tags.add(c.tag);
    c.all?.forEach(collect);
    c.any?.forEach(collect);
    if (c.not) collect(c.not);
  };
  conditions.forEach(collect);
  for (const m of metrics)
    if (m.id?.startsWith(TAG_METRIC_PREFIX)) tags.add(m.id.slice(TAG_METRIC_PREFIX.length));

  const plan: Plan = {
    scheme,
    tiers,
    tierIndex,
    metrics,
    criteria,
    scale: scheme.score.scale,
    rules: a.rules.map((r, index) => ({
      index,
      tier: tierOf(r.tier),
      when: r.when,
      ...(r.id ? { id: r.id } : {}),
      ...(r.label ? { label: r.label } : {}),
    })),
    defaultTier: a.default === undefined ? -1 : tierOf(a.default),
    gates,
    requires: {
      metrics: metrics
        .filter((m) => !m.derive && !m.id?.startsWith(TAG_METRIC_PREFIX))
        .map((m) => m.key),
      categories: criteria
        .filter(
          (c) =>
            c.scoring.kind === 'category' && c.scoring.map.some((e) => typeof e.value === 'string'),
        )
        .map((c) => c.metric.key),
      attributes: [...attributes],
      tags: [...tags],
      tenure: scheme.provisional !== undefined,
    },
  };
  if (scheme.appliesTo) plan.segment = scheme.appliesTo;
  if (ranking) plan.ranking = ranking;
  if (scheme.provisional) {
    plan.provisional = {
      minTenureMonths: scheme.provisional.minTenureMonths,
      tier: scheme.provisional.tier === undefined ? -1 : tierOf(scheme.provisional.tier),
    };
  }
  if (scheme.hysteresis) plan.hysteresis = scheme.hysteresis;
  return plan;
}

/**
 * Bands as a step function: interval k runs from edge k−1 (inclusive) to edge k (exclusive),
 * so a value's interval is the number of edges ≤ it — a sum of comparisons with no branch to
 * mispredict, about three times faster than scanning the bands on unsorted data.
 */
function bandSteps(min: Float64Array, max: Float64Array, fraction: Float64Array) {
  const finite = [...min, ...max].filter(Number.isFinite);
  const edges = Float64Array.from(new Set(finite)).sort();
  const stepFraction = new Float64Array(edges.length + 1);
  for (let k = 0; k <= edges.length; k++) {
    const lo = k === 0 ? Number.NEGATIVE_INFINITY : edges[k - 1]!;
    const hi = k === edges.length ? Number.POSITIVE_INFINITY : edges[k]!;
    for (let b = 0; b < min.length; b++)
      if (min[b]! <= lo && max[b]! >= hi) stepFraction[k] = fraction[b]!;
  }
  return { edges, stepFraction };
}
