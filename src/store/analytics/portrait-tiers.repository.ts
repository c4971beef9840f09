import type { Kysely } from 'kysely';
import { dateText, dateTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** The customer's stored result in a run, with the run's as-of, size and scheme document. */
export interface RunResultRow {
  runId: number;
  asOf: string;
  runCustomers: number;
  document: unknown;
  tier: string;
  score: number | null;
  rank: number | null;
  points: Record<string, number | null> | null;
  rules: { index?: number; id?: string } | null;
  flags: number;
}

/** The customer's results in the given runs (one query), by run id. */
export async function runResultsOf(
  db: Kysely<DB>,
  customerId: number,
  runIds: readonly number[],
): Promise<Map<number, RunResultRow>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tier_results as t')
    .innerJoin('tier_runs as r', 'r.id', 't.run_id')
    .innerJoin('scheme_versions as v', 'v.id', 'r.scheme_version_id')
    .select([
      't.run_id',
      'r.as_of',
      'r.customers',
      'v.document',
      't.tier',
      't.score',
      't.rank',
      't.points',
      't.rules',
      't.flags',
    ])
    .where('t.customer_id', '=', customerId)
    .where('t.run_id', 'in', [...runIds])
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.run_id),
      {
        runId: Number(r.run_id),
        asOf: dateText(r.as_of),
        runCustomers: Number(r.customers),
        document: JSON.parse(r.document) as unknown,
        tier: r.tier,
        score: r.score === null ? null : Number(r.score),
        rank: r.rank === null ? null : Number(r.rank),
        points: r.points === null ? null : JSON.parse(r.points),
        rules: r.rules === null ? null : JSON.parse(r.rules),
        flags: Number(r.flags),
      },
    ]),
  );
}

/** The run that published the customer's tier in each scheme (null: set without a run). */
export async function publishingRuns(
  db: Kysely<DB>,
  customerId: number,
): Promise<Map<number, number | null>> {
  const rows = await db
    .selectFrom('customer_tiers')
    .select(['scheme_id', 'run_id'])
    .where('customer_id', '=', customerId)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.scheme_id), r.run_id === null ? null : Number(r.run_id)]),
  );
}

/** An override in force on the customer's tier in a scheme. */
export interface OverrideRow {
  schemeId: number;
  tier: string;
  reason: string;
  expiresOn: string | null;
}

/** Overrides not revoked and not expired on `today`, by scheme. */
export async function activeOverridesOf(
  db: Kysely<DB>,
  customerId: number,
  today: string,
): Promise<Map<number, OverrideRow>> {
  const rows = await db
    .selectFrom('tier_overrides')
    .select(['scheme_id', 'tier', 'reason', 'expires_on'])
    .where('customer_id', '=', customerId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .orderBy('id')
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.scheme_id),
      {
        schemeId: Number(r.scheme_id),
        tier: r.tier,
        reason: r.reason,
        expiresOn: dateTextOrNull(r.expires_on),
      },
    ]),
  );
}
