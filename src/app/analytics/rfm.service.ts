import { z } from 'zod';
import type { Period } from '../../domain/analytics/period';
import {
  type ColumnStats,
  RFM_LEVELS,
  RFM_SEGMENTS,
  type RfmSegmentKey,
  statsOfSorted,
} from '../../domain/analytics/rfm';
import { validationError } from '../../domain/errors';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { type DrillExtra, type DrillExtraColumn, drillPageShape, type Lang } from './drill';
import { loadRfmPopulation, type RfmPopulation } from './rfm-population';
import {
  type DrillExportHandler,
  type DrillPageHandler,
  type DrillSelection,
  viewDrill,
} from './view-drill';

/** One RFM segment with its customers, revenue and averages. */
export interface RfmSegmentRow {
  key: RfmSegmentKey;
  zh: string;
  en: string;
  action: { zh: string; en: string };
  /** Whether the segment has high (score ≥ 4) or low recency, frequency and monetary scores. */
  high: { r: boolean; f: boolean; m: boolean };
  customers: number;
  /** customers / scored customers; 0 when nobody is scored. */
  share: number;
  revenueMinor: number;
  /** Revenue share of all scored customers' revenue; 0 when there is none. */
  revenueShare: number;
  /** Average scores 1–5; 0 for an empty segment. */
  avgR: number;
  avgF: number;
  avgM: number;
  avgRecencyDays: number;
  avgOrders: number;
  avgRevenueMinor: number;
}

/** One cell of the recency × frequency score grid. */
export interface RfmGridCell {
  r: number;
  f: number;
  customers: number;
  revenueMinor: number;
}

/** RFM segments, the R×F grid and the score distributions over a period. */
export interface RfmView {
  period: Period;
  /** The day recency is measured to (see rfmAsOf). */
  asOf: string;
  totals: {
    /** Customers scored: in scope with an order up to the period's end. */
    customers: number;
    customersInScope: number;
    /** In scope but never ordered (up to the period's end): not scored. */
    customersWithoutOrders: number;
    /** Scored, but without an order in the period (frequency 0). */
    customersWithoutOrdersInPeriod: number;
    revenueMinor: number;
    orders: number;
  };
  /** The eight segments, best (important value) first. */
  segments: RfmSegmentRow[];
  /** 25 cells, R 5…1 then F 1…5. */
  grid: RfmGridCell[];
  /** Customers per score 1…5 (index 0 = score 1). */
  distributions: { r: number[]; f: number[]; m: number[] };
  stats: { recencyDays: ColumnStats; frequency: ColumnStats; monetaryMinor: ColumnStats };
}

/** Segment indices (into RFM_SEGMENTS) in the order the view lists them: best first. */
const SEGMENT_ORDER = RFM_SEGMENTS.map((_, s) => RFM_SEGMENTS.length - 1 - s);

/** The view's figures from a scored population. */
export function rfmFigures(pop: RfmPopulation): RfmView {
  const { result, orders, revenue, indices, cols } = pop;
  const n = indices.length;
  const segs = RFM_SEGMENTS.length;
  const count = new Float64Array(segs);
  const money = new Float64Array(segs);
  const sumR = new Float64Array(segs);
  const sumF = new Float64Array(segs);
  const sumM = new Float64Array(segs);
  const sumDays = new Float64Array(segs);
  const sumOrders = new Float64Array(segs);
  const gridCount = new Float64Array(RFM_LEVELS * RFM_LEVELS);
  const gridMoney = new Float64Array(RFM_LEVELS * RFM_LEVELS);
  const dist = {
    r: new Array(RFM_LEVELS).fill(0),
    f: new Array(RFM_LEVELS).fill(0),
    m: new Array(RFM_LEVELS).fill(0),
  };
  let revenueMinor = 0;
  let orderCount = 0;
  let withoutInPeriod = 0;
  if (result) {
    for (let k = 0; k < n; k++) {
      const s = result.segment[k]!;
      const r = result.r[k]!;
      const f = result.f[k]!;
      const m = result.m[k]!;
      count[s]!++;
      money[s]! += revenue[k]!;
      sumR[s]! += r;
      sumF[s]! += f;
      sumM[s]! += m;
      sumDays[s]! += result.recencyDays[k]!;
      sumOrders[s]! += orders[k]!;
      const cell = (r - 1) * RFM_LEVELS + (f - 1);
      gridCount[cell]!++;
      gridMoney[cell]! += revenue[k]!;
      dist.r[r - 1]++;
      dist.f[f - 1]++;
      dist.m[m - 1]++;
      revenueMinor += revenue[k]!;
      orderCount += orders[k]!;
      if (orders[k] === 0) withoutInPeriod++;
    }
  }
  const avg = (sum: number, c: number) => (c > 0 ? sum / c : 0);
  const segments = SEGMENT_ORDER.map((s): RfmSegmentRow => {
    const d = RFM_SEGMENTS[s]!;
    const c = count[s]!;
    return {
      key: d.key,
      zh: d.zh,
      en: d.en,
      action: { zh: d.action.zh, en: d.action.en },
      high: { r: (s & 4) !== 0, f: (s & 2) !== 0, m: (s & 1) !== 0 },
      customers: c,
      share: avg(c, n),
      revenueMinor: money[s]!,
      revenueShare: revenueMinor > 0 ? money[s]! / revenueMinor : 0,
      avgR: avg(sumR[s]!, c),
      avgF: avg(sumF[s]!, c),
      avgM: avg(sumM[s]!, c),
      avgRecencyDays: avg(sumDays[s]!, c),
      avgOrders: avg(sumOrders[s]!, c),
      avgRevenueMinor: avg(money[s]!, c),
    };
  });
  const grid: RfmGridCell[] = [];
  for (let r = RFM_LEVELS; r >= 1; r--) {
    for (let f = 1; f <= RFM_LEVELS; f++) {
      const cell = (r - 1) * RFM_LEVELS + (f - 1);
      grid.push({ r, f, customers: gridCount[cell]!, revenueMinor: gridMoney[cell]! });
    }
  }
  const empty = statsOfSorted(new Float64Array(0));
  return {
    period: pop.period,
    asOf: pop.asOf,
    totals: {
      customers: n,
      customersInScope: cols.n,
      customersWithoutOrders: cols.n - n,
      customersWithoutOrdersInPeriod: withoutInPeriod,
      revenueMinor,
      orders: orderCount,
    },
    segments,
    grid,
    distributions: dist,
    stats: result
      ? {
          recencyDays: result.stats.recencyDays,
          frequency: result.stats.frequency,
          monetaryMinor: result.stats.monetary,
        }
      : { recencyDays: empty, frequency: empty, monetaryMinor: empty },
  };
}

