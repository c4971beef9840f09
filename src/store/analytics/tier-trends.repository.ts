import { type Kysely, sql } from 'kysely';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';
import { type ColumnScope, scopeConditions } from './customer-columns.repository';

/** A run of a scheme as the tier views list it, with its publication when it was published. */
export interface SchemeRunRow {
  id: number;
  version: number;
  schemeVersionId: number;
  asOf: string;
  status: string;
  customers: number;
  createdAt: string;
  finishedAt: string | null;
  publication: { id: number; effectiveFrom: string; publishedAt: string } | null;
}

/** The finished runs of a scheme, newest first (by id), each with its publication if any. */
export async function schemeRuns(db: Kysely<DB>, schemeId: number): Promise<SchemeRunRow[]> {
  const rows = await db
    .selectFrom('tier_runs as r')
    .innerJoin('scheme_versions as v', 'v.id', 'r.scheme_version_id')
    .leftJoin('tier_publications as p', 'p.run_id', 'r.id')
    .select([
      'r.id',
      'r.scheme_version_id',
      'v.version',
      'r.as_of',
      'r.status',
      'r.customers',
      'r.created_at',
      'r.finished_at',
      'p.id as publication_id',
      'p.effective_from',
      'p.published_at',
    ])
    .where('v.scheme_id', '=', schemeId)
    .where('r.finished_at', 'is not', null)
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    version: Number(r.version),
    schemeVersionId: Number(r.scheme_version_id),
    asOf: dateText(r.as_of),
    status: r.status,
    customers: Number(r.customers),
    createdAt: instantText(r.created_at),
    finishedAt: r.finished_at == null ? null : instantText(r.finished_at),
    publication:
      r.publication_id == null
        ? null
        : {
            id: Number(r.publication_id),
            effectiveFrom: dateText(r.effective_from),
            publishedAt: instantText(r.published_at),
          },
  }));
}

/** A run with the scheme it belongs to (through its version), if it exists. */
export async function runScheme(
  db: Kysely<DB>,
  runId: number,
): Promise<{ runId: number; schemeId: number } | undefined> {
  const r = await db
    .selectFrom('tier_runs as r')
    .innerJoin('scheme_versions as v', 'v.id', 'r.scheme_version_id')
    .select(['r.id', 'v.scheme_id'])
    .where('r.id', '=', runId)
    .executeTakeFirst();
  return r && { runId: Number(r.id), schemeId: Number(r.scheme_id) };
}

/** The tier documents of every version of a scheme, newest version first. */
export async function schemeDocuments(db: Kysely<DB>, schemeId: number): Promise<unknown[]> {
  const rows = await db
    .selectFrom('scheme_versions')
    .select('document')
    .where('scheme_id', '=', schemeId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => JSON.parse(r.document) as unknown);
}

/** The condition "customer_id of `alias` is in scope" for the shared analytics filters. */
function inScope(alias: string, scope: ColumnScope) {
  const where = sql.join(scopeConditions(scope), sql` and `);
  return sql`${sql.ref(`${alias}.customer_id`)} in (select c.id from customers c where ${where})`;
}

/** One customer's result in a run. */
export interface RunResultRow {
  customerId: number;
  tier: string;
  score: number | null;
  previousTier: string | null;
}

/** A run's results for the customers in scope. */
export async function runResults(
  db: Kysely<DB>,
  runId: number,
  scope: ColumnScope,
): Promise<RunResultRow[]> {
  const rows = await sql<{
    customer_id: number;
    tier: string;
    score: number | null;
    previous_tier: string | null;
  }>`select t.customer_id, t.tier, t.score, t.previous_tier from tier_results t
    where t.run_id = ${runId} and ${inScope('t', scope)}`.execute(db);
  return rows.rows.map((r) => ({
    customerId: Number(r.customer_id),
    tier: r.tier,
    score: r.score === null ? null : Number(r.score),
    previousTier: r.previous_tier,
  }));
}

/** A tier history row as the replay needs it. */
export interface HistoryChangeRow {
  id: number;
  customerId: number;
  toTier: string | null;
  effectiveFrom: string;
  publicationId: number | null;
}

/**
 * The published tier changes of a scheme for the customers in scope, in id order; with
 * `upToPublication`, only those of that publication and the ones before it.
 */
export async function schemeChanges(
  db: Kysely<DB>,
  schemeId: number,
  scope: ColumnScope,
  upToPublication?: number,
): Promise<HistoryChangeRow[]> {
  const upTo =
    upToPublication === undefined ? sql`` : sql` and h.publication_id <= ${upToPublication}`;
  const rows = await sql<{
    id: number;
    customer_id: number;
    to_tier: string | null;
    effective_from: unknown;
    publication_id: number | null;
  }>`select h.id, h.customer_id, h.to_tier, h.effective_from, h.publication_id
    from tier_history h
    where h.scheme_id = ${schemeId}${upTo} and ${inScope('h', scope)}
    order by h.id`.execute(db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    toTier: r.to_tier,
    effectiveFrom: dateText(r.effective_from),
    publicationId: r.publication_id == null ? null : Number(r.publication_id),
  }));
}

/**
 * Each in-scope customer's revenue in each window of months [from, to] (minor units), in one
 * grouped scan of the monthly rollups. Returns one Float64Array a window, aligned with `ids`.
 */
export async function revenueInWindows(
  db: Kysely<DB>,
  scope: ColumnScope,
  ids: Int32Array,
  windows: readonly { from: string; to: string }[],
): Promise<Float64Array[]> {
  const out = windows.map(() => new Float64Array(ids.length));
  if (windows.length === 0 || ids.length === 0) return out;
  const at = new Map<number, number>();
  ids.forEach((id, i) => {
    at.set(id, i);
  });
  // Months 'YYYY-MM' sort as text: the first and last bound the one scan.
  const bounds = windows.flatMap((w) => [w.from, w.to]).sort();
  const lo = bounds[0]!;
  const hi = bounds[bounds.length - 1]!;
  const sums = sql.join(
    windows.map(
      (w, k) =>
        sql`sum(case when r.month >= ${w.from} and r.month <= ${w.to} then r.revenue_minor end) as ${sql.ref(`w${k}`)}`,
    ),
  );
  const rows = await sql<Record<string, unknown>>`select r.customer_id, ${sums}
    from customer_month_rollups r
    where r.month >= ${lo} and r.month <= ${hi} and ${inScope('r', scope)}
    group by r.customer_id`.execute(db);
  for (const row of rows.rows) {
    const i = at.get(Number(row.customer_id));
    if (i === undefined) continue;
    // PostgreSQL returns bigint sums as strings; a window without rows sums to NULL.
    windows.forEach((_, k) => {
      out[k]![i] = Number(row[`w${k}`] ?? 0);
    });
  }
  return out;
}

/** The ids of the active customers in scope, ascending (the positions of a figure). */
export async function scopeIds(db: Kysely<DB>, scope: ColumnScope): Promise<Int32Array> {
  const where = sql.join(scopeConditions(scope), sql` and `);
  const rows = await sql<{ id: number }>`select c.id from customers c where ${where}
    order by c.id`.execute(db);
  return Int32Array.from(rows.rows, (r) => Number(r.id));
}
