import { checkCondition } from './check-conditions';
import type { MetricInfo } from './check-metrics';
import type { SchemeDocument } from './scheme.schema';
import type { SchemeIssue } from './scheme-issue';

/**
 * Checks the tier ladder and every place that names a tier: duplicate ids and ranks, unknown
 * tiers, thresholds that a better tier already shadows or that lie above the scale, quotas
 * that are zero or do not total 100%, cumulative-share lines out of order, a missing default, a
 * gate on the lowest tier (nowhere to fall), and conditions that can never hold.
 */
export function checkAssignment(
  s: SchemeDocument,
  metrics: ReadonlyMap<string, MetricInfo>,
  issues: SchemeIssue[],
): void {
  const rankOf = new Map<string, number>();
  const idAt = new Map<string, number>();
  const rankAt = new Map<number, number>();
  s.tiers.forEach((t, i) => {
    const dup = idAt.get(t.id);
    if (dup !== undefined)
      issues.push({
        path: ['tiers', i, 'id'],
        message: `duplicate tier id ${t.id} (also tiers[${dup}])`,
      });
    else idAt.set(t.id, i);
    const dupRank = rankAt.get(t.rank);
    if (dupRank !== undefined)
      issues.push({
        path: ['tiers', i, 'rank'],
        message: `duplicate rank ${t.rank} (also tiers[${dupRank}]): tiers must be strictly ordered`,
      });
    else rankAt.set(t.rank, i);
    if (!rankOf.has(t.id)) rankOf.set(t.id, t.rank);
  });
  const known = (id: string, path: (string | number)[]) => {
    if (rankOf.has(id)) return true;
    issues.push({
      path,
      message: `unknown tier ${id}; tiers are ${[...rankOf.keys()].join(', ')}`,
    });
    return false;
  };
  const worstRank = Math.max(...s.tiers.map((t) => t.rank));
  const a = s.assignment;
  const cond = { metrics };

  a.rules.forEach((r, i) => {
    known(r.tier, ['assignment', 'rules', i, 'tier']);
    checkCondition(
      r.when,
      ['assignment', 'rules', i, 'when'],
      { ...cond, neverMeans: 'this rule can never fire' },
      issues,
    );
  });
  a.gates.forEach((g, i) => {
    if (known(g.tier, ['assignment', 'gates', i, 'tier']) && rankOf.get(g.tier) === worstRank) {
      issues.push({
        path: ['assignment', 'gates', i, 'tier'],
        message: `${g.tier} is the lowest tier: a customer failing its gate would have no tier to fall to`,
      });
    }
    checkCondition(
      g.when,
      ['assignment', 'gates', i, 'when'],
      { ...cond, neverMeans: `nobody can pass this gate into ${g.tier}` },
      issues,
    );
  });
  if (a.default !== undefined) known(a.default, ['assignment', 'default']);
  if (s.appliesTo)
    checkCondition(
      s.appliesTo,
      ['appliesTo'],
      { ...cond, attributesOnly: true, neverMeans: 'the scheme would apply to nobody' },
      issues,
    );

  const r = a.ranking;
  if (r && r.kind !== 'cumulative_share' && s.criteria.length === 0)
    issues.push({ path: ['criteria'], message: 'ranking by score needs at least one criterion' });
  if (r?.kind === 'thresholds') {
    checkThresholds(r.thresholds, rankOf, s.score.scale, known, issues);
    const lowest = Math.min(...r.thresholds.map((t) => t.minScore));
    if (a.default === undefined && lowest > 0) {
      issues.push({
        path: ['assignment', 'default'],
        message: `customers scoring below ${lowest} would get no tier: name a default tier or a threshold of 0`,
      });
    }
  } else if (r?.kind === 'quotas') {
    checkQuotas(r.quotas, known, issues);
    checkTieBreaks(r.tieBreak, metrics, issues);
  } else if (r?.kind === 'cumulative_share') {
    checkShares(r, rankOf, metrics, known, issues);
    checkTieBreaks(r.tieBreak, metrics, issues);
  } else if (a.default === undefined) {
    issues.push({
      path: ['assignment', 'default'],
      message: 'without a ranking, customers no rule matches need a default tier',
    });
  }

  if (s.provisional?.tier !== undefined) known(s.provisional.tier, ['provisional', 'tier']);
  if (s.hysteresis?.margin !== undefined && (!r || r.kind === 'cumulative_share')) {
    issues.push({
      path: ['hysteresis', 'margin'],
      message: r
        ? 'a score margin needs a score ranking (thresholds or quotas); cumulative_share ranks by a metric, so use consecutiveRuns'
        : 'a score margin needs a ranking (thresholds or quotas) to measure against',
    });
  }
}

function checkTieBreaks(
  list: readonly { metric: string }[],
  metrics: ReadonlyMap<string, MetricInfo>,
  issues: SchemeIssue[],
): void {
  list.forEach((t, i) => {
    if (!metrics.has(t.metric))
      issues.push({
        path: ['assignment', 'ranking', 'tieBreak', i, 'metric'],
        message: `unknown metric ${t.metric}; declare it in metrics`,
      });
  });
}

/**
 * Cumulative-share lines: a known metric to add up, each tier once, tiers listed best first,
 * lines strictly ascending and the last at 100% (else customers past it would have no tier).
 */
