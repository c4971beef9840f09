import { z } from 'zod';
import { dayNumber } from '../../domain/analytics/lifecycle/day-number';
import { addMonths, monthEnd, type Period } from '../../domain/analytics/period';
import {
  type TierDistribution,
  tierDistribution,
  tiersAtPoints,
} from '../../domain/analytics/tier-migration';
import { validationError } from '../../domain/errors';
import {
  revenueInWindows,
  runResults,
  type SchemeRunRow,
  schemeChanges,
  schemeRuns,
  scopeIds,
} from '../../store/analytics/tier-trends.repository';
import type { SchemeRow } from '../../store/tiering/schemes.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterShape } from './analytics-filters';
import { customerColumns, periodOf, scopeOf } from './customer-columns';
import { drillPageShape } from './drill';
import {
  resolveTierScheme,
  schemeRef,
  type TierName,
  type TierSchemeRef,
  tierCatalog,
} from './tier-scheme';
import { changesBy, seenIn } from './tier-side-state';
import { runInForce } from './tier-sides';
import {
  type DrillExportHandler,
  type DrillPageHandler,
  type DrillSelection,
  viewDrill,
} from './view-drill';

export const DISTRIBUTION_BY = ['publication', 'month'] as const;
/** Points a figure shows at most: the latest publications, or a period of at most five years. */
export const MAX_POINTS = 60;
/** Months of revenue read at each point (the twelve months to the point's month). */
export const REVENUE_MONTHS = 12;

const distributionQuery = z.object({
  ...analyticsFilterShape,
  by: z
    .enum(DISTRIBUTION_BY, { error: `by must be one of ${DISTRIBUTION_BY.join(', ')}` })
    .default('publication'),
  draft: z
    .enum(['include', 'exclude'], { error: 'draft must be include or exclude' })
    .default('include'),
});
const distributionDrillQuery = distributionQuery.extend({
  point: z
    .string({ error: 'point is needed: a publication id or a month YYYY-MM' })
    .trim()
    .min(1, 'point must not be empty'),
  pointTier: z.string().trim().min(1, 'pointTier must not be empty').max(100).optional(),
  ...drillPageShape,
});
type DistributionInput = z.output<typeof distributionQuery>;

/** A point of the distribution: a publication, or a month end. */
interface Point {
  key: string;
  date: string;
  month: string;
  publicationId: number | null;
  runId: number | null;
  /** Where the tier history is replayed to: a publication id or the day number of `date`. */
  replayTo: number;
  /** The newest run, not published yet: its computed tiers, read from its results. */
  draft: boolean;
}

/** One point of the figure, with its tiers in the catalog's order. */
export interface DistributionPointView extends Omit<TierDistribution, 'tiers'> {
  key: string;
  draft: boolean;
  date: string;
  publicationId: number | null;
  runId: number | null;
  revenuePeriod: Period;
  tiers: (TierDistribution['tiers'][number] & { tier: string })[];
}

export interface TierDistributionView {
  scheme: TierSchemeRef;
  by: (typeof DISTRIBUTION_BY)[number];
  tiers: TierName[];
  points: DistributionPointView[];
  /** True when older publications were left out (more than MAX_POINTS). */
  truncated: boolean;
}

const revenuePeriod = (month: string): Period => ({
  from: addMonths(month, -(REVENUE_MONTHS - 1)),
  to: month,
  months: REVENUE_MONTHS,
});

/**
 * The points of a figure. By publication: every publication of the scheme, oldest first, or
 * those effective within the period when `from`/`to` is given; at most the latest MAX_POINTS.
 * By month: each month end of the period (default the twelve months to this month).
 */
