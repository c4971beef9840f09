import type { Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Every table column that points at a customer and must follow it when two customers merge.
 * Capabilities that add customer-linked tables add them here, so merging never strands history.
 */
export const CUSTOMER_LINKS: { table: keyof DB; column: string }[] = [
  { table: 'orders', column: 'customer_id' },
  { table: 'payments', column: 'customer_id' },
  { table: 'tickets', column: 'customer_id' },
  { table: 'survey_responses', column: 'customer_id' },
  { table: 'contracts', column: 'customer_id' },
  { table: 'feedback', column: 'customer_id' },
  { table: 'visits', column: 'customer_id' },
  { table: 'competitor_usage', column: 'customer_id' },
  { table: 'inventory_stagnation', column: 'customer_id' },
  { table: 'contacts', column: 'customer_id' },
  { table: 'customer_addresses', column: 'customer_id' },
  { table: 'tier_overrides', column: 'customer_id' },
  { table: 'customer_term_adjustments', column: 'customer_id' },
  { table: 'order_requests', column: 'customer_id' },
  { table: 'automation_firings', column: 'customer_id' },
  { table: 'owner_changes', column: 'customer_id' },
  // Not moved: entitlement uses and balances, and visit plans, are counted per customer and
  // period; the survivor keeps its own (two quotas are not added up by a merge).
];

// biome-ignore lint/suspicious/noExplicitAny: table names come from the list above
type Loose = Kysely<any>;

/** Moves every linked row from one customer to another; returns how many rows moved per table. */
export async function moveCustomerLinks(
  db: Kysely<DB>,
  fromId: number,
  toId: number,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { table, column } of CUSTOMER_LINKS) {
    const r = await (db as Loose)
      .updateTable(table)
      .set({ [column]: toId })
      .where(column, '=', fromId)
      .executeTakeFirst();
    moved[table] = Number(r.numUpdatedRows);
  }

  // Referrals: drop pairs that would become self-referrals or duplicates, then move the rest.
  await db
    .deleteFrom('referrals')
    .where((eb) =>
      eb.or([
        eb.and([eb('referrer_id', '=', fromId), eb('referred_id', '=', toId)]),
        eb.and([eb('referrer_id', '=', toId), eb('referred_id', '=', fromId)]),
      ]),
    )
    .execute();
  for (const [col, other] of [
    ['referrer_id', 'referred_id'],
    ['referred_id', 'referrer_id'],
  ] as const) {
    await db
      .deleteFrom('referrals')
      .where(col, '=', fromId)
      .where(
        other,
        'in',
        db.selectFrom('referrals as r2').select(`r2.${other}`).where(`r2.${col}`, '=', toId),
      )
      .execute();
    const r = await db
      .updateTable('referrals')
      .set({ [col]: toId })
      .where(col, '=', fromId)
      .executeTakeFirst();
    moved[`referrals.${col}`] = Number(r.numUpdatedRows);
  }

  // Tier results and published tiers describe the merged-away customer's own evaluation; the
  // survivor keeps its own, and the next run evaluates it with the merged history.
  await db.deleteFrom('tier_results').where('customer_id', '=', fromId).execute();
  await db.deleteFrom('customer_tiers').where('customer_id', '=', fromId).execute();

  // Tags: the survivor gets the union.
  const tags = await db
    .selectFrom('customer_tags')
    .select(['tag', 'created_at'])
    .where('customer_id', '=', fromId)
    .execute();
  if (tags.length) {
    await db
      .insertInto('customer_tags')
      .values(tags.map((t) => ({ customer_id: toId, tag: t.tag, created_at: t.created_at })))
      .onConflict((oc) => oc.columns(['customer_id', 'tag']).doNothing())
      .execute();
    await db.deleteFrom('customer_tags').where('customer_id', '=', fromId).execute();
  }
  moved.customer_tags = tags.length;

  // Records merged into the merged-away customer earlier now point at the survivor.
  await db
    .updateTable('customers')
    .set({ merged_into_id: toId })
    .where('merged_into_id', '=', fromId)
    .execute();
  return moved;
}
