import { type Kysely, sql } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { movePairs } from '../../domain/scheme/tier-order';
import { scopeCondition } from '../customer-scope';
import type { Store } from '../database';
import { likeContains } from '../errors';
import { dateText, instantText } from '../row-values';
import type { DB, TierResultsTable } from '../schema';

export interface TierRunRow {
  id: number;
  schemeVersionId: number;
  asOf: string;
  status: string;
  customers: number;
  summary: unknown;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

function toRun(r: {
  id: number;
  scheme_version_id: number;
  as_of: unknown;
  status: string;
  customers: number;
  summary: string | null;
  created_by: number | null;
  created_at: unknown;
  finished_at: unknown;
}): TierRunRow {
  return {
    id: Number(r.id),
    schemeVersionId: Number(r.scheme_version_id),
    asOf: dateText(r.as_of),
    status: r.status,
    customers: Number(r.customers),
    summary: r.summary === null ? null : JSON.parse(r.summary),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    finishedAt: r.finished_at == null ? null : instantText(r.finished_at),
  };
}

export async function insertRun(
  db: Kysely<DB>,
  r: {
    schemeVersionId: number;
    asOf: string;
    customers: number;
    summary: unknown;
    createdBy: number | null;
  },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('tier_runs')
    .values({
      scheme_version_id: r.schemeVersionId,
      as_of: r.asOf,
      status: 'draft',
      customers: r.customers,
      summary: JSON.stringify(r.summary),
      created_by: r.createdBy,
      created_at: now,
      finished_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const RESULT_COLUMNS = [
  'run_id',
  'customer_id',
  'score',
  'tier',
  'rank',
  'points',
  'rules',
  'flags',
  'previous_tier',
] as const;
/** Rows a multi-row statement on SQLite (9 parameters each). */
const SQLITE_ROWS = 100;
/** Rows a statement on PostgreSQL (one array parameter a column). */
const PG_ROWS = 10_000;

/**
 * Inserts result rows inside the caller's transaction `trx`. SQLite: prepared multi-row
 * statements on the raw handle (the transaction is open on that same connection). PostgreSQL:
 * one `INSERT … SELECT FROM unnest(arrays)` per ten thousand rows.
 */
export async function insertResults(
  store: Store,
  trx: Kysely<DB>,
  rows: TierResultsTable[],
): Promise<void> {
  if (store.engine === 'sqlite' && store.sqlite?.inTransaction) {
    const one = `(${RESULT_COLUMNS.map(() => '?').join(',')})`;
    const prepare = (k: number) =>
      store.sqlite!.prepare(
        `INSERT INTO tier_results (${RESULT_COLUMNS.join(',')}) VALUES ${Array(k).fill(one).join(',')}`,
      );
    const full = prepare(SQLITE_ROWS);
    for (let i = 0; i < rows.length; i += SQLITE_ROWS) {
      const part = rows.slice(i, i + SQLITE_ROWS);
      const params = part.flatMap((r) => RESULT_COLUMNS.map((c) => r[c]));
      (part.length === SQLITE_ROWS ? full : prepare(part.length)).run(params);
    }
    return;
  }
  if (store.engine === 'postgres') {
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const part = rows.slice(i, i + PG_ROWS);
      const col = <K extends keyof TierResultsTable>(k: K) => part.map((r) => r[k]);
      await sql`INSERT INTO tier_results (run_id, customer_id, score, tier, rank, points, rules, flags, previous_tier)
        SELECT * FROM unnest(${col('run_id')}::integer[], ${col('customer_id')}::integer[],
          ${col('score')}::double precision[], ${col('tier')}::text[], ${col('rank')}::integer[],
          ${col('points')}::text[], ${col('rules')}::text[], ${col('flags')}::integer[],
          ${col('previous_tier')}::text[])`.execute(trx);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('tier_results')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function findRun(db: Kysely<DB>, id: number): Promise<TierRunRow | undefined> {
  const r = await db.selectFrom('tier_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toRun(r);
}

export async function listRuns(
  db: Kysely<DB>,
  filter: { schemeId?: number | undefined },
): Promise<(TierRunRow & { schemeId: number; schemeKey: string; version: number })[]> {
  let q = db
    .selectFrom('tier_runs as r')
    .innerJoin('scheme_versions as v', 'v.id', 'r.scheme_version_id')
    .innerJoin('schemes as s', 's.id', 'v.scheme_id')
    .selectAll('r')
    .select(['s.id as scheme_id', 's.key as scheme_key', 'v.version as version'])
    .orderBy('r.id', 'desc');
  if (filter.schemeId !== undefined) q = q.where('s.id', '=', filter.schemeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    ...toRun(r),
    schemeId: Number(r.scheme_id),
    schemeKey: r.scheme_key,
    version: Number(r.version),
  }));
}

/** Previously published tiers of a scheme, by customer id. */
export async function publishedTiers(
  db: Kysely<DB>,
  schemeId: number,
): Promise<Map<number, { tier: string; belowCount: number }>> {
  const rows = await db
    .selectFrom('customer_tiers')
    .select(['customer_id', 'tier', 'below_count'])
    .where('scheme_id', '=', schemeId)
    .execute();
  return new Map(
    rows.map((r) => [Number(r.customer_id), { tier: r.tier, belowCount: Number(r.below_count) }]),
  );
}

/** Overrides of a scheme that are not revoked (expiry is checked by the evaluator). */
export async function activeOverrides(db: Kysely<DB>, schemeId: number) {
  const rows = await db
    .selectFrom('tier_overrides')
    .select(['customer_id', 'tier', 'reason', 'approver_id', 'expires_on', 'created_by'])
    .where('scheme_id', '=', schemeId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    customerId: Number(r.customer_id),
    tier: r.tier,
    reason: r.reason,
    approverId: r.approver_id === null ? null : Number(r.approver_id),
    expiresOn: r.expires_on == null ? null : dateText(r.expires_on as unknown),
  }));
}

export interface ResultQuery {
  runId: number;
  tier?: string | undefined;
  moved?: 'up' | 'down' | 'any' | undefined;
  /** Tier ids in rank order (best first), to tell up from down. */
  tierOrder: readonly string[];
  q?: string | undefined;
  /** The reader's row scope: only results of these customers. */
  rows?: CustomerFilter | undefined;
  page: number;
  pageSize: number;
}

export interface ResultRow {
  customerId: number;
  code: string;
  name: string;
  score: number | null;
  tier: string;
  rank: number | null;
  points: Record<string, number | null> | null;
  rules: unknown;
  flags: number;
  previousTier: string | null;
}

function toResult(r: {
  customer_id: number;
  code: string;
  name: string;
  score: number | null;
  tier: string;
  rank: number | null;
  points: string | null;
  rules: string | null;
  flags: number;
  previous_tier: string | null;
}): ResultRow {
  return {
    customerId: Number(r.customer_id),
    code: r.code,
    name: r.name,
    score: r.score === null ? null : Number(r.score),
    tier: r.tier,
    rank: r.rank === null ? null : Number(r.rank),
    points: r.points === null ? null : JSON.parse(r.points),
    rules: r.rules === null ? null : JSON.parse(r.rules),
    flags: Number(r.flags),
    previousTier: r.previous_tier,
  };
}

/** The filters of a results query, without its paging. */
export type ResultFilter = Omit<ResultQuery, 'page' | 'pageSize'>;

const RESULT_VIEW_COLUMNS = [
  't.customer_id',
  'c.code',
  'c.name',
  't.score',
  't.tier',
  't.rank',
  't.points',
  't.rules',
  't.flags',
  't.previous_tier',
] as const;

/** The results of a run matching a filter, or undefined when no row can match. */
function filteredResults(db: Kysely<DB>, query: ResultFilter) {
  let q = db
    .selectFrom('tier_results as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .where('t.run_id', '=', query.runId);
  const inScope = query.rows ? scopeCondition(query.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (query.tier) q = q.where('t.tier', '=', query.tier);
  if (query.q) q = q.where('c.code', 'like', sql<string>`${likeContains(query.q)} escape '\\'`);
  if (query.moved) {
    q = q.where('t.previous_tier', 'is not', null).whereRef('t.previous_tier', '!=', 't.tier');
    if (query.moved !== 'any') {
      // Pairs (from, to) where `to` is better (up) or worse (down) than `from`.
      const pairs = movePairs(query.tierOrder, query.moved);
      if (!pairs.length) return undefined;
      q = q.where((eb) =>
        eb.or(
          pairs.map(([from, to]) =>
            eb.and([eb('t.previous_tier', '=', from), eb('t.tier', '=', to)]),
          ),
        ),
      );
    }
  }
  return q;
}

/** A page of a run's results in rank order, with the number of rows matching the filter. */
export async function listResults(
  db: Kysely<DB>,
  query: ResultQuery,
): Promise<{ items: ResultRow[]; total: number }> {
  const q = filteredResults(db, query);
  if (!q) return { items: [], total: 0 };
  const total = await q
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .select(RESULT_VIEW_COLUMNS)
    .orderBy('t.rank')
    .orderBy('c.code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toResult), total: Number(total.n) };
}

/**
 * Every result matching a filter in rank order, read in batches by rank (unique within a run),
 * so an export of a million rows holds one batch at a time.
 */
export async function* iterateResults(
  db: Kysely<DB>,
  query: ResultFilter,
  batch = 5000,
): AsyncGenerator<ResultRow> {
  const q = filteredResults(db, query);
  if (!q) return;
  let after = 0;
  for (;;) {
    const rows = await q
      .select(RESULT_VIEW_COLUMNS)
      .where('t.rank', '>', after)
      .orderBy('t.rank')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield toResult(r);
    after = Number(rows[rows.length - 1]!.rank);
  }
}

export async function findResult(
  db: Kysely<DB>,
  runId: number,
  customerId: number,
): Promise<ResultRow | undefined> {
  const r = await db
    .selectFrom('tier_results as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .where('t.run_id', '=', runId)
    .where('t.customer_id', '=', customerId)
    .select([
      't.customer_id',
      'c.code',
      'c.name',
      't.score',
      't.tier',
      't.rank',
      't.points',
      't.rules',
      't.flags',
      't.previous_tier',
    ])
    .executeTakeFirst();
  return r && toResult(r);
}

/** A customer's published tier in each scheme, with the scheme's names. */
export async function customerPublishedTiers(db: Kysely<DB>, customerId: number) {
  const rows = await db
    .selectFrom('customer_tiers as ct')
    .innerJoin('schemes as s', 's.id', 'ct.scheme_id')
    .select(['ct.scheme_id', 'ct.tier', 'ct.effective_from', 'ct.run_id'])
    .where('ct.customer_id', '=', customerId)
    .execute();
  return rows.map((r) => ({
    schemeId: Number(r.scheme_id),
    tier: r.tier,
    since: String(r.effective_from),
    runId: r.run_id === null ? null : Number(r.run_id),
  }));
}

/** The customer's result in the latest run of each scheme that placed it. */
export async function customerLatestResults(db: Kysely<DB>, customerId: number) {
  const rows = await db
    .selectFrom('tier_results as t')
    .innerJoin('tier_runs as r', 'r.id', 't.run_id')
    .innerJoin('scheme_versions as v', 'v.id', 'r.scheme_version_id')
    .select(['v.scheme_id', 'v.document', 'r.id as run_id', 'r.as_of', 't.tier', 't.score'])
    .where('t.customer_id', '=', customerId)
    .orderBy('r.id', 'desc')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(Number(r.scheme_id))) latest.set(Number(r.scheme_id), r);
  return [...latest.values()].map((r) => ({
    schemeId: Number(r.scheme_id),
    document: JSON.parse(r.document) as unknown,
    runId: Number(r.run_id),
    asOf: String(r.as_of),
    tier: r.tier,
    score: r.score === null ? null : Number(r.score),
  }));
}
