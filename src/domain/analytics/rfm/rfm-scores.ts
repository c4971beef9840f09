import { checkColumns, invalidOption } from '../pareto/check-columns';
import { type ColumnStats, statsOfSorted } from './column-stats';
import { quintileScores } from './quintile-scores';
import { RFM_SEGMENTS, type RfmSegmentKey, rfmSegmentIndex } from './rfm-segments';

/** Per-customer RFM input as columns; row i is one customer in every column. */
export interface RfmInput {
  /** Day number (days since 1970-01-01, see dayNumber) of each customer's last purchase. */
  lastPurchaseDay: ArrayLike<number>;
  /** Purchases in the period (≥ 0). */
  frequency: ArrayLike<number>;
  /** Money value in the period (≥ 0): total or average order value, as the caller chooses. */
  monetary: ArrayLike<number>;
}

export interface RfmSegmentSummary {
  key: RfmSegmentKey;
  zh: string;
  en: string;
  action: { zh: string; en: string };
  customers: number;
  /** Σ monetary of the segment's customers. */
  monetary: number;
}

export interface RfmResult {
  /** Days from the last purchase to the as-of day, per customer. */
  recencyDays: Float64Array;
  /** Scores 1…5 (5 best: most recent, most frequent, largest) per customer. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Segment index 0…7 into `segments` per customer. */
  segment: Uint8Array;
  segments: RfmSegmentSummary[];
  stats: { recencyDays: ColumnStats; frequency: ColumnStats; monetary: ColumnStats };
}

/**
 * RFM scores and segments as of a day. Recency is asOfDay − lastPurchaseDay (a purchase after
 * asOfDay is an error, not a negative recency). Each score is the customer's quintile in its
 * own population (quintileScores; fewer recency days is better), and the segment is one of the
 * eight classes in RFM_SEGMENTS. Throws a VALIDATION DomainError naming the field for an empty
 * input, columns of different lengths, NaN, or negative values.
 */
export function rfmScores(input: RfmInput, asOfDay: number): RfmResult {
  if (!Number.isInteger(asOfDay)) invalidOption('rfm', 'asOfDay', asOfDay, 'a whole day number');
  const n = checkColumns('rfm', [
    {
      field: 'lastPurchaseDay',
      values: input.lastPurchaseDay,
      rule: { allowNegative: true, integer: true },
    },
    { field: 'frequency', values: input.frequency },
    { field: 'monetary', values: input.monetary },
  ]);
  const recencyDays = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = asOfDay - input.lastPurchaseDay[i]!;
    if (d < 0) {
      invalidOption('rfm', 'lastPurchaseDay', input.lastPurchaseDay[i], `≤ asOfDay (row ${i})`);
    }
    recencyDays[i] = d;
  }
  const sortedR = recencyDays.slice().sort();
  const sortedF = Float64Array.from(input.frequency).sort();
  const sortedM = Float64Array.from(input.monetary).sort();
  const r = quintileScores(recencyDays, sortedR, false);
  const f = quintileScores(input.frequency, sortedF, true);
  const m = quintileScores(input.monetary, sortedM, true);
  const segment = new Uint8Array(n);
  const counts = new Float64Array(RFM_SEGMENTS.length);
  const money = new Float64Array(RFM_SEGMENTS.length);
  for (let i = 0; i < n; i++) {
    const s = rfmSegmentIndex(r[i]!, f[i]!, m[i]!);
    segment[i] = s;
    counts[s]!++;
    money[s]! += input.monetary[i]!;
  }
  return {
    recencyDays,
    r,
    f,
    m,
    segment,
    segments: RFM_SEGMENTS.map((d, s) => ({
      ...d,
      customers: counts[s]!,
      monetary: money[s]!,
    })),
    stats: {
      recencyDays: statsOfSorted(sortedR),
      frequency: statsOfSorted(sortedF),
      monetary: statsOfSorted(sortedM),
    },
  };
}
