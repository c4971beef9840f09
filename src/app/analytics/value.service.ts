import { z } from 'zod';
import {
  giniOfSorted,
  type LorenzCurve,
  lorenzOfSorted,
  PYRAMID_LEVELS,
  type PyramidLevel,
  type PyramidLevelKey,
  sortedShares,
  topSharesOfSorted,
  valuePyramid,
} from '../../domain/analytics/pareto';
import type { Period } from '../../domain/analytics/period';
import { validationError } from '../../domain/errors';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { type DrillExtraColumn, drillPageShape } from './drill';
import {
  loadValuePopulation,
  rankedByValue,
  topCount,
  type ValueMetric,
  type ValuePopulation,
} from './value-population';
import {
  type DrillExportHandler,
  type DrillPageHandler,
  type DrillSelection,
  viewDrill,
} from './view-drill';

/** The "top x%" fractions the view reports (1%, 5%, 10%, 20%, 50%). */
export const TOP_FRACTIONS = [0.01, 0.05, 0.1, 0.2, 0.5] as const;

/** One pyramid level with money in minor units. */
export interface ValueLevel {
  key: PyramidLevelKey;
  zh: string;
  en: string;
  customers: number;
  customerShare: number;
  /** Net value of the level's customers (losses included). */
  valueMinor: number;
  /** Share of the positive total. */
  valueShare: number;
  /** The smallest value in the level: its entry bar. */
  minValueMinor: number;
}

/** "The top x% of customers bring y%". */
export interface ValueTopShare {
  customerFraction: number;
  customers: number;
  valueMinor: number;
  valueShare: number;
}

/** The Pareto / Lorenz / pyramid figures of one metric over a period. */
export interface ValueView {
  period: Period;
  metric: ValueMetric;
  cuts: number[];
  totals: {
    /** Customers counted: in scope with at least one order in the period. */
    customers: number;
    /** Active customers in scope, with or without orders. */
    customersInScope: number;
    /** Customers in scope without an order in the period (left out of the figures). */
    customersWithoutOrders: number;
    revenueMinor: number;
    profitMinor: number;
    /** Σ of the positive values of the metric: the total the shares divide. */
    positiveMinor: number;
  };
  /** Customers whose metric is negative (a loss; only profit can be) and their sum (≤ 0). */
  losses: { customers: number; valueMinor: number };
  gini: number;
  lorenz: { customerShare: number; valueShare: number }[];
  topShares: ValueTopShare[];
  pyramid: ValueLevel[];
}

function lorenzPoints(curve: LorenzCurve): ValueView['lorenz'] {
  return Array.from(curve.customerShare, (x, j) => ({
    customerShare: x,
    valueShare: curve.valueShare[j]!,
  }));
}

function level(l: PyramidLevel): ValueLevel {
  return {
    key: l.key,
    zh: l.zh,
    en: l.en,
    customers: l.customers,
    customerShare: l.customerShare,
    valueMinor: l.value,
    valueShare: l.valueShare,
    minValueMinor: l.minValue,
  };
}

/**
 * The figures of an empty population: no customers share nothing. The curve is the diagonal and
 * every count, share and the Gini coefficient are 0, so no chart ever receives NaN.
 */
function emptyFigures(): Pick<ValueView, 'gini' | 'lorenz' | 'topShares' | 'pyramid'> {
  return {
    gini: 0,
    lorenz: [
      { customerShare: 0, valueShare: 0 },
      { customerShare: 1, valueShare: 1 },
    ],
    topShares: TOP_FRACTIONS.map((x) => ({
      customerFraction: x,
      customers: 0,
      valueMinor: 0,
      valueShare: 0,
    })),
    pyramid: PYRAMID_LEVELS.map((d) => ({
      ...d,
      customers: 0,
      customerShare: 0,
      valueMinor: 0,
      valueShare: 0,
      minValueMinor: 0,
    })),
  };
}

/** The view's figures from a loaded population. */
export function valueFigures(pop: ValuePopulation): ValueView {
  const { cols, indices, values } = pop;
  let revenueMinor = 0;
  let profitMinor = 0;
  for (const i of indices) {
    revenueMinor += cols.revenue[i]!;
    profitMinor += cols.profit[i]!;
  }
  const base = {
    period: pop.period,
    metric: pop.metric,
    cuts: pop.cuts,
  };
  const totals = {
    customers: indices.length,
    customersInScope: cols.n,
    customersWithoutOrders: cols.n - indices.length,
    revenueMinor,
    profitMinor,
    positiveMinor: 0,
  };
  if (indices.length === 0) {
    return { ...base, totals, losses: { customers: 0, valueMinor: 0 }, ...emptyFigures() };
  }
  const prepared = sortedShares(pop.metric, values);
  return {
    ...base,
    totals: { ...totals, positiveMinor: prepared.total },
    losses: { customers: prepared.negativeCount, valueMinor: prepared.negativeSum },
    gini: giniOfSorted(prepared),
    lorenz: lorenzPoints(lorenzOfSorted(prepared)),
    topShares: topSharesOfSorted(prepared, TOP_FRACTIONS).map((t) => ({
      customerFraction: t.customerFraction,
      customers: t.customers,
      valueMinor: t.value,
      valueShare: t.valueShare,
    })),
    pyramid: valuePyramid(values, pop.cuts, pop.metric).levels.map(level),
  };
}

