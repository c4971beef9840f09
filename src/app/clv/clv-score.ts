import type { BgNbdParams } from '../../domain/analytics/clv/bgnbd';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdProbabilityAlive,
} from '../../domain/analytics/clv/bgnbd-predict';
import {
  type GammaGammaParams,
  gammaGammaExpectedSpend,
} from '../../domain/analytics/clv/gamma-gamma';
import { DomainError } from '../../domain/errors';
import { type HistoryColumns, historyKey } from './clv-histories';

/** The CLV horizon: whole calendar months, each `periodLength` model units long. */
export interface ScoreHorizon {
  periods: number;
  periodLength: number;
  /** Discount rate per period (monthly). */
  discountRate: number;
  /** Multiplies CLV (gross margin); 1 for CLV of revenue. */
  margin: number;
}

/** Per-customer predictions, position i the customer of history row i. */
export interface Scores {
  pAlive: Float64Array;
  /** Expected purchase days over the whole horizon. */
  expectedPurchases: Float64Array;
  /** E[M] in major units; null without a spend model. */
  expectedSpend: Float64Array | null;
  /** Discounted CLV in major units (times the margin); null without a spend model. */
  clv: Float64Array | null;
}

/** Customers scored between two progress reports (and between yields to the event loop). */
const CHUNK = 20_000;

/**
 * Scores every customer: P(alive), expected purchases over the horizon, E[M] and CLV.
 *
 * CLV is the domain's `customerLifetimeValue`, Σ_k E[M] · (E[Y(kL)] − E[Y((k−1)L)]) / (1+d)^k,
 * with E[M] taken out of the sum (it does not depend on k): the discounted purchase sum depends
 * only on (x, t_x, T), so it is computed once per distinct history and shared — on real data
 * most one-time buyers share a handful of histories. A test checks the result against
 * `customerLifetimeValue` itself.
 */
export async function scoreCustomers(
  bgnbd: BgNbdParams,
  spend: GammaGammaParams | null,
  h: HistoryColumns,
  horizon: ScoreHorizon,
  onChunk?: (done: number, total: number) => Promise<void> | void,
): Promise<Scores> {
  const n = h.n;
  const pAlive = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const expectedSpend = spend ? new Float64Array(n) : null;
  const clv = spend ? new Float64Array(n) : null;
  const byHistory = new Map<string, { alive: number; total: number; discounted: number }>();
  const discount = Array.from(
    { length: horizon.periods + 1 },
    (_, k) => (1 + horizon.discountRate) ** -k,
  );
  for (let i = 0; i < n; i++) {
    const key = historyKey(h, i);
    let v = byHistory.get(key);
    if (!v) {
      const c = { x: h.x[i]!, tX: h.tX[i]!, T: h.T[i]! };
      let previous = 0;
      let discounted = 0;
      for (let k = 1; k <= horizon.periods; k++) {
        const cumulative = bgnbdConditionalExpectedPurchases(bgnbd, k * horizon.periodLength, c);
        discounted += (cumulative - previous) * discount[k]!;
        previous = cumulative;
      }
      v = { alive: bgnbdProbabilityAlive(bgnbd, c), total: previous, discounted };
      byHistory.set(key, v);
    }
    pAlive[i] = v.alive;
    expectedPurchases[i] = v.total;
    if (spend && expectedSpend && clv) {
      const m = gammaGammaExpectedSpend(spend, { x: h.x[i]!, zbar: h.zbar[i]! });
      expectedSpend[i] = m;
      clv[i] = horizon.margin * m * v.discounted;
    }
    if ((i + 1) % CHUNK === 0) await onChunk?.(i + 1, n);
  }
  await onChunk?.(n, n);
  requireFinite('pAlive', pAlive);
  requireFinite('expectedPurchases', expectedPurchases);
  if (expectedSpend) requireFinite('expectedSpend', expectedSpend);
  if (clv) requireFinite('clv', clv);
  return { pAlive, expectedPurchases, expectedSpend, clv };
}

/** A non-finite prediction is never stored: the fit fails saying where, and nothing is kept. */
function requireFinite(field: string, values: Float64Array): void {
  const i = values.findIndex((v) => !Number.isFinite(v));
  if (i >= 0) {
    throw new DomainError(
      'INTERNAL',
      `The fitted model gave a non-finite ${field} for customer row ${i}; nothing was stored`,
      { field, row: i },
    );
  }
}
