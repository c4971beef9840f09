import type { MetricInfo } from './check-metrics';
import type { Condition } from './condition.schema';
import { findContradiction } from './condition-satisfiable';
import type { IssuePath, SchemeIssue } from './scheme-issue';

export interface ConditionContext {
  metrics: ReadonlyMap<string, MetricInfo>;
  /** The segment filter reads customer attributes and tags only. */
  attributesOnly?: boolean;
  /** Says what never holding means for this condition, e.g. "this rule can never fire". */
  neverMeans: string;
}

/**
 * Checks one condition tree: every metric it names is declared by the scheme, and it is not
 * self-contradictory. Issues point at the offending leaf.
 */
export function checkCondition(
  c: Condition,
  path: IssuePath,
  ctx: ConditionContext,
  issues: SchemeIssue[],
): void {
  const before = issues.length;
  walk(c, path, ctx, issues);
  if (issues.length > before) return;
  const found = findContradiction(c, ctx.metrics, path);
  if (found) issues.push({ path: found.path, message: `${found.message} (${ctx.neverMeans})` });
}

function walk(c: Condition, path: IssuePath, ctx: ConditionContext, issues: SchemeIssue[]): void {
  c.all?.forEach((x, i) => {
    walk(x, [...path, 'all', i], ctx, issues);
  });
  c.any?.forEach((x, i) => {
    walk(x, [...path, 'any', i], ctx, issues);
  });
  if (c.not) walk(c.not, [...path, 'not'], ctx, issues);
  if (c.metric === undefined) return;
  if (ctx.attributesOnly) {
    issues.push({
      path: [...path, 'metric'],
      message:
        'appliesTo filters on customer attributes and tags only; put metric conditions in a rule or gate',
    });
  } else if (!ctx.metrics.has(c.metric)) {
    issues.push({
      path: [...path, 'metric'],
      message: `unknown metric ${c.metric}; declare it in metrics (known: ${[...ctx.metrics.keys()].join(', ') || 'none'})`,
    });
  }
}
