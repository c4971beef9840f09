import type { Kysely } from 'kysely';

/** Scheduled analytics reports and the reports they produced. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
