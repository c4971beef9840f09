import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from '../bulk/copy-text';
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

function toRow(r: OrderRecord, now: string, runId: number) {
  return {
    customer_id: r.customerId,
    order_no: r.orderNo,
    ordered_on: r.orderedOn,
    amount_minor: r.amountMinor,
    cost_minor: r.costMinor,
    quantity: r.quantity,
    product: r.product,
    category: r.category,
    channel: r.channel,
    currency: r.currency,
    rush: r.rush,
    created_at: now,
    import_run_id: runId,
  };
}

/**
 * Writes orders in batches, upserting by order number. A number already written by this run is a
 * duplicate inside the file and is reported, not written twice. SQLite uses prepared statements
 * on the session's connection; PostgreSQL one lookup per batch, COPY for new rows and one
 * UPDATE … FROM unnest(…) for changed ones.
 */
export function orderSink(session: WriteSession, runId: number, now: string) {
  return session.engine === 'sqlite'
    ? sqliteSink(session, runId, now)
    : pgSink(session, runId, now);
}

function sqliteSink(session: WriteSession, runId: number, now: string) {
  const db = session.sqlite!;
  const find = db.prepare('select import_run_id as run from orders where order_no = ?');
  const insert = db.prepare(
    `insert into orders (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const update = db.prepare(
    `update orders set ${COLUMNS.filter((c) => c !== 'order_no' && c !== 'created_at')
      .map((c) => `${c} = @${c}`)
      .join(', ')} where order_no = @order_no`,
  );
  return {
    async write(batch: readonly OrderRecord[]): Promise<BatchOutcome> {
      const out: BatchOutcome = { created: 0, updated: 0, duplicates: [] };
      for (const r of batch) {
        const existing = find.get(r.orderNo) as { run: number | null } | undefined;
        if (existing && existing.run === runId) out.duplicates.push(r);
        else if (existing) {
          update.run(toRow(r, now, runId));
          out.updated++;
        } else {
          insert.run(toRow(r, now, runId));
          out.created++;
        }
      }
      return out;
    },
  };
}

function pgSink(session: WriteSession, runId: number, now: string) {
  const client = session.client!;
  return {
    async write(batch: readonly OrderRecord[]): Promise<BatchOutcome> {
      const out: BatchOutcome = { created: 0, updated: 0, duplicates: [] };
      if (batch.length === 0) return out;
      const found = await client.query<{ order_no: string; run: number | null }>(
        'select order_no, import_run_id as run from orders where order_no = any($1::text[])',
        [batch.map((r) => r.orderNo)],
      );
      const existing = new Map(found.rows.map((r) => [r.order_no, r.run]));
      const seen = new Set<string>();
      const inserts: OrderRecord[] = [];
      const updates: OrderRecord[] = [];
      for (const r of batch) {
        const run = existing.get(r.orderNo);
        if (seen.has(r.orderNo) || (run !== undefined && run === runId)) {
          out.duplicates.push(r);
          continue;
        }
        seen.add(r.orderNo);
        if (run !== undefined) updates.push(r);
        else inserts.push(r);
      }
      if (inserts.length) await copyOrders(client, inserts, now, runId);
      if (updates.length) await updateOrders(client, updates, runId);
      out.created = inserts.length;
      out.updated = updates.length;
      return out;
    },
  };
}

async function copyOrders(
  client: NonNullable<WriteSession['client']>,
  rows: readonly OrderRecord[],
  now: string,
  runId: number,
) {
  const stream = client.query(copyFrom(`copy orders (${COLUMNS.join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  finished.catch(() => {});
  let chunk = '';
  for (const r of rows) {
    chunk += `${copyLine(toRow(r, now, runId), COLUMNS)}\n`;
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
