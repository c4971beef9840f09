import { checkBands } from './check-bands';
import type { MetricInfo } from './check-metrics';
import { type Criterion, maxPointsOf } from './criterion.schema';
import type { SchemeIssue } from './scheme-issue';

/**
 * Checks the criteria against the declared metrics: unique ids, known metrics, well-formed
 * scoring (bands, linear ends, category values, points within maxPoints), and the weight total
 * when the scheme demands one.
 */
export function checkCriteria(
  criteria: readonly Criterion[],
  metrics: ReadonlyMap<string, MetricInfo>,
  weightsMustSumTo: number | undefined,
  issues: SchemeIssue[],
): void {
  const firstAt = new Map<string, number>();
  criteria.forEach((c, i) => {
    const at = ['criteria', i] as const;
    const seen = firstAt.get(c.id);
    if (seen !== undefined) {
      issues.push({
        path: [...at, 'id'],
        message: `duplicate criterion id ${c.id} (also criteria[${seen}])`,
      });
    } else firstAt.set(c.id, i);

    const metric = metrics.get(c.metric);
    if (!metric) {
      issues.push({
        path: [...at, 'metric'],
        message: `unknown metric ${c.metric}; declare it in metrics (known: ${[...metrics.keys()].join(', ') || 'none'})`,
      });
    }
    const s = c;
    const sp = at;
    if (s.kind === 'bands') {
      checkBands(s.bands, s.cover, metric?.range, [...sp, 'bands'], issues);
      const max = maxPointsOf(s);
      s.bands.forEach((b, j) => {
        if (b.points > max)
          issues.push({
            path: [...sp, 'bands', j, 'points'],
            message: `points ${b.points} exceed maxPoints ${max}`,
          });
      });
    } else if (s.kind === 'linear') {
      if (s.min === s.max)
        issues.push({
          path: [...sp, 'max'],
          message: 'max must differ from min: a linear scale needs two distinct ends',
        });
      if (s.min > s.max)
        issues.push({
          path: [...sp, 'max'],
          message: `max ${s.max} is below min ${s.min}; to reward low values keep min < max and set higherIsBetter: false`,
        });
    } else if (s.kind === 'category') {
      const seen = new Map<string, number>();
      const max = maxPointsOf(s);
      s.map.forEach((e, j) => {
        const key = String(e.value);
        const prev = seen.get(key);
        if (prev !== undefined)
          issues.push({
            path: [...sp, 'map', j, 'value'],
            message: `duplicate value ${key} (also map[${prev}])`,
          });
        else seen.set(key, j);
        if (e.points > max)
          issues.push({
            path: [...sp, 'map', j, 'points'],
            message: `points ${e.points} exceed maxPoints ${max}`,
          });
      });
      if (s.otherwise > max)
        issues.push({
          path: [...sp, 'otherwise'],
          message: `otherwise ${s.otherwise} exceeds maxPoints ${max}`,
        });
    }
    if (maxPointsOf(s) <= 0) {
      issues.push({
        path: [...sp, 'kind'],
        message: 'this criterion can never earn points: give some band or value more than 0',
      });
    }
  });

  if (weightsMustSumTo !== undefined && criteria.length > 0) {
    const sum = criteria.reduce((t, c) => t + c.weight, 0);
    if (Math.abs(sum - weightsMustSumTo) > 1e-9) {
      const parts = criteria.map((c) => `${c.id} ${c.weight}`).join(', ');
      issues.push({
        path: ['score', 'weightsMustSumTo'],
        message: `criterion weights add up to ${round(sum)} (${parts}) but must add up to ${weightsMustSumTo}`,
      });
    }
  }
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;
