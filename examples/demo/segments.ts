import { Weighted } from './rng';

export type Segment = 'large' | 'medium' | 'small' | 'micro' | 'individual' | 'group' | 'internal';
export type Payer = 'punctual' | 'occasional' | 'chronic' | 'defaulter';

/** How a kind of customer buys, pays and talks to service. */
export interface SegmentSpec {
  /** Relative order frequency. */
  freq: number;
  /** Median order value in yuan. */
  orderYuan: number;
  /** Payment terms in days after invoice. */
  terms: Weighted<number>;
  /** Chance of answering one quarterly survey. */
  surveyRate: number;
  /** Share invoiced by monthly statement (月结) rather than per order. */
  monthlyShare: number;
  ticketRate: number;
  /** Large buyers negotiate prices down. */
  marginAdjBp: number;
}

/** Payment terms as (days, weight) pairs flattened, to keep the segment table readable. */
function terms(...pairs: number[]): Weighted<number> {
  const entries: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2)
    entries.push([pairs[i] as number, pairs[i + 1] as number]);
  return new Weighted(entries);
}

/** Per-segment behaviour; values are demo assumptions tuned to give a Pareto-like revenue split. */
export const SEGMENTS: Record<Segment, SegmentSpec> = {
  large: {
    freq: 3,
    orderYuan: 40_000,
    terms: terms(90, 1, 60, 1),
    surveyRate: 0.5,
    monthlyShare: 0.85,
    ticketRate: 1.5,
    marginAdjBp: -500,
  },
  medium: {
    freq: 1.8,
    orderYuan: 12_000,
    terms: terms(60, 2, 30, 3),
    surveyRate: 0.3,
    monthlyShare: 0.6,
    ticketRate: 1.2,
    marginAdjBp: -200,
  },
  small: {
    freq: 1,
    orderYuan: 5_000,
    terms: terms(30, 1, 0, 1),
    surveyRate: 0.15,
    monthlyShare: 0.1,
    ticketRate: 1,
    marginAdjBp: 0,
  },
  micro: {
    freq: 0.7,
    orderYuan: 3_000,
    terms: terms(0, 7, 30, 3),
    surveyRate: 0.08,
    monthlyShare: 0,
    ticketRate: 0.8,
    marginAdjBp: 200,
  },
  individual: {
    freq: 0.5,
    orderYuan: 1_500,
    terms: terms(0, 1),
    surveyRate: 0.05,
    monthlyShare: 0,
    ticketRate: 0.6,
    marginAdjBp: 400,
  },
  group: {
    freq: 3,
    orderYuan: 50_000,
    terms: terms(90, 1, 60, 1),
    surveyRate: 0.5,
    monthlyShare: 0.9,
    ticketRate: 1.5,
    marginAdjBp: -600,
  },
  internal: {
    freq: 1.5,
    orderYuan: 8_000,
    terms: terms(30, 1),
    surveyRate: 0.3,
    monthlyShare: 1,
    ticketRate: 0.5,
    marginAdjBp: -1000,
  },
};

/** Customer mix: mostly small and micro companies, a few large ones and groups. */
export const SEGMENT_MIX = new Weighted<Segment>([
  ['large', 0.82 * 3],
  ['medium', 0.82 * 14],
  ['small', 0.82 * 36],
  ['micro', 0.82 * 47],
  ['individual', 12],
  ['group', 5],
  ['internal', 1],
]);
/** Payment behaviour: most pay on time, some chronically late, a few stop paying. */
export const PAYERS = new Weighted<Payer>([
  ['punctual', 68],
  ['occasional', 20],
  ['chronic', 9],
  ['defaulter', 3],
]);
