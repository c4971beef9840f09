import type { Kysely } from 'kysely';
import { latestFinishedModel } from '../../store/analytics/clv-models.repository';
import { iterateMetricValues } from '../../store/analytics/clv-predictions.repository';
import type { DB } from '../../store/schema';

/** Catalog metrics read from the newest finished lifetime-value model. */
export const CLV_METRIC_IDS = ['clv', 'p_alive', 'expected_purchases'] as const;
export type ClvMetricId = (typeof CLV_METRIC_IDS)[number];

/** True for a metric id this module loads. */
export function isClvMetric(id: string): id is ClvMetricId {
  return (CLV_METRIC_IDS as readonly string[]).includes(id);
}

/**
 * The CLV metrics of every customer in a metric table (position `at.get(id)`), in the catalog's
 * units: CLV in yuan, P(alive) as a percentage 0–100, expected purchases over the model's
 * horizon. Read from the newest finished model whatever the run's as-of day (like a custom
 * field, the prediction is what is known now). A customer without a prediction (no purchase
 * before the model's as-of day, or no model at all) gets NaN, which the scheme treats as a
 * missing value; so does CLV for a model without a spend part.
 */
export async function loadClvMetricColumns(
  db: Kysely<DB>,
  at: ReadonlyMap<number, number>,
  n: number,
): Promise<Map<ClvMetricId, Float64Array>> {
  const clv = new Float64Array(n).fill(Number.NaN);
  const pAlive = new Float64Array(n).fill(Number.NaN);
  const expected = new Float64Array(n).fill(Number.NaN);
  const model = await latestFinishedModel(db);
  if (model) {
    for await (const r of iterateMetricValues(db, model.id)) {
      const i = at.get(r.customerId);
      if (i === undefined) continue;
      pAlive[i] = r.pAlive * 100;
      expected[i] = r.expectedPurchases;
      if (r.clvMinor !== null) clv[i] = r.clvMinor / 100;
    }
  }
  return new Map<ClvMetricId, Float64Array>([
    ['clv', clv],
    ['p_alive', pAlive],
    ['expected_purchases', expected],
  ]);
}
