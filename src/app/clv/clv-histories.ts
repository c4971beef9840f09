import type { ClvTimeUnit } from '../../store/analytics/clv-models.repository';
import type { PurchaseColumns } from '../../store/analytics/clv-purchases.repository';
import { UNIT_DAYS } from './clv-options';

/**
 * Customers' (x, t_x, T, z̄) as the models take them, as columns. Time is in the model's unit;
 * z̄ (mean amount of the repeat purchase days) is in major currency units (yuan), so the
 * Gamma-Gamma γ reads in yuan like the published parameters read in dollars.
 */
export interface HistoryColumns {
  n: number;
  /** Position in the loaded PurchaseColumns of each row. */
  source: Int32Array;
  customerIds: Int32Array;
  x: Int32Array;
  tX: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
  /** Whole days behind t_x and T: identical histories share predictions. */
  tXDays: Int32Array;
  TDays: Int32Array;
  /** Purchase days after the calibration end (holdout); 0 for scoring histories. */
  xHoldout: Int32Array;
}

function allocate(n: number): HistoryColumns {
  return {
    n,
    source: new Int32Array(n),
    customerIds: new Int32Array(n),
    x: new Int32Array(n),
    tX: new Float64Array(n),
    T: new Float64Array(n),
    zbar: new Float64Array(n),
    tXDays: new Int32Array(n),
    TDays: new Int32Array(n),
    xHoldout: new Int32Array(n),
  };
}

/**
 * The calibration histories: customers whose first purchase is on or before the calibration
 * end, counted up to it, with their purchase days in the holdout beside.
 */
export function calibrationHistories(
  p: PurchaseColumns,
  calibrationEndDay: number,
  unit: ClvTimeUnit,
): HistoryColumns {
  let n = 0;
  for (let i = 0; i < p.n; i++) if (p.firstDay[i]! <= calibrationEndDay) n++;
  const h = allocate(n);
  const unitDays = UNIT_DAYS[unit];
  let k = 0;
  for (let i = 0; i < p.n; i++) {
    const first = p.firstDay[i]!;
    if (first > calibrationEndDay) continue;
    const x = p.calibrationDays[i]! - 1;
    const tXDays = p.lastCalibrationDay[i]! - first;
    const TDays = calibrationEndDay - first;
    h.source[k] = i;
    h.customerIds[k] = p.customerIds[i]!;
    h.x[k] = x;
    h.tXDays[k] = tXDays;
    h.TDays[k] = TDays;
    h.tX[k] = tXDays / unitDays;
    h.T[k] = TDays / unitDays;
    h.zbar[k] = x > 0 ? p.calibrationRepeatMinor[i]! / x / 100 : 0;
    h.xHoldout[k] = p.days[i]! - p.calibrationDays[i]!;
    k++;
  }
  return h;
}

/** The scoring histories: every customer with a purchase, counted up to the as-of day. */
export function scoringHistories(
  p: PurchaseColumns,
  asOfDay: number,
  unit: ClvTimeUnit,
): HistoryColumns {
  const h = allocate(p.n);
  const unitDays = UNIT_DAYS[unit];
  for (let i = 0; i < p.n; i++) {
    const first = p.firstDay[i]!;
    const x = p.days[i]! - 1;
    const tXDays = p.lastDay[i]! - first;
    const TDays = asOfDay - first;
    h.source[i] = i;
    h.customerIds[i] = p.customerIds[i]!;
    h.x[i] = x;
    h.tXDays[i] = tXDays;
    h.TDays[i] = TDays;
    h.tX[i] = tXDays / unitDays;
    h.T[i] = TDays / unitDays;
    h.zbar[i] = x > 0 ? p.repeatMinor[i]! / x / 100 : 0;
  }
  return h;
}

/** Customers with at least one repeat purchase day. */
export function repeatCount(h: HistoryColumns): number {
  let n = 0;
  for (let i = 0; i < h.n; i++) if (h.x[i]! > 0) n++;
  return n;
}

/** A key equal for customers whose (x, t_x, T) are equal. */
export function historyKey(h: HistoryColumns, i: number): string {
  return `${h.x[i]}|${h.tXDays[i]}|${h.TDays[i]}`;
}
