import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * Text values the metric table does not carry, for category criteria and conditions: the city
 * and the named custom fields of every active customer, by customer id.
 */
export async function customerTextValues(
  db: Kysely<DB>,
  fields: readonly string[],
): Promise<Map<number, { city: string | null; custom: Record<string, unknown> }>> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'city', 'custom_fields'])
    .where('status', '=', 'active')
    .execute();
  const out = new Map<number, { city: string | null; custom: Record<string, unknown> }>();
  for (const r of rows) {
    const all = fields.length
      ? (JSON.parse(r.custom_fields || '{}') as Record<string, unknown>)
      : {};
    const custom: Record<string, unknown> = {};
    for (const f of fields) if (all[f] !== undefined) custom[f] = all[f];
    out.set(Number(r.id), { city: r.city, custom });
  }
  return out;
}
