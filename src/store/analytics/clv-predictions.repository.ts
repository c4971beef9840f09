import { once } from 'node:events';
import type SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { copyField } from '../bulk/copy-text';
import { scopeCondition } from '../customer-scope';
import type { DB } from '../schema';
import type { WriteSession } from '../write-session';

/** One model's predictions as columns, position i the same customer in every column. */
export interface PredictionColumns {
  n: number;
  customerIds: Int32Array;
  x: Int32Array;
  tX: Float64Array;
  T: Float64Array;
  monetaryMinor: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Null when the model has no spend part. */
  expectedSpendMinor: Float64Array | null;
  clvMinor: Float64Array | null;
}

const COLUMNS = [
  'model_id',
  'customer_id',
  'x',
  't_x',
  't_total',
  'monetary_minor',
  'p_alive',
  'expected_purchases',
  'expected_spend_minor',
  'clv_minor',
] as const;

/** Rows per multi-row INSERT on SQLite (10 columns: far below its parameter limit). */
const ROWS_PER_STATEMENT = 200;
/** COPY data is sent in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

function rowValues(modelId: number, c: PredictionColumns, i: number, out: unknown[], at: number) {
  out[at] = modelId;
  out[at + 1] = c.customerIds[i];
  out[at + 2] = c.x[i];
  out[at + 3] = c.tX[i];
  out[at + 4] = c.T[i];
  out[at + 5] = Math.round(c.monetaryMinor[i]!);
  out[at + 6] = c.pAlive[i];
  out[at + 7] = c.expectedPurchases[i];
  out[at + 8] = c.expectedSpendMinor ? Math.round(c.expectedSpendMinor[i]!) : null;
  out[at + 9] = c.clvMinor ? Math.round(c.clvMinor[i]!) : null;
}

function insertSqlite(
  sqlite: SqliteDatabase.Database,
  modelId: number,
  c: PredictionColumns,
  from: number,
  to: number,
) {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  const head = `insert into customer_clv (${COLUMNS.join(', ')}) values `;
  const full = sqlite.prepare(head + Array(ROWS_PER_STATEMENT).fill(tuple).join(', '));
  const one = sqlite.prepare(head + tuple);
  const width = COLUMNS.length;
  const params: unknown[] = new Array(ROWS_PER_STATEMENT * width);
  let i = from;
  for (; i + ROWS_PER_STATEMENT <= to; i += ROWS_PER_STATEMENT) {
    for (let r = 0; r < ROWS_PER_STATEMENT; r++) rowValues(modelId, c, i + r, params, r * width);
    full.run(params);
  }
  const single: unknown[] = new Array(width);
  for (; i < to; i++) {
    rowValues(modelId, c, i, single, 0);
    one.run(single);
  }
}

async function copyPostgres(
  client: pg.PoolClient,
  modelId: number,
  c: PredictionColumns,
  from: number,
  to: number,
) {
  const stream = client.query(copyFrom(`copy customer_clv (${COLUMNS.join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Failures surface through `await finished` (or the drain wait); never as unhandled.
  finished.catch(() => {});
  const values: unknown[] = new Array(COLUMNS.length);
  let chunk = '';
  for (let i = from; i < to; i++) {
    rowValues(modelId, c, i, values, 0);
    chunk += `${values.map(copyField).join('\t')}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      const more = stream.write(chunk);
      chunk = '';
      if (!more) await Promise.race([once(stream, 'drain'), finished]);
    }
  }
  stream.end(chunk);
  await finished;
}

/**
 * Inserts a model's predictions inside the session's transaction: prepared multi-row INSERTs
 * on SQLite, COPY on PostgreSQL. Written in slices of `slice` rows so the caller can report
 * progress between them.
 */
export async function writePredictions(
  session: WriteSession,
  modelId: number,
  c: PredictionColumns,
  onSlice?: (done: number, total: number) => Promise<void> | void,
  slice = 50_000,
): Promise<void> {
  for (let from = 0; from < c.n; from += slice) {
    const to = Math.min(c.n, from + slice);
    if (session.engine === 'sqlite') insertSqlite(session.sqlite!, modelId, c, from, to);
    else await copyPostgres(session.client!, modelId, c, from, to);
    await onSlice?.(to, c.n);
  }
}

export const PREDICTION_SORTS = ['clv', 'p_alive', 'expected_purchases'] as const;
export type PredictionSort = (typeof PREDICTION_SORTS)[number];

const SORT_COLUMN = {
  clv: 'clv_minor',
  p_alive: 'p_alive',
  expected_purchases: 'expected_purchases',
} as const;

export interface PredictionFilter {
  modelId: number;
  sort: PredictionSort;
  order: 'asc' | 'desc';
  region?: string | undefined;
  industry?: string | undefined;
  ownerId?: number | undefined;
  /** The acting user's row scope; everyone when left out. */
  rows?: CustomerFilter | undefined;
}

/** One prediction with the customer it belongs to. */
export interface PredictionRow {
  customerId: number;
  code: string;
  name: string;
  region: string | null;
  industry: string | null;
  ownerId: number | null;
  x: number;
  tX: number;
  T: number;
  monetaryMinor: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpendMinor: number | null;
  clvMinor: number | null;
}