function pointsOf(
  deps: Deps,
  ctx: Ctx,
  input: DistributionInput,
  runs: readonly SchemeRunRow[],
): { points: Point[]; truncated: boolean } {
  if (input.by === 'month') {
    const period = periodOf(deps, ctx, input);
    if (period.months > MAX_POINTS)
      throw validationError('Invalid tier distribution query: the period is too long', [
        {
          field: 'from',
          message: `the period may span at most ${MAX_POINTS} months (it spans ${period.months})`,
          value: input.from,
        },
      ]);
    const points: Point[] = [];
    for (let i = 0; i < period.months; i++) {
      const month = addMonths(period.from, i);
      const date = monthEnd(month);
      const run = runInForce(runs, date);
      points.push({
        key: month,
        date,
        month,
        publicationId: run?.publication?.id ?? null,
        runId: run?.id ?? null,
        replayTo: dayNumber(date),
        draft: false,
      });
    }
    return { points, truncated: false };
  }
  const limited = input.from !== undefined || input.to !== undefined;
  const period = limited ? periodOf(deps, ctx, input) : undefined;
  const all = runs
    .filter((r) => r.publication)
    .sort((a, b) => a.publication!.id - b.publication!.id)
    .filter((r) => {
      const m = r.publication!.effectiveFrom.slice(0, 7);
      return !period || (m >= period.from && m <= period.to);
    })
    .map((r) => ({
      key: String(r.publication!.id),
      date: r.publication!.effectiveFrom,
      month: r.asOf.slice(0, 7),
      publicationId: r.publication!.id,
      runId: r.id,
      replayTo: r.publication!.id,
      draft: false,
    }));
  const points: Point[] = all.slice(-MAX_POINTS);
  // The newest run made after the last publication shows where the tiers are heading.
  const lastRun = all.at(-1)?.runId ?? 0;
  const draft = runs.find((r) => !r.publication && r.id > lastRun);
  const month = draft?.asOf.slice(0, 7);
  if (
    draft &&
    month &&
    input.draft === 'include' &&
    (!period || (month >= period.from && month <= period.to))
  ) {
    points.push({
      key: `run-${draft.id}`,
      date: draft.asOf,
      month,
      publicationId: null,
      runId: draft.id,
      replayTo: Number.NaN,
      draft: true,
    });
  }
  return { points, truncated: all.length > MAX_POINTS };
}

/** The scheme, points, scope and replayable history of a distribution figure or list. */
async function loadBase(deps: Deps, ctx: Ctx, input: DistributionInput) {
  const scheme: SchemeRow = await resolveTierScheme(deps, input.schemeId);
  const runs = await schemeRuns(deps.store.db, scheme.id);
  const { points, truncated } = pointsOf(deps, ctx, input, runs);
  const scope = { ...input, schemeId: scheme.id };
  const colScope = await scopeOf(deps, ctx, scope);
  const rows = await schemeChanges(deps.store.db, scheme.id, colScope);
  const draftRun = points.find((p) => p.draft)?.runId;
  const draft = draftRun ? await runResults(deps.store.db, draftRun, colScope) : [];
  const seen = seenIn(rows);
  for (const r of draft) seen.add(r.tier);
  const catalog = await tierCatalog(deps, scheme.id, seen);
  const changes = changesBy(rows, input.by === 'month' ? 'day' : 'publication');
  const draftTiers = new Map(draft.map((r) => [r.customerId, r.tier]));
  return { scheme, runs, points, truncated, scope, colScope, catalog, changes, draftTiers };
}

/**
 * Each customer's tier index at each point: the history replayed to a publication or a day, or
 * the draft run's computed tiers.
 */
function statesAt(
  b: Awaited<ReturnType<typeof loadBase>>,
  ids: Int32Array,
  points: readonly Point[],
): Int32Array[] {
  const order = b.catalog.order;
  const replayed = points.filter((p) => !p.draft);
  const states = tiersAtPoints(
    b.changes,
    ids,
    order,
    replayed.map((p) => p.replayTo),
  );
  const at = new Map(order.map((id, i) => [id, i]));
  let next = 0;
  return points.map((p) => {
    if (!p.draft) return states[next++]!;
    return Int32Array.from(ids, (id) => {
      const tier = b.draftTiers.get(id);
      return tier === undefined ? -1 : (at.get(tier) ?? -1);
    });
  });
}

/**
 * The tier distribution of a scheme over time: at each publication (the tiers in force right
 * after it) or each month end (the tiers in force that day, replayed from the tier history),
 * the customers in each tier and their revenue over the twelve months to the point's month,
 * with shares. Honours the shared filters; `tier` keeps the customers whose current published
 * tier it is.
 */
