import type { BgNbdParams } from '../../domain/analytics/clv/bgnbd';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdProbabilityOfPurchases,
} from '../../domain/analytics/clv/bgnbd-predict';
import { type HistoryColumns, historyKey } from './clv-histories';

/** Calibration frequencies 0 … 6 and "7 or more", the bins of Fader, Hardie & Lee's figures. */
export const FREQUENCY_BINS = ['0', '1', '2', '3', '4', '5', '6', '7+'] as const;
const OPEN_BIN = FREQUENCY_BINS.length - 1;

const binOf = (x: number) => Math.min(x, OPEN_BIN);

/** How well the model reproduces the calibration period it was fitted on. */
export interface CalibrationEvaluation {
  customers: number;
  /** Repeat purchase days in calibration, actual and expected (Σ E[X(T)]). */
  actualRepeat: number;
  expectedRepeat: number;
  /** Customers by number of repeat purchase days, actual and expected (Σ P(X(T) = x)). */
  bins: { frequency: string; actual: number; expected: number }[];
}

/** Predicted against actual repeat purchase days in the holdout weeks after calibration. */
export interface HoldoutEvaluation {
  weeks: number;
  /** First and last day of the holdout (the day after the calibration end, the as-of day). */
  from: string;
  to: string;
  customers: number;
  actual: number;
  predicted: number;
  /** By calibration frequency: customers, their actual and predicted holdout purchase days. */
  bins: { frequency: string; customers: number; actual: number; predicted: number }[];
}

export interface ClvEvaluation {
  calibration: CalibrationEvaluation | null;
  holdout: HoldoutEvaluation | null;
}

/**
 * The calibration comparison: observed repeat-frequency histogram against the model's, and
 * total repeat purchase days against Σ E[X(T_i)]. Terms depend only on T, so they are computed
 * once per distinct T.
 */
export function evaluateCalibration(p: BgNbdParams, h: HistoryColumns): CalibrationEvaluation {
  const actualBins = new Array<number>(FREQUENCY_BINS.length).fill(0);
  const ages = new Map<number, { T: number; count: number }>();
  let actualRepeat = 0;
  for (let i = 0; i < h.n; i++) {
    const x = h.x[i]!;
    actualRepeat += x;
    actualBins[binOf(x)]!++;
    const a = ages.get(h.TDays[i]!);
    if (a) a.count++;
    else ages.set(h.TDays[i]!, { T: h.T[i]!, count: 1 });
  }
  const expectedBins = new Array<number>(FREQUENCY_BINS.length).fill(0);
  let expectedRepeat = 0;
  for (const { T, count } of ages.values()) {
    expectedRepeat += count * bgnbdExpectedPurchases(p, T);
    let head = 0;
    for (let x = 0; x < OPEN_BIN; x++) {
      const px = bgnbdProbabilityOfPurchases(p, T, x);
      expectedBins[x]! += count * px;
      head += px;
    }
    expectedBins[OPEN_BIN]! += count * Math.max(0, 1 - head);
  }
  return {
    customers: h.n,
    actualRepeat,
    expectedRepeat,
    bins: FREQUENCY_BINS.map((frequency, k) => ({
      frequency,
      actual: actualBins[k]!,
      expected: expectedBins[k]!,
    })),
  };
}

/**
 * The holdout comparison: each calibration customer's E[Y(t) | x, t_x, T] for the holdout
 * length t against the purchase days they actually made then, summed by calibration frequency
 * (the "conditional expectations" of FHL 2005, figure 4).
 */
export function evaluateHoldout(
  p: BgNbdParams,
  h: HistoryColumns,
  holdout: { weeks: number; length: number; from: string; to: string },
): HoldoutEvaluation {
  const customers = new Array<number>(FREQUENCY_BINS.length).fill(0);
  const actual = new Array<number>(FREQUENCY_BINS.length).fill(0);
  const predicted = new Array<number>(FREQUENCY_BINS.length).fill(0);
  const byHistory = new Map<string, number>();
  for (let i = 0; i < h.n; i++) {
    const key = historyKey(h, i);
    let e = byHistory.get(key);
    if (e === undefined) {
      e = bgnbdConditionalExpectedPurchases(p, holdout.length, {
        x: h.x[i]!,
        tX: h.tX[i]!,
        T: h.T[i]!,
      });
      byHistory.set(key, e);
    }
    const b = binOf(h.x[i]!);
    customers[b]!++;
    actual[b]! += h.xHoldout[i]!;
    predicted[b]! += e;
  }
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  return {
    weeks: holdout.weeks,
    from: holdout.from,
    to: holdout.to,
    customers: h.n,
    actual: sum(actual),
    predicted: sum(predicted),
    bins: FREQUENCY_BINS.map((frequency, k) => ({
      frequency,
      customers: customers[k]!,
      actual: actual[k]!,
      predicted: predicted[k]!,
    })),
  };
}
