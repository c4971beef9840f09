import { type Kysely, sql } from 'kysely';
import { dateText, instantText } from '../row-values';
import type { DB, NotificationsTable, TierHistoryTable } from '../schema';

export interface PublicationRow {
  id: number;
  schemeId: number;
  runId: number;
  cycleId: number | null;
  effectiveFrom: string;
  publishedBy: number | null;
  publishedAt: string;
  summary: unknown;
}

function toPublication(r: {
  id: number;
  scheme_id: number;
  run_id: number;
  cycle_id: number | null;
  effective_from: unknown;
  published_by: number | null;
  published_at: unknown;
  summary: string;
}): PublicationRow {
  return {
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    runId: Number(r.run_id),
    cycleId: r.cycle_id === null ? null : Number(r.cycle_id),
    effectiveFrom: dateText(r.effective_from),
    publishedBy: r.published_by === null ? null : Number(r.published_by),
    publishedAt: instantText(r.published_at),
    summary: JSON.parse(r.summary),
  };
}

/** The publication of a run, if it was published. */
export async function findPublicationByRun(db: Kysely<DB>, runId: number) {
  const r = await db
    .selectFrom('tier_publications')
    .selectAll()
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return r && toPublication(r);
}

/** One publication by id. */
export async function findPublication(db: Kysely<DB>, id: number) {
  const r = await db
    .selectFrom('tier_publications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toPublication(r);
}

/** The scheme's publications, oldest first (distribution over time). */
export async function listPublications(db: Kysely<DB>, schemeId: number) {
  const rows = await db
    .selectFrom('tier_publications')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('id')
    .execute();
  return rows.map(toPublication);
}

/** The scheme's latest publication, if any. */
export async function latestPublication(db: Kysely<DB>, schemeId: number) {
  const r = await db
    .selectFrom('tier_publications')
    .selectAll()
    .where('scheme_id', '=', schemeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && toPublication(r);
}

/** Inserts a publication (its summary filled in at the end); returns its id. */
export async function insertPublication(
  db: Kysely<DB>,
  p: {
    schemeId: number;
    runId: number;
    cycleId: number | null;
    effectiveFrom: string;
    publishedBy: number | null;
  },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('tier_publications')
    .values({
      scheme_id: p.schemeId,
      run_id: p.runId,
      cycle_id: p.cycleId,
      effective_from: p.effectiveFrom,
      published_by: p.publishedBy,
      published_at: now,
      summary: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Stores a publication's summary. */
export async function setPublicationSummary(db: Kysely<DB>, id: number, summary: unknown) {
  await db
    .updateTable('tier_publications')
    .set({ summary: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}

/** The tiers in force for a scheme: customer → tier, since when, consecutive runs held. */
export async function currentTiers(db: Kysely<DB>, schemeId: number) {
  const rows = await db
    .selectFrom('customer_tiers')
    .select(['customer_id', 'tier', 'effective_from', 'below_count'])
    .where('scheme_id', '=', schemeId)
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.customer_id),
      { tier: r.tier, since: dateText(r.effective_from), below: Number(r.below_count) },
    ]),
  );
}

/** Customers that hysteresis held in their tier in a run (flag 4). */
export async function heldCustomers(db: Kysely<DB>, runId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('tier_results')
    .select('customer_id')
    .where('run_id', '=', runId)
    .where(sql<boolean>`(flags & 4) <> 0`)
    .execute();
  return new Set(rows.map((r) => Number(r.customer_id)));
}

/** Writes current tiers (insert or replace), a statement per thousand rows. */
export async function upsertCustomerTiers(
  db: Kysely<DB>,
  rows: readonly {
    scheme_id: number;
    customer_id: number;
    tier: string;
    run_id: number;
    effective_from: string;
    below_count: number;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('customer_tiers')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['scheme_id', 'customer_id']).doUpdateSet((eb) => ({
          tier: eb.ref('excluded.tier'),
          run_id: eb.ref('excluded.run_id'),
          effective_from: eb.ref('excluded.effective_from'),
          below_count: eb.ref('excluded.below_count'),
        })),
      )
      .execute();
  }
}

/** Removes current tiers of customers who left a scheme. */
export async function deleteCustomerTiers(
  db: Kysely<DB>,
  schemeId: number,
  customerIds: readonly number[],
): Promise<void> {
  for (let i = 0; i < customerIds.length; i += 1000) {
    await db
      .deleteFrom('customer_tiers')
      .where('scheme_id', '=', schemeId)
      .where('customer_id', 'in', customerIds.slice(i, i + 1000))
      .execute();
  }
}

/** Appends tier history rows. */
export async function insertHistory(
  db: Kysely<DB>,
  rows: readonly Omit<TierHistoryTable, 'id'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('tier_history')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Marks a run published. */
export async function markRunPublished(db: Kysely<DB>, runId: number) {
  await db.updateTable('tier_runs').set({ status: 'published' }).where('id', '=', runId).execute();
}

/** Appends notifications. */
export async function insertNotifications(
  db: Kysely<DB>,
  rows: readonly Omit<NotificationsTable, 'id' | 'read_at'>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** A run's results with what publishing needs (owner for notices), in customer order. */
export async function* iterateRunForPublish(
  db: Kysely<DB>,
  runId: number,
  batch = 5000,
): AsyncGenerator<{
  customerId: number;
  code: string;
  name: string;
  ownerId: number | null;
  tier: string;
}> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('tier_results as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['t.customer_id', 'c.code', 'c.name', 'c.owner_id', 't.tier'])
      .where('t.run_id', '=', runId)
      .where('t.customer_id', '>', after)
      .orderBy('t.customer_id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows)
      yield {
        customerId: Number(r.customer_id),
        code: r.code,
        name: r.name,
        ownerId: r.owner_id === null ? null : Number(r.owner_id),
        tier: r.tier,
      };
    after = Number(rows[rows.length - 1]!.customer_id);
  }
}
