import { once } from 'node:events';
import type SqliteDatabase from 'better-sqlite3';
import { from as copyFrom } from 'pg-copy-streams';
import { copyField } from '../bulk/copy-text';
import type { WriteSession } from '../write-session';

/** One validated order row, ready to write. */
export interface OrderRecord {
  row: number;
  customerId: number;
  orderNo: string;
  orderedOn: string;
  amountMinor: number;
  costMinor: number | null;
  quantity: number | null;
  product: string | null;
  category: string | null;
  channel: string | null;
  currency: string;
  rush: number;
}

/** What happened to each row of a batch. */
export interface BatchOutcome {
  created: number;
  updated: number;
  /** Rows whose order number already appeared earlier in the same file. */
  duplicates: OrderRecord[];
  /** Customers the updated orders belonged to before this batch (their facts changed too). */
  previousCustomers: number[];
}

/** What the caller knows about the import before the first row is written. */
export interface OrderSinkHints {
  /** Rough number of rows the file holds (from its size), for choosing a loading strategy. */
  expectedRows?: number;
}

export interface OrderSink {
  write(batch: readonly OrderRecord[]): Promise<BatchOutcome>;
  /** Called once all rows are written, only when the run is going to commit. */
  complete(): Promise<void>;
}

const COLUMNS = [
  'customer_id',
  'order_no',
  'ordered_on',
  'amount_minor',
  'cost_minor',
  'quantity',
  'product',
  'category',
  'channel',
  'currency',
  'rush',
  'created_at',
  'import_run_id',
] as const;

/** Writes one record's values in COLUMNS order into `out` from position `at`. */
function fill(out: unknown[], at: number, r: OrderRecord, now: string, runId: number): void {
  out[at] = r.customerId;
  out[at + 1] = r.orderNo;
  out[at + 2] = r.orderedOn;
  out[at + 3] = r.amountMinor;
  out[at + 4] = r.costMinor;
  out[at + 5] = r.quantity;
  out[at + 6] = r.product;
  out[at + 7] = r.category;
  out[at + 8] = r.channel;
  out[at + 9] = r.currency;
  out[at + 10] = r.rush;
  out[at + 11] = now;
  out[at + 12] = runId;
}

/**
 * Writes orders in batches, upserting by order number. A number already written by this run is a
 * duplicate inside the file and is reported, not written twice. SQLite inserts many rows per
 * statement and looks rows up only when the unique index turned some away; PostgreSQL probes
 * the batch's range of numbers, looks its numbers up in one query when the range is not empty,
 * COPYs the new rows and updates changed ones with one UPDATE … FROM unnest(…).
 */
export function orderSink(
  session: WriteSession,
  runId: number,
  now: string,
  hints: OrderSinkHints = {},
): OrderSink {
  return session.engine === 'sqlite'
    ? sqliteSink(session, runId, now, hints)
    : pgSink(session, runId, now);
}

/** Rows per multi-row INSERT on SQLite (13 parameters a row, far below the 32,766 limit). */
const ROWS_PER_INSERT = 100;
/** Below this many rows an import keeps every index up to date row by row. */
const REBUILD_MIN_ROWS = 100_000;

/**
 * Secondary indexes that may be dropped during a large import and built again before commit:
 * the non-unique ones (a unique index is what finds order numbers already written).
 */
function rebuildableIndexes(db: SqliteDatabase.Database): { name: string; sql: string }[] {
  const list = db
    .prepare('select name, "unique" as uq, origin from pragma_index_list(?)')
    .all('orders') as { name: string; uq: number; origin: string }[];
  const out: { name: string; sql: string }[] = [];
  for (const ix of list) {
    if (ix.uq || ix.origin !== 'c') continue;
    const row = db
      .prepare("select sql from sqlite_master where type = 'index' and name = ?")
      .get(ix.name) as { sql: string | null } | undefined;
    if (row?.sql) out.push({ name: ix.name, sql: row.sql });
  }
  return out;
}

