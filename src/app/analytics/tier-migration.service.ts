import { z } from 'zod';
import { addMonths, type Period, resolvePeriod } from '../../domain/analytics/period';
import {
  MOVES,
  type Move,
  type MoveTotal,
  migrationPositions,
  migrationSankey,
  moveOf,
  type SankeyLink,
  type SankeyNode,
  tierMigration,
} from '../../domain/analytics/tier-migration';
import { validationError } from '../../domain/errors';
import { revenueInWindows } from '../../store/analytics/tier-trends.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterShape } from './analytics-filters';
import { customerColumns, scopeOf } from './customer-columns';
import { drillPageShape } from './drill';
import { MOVE_NAMES } from './tier-move-names';
import {
  resolveTierScheme,
  schemeRef,
  type TierName,
  type TierSchemeRef,
  tierCatalog,
} from './tier-scheme';
import { loadSide, sideScores, sideTiers } from './tier-side-state';
import {
  type Compare,
  comparisonShape,
  type Defaulted,
  monthGap,
  resolveSides,
  type Side,
  schemeOfRuns,
} from './tier-sides';
import {
  type DrillExportHandler,
  type DrillPageHandler,
  type DrillSelection,
  viewDrill,
} from './view-drill';

const migrationQuery = z.object({ ...analyticsFilterShape, ...comparisonShape });

/** The label of "no tier" in a migration's rows and columns. */
export const NONE = 'none';

const tierSelector = (field: string) =>
  z.string().trim().min(1, `${field} must not be empty`).max(100).optional();

/** Which customers of a migration a list shows: a cell, a row, a column or a move. */
export const migrationDrillShape = {
  fromTier: tierSelector('fromTier'),
  toTier: tierSelector('toTier'),
  move: z.enum(MOVES, { error: `move must be one of ${MOVES.join(', ')}` }).optional(),
};
const migrationDrillQuery = migrationQuery.extend({ ...migrationDrillShape, ...drillPageShape });

/** One side of a migration as the API shows it. */
export interface SideView {
  kind: 'run' | 'date' | 'previous';
  /** The run read (`run`), the run of the publication in force (`date`), or the publication current when `ofRunId` was made (`previous`). */
  runId: number | null;
  asOf: string | null;
  status: string | null;
  version: number | null;
  publicationId: number | null;
  effectiveFrom: string | null;
  date: string | null;
  ofRunId: number | null;
  /** The month whose trailing period the side's revenue is read over. */
  month: string;
}

export interface TierMigrationView {
  scheme: TierSchemeRef;
  compare: Compare;
  defaulted: Defaulted;
  before: SideView;
  after: SideView;
  periods: { before: Period; after: Period };
  tiers: TierName[];
  /** Row and column labels: the tier ids best first, then 'none'. */
  labels: string[];
  counts: number[][];
  revenueMinor: number[][];
  revenueBeforeMinor: number[][];
  totals: Record<Move, MoveTotal>;
  all: MoveTotal;
  sankey: { nodes: SankeyNode[]; links: SankeyLink[] };
}

function sideView(side: Side): SideView {
  const run = side.run;
  return {
    kind: side.kind,
    runId: run?.id ?? null,
    asOf: run?.asOf ?? null,
    status: run?.status ?? null,
    version: run?.version ?? null,
    publicationId: run?.publication?.id ?? null,
    effectiveFrom: run?.publication?.effectiveFrom ?? null,
    date: side.kind === 'date' ? side.date : null,
    ofRunId: side.kind === 'previous' ? side.of.id : null,
    month: side.month,
  };
}

/**
 * Everything a migration figure and its lists need: the scheme and sides, the periods (the
 * later one from the filters, by default the twelve months to the later side's month; the
 * earlier one as long, shifted back by the months between the sides), the customers in scope
 * with their revenue in both periods, and each one's tier and score on both sides.
 */
async function loadMigration(deps: Deps, ctx: Ctx, input: z.output<typeof migrationQuery>) {
  const inferred = await schemeOfRuns(deps, input, input.schemeId);
  const scheme = await resolveTierScheme(deps, input.schemeId, inferred);
  const sides = await resolveSides(deps, scheme.id, input);
  const after = resolvePeriod(input, sides.after.month);
  const gap = monthGap(sides.before, sides.after);
  const before: Period = {
    from: addMonths(after.from, -gap),
    to: addMonths(after.to, -gap),
    months: after.months,
  };
  const scope = { ...input, schemeId: scheme.id };
  const colScope = await scopeOf(deps, ctx, scope);
  const cols = await customerColumns(deps, ctx, scope, after);
  const [revenueBefore] = await revenueInWindows(deps.store.db, colScope, cols.ids, [before]);
  const a = await loadSide(deps, scheme.id, colScope, sides.before);
  const b = await loadSide(deps, scheme.id, colScope, sides.after);
  const catalog = await tierCatalog(deps, scheme.id, [...a.seen, ...b.seen]);
  return {
    scheme,
    sides,
    periods: { before, after },
    cols,
    revenueBefore: revenueBefore!,
    catalog,
    tiersBefore: sideTiers(a, cols.ids, catalog.order),
    tiersAfter: sideTiers(b, cols.ids, catalog.order),
    scoresBefore: sideScores(a, cols.ids),
    scoresAfter: sideScores(b, cols.ids),
  };
}