interface RawPrediction {
  customer_id: number;
  code: string;
  name: string;
  region: string | null;
  industry: string | null;
  owner_id: number | null;
  x: number;
  t_x: number;
  t_total: number;
  monetary_minor: number;
  p_alive: number;
  expected_purchases: number;
  expected_spend_minor: number | null;
  clv_minor: number | null;
}

const nullable = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toPrediction(r: RawPrediction): PredictionRow {
  return {
    customerId: Number(r.customer_id),
    code: r.code,
    name: r.name,
    region: r.region,
    industry: r.industry,
    ownerId: nullable(r.owner_id),
    x: Number(r.x),
    tX: Number(r.t_x),
    T: Number(r.t_total),
    monetaryMinor: Number(r.monetary_minor),
    pAlive: Number(r.p_alive),
    expectedPurchases: Number(r.expected_purchases),
    expectedSpendMinor: nullable(r.expected_spend_minor),
    clvMinor: nullable(r.clv_minor),
  };
}

function filtered(db: Kysely<DB>, f: PredictionFilter) {
  let q = db
    .selectFrom('customer_clv as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('p.model_id', '=', f.modelId);
  if (f.region) q = q.where('c.region', '=', f.region);
  if (f.industry) q = q.where('c.industry', '=', f.industry);
  if (f.ownerId !== undefined) q = q.where('c.owner_id', '=', f.ownerId);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  return q;
}

const VIEW = [
  'p.customer_id',
  'c.code',
  'c.name',
  'c.region',
  'c.industry',
  'c.owner_id',
  'p.x',
  'p.t_x',
  'p.t_total',
  'p.monetary_minor',
  'p.p_alive',
  'p.expected_purchases',
  'p.expected_spend_minor',
  'p.clv_minor',
] as const;

/**
 * A page of one model's predictions, sorted by CLV, P(alive) or expected purchases with the
 * customer id as tie-break in the same direction (so the (model, value, customer) indexes serve
 * both directions), with the customer's code, name, region, industry and owner.
 */
export async function listPredictions(
  db: Kysely<DB>,
  f: PredictionFilter,
  page: { limit: number; offset: number },
): Promise<{ items: PredictionRow[]; total: number }> {
  const col = SORT_COLUMN[f.sort];
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select(VIEW)
      .orderBy(`p.${col}`, f.order)
      .orderBy('p.customer_id', f.order)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: (rows as RawPrediction[]).map(toPrediction), total: Number(count.n) };
}

/**
 * Every prediction a filter selects, in list order, read a batch at a time by keyset (value,
 * customer id), so an export of a million rows runs in constant memory without deep offsets.
 * The sort value must be non-null for every row (CLV is null only for a whole model without a
 * spend part; the caller sorts such a model by something else).
 */
export async function* iteratePredictions(
  db: Kysely<DB>,
  f: PredictionFilter,
  batch = 5000,
): AsyncGenerator<PredictionRow> {
  const col = SORT_COLUMN[f.sort];
  const ref = sql.ref(`p.${col}`);
  const cmp = f.order === 'desc' ? sql`<` : sql`>`;
  let after: { value: number; id: number } | undefined;
  for (;;) {
    let q = filtered(db, f).select(VIEW);
    if (after) {
      const a = after;
      q = q.where(
        sql<boolean>`(${ref} ${cmp} ${a.value} or (${ref} = ${a.value} and p.customer_id ${cmp} ${a.id}))`,
      );
    }
    const rows = (await q
      .orderBy(`p.${col}`, f.order)
      .orderBy('p.customer_id', f.order)
      .limit(batch)
      .execute()) as RawPrediction[];
    if (rows.length === 0) return;
    for (const r of rows) yield toPrediction(r);
    const last = rows[rows.length - 1]!;
    after = { value: Number(last[col]), id: Number(last.customer_id) };
    if (rows.length < batch) return;
  }
}

/** One customer's prediction under a model, or undefined. */
export async function findPrediction(
  db: Kysely<DB>,
  modelId: number,
  customerId: number,
): Promise<PredictionRow | undefined> {
  const r = await db
    .selectFrom('customer_clv as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('p.model_id', '=', modelId)
    .where('p.customer_id', '=', customerId)
    .select(VIEW)
    .executeTakeFirst();
  return r && toPrediction(r as RawPrediction);
}

/** The model's prediction values a scheme can score, read in customer-id order a batch at a time. */
export async function* iterateMetricValues(
  db: Kysely<DB>,
  modelId: number,
  batch = 50_000,
): AsyncGenerator<{
  customerId: number;
  pAlive: number;
  expectedPurchases: number;
  clvMinor: number | null;
}> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('customer_clv')
      .select(['customer_id', 'p_alive', 'expected_purchases', 'clv_minor'])
      .where('model_id', '=', modelId)
      .where('customer_id', '>', after)
      .orderBy('customer_id')
      .limit(batch)
      .execute();
    for (const r of rows) {
      yield {
        customerId: Number(r.customer_id),
        pAlive: Number(r.p_alive),
        expectedPurchases: Number(r.expected_purchases),
        clvMinor: nullable(r.clv_minor),
      };
    }
    if (rows.length < batch) return;
    after = Number(rows[rows.length - 1]!.customer_id);
  }
}