function checkShares(
  r: { metric: string; shares: readonly { tier: string; upTo: number }[] },
  rankOf: ReadonlyMap<string, number>,
  metrics: ReadonlyMap<string, MetricInfo>,
  known: (id: string, path: (string | number)[]) => boolean,
  issues: SchemeIssue[],
): void {
  const at = ['assignment', 'ranking'];
  const metric = metrics.get(r.metric);
  if (!metric) {
    issues.push({
      path: [...at, 'metric'],
      message: `unknown metric ${r.metric}; declare it in metrics (known: ${[...metrics.keys()].join(', ') || 'none'})`,
    });
  } else if (metric.direction === 'lower') {
    issues.push({
      path: [...at, 'metric'],
      message: `${r.metric} is lower-is-better: a cumulative share adds up a quantity where more is better (revenue, profit)`,
    });
  }
  const seen = new Map<string, number>();
  let prev: { upTo: number; rank: number | undefined; i: number } | undefined;
  r.shares.forEach((q, i) => {
    const path = [...at, 'shares', i];
    const ok = known(q.tier, [...path, 'tier']);
    const dup = seen.get(q.tier);
    if (ok && dup !== undefined)
      issues.push({
        path: [...path, 'tier'],
        message: `tier ${q.tier} is listed twice (also shares[${dup}])`,
      });
    if (ok) seen.set(q.tier, i);
    const rank = rankOf.get(q.tier);
    if (prev) {
      if (q.upTo <= prev.upTo)
        issues.push({
          path: [...path, 'upTo'],
          message: `upTo ${q.upTo} must be above ${prev.upTo} of shares[${prev.i}]: lines ascend from the best tier`,
        });
      if (rank !== undefined && prev.rank !== undefined && rank <= prev.rank)
        issues.push({
          path: [...path, 'tier'],
          message: `tier ${q.tier} ranks above ${r.shares[prev.i]!.tier} of shares[${prev.i}]: list the tiers best first`,
        });
    }
    prev = { upTo: q.upTo, rank, i };
  });
  const last = r.shares.length - 1;
  if (last >= 0 && r.shares[last]!.upTo !== 100)
    issues.push({
      path: [...at, 'shares', last, 'upTo'],
      message: `the last line is ${r.shares[last]!.upTo}%; it must be 100% so every customer gets a tier`,
    });
}

function checkThresholds(
  list: readonly { tier: string; minScore: number }[],
  rankOf: ReadonlyMap<string, number>,
  scale: number,
  known: (id: string, path: (string | number)[]) => boolean,
  issues: SchemeIssue[],
): void {
  const seen = new Map<string, number>();
  list.forEach((t, i) => {
    const path = ['assignment', 'ranking', 'thresholds', i];
    if (!known(t.tier, [...path, 'tier'])) return;
    const prev = seen.get(t.tier);
    if (prev !== undefined)
      issues.push({
        path: [...path, 'tier'],
        message: `tier ${t.tier} is listed twice (also thresholds[${prev}])`,
      });
    seen.set(t.tier, i);
    if (t.minScore > scale)
      issues.push({
        path: [...path, 'minScore'],
        message: `minScore ${t.minScore} is above the score scale ${scale}: tier ${t.tier} can never be reached`,
      });
  });
  // A worse tier needs a strictly lower line, or the better tier takes everyone who reaches it.
  const ordered = list
    .map((t, i) => ({ ...t, i, rank: rankOf.get(t.tier) }))
    .filter((t) => t.rank !== undefined)
    .sort((x, y) => x.rank! - y.rank!);
  for (let k = 1; k < ordered.length; k++) {
    const better = ordered[k - 1]!;
    const worse = ordered[k]!;
    if (worse.minScore >= better.minScore && worse.tier !== better.tier) {
      issues.push({
        path: ['assignment', 'ranking', 'thresholds', worse.i, 'minScore'],
        message: `tier ${worse.tier} can never be reached by score: its minScore ${worse.minScore} is not below ${better.minScore} of ${better.tier}, which ranks above it`,
      });
    }
  }
}

function checkQuotas(
  list: readonly { tier: string; percent: number }[],
  known: (id: string, path: (string | number)[]) => boolean,
  issues: SchemeIssue[],
): void {
  const seen = new Map<string, number>();
  let basisPoints = 0;
  list.forEach((q, i) => {
    const path = ['assignment', 'ranking', 'quotas', i];
    basisPoints += Math.round(q.percent * 100);
    if (!known(q.tier, [...path, 'tier'])) return;
    const prev = seen.get(q.tier);
    if (prev !== undefined)
      issues.push({
        path: [...path, 'tier'],
        message: `tier ${q.tier} is listed twice (also quotas[${prev}])`,
      });
    seen.set(q.tier, i);
    if (q.percent === 0)
      issues.push({
        path: [...path, 'percent'],
        message: `a 0% quota can never assign tier ${q.tier}; remove it from quotas or give it a share`,
      });
  });
  if (basisPoints !== 10000) {
    issues.push({
      path: ['assignment', 'ranking', 'quotas'],
      message: `quotas add up to ${basisPoints / 100}%; they must add up to 100%`,
    });
  }
}
