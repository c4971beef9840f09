import { type Kysely, sql } from 'kysely';
import { dateText } from '../row-values';
import type { DB } from '../schema';
import { type ColumnScope, scopeConditions } from './customer-columns.repository';

/** The newest finished lifetime-value model: its id and as-of day. */
export interface NewestClvModel {
  id: number;
  asOf: string;
}

/** The newest finished lifetime-value model, if any has been fitted. */
export async function newestFinishedClvModel(db: Kysely<DB>): Promise<NewestClvModel | undefined> {
  const row = await db
    .selectFrom('clv_models')
    .select(['id', 'as_of'])
    .where('status', '=', 'finished')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: Number(row.id), asOf: dateText(row.as_of) } : undefined;
}

/**
 * CLV (minor units; 0 when the model has no spend part) and P(alive) of the customers in scope
 * under one model, by customer id.
 */
export async function loadClvAxes(
  db: Kysely<DB>,
  modelId: number,
  scope: ColumnScope,
): Promise<Map<number, { clv: number; pAlive: number }>> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const res = await sql<{
    customer_id: number;
    clv_minor: number | string | null;
    p_alive: number | string;
  }>`select v.customer_id, v.clv_minor, v.p_alive from customer_clv v
    where v.model_id = ${modelId}
      and v.customer_id in (select c.id from customers c where ${where})`.execute(db);
  const out = new Map<number, { clv: number; pAlive: number }>();
  for (const r of res.rows) {
    // PostgreSQL returns bigint as text.
    out.set(Number(r.customer_id), { clv: Number(r.clv_minor ?? 0), pAlive: Number(r.p_alive) });
  }
  return out;
}