/**
 * Tier migration of a scheme between two runs, two dates, or a run and its previous tiers:
 * customers and revenue per (before, after) cell, totals per move (up, down, stayed, new, gone)
 * and the Sankey of the same cells. Honours the shared filters (region, industry, type, owner;
 * `tier` keeps the customers whose current published tier it is).
 */
export async function tierMigrationFigure(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
): Promise<TierMigrationView> {
  requirePermission(ctx, 'analytics.read');
  const input = parseInput(migrationQuery, raw, 'Invalid tier migration query');
  const m = await loadMigration(deps, ctx, input);
  const k = m.catalog.order.length;
  const matrix = tierMigration(k, m.tiersBefore, m.tiersAfter, m.cols.revenue, m.revenueBefore);
  const labels = [...m.catalog.order, NONE];
  return {
    scheme: schemeRef(m.scheme),
    compare: m.sides.compare,
    defaulted: m.sides.defaulted,
    before: sideView(m.sides.before),
    after: sideView(m.sides.after),
    periods: m.periods,
    tiers: m.catalog.tiers,
    labels,
    counts: matrix.counts,
    revenueMinor: matrix.revenueMinor,
    revenueBeforeMinor: matrix.revenueBeforeMinor,
    totals: matrix.totals,
    all: matrix.all,
    sankey: migrationSankey(matrix, labels),
  };
}

/** The tier index a selector names (`none` = −1); an unknown tier is an error naming `field`. */
function tierIndex(order: readonly string[], field: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (value === NONE) return -1;
  const i = order.indexOf(value);
  if (i < 0)
    throw validationError(`Invalid tier migration query: ${field}`, [
      {
        field,
        message: `must be one of ${[...order, NONE].join(', ')}`,
        value,
      },
    ]);
  return i;
}

const label = (order: readonly string[], i: number) => (i < 0 ? null : order[i]!);
const score = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 100) / 100);

/** Each listed customer's tiers and scores on both sides, move, and revenue before and change. */
function extraOf(m: Awaited<ReturnType<typeof loadMigration>>) {
  const order = m.catalog.order;
  return (i: number) => ({
    fromTier: label(order, m.tiersBefore[i]!),
    toTier: label(order, m.tiersAfter[i]!),
    move: moveOf(m.tiersBefore[i]!, m.tiersAfter[i]!),
    scoreBefore: score(m.scoresBefore[i]!),
    scoreAfter: score(m.scoresAfter[i]!),
    revenueBeforeMinor: m.revenueBefore[i]!,
    revenueChangeMinor: m.cols.revenue[i]! - m.revenueBefore[i]!,
  });
}

interface MigrationSelection extends DrillSelection {
  extra: ReturnType<typeof extraOf>;
}

/** The customers behind a cell, row, column or move of a migration. */
async function selection(deps: Deps, ctx: Ctx, raw: unknown): Promise<MigrationSelection> {
  const input = parseInput(migrationDrillQuery, raw, 'Invalid tier migration query');
  const m = await loadMigration(deps, ctx, input);
  const order = m.catalog.order;
  const positions = migrationPositions(m.tiersBefore, m.tiersAfter, {
    from: tierIndex(order, 'fromTier', input.fromTier),
    to: tierIndex(order, 'toTier', input.toTier),
    move: input.move,
  });
  return { cols: m.cols, positions, options: input, extra: extraOf(m) };
}

const EXTRA_COLUMNS = [
  { key: 'fromTier', header: { 'zh-CN': '之前层级', en: 'Tier before' } },
  { key: 'toTier', header: { 'zh-CN': '之后层级', en: 'Tier after' } },
  { key: 'move', header: { 'zh-CN': '变动', en: 'Move' } },
  { key: 'scoreBefore', header: { 'zh-CN': '之前得分', en: 'Score before' } },
  { key: 'scoreAfter', header: { 'zh-CN': '之后得分', en: 'Score after' } },
  { key: 'revenueBefore', header: { 'zh-CN': '上期销售额', en: 'Revenue, earlier period' } },
  { key: 'revenueChange', header: { 'zh-CN': '销售额变化', en: 'Revenue change' } },
] as const;

const migrationDrill = viewDrill(selection, (s, lang) => ({
  columns: EXTRA_COLUMNS,
  values: (i) => {
    const e = s.extra(i);
    return {
      ...e,
      move: e.move && MOVE_NAMES[lang][e.move],
      revenueBefore: e.revenueBeforeMinor / 100,
      revenueChange: e.revenueChangeMinor / 100,
    };
  },
}));

/**
 * A page of the customers behind a migration cell, row, column, move or the whole figure, with
 * their tiers, move, scores and revenue in both periods (minor units). Needs 'analytics.read'.
 */
export const tierMigrationCustomers: DrillPageHandler = migrationDrill.page;

/**
 * The customers behind part of a migration as CSV or XLSX, with their tiers, move, scores and
 * revenue in both periods (money in major units). Needs 'analytics.read' and 'customers.export'.
 */
export const exportTierMigrationCustomers: DrillExportHandler = migrationDrill.export;