/**
 * Pareto / Lorenz curve, Gini coefficient, "top x% bring y%" and the value pyramid of revenue or
 * profit over the period, for the customers in scope who ordered in it (see ValuePopulation).
 * Shares are of the positive total; loss-making customers count as bringing 0 and are reported
 * under `losses`. An empty population gives zeros and the diagonal, never NaN.
 */
export async function valueView(deps: Deps, ctx: Ctx, input: unknown): Promise<ValueView> {
  requirePermission(ctx, 'analytics.read');
  return valueFigures(await loadValuePopulation(deps, ctx, input, {}));
}

/** What a value drill-down can select: a pyramid level, the loss-makers, or the top x%. */
export const VALUE_DRILL_LEVELS = [...PYRAMID_LEVELS.map((l) => l.key), 'loss'] as const;
export type ValueDrillLevel = (typeof VALUE_DRILL_LEVELS)[number];

const TOP_EXPECTED = 'top must be a fraction in (0, 1], e.g. 0.2 for the top 20%';

const selectorShape = {
  level: z
    .enum(VALUE_DRILL_LEVELS, { error: `level must be one of ${VALUE_DRILL_LEVELS.join(', ')}` })
    .optional(),
  top: z.coerce.number({ error: TOP_EXPECTED }).gt(0, TOP_EXPECTED).max(1, TOP_EXPECTED).optional(),
};

/** The customers behind one value figure, with each one's level and rank. */
interface ValueSelection extends DrillSelection {
  extra: (i: number) => { level: PyramidLevelKey; rank: number };
}

async function selection(deps: Deps, ctx: Ctx, input: unknown): Promise<ValueSelection> {
  const pop = await loadValuePopulation(deps, ctx, input, { ...selectorShape, ...drillPageShape });
  const { level, top } = pop.query;
  if ((level === undefined) === (top === undefined)) {
    throw validationError('Invalid value drill-down', [
      {
        field: 'level',
        message: `give either level (${VALUE_DRILL_LEVELS.join(', ')}) or top (a fraction), not both or neither`,
        value: level ?? null,
      },
    ]);
  }
  const { cols, indices, values } = pop;
  const n = indices.length;
  const levelOf = n ? valuePyramid(values, pop.cuts, pop.metric).level : new Uint8Array(0);
  const ranking = rankedByValue(pop);
  const rank = new Int32Array(n);
  ranking.forEach((k, r) => {
    rank[k] = r + 1;
  });
  const at = new Int32Array(cols.n).fill(-1);
  indices.forEach((i, k) => {
    at[i] = k;
  });
  let chosen: number[];
  if (top !== undefined) {
    chosen = ranking.slice(0, topCount(top, n));
  } else if (level === 'loss') {
    chosen = [];
    for (let k = 0; k < n; k++) if (values[k]! < 0) chosen.push(k);
  } else {
    const l = PYRAMID_LEVELS.findIndex((d) => d.key === level);
    chosen = [];
    for (let k = 0; k < n; k++) if (levelOf[k] === l) chosen.push(k);
  }
  return {
    cols,
    positions: chosen.map((k) => indices[k]!),
    options: pop.query,
    extra: (i) => {
      const k = at[i]!;
      return { level: PYRAMID_LEVELS[levelOf[k]!]!.key, rank: rank[k]! };
    },
  };
}

const EXTRA_COLUMNS: DrillExtraColumn[] = [
  { key: 'level', header: { 'zh-CN': '价值层级', en: 'Value level' } },
  { key: 'rank', header: { 'zh-CN': '价值排名', en: 'Value rank' } },
];

const valueDrill = viewDrill(selection, (s, lang) => {
  const names = new Map(PYRAMID_LEVELS.map((l) => [l.key, lang === 'en' ? l.en : l.zh]));
  return {
    columns: EXTRA_COLUMNS,
    values: (i) => {
      const e = s.extra(i);
      return { level: names.get(e.level) ?? e.level, rank: e.rank };
    },
  };
});

/**
 * One page of the customers behind a value figure: `level` (key, important, ordinary, small,
 * or loss) or `top` (a fraction: the ⌈x·n⌉ largest, as the top-share figure counts them), with
 * the same filters, metric and cuts as the figure. Each row's `extra` gives its pyramid level
 * and its rank by value (1 = largest). Needs 'analytics.read'.
 */
export const valueCustomers: DrillPageHandler = valueDrill.page;

/**
 * The whole customer list behind a value figure as CSV or XLSX, with the level's name in the
 * asked language and the rank. Needs 'analytics.read' and 'customers.export'.
 */
export const exportValueCustomers: DrillExportHandler = valueDrill.export;