function sqliteSink(
  session: WriteSession,
  runId: number,
  now: string,
  hints: OrderSinkHints,
): OrderSink {
  const db = session.sqlite!;
  const width = COLUMNS.length;
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  const insertSql = (rows: number) =>
    `insert into orders (${COLUMNS.join(', ')}) values ${Array(rows).fill(tuple).join(', ')}
     on conflict (order_no) do nothing`;
  const insertMany = db.prepare(insertSql(ROWS_PER_INSERT));
  const insertOne = db.prepare(insertSql(1));
  const find = db.prepare(
    'select id, import_run_id as run, customer_id as customer from orders where order_no = ?',
  );
  const update = db.prepare(
    `update orders set customer_id = ?, ordered_on = ?, amount_minor = ?, cost_minor = ?,
       quantity = ?, product = ?, category = ?, channel = ?, currency = ?, rush = ?,
       import_run_id = ? where order_no = ?`,
  );
  const many: unknown[] = new Array(ROWS_PER_INSERT * width);
  const one: unknown[] = new Array(width);
  let dropped: { name: string; sql: string }[] | undefined;

  /**
   * A large import into a table not much larger than it: the non-unique indexes are dropped and
   * built again at the end. Inserting 10M keys one by one at random places of an index costs
   * several times more than sorting them once; inside the transaction, readers keep seeing the
   * indexes as they were (WAL), and a rollback restores them.
   */
  const maybeDropIndexes = () => {
    if (dropped) return;
    dropped = [];
    const expected = hints.expectedRows ?? 0;
    if (expected < REBUILD_MIN_ROWS) return;
    const existing = Number(
      (db.prepare('select max(id) as n from orders').get() as { n: number | null }).n ?? 0,
    );
    if (expected * 4 < existing) return;
    dropped = rebuildableIndexes(db);
    for (const ix of dropped) db.exec(`drop index "${ix.name}"`);
  };

  /**
   * Sorts out rows that the last INSERT … ON CONFLICT DO NOTHING did not all insert. Rows it
   * inserted have ids from `firstNew` on (SQLite gives new rows max(id) + 1); any other row with
   * the number was there before: written earlier by this run (a duplicate in the file) or by
   * another one (updated).
   */
  const sortOut = (rows: readonly OrderRecord[], firstNew: number, out: BatchOutcome) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const found = find.get(r.orderNo) as
        | { id: number; run: number | null; customer: number }
        | undefined;
      if (!found) throw new Error(`order ${r.orderNo} was neither inserted nor found`);
      if (seen.has(r.orderNo)) out.duplicates.push(r);
      else if (found.id >= firstNew) out.created++;
      else if (found.run === runId) out.duplicates.push(r);
      else {
        update.run(
          r.customerId,
          r.orderedOn,
          r.amountMinor,
          r.costMinor,
          r.quantity,
          r.product,
          r.category,
          r.channel,
          r.currency,
          r.rush,
          runId,
          r.orderNo,
        );
        out.updated++;
        out.previousCustomers.push(found.customer);
      }
      seen.add(r.orderNo);
    }
  };

  return {
    async write(batch) {
      maybeDropIndexes();
      const out: BatchOutcome = { created: 0, updated: 0, duplicates: [], previousCustomers: [] };
      let i = 0;
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) {
          fill(many, k * width, batch[i + k] as OrderRecord, now, runId);
        }
        const r = insertMany.run(many);
        if (r.changes === ROWS_PER_INSERT) out.created += r.changes;
        else {
          const firstNew =
            r.changes > 0 ? Number(r.lastInsertRowid) - r.changes + 1 : Number.POSITIVE_INFINITY;
          sortOut(batch.slice(i, i + ROWS_PER_INSERT), firstNew, out);
        }
      }
      for (; i < batch.length; i++) {
        const rec = batch[i] as OrderRecord;
        fill(one, 0, rec, now, runId);
        const r = insertOne.run(one);
        if (r.changes === 1) out.created++;
        else sortOut([rec], Number.POSITIVE_INFINITY, out);
      }
      return out;
    },
    async complete() {
      for (const ix of dropped ?? []) db.exec(ix.sql);
      dropped = [];
    },
  };
}