/**
 * RFM as of the period's end (or today within the current period): per segment the customers,
 * shares, revenue, average scores and values with the segment's name and suggested action in
 * both languages; the R×F grid for a heat map; the score distributions and column stats. See
 * RfmPopulation for who is scored. An empty population gives zeros, never NaN.
 */
export async function rfmView(deps: Deps, ctx: Ctx, input: unknown): Promise<RfmView> {
  requirePermission(ctx, 'analytics.read');
  return rfmFigures(await loadRfmPopulation(deps, ctx, input, {}));
}

const SEGMENT_KEYS = RFM_SEGMENTS.map((s) => s.key) as [RfmSegmentKey, ...RfmSegmentKey[]];

const score = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a score 1–5` })
    .int(`${field} must be a score 1–5`)
    .min(1, `${field} must be a score 1–5`)
    .max(RFM_LEVELS, `${field} must be a score 1–5`)
    .optional();

const selectorShape = {
  segment: z
    .enum(SEGMENT_KEYS, { error: `segment must be one of ${SEGMENT_KEYS.join(', ')}` })
    .optional(),
  r: score('r'),
  f: score('f'),
  m: score('m'),
};

interface RfmSelection extends DrillSelection {
  pop: RfmPopulation;
  /** Scored-population row of each `cols` position (−1 when not scored). */
  at: Int32Array;
}

async function selection(deps: Deps, ctx: Ctx, input: unknown): Promise<RfmSelection> {
  const pop = await loadRfmPopulation(deps, ctx, input, { ...selectorShape, ...drillPageShape });
  const { segment, r, f, m } = pop.query;
  if (segment === undefined && r === undefined && f === undefined && m === undefined) {
    throw validationError('Invalid RFM drill-down', [
      {
        field: 'segment',
        message: 'give a segment, or one or more scores r, f, m (1–5)',
        value: null,
      },
    ]);
  }
  const { indices, result, cols } = pop;
  const at = new Int32Array(cols.n).fill(-1);
  const positions: number[] = [];
  const s = segment === undefined ? -1 : SEGMENT_KEYS.indexOf(segment);
  if (result) {
    for (let k = 0; k < indices.length; k++) {
      at[indices[k]!] = k;
      if (s >= 0 && result.segment[k] !== s) continue;
      if (r !== undefined && result.r[k] !== r) continue;
      if (f !== undefined && result.f[k] !== f) continue;
      if (m !== undefined && result.m[k] !== m) continue;
      positions.push(indices[k]!);
    }
  }
  return { pop, at, cols, positions, options: pop.query, extra: extraOf(pop, at) };
}

/** Each listed customer's scores, segment (its key, or its name in `lang`) and recency. */
function extraOf({ result }: RfmPopulation, at: Int32Array, lang?: Lang): DrillExtra {
  return (i): Record<string, string | number | null> => {
    const k = at[i]!;
    if (!result || k < 0) return {};
    const seg = RFM_SEGMENTS[result.segment[k]!]!;
    return {
      r: result.r[k]!,
      f: result.f[k]!,
      m: result.m[k]!,
      segment: lang === undefined ? seg.key : lang === 'en' ? seg.en : seg.zh,
      recencyDays: result.recencyDays[k]!,
    };
  };
}

const EXTRA_COLUMNS: DrillExtraColumn[] = [
  { key: 'segment', header: { 'zh-CN': 'RFM分群', en: 'RFM segment' } },
  { key: 'r', header: { 'zh-CN': 'R分', en: 'R score' } },
  { key: 'f', header: { 'zh-CN': 'F分', en: 'F score' } },
  { key: 'm', header: { 'zh-CN': 'M分', en: 'M score' } },
  { key: 'recencyDays', header: { 'zh-CN': '距最近下单天数', en: 'Days since last order' } },
];

const rfmDrill = viewDrill(selection, (sel, lang) => ({
  columns: EXTRA_COLUMNS,
  values: extraOf(sel.pop, sel.at, lang),
}));

/**
 * One page of the customers behind an RFM figure: a `segment`, or scores `r`, `f`, `m` (any
 * combination; all given must match), with the same filters. Each row's `extra` has its
 * scores, segment key and recency in days. Needs 'analytics.read'.
 */
export const rfmCustomers: DrillPageHandler = rfmDrill.page;

/**
 * The whole customer list behind an RFM figure as CSV or XLSX, with the segment's name in the
 * asked language, the scores and the recency. Needs 'analytics.read' and 'customers.export'.
 */
export const exportRfmCustomers: DrillExportHandler = rfmDrill.export;
