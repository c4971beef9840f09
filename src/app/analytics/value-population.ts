import { z } from 'zod';
import { DEFAULT_PYRAMID_CUTS } from '../../domain/analytics/pareto';
import type { Period } from '../../domain/analytics/period';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { analyticsFilterShape } from './analytics-filters';
import { type CustomerColumns, customerColumns, periodOf } from './customer-columns';

export const VALUE_METRICS = ['revenue', 'profit'] as const;
export type ValueMetric = (typeof VALUE_METRICS)[number];

const CUTS_EXPECTED = 'three increasing fractions in (0, 1), e.g. 0.8,0.95,0.99';

/** Pyramid cut points as the query sends them: "0.8,0.95,0.99". */
const cutsField = z
  .string()
  .optional()
  .transform((text, ctx): number[] => {
    if (text === undefined || text.trim() === '') return [...DEFAULT_PYRAMID_CUTS];
    const cuts = text.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
    const ok =
      cuts.length === 3 && cuts.every((c, i) => c > 0 && c < 1 && (i === 0 || c > cuts[i - 1]!));
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `cuts must be ${CUTS_EXPECTED}` });
      return z.NEVER;
    }
    return cuts;
  });

/** The value view's own query fields besides the shared filters. */
export const valueQueryShape = {
  ...analyticsFilterShape,
  metric: z.enum(VALUE_METRICS, { error: 'metric must be revenue or profit' }).default('revenue'),
  cuts: cutsField,
};
const valueQuerySchema = z.object(valueQueryShape);
export type ValueQuery = z.output<typeof valueQuerySchema>;

/**
 * The customers a value figure counts: the customers in scope with at least one order in the
 * period (positions into `cols`), and each one's value in the metric. Customers in scope who
 * did not order in the period bring nothing to share out; counting them would make the curve
 * describe the size of the dormant file rather than how the period's value is spread, so they
 * are reported beside as `customersWithoutOrders`.
 */
export interface ValuePopulation {
  period: Period;
  metric: ValueMetric;
  cuts: number[];
  cols: CustomerColumns;
  /** Positions into `cols` of the customers counted, in id order. */
  indices: Int32Array;
  /** The metric (minor units) of each counted customer, parallel to `indices`. */
  values: Float64Array;
}

/** Parses a value query (errors name the field) and loads its population. */
export async function loadValuePopulation<S extends z.ZodRawShape>(
  deps: Deps,
  ctx: Ctx,
  input: unknown,
  extra: S,
): Promise<ValuePopulation & { query: ValueQuery & z.output<z.ZodObject<S>> }> {
  const query = parseInput(
    z.object({ ...valueQueryShape, ...extra }),
    input,
    'Invalid value analysis query',
  ) as ValueQuery & z.output<z.ZodObject<S>>;
  const period = periodOf(deps, ctx, query);
  const { from: _from, to: _to, metric, cuts, ...scope } = query;
  const cols = await customerColumns(deps, ctx, scope, period);
  let n = 0;
  for (let i = 0; i < cols.n; i++) if (cols.orders[i]! > 0) n++;
  const indices = new Int32Array(n);
  const values = new Float64Array(n);
  const column = cols[metric];
  for (let i = 0, k = 0; i < cols.n; i++) {
    if (cols.orders[i]! > 0) {
      indices[k] = i;
      values[k] = column[i]!;
      k++;
    }
  }
  return { query, period, metric, cuts, cols, indices, values };
}

/**
 * Positions (into the population) of the customers ranked by value, largest first; equal
 * values by customer code so a list is the same on every call.
 */
export function rankedByValue(pop: ValuePopulation): number[] {
  const order = Array.from(pop.indices.keys());
  const { values, cols, indices } = pop;
  order.sort((a, b) => {
    const d = values[b]! - values[a]!;
    if (d !== 0) return d;
    const ca = cols.codes[indices[a]!]!;
    const cb = cols.codes[indices[b]!]!;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  });
  return order;
}

/**
 * How many customers "the top x%" are: ⌈x·n⌉, the count `topShares` uses (the epsilon keeps
 * 0.7 × 10 = 7.000000000000001 from counting 8).
 */
export function topCount(fraction: number, n: number): number {
  return Math.min(n, Math.max(0, Math.ceil(fraction * n - 1e-9)));
}
