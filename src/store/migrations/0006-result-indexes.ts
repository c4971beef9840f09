import type { Kysely } from 'kysely';

/**
 * Indexes on tier results. By rank: results are listed and exported in rank order page by page,
 * and without it every page of a million-row run sorted the whole run again. By customer: a
 * customer's tiers across runs (customer 360), and deleting a customer, would scan every run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('tier_results_rank_idx')
    .on('tier_results')
    .columns(['run_id', 'rank'])
    .execute();
  await db.schema
    .createIndex('tier_results_customer_idx')
    .on('tier_results')
    .columns(['customer_id', 'run_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tier_results_customer_idx').execute();
  await db.schema.dropIndex('tier_results_rank_idx').execute();
}
