import { type SqlBool, sql } from 'kysely';
import type { ParsedCells } from '../../domain/import/targets/target';
import { customerIdInScope } from '../../store/customer-scope';
import { type BatchOutcome, type OrderRecord, orderSink } from '../../store/imports/order-sink';
import { type ApplyContext, CustomerResolver } from './apply-context';

/**
 * Rows written per batch. PostgreSQL: large enough that per-batch costs (a lookup, a COPY round
 * trip) fade. SQLite writes in-process with no per-batch cost, and a small batch lets its rows
 * die young (a batch that outlives the young generation is copied into the old one, which
 * costs more garbage collection than the inserts save).
 */
const BATCH = { sqlite: 2_000, postgres: 10_000 } as const;

/**
 * Turns parsed order rows into upserts, batch by batch. Without an order-number column each row
 * gets a stable number from customer, date and its position among that customer's rows of that
 * day in the file, so importing the same file again updates instead of doubling.
 *
 * A scoped importer writes only orders of customers in their row scope: a row whose customer is
 * outside it, or whose order number belongs to another customer's order outside it (the upsert
 * would move that order), is rejected.
 *
 * `add` returns a promise only when it has to wait (customer creation, a batch to hand over), so
 * the common row costs no await. One batch is written while the next is being read: on
 * PostgreSQL the server works on batch n while this process parses batch n + 1.
 */
export function orderApplier(ac: ApplyContext) {
  const sink = orderSink(ac.session, ac.runId, ac.now, { expectedRows: ac.expectedRows });
  const customers = new CustomerResolver(ac);
  const scope = customers.scope;
  const scoped = scope.restricted;
  const sameDay = new Map<string, number>();
  const batchSize = BATCH[ac.session.engine];
  let loaded = false;
  // The records of the batch being read, and their cells as read (for reporting duplicates).
  let recs: OrderRecord[] = [];
  let cellTexts: (readonly string[])[] = [];
  let inFlight: Promise<void> | undefined;

  const account = (out: BatchOutcome, written: OrderRecord[], texts: (readonly string[])[]) => {
    ac.stats.created += out.created;
    ac.stats.updated += out.updated;
    for (const id of out.previousCustomers) ac.touched.add(id);
    if (out.duplicates.length === 0) return;
    const byRow = new Map(written.map((r, i) => [r.row, texts[i] as readonly string[]]));
    for (const d of out.duplicates) {
      ac.report.reject(d.row, byRow.get(d.row) ?? [], [
        {
          row: d.row,
          field: 'orderNo',
          message: `order number ${d.orderNo} appears more than once in this file`,
          value: d.orderNo,
          expected: 'each order number once',
        },
      ]);
    }
  };

  /**
   * Of a scoped run's batch, the order numbers already held by customers outside the scope, in
   * one query per chunk: the rows carrying them are rejected before the batch is written.
   */
  const foreignOrders = async (batch: readonly OrderRecord[]): Promise<Set<string>> => {
    const out = new Set<string>();
    const inScope = customerIdInScope(scope.filter, 'o.customer_id');
    if (!inScope) return out;
    const numbers = [...new Set(batch.map((r) => r.orderNo))];
    for (let i = 0; i < numbers.length; i += 1_000) {
      const rows = await ac.session.db
        .selectFrom('orders as o')
        .select('o.order_no')
        .where('o.order_no', 'in', numbers.slice(i, i + 1_000))
        .where(sql<SqlBool>`not (${inScope})`)
        .execute();
      for (const r of rows) out.add(r.order_no);
    }
    return out;
  };

  const flush = async () => {
    if (inFlight) await inFlight;
    inFlight = undefined;
    if (recs.length === 0) return;
    let written = recs;
    let texts = cellTexts;
    recs = [];
    cellTexts = [];
    if (scoped) {
      const foreign = await foreignOrders(written);
      if (foreign.size) {
        const keep: number[] = [];
        written.forEach((r, i) => {
          if (!foreign.has(r.orderNo)) keep.push(i);
          else
            ac.report.reject(r.row, texts[i] ?? [], [
              {
                row: r.row,
                field: 'orderNo',
                message: `order ${r.orderNo} belongs to a customer outside your row scope`,
                value: r.orderNo,
                expected: 'an order number of your customers’ orders, or a new one',
              },
            ]);
        });
        written = keep.map((i) => written[i] as OrderRecord);
        texts = keep.map((i) => texts[i] as readonly string[]);
        if (written.length === 0) return;
      }
    }
    const p = sink.write(written).then((out) => account(out, written, texts));
    // Awaited at the next flush; marked handled now so a failure is not reported twice.
    p.catch(() => {});
    inFlight = p;
  };

  const push = (
    customerId: number,
    cells: ParsedCells,
    row: number,
    values: readonly string[],
  ): Promise<void> | undefined => {
    const code = cells.code as string;
    let orderNo = cells.orderNo as string | undefined;
    if (!orderNo) {
      const day = `${code}|${cells.date}`;
      const n = (sameDay.get(day) ?? 0) + 1;
      sameDay.set(day, n);
      orderNo = `${code}-${String(cells.date).replaceAll('-', '')}-${n}`;
    }
    const currency = cells.currency as string | undefined;
    ac.touched.add(customerId);
    recs.push({
      row,
      customerId,
      orderNo,
      orderedOn: cells.date as string,
      amountMinor: cells.amount as number,
      costMinor: (cells.cost as number | undefined) ?? null,
      quantity: (cells.quantity as number | undefined) ?? null,
      product: (cells.product as string | undefined) ?? null,
      category: (cells.category as string | undefined) ?? null,
      channel: (cells.channel as string | undefined) ?? null,
      currency: currency === undefined ? 'CNY' : currency.toUpperCase(),
      rush: cells.rush === true ? 1 : 0,
    });
    cellTexts.push(values);
    return recs.length >= batchSize ? flush() : undefined;
  };

  const unknownCode = (code: string, row: number, values: readonly string[]) => {
    ac.report.reject(row, values, [
      {
        row,
        field: 'code',
        message: `no customer has code ${code}`,
        value: code,
        expected: 'the code of an existing customer (or allow creating missing customers)',
      },
    ]);
  };

  const slowAdd = async (cells: ParsedCells, row: number, values: readonly string[]) => {
    const code = String(cells.code);
    const customerId = await customers.resolve(code, cells.name as string | undefined);
    loaded = true;
    if (customerId === undefined) unknownCode(code, row, values);
    else if (scoped && !scope.allows(customerId)) scope.rejectCustomer(row, values, code);
    else await push(customerId, cells, row, values);
  };

  return {
    add(cells: ParsedCells, row: number, values: readonly string[]): Promise<void> | undefined {
      if (!loaded) return slowAdd(cells, row, values);
      const customerId = customers.known(cells.code as string);
      if (customerId !== undefined) {
        if (scoped && !scope.allows(customerId)) {
          scope.rejectCustomer(row, values, String(cells.code));
          return undefined;
        }
        return push(customerId, cells, row, values);
      }
      if (ac.options.createMissingCustomers) return slowAdd(cells, row, values);
      unknownCode(String(cells.code), row, values);
      return undefined;
    },
    async finish(): Promise<void> {
      await flush();
      await flush();
    },
    /** Restores what the sink set aside for speed (indexes); only before a commit. */
    complete: () => sink.complete(),
  };
}