export async function tierDistributionFigure(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
): Promise<TierDistributionView> {
  requirePermission(ctx, 'analytics.read');
  const input = parseInput(distributionQuery, raw, 'Invalid tier distribution query');
  const b = await loadBase(deps, ctx, input);
  const ids = await scopeIds(deps.store.db, b.colScope);
  const order = b.catalog.order;
  const states = statesAt(b, ids, b.points);
  const revenue = await revenueInWindows(
    deps.store.db,
    b.colScope,
    ids,
    b.points.map((p) => revenuePeriod(p.month)),
  );
  return {
    scheme: schemeRef(b.scheme),
    by: input.by,
    tiers: b.catalog.tiers,
    points: b.points.map((p, j) => {
      const d = tierDistribution(order.length, states[j]!, revenue[j]!);
      return {
        key: p.key,
        draft: p.draft,
        date: p.date,
        publicationId: p.publicationId,
        runId: p.runId,
        revenuePeriod: revenuePeriod(p.month),
        ...d,
        tiers: d.tiers.map((t, i) => ({ tier: order[i]!, ...t })),
      };
    }),
    truncated: b.truncated,
  };
}

/** The customers in one tier (or all tiered ones) at one point, with each one's tier and score. */
async function selection(deps: Deps, ctx: Ctx, raw: unknown): Promise<DrillSelection> {
  const input = parseInput(distributionDrillQuery, raw, 'Invalid tier distribution query');
  const b = await loadBase(deps, ctx, input);
  const point = b.points.find((p) => p.key === input.point);
  if (!point)
    throw validationError('Invalid tier distribution query: point', [
      {
        field: 'point',
        message:
          input.by === 'month'
            ? 'must be a month YYYY-MM of the period'
            : `must be the id of a publication of scheme ${b.scheme.key} shown in the figure, or run-<id> of its draft run`,
        value: input.point,
      },
    ]);
  const order = b.catalog.order;
  let want: number | undefined;
  if (input.pointTier !== undefined) {
    want = input.pointTier === 'none' ? -1 : order.indexOf(input.pointTier);
    if (want === -1 && input.pointTier !== 'none') {
      throw validationError('Invalid tier distribution query: pointTier', [
        {
          field: 'pointTier',
          message: `must be one of ${[...order, 'none'].join(', ')}`,
          value: input.pointTier,
        },
      ]);
    }
  }
  const cols = await customerColumns(deps, ctx, b.scope, revenuePeriod(point.month));
  const tiers = statesAt(b, cols.ids, [point])[0]!;
  const positions: number[] = [];
  for (let i = 0; i < cols.n; i++) {
    if (want === undefined ? tiers[i]! >= 0 : tiers[i] === want) positions.push(i);
  }
  const results = point.runId ? await runResults(deps.store.db, point.runId, b.colScope) : [];
  const scores = new Map(results.map((r) => [r.customerId, r.score]));
  const extra = (i: number) => {
    const s = scores.get(cols.ids[i]!);
    return {
      tier: tiers[i]! >= 0 ? order[tiers[i]!]! : null,
      score: s == null ? null : Math.round(s * 100) / 100,
    };
  };
  return { cols, positions, options: input, extra };
}

const distributionDrill = viewDrill(selection, (s) => ({
  columns: [
    { key: 'tier', header: { 'zh-CN': '层级', en: 'Tier' } },
    { key: 'score', header: { 'zh-CN': '得分', en: 'Score' } },
  ],
  values: s.extra,
}));

/**
 * A page of the customers in one tier (or all tiered ones) at one point of the distribution,
 * with each one's tier and score there. Needs 'analytics.read'.
 */
export const tierDistributionCustomers: DrillPageHandler = distributionDrill.page;

/**
 * The customers behind a distribution bar as CSV or XLSX, with their tier and score. Needs
 * 'analytics.read' and 'customers.export'.
 */
export const exportTierDistributionCustomers: DrillExportHandler = distributionDrill.export;