/** One COPY text line for a record (fields in COLUMNS order). */
function copyRecord(r: OrderRecord, tail: string): string {
  return `${r.customerId}\t${copyField(r.orderNo)}\t${r.orderedOn}\t${r.amountMinor}\t${copyField(
    r.costMinor,
  )}\t${copyField(r.quantity)}\t${copyField(r.product)}\t${copyField(r.category)}\t${copyField(
    r.channel,
  )}\t${copyField(r.currency)}\t${r.rush}\t${tail}\n`;
}

function pgSink(session: WriteSession, runId: number, now: string): OrderSink {
  const client = session.client!;
  // created_at and import_run_id are the same on every row.
  const tail = `${copyField(now)}\t${runId}`;
  return {
    async write(batch) {
      const out: BatchOutcome = { created: 0, updated: 0, duplicates: [], previousCustomers: [] };
      if (batch.length === 0) return out;
      const numbers = batch.map((r) => r.orderNo);
      // One index range probe tells whether any number of the batch may already exist: exports
      // sorted by order number (and fresh loads) never need the lookup of every key.
      const probe = await client.query<{ hit: boolean }>(
        `select exists (select 1 from orders where order_no between
           (select min(k) from unnest($1::text[]) k) and (select max(k) from unnest($1::text[]) k)
         ) as hit`,
        [numbers],
      );
      const found = probe.rows[0]?.hit
        ? (
            await client.query<{ order_no: string; run: number | null; customer: number }>(
              `select order_no, import_run_id as run, customer_id as customer
               from orders where order_no = any($1::text[])`,
              [numbers],
            )
          ).rows
        : [];
      const existing = new Map(found.map((r) => [r.order_no, r.run]));
      const customerOf = new Map(found.map((r) => [r.order_no, r.customer]));
      const inserts: OrderRecord[] = [];
      const updates: OrderRecord[] = [];
      const seen = new Set<string>();
      for (const r of batch) {
        const run = existing.get(r.orderNo);
        if (seen.has(r.orderNo) || (run !== undefined && run === runId)) {
          out.duplicates.push(r);
          continue;
        }
        seen.add(r.orderNo);
        if (run !== undefined) {
          updates.push(r);
          out.previousCustomers.push(customerOf.get(r.orderNo) as number);
        } else inserts.push(r);
      }
      if (inserts.length) await copyOrders(client, inserts, tail);
      if (updates.length) await updateOrders(client, updates, runId);
      out.created = inserts.length;
      out.updated = updates.length;
      return out;
    },
    async complete() {},
  };
}

async function copyOrders(
  client: NonNullable<WriteSession['client']>,
  rows: readonly OrderRecord[],
  tail: string,
) {
  const stream = client.query(copyFrom(`copy orders (${COLUMNS.join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  finished.catch(() => {});
  let chunk = '';
  for (const r of rows) {
    chunk += copyRecord(r, tail);
    if (chunk.length >= 1 << 16) {
      const more = stream.write(chunk);
      chunk = '';
      if (!more) await Promise.race([once(stream, 'drain'), finished]);
    }
  }
  stream.end(chunk);
  await finished;
}

async function updateOrders(
  client: NonNullable<WriteSession['client']>,
  rows: readonly OrderRecord[],
  runId: number,
) {
  const col = <K extends keyof OrderRecord>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `update orders o set customer_id = u.customer_id, ordered_on = u.ordered_on,
       amount_minor = u.amount_minor, cost_minor = u.cost_minor, quantity = u.quantity,
       product = u.product, category = u.category, channel = u.channel, currency = u.currency,
       rush = u.rush, import_run_id = $12
     from unnest($1::text[], $2::int[], $3::date[], $4::bigint[], $5::bigint[], $6::int[],
                 $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
       as u(order_no, customer_id, ordered_on, amount_minor, cost_minor, quantity, product,
            category, channel, currency, rush)
     where o.order_no = u.order_no`,
    [
      col('orderNo'),
      col('customerId'),
      col('orderedOn'),
      col('amountMinor'),
      col('costMinor'),
      col('quantity'),
      col('product'),
      col('category'),
      col('channel'),
      col('currency'),
      col('rush'),
      runId,
    ],
  );
}
