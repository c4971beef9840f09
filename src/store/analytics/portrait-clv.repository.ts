import type { Kysely } from 'kysely';
import { dateText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** A customer's prediction under the newest finished lifetime-value model. */
export interface ClvPredictionRow {
  modelId: number;
  asOf: string;
  horizonMonths: number;
  discountRate: number;
  margin: number | null;
  timeUnit: string;
  finishedAt: string | null;
  /** Null when the model did not score this customer (no purchase by its as-of day). */
  prediction: {
    repeatPurchases: number;
    pAlive: number;
    expectedPurchases: number;
    expectedSpendMinor: number | null;
    clvMinor: number | null;
  } | null;
}

/** The newest finished lifetime-value model and this customer's row in it, if any model. */
export async function newestClvPrediction(
  db: Kysely<DB>,
  customerId: number,
): Promise<ClvPredictionRow | null> {
  const m = await db
    .selectFrom('clv_models')
    .select([
      'id',
      'as_of',
      'horizon_months',
      'discount_rate',
      'margin',
      'time_unit',
      'finished_at',
    ])
    .where('status', '=', 'finished')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!m) return null;
  const p = await db
    .selectFrom('customer_clv')
    .select(['x', 'p_alive', 'expected_purchases', 'expected_spend_minor', 'clv_minor'])
    .where('model_id', '=', m.id)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    modelId: Number(m.id),
    asOf: dateText(m.as_of),
    horizonMonths: Number(m.horizon_months),
    discountRate: Number(m.discount_rate),
    margin: num(m.margin),
    timeUnit: m.time_unit,
    finishedAt: instantTextOrNull(m.finished_at),
    prediction: p
      ? {
          repeatPurchases: Number(p.x),
          pAlive: Number(p.p_alive),
          expectedPurchases: Number(p.expected_purchases),
          expectedSpendMinor: num(p.expected_spend_minor),
          clvMinor: num(p.clv_minor),
        }
      : null,
  };
}
