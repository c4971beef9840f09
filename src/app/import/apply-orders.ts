import type { ParsedCells } from '../../domain/import/targets/target';
import { type OrderRecord, orderSink } from '../../store/imports/order-sink';
import { type ApplyContext, CustomerResolver } from './apply-context';

const BATCH = 5000;

/**
 * Turns parsed order rows into upserts, batch by batch. Without an order-number column each row
 * gets a stable number from customer, date and its position among that customer's rows of that
 * day in the file, so importing the same file again updates instead of doubling.
 */
export function orderApplier(ac: ApplyContext) {
  const sink = orderSink(ac.session, ac.runId, ac.now);
  const customers = new CustomerResolver(ac);
  const sameDay = new Map<string, number>();
  let batch: { rec: OrderRecord; values: readonly string[] }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const byRow = new Map(batch.map((b) => [b.rec.row, b.values]));
    const out = await sink.write(batch.map((b) => b.rec));
    ac.stats.created += out.created;
    ac.stats.updated += out.updated;
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
    batch = [];
  };

  return {
    async add(cells: ParsedCells, row: number, values: readonly string[]): Promise<void> {
      const code = String(cells.code);
      const customerId = await customers.resolve(code, cells.name as string | undefined);
      if (customerId === undefined) {
        ac.report.reject(row, values, [
          {
            row,
            field: 'code',
            message: `no customer has code ${code}`,
            value: code,
            expected: 'the code of an existing customer (or allow creating missing customers)',
          },
        ]);
        return;
      }
      let orderNo = cells.orderNo as string | undefined;
      if (!orderNo) {
        const day = `${code}|${cells.date}`;
        const n = (sameDay.get(day) ?? 0) + 1;
        sameDay.set(day, n);
        orderNo = `${code}-${String(cells.date).replaceAll('-', '')}-${n}`;
      }
      batch.push({
        rec: {
          row,
          customerId,
          orderNo,
          orderedOn: String(cells.date),
          amountMinor: cells.amount as number,
          costMinor: (cells.cost as number | undefined) ?? null,
          quantity: (cells.quantity as number | undefined) ?? null,
          product: (cells.product as string | undefined) ?? null,
          category: (cells.category as string | undefined) ?? null,
          channel: (cells.channel as string | undefined) ?? null,
          currency: ((cells.currency as string | undefined) ?? 'CNY').toUpperCase(),
          rush: cells.rush === true ? 1 : 0,
        },
        values,
      });
      if (batch.length >= BATCH) await flush();
    },
    finish: flush,
  };
}
