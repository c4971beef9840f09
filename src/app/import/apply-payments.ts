import type { ParsedCells } from '../../domain/import/targets/target';
import { type ApplyContext, CustomerResolver } from './apply-context';

/**
 * Upserts payments by invoice number; an invoice twice in one file is rejected the second time.
 * A scoped importer writes only payments of customers in their row scope: a row whose customer
 * is outside it, or whose invoice is recorded for a customer outside it (the upsert would move
 * that payment), is rejected.
 */
export function paymentApplier(ac: ApplyContext) {
  const customers = new CustomerResolver(ac);
  const scope = customers.scope;
  const db = ac.session.db;
  return {
    async add(cells: ParsedCells, row: number, values: readonly string[]): Promise<void> {
      const code = String(cells.code);
      const invoiceNo = String(cells.invoiceNo);
      const dueOn = String(cells.dueOn);
      const paidOn = (cells.paidOn as string | undefined) ?? null;
      const customerId = await customers.resolve(code, undefined);
      if (customerId === undefined) {
        ac.report.reject(row, values, [
          {
            row,
            field: 'code',
            message: `no customer has code ${code}`,
            value: code,
            expected: 'the code of an existing customer',
          },
        ]);
        return;
      }
      if (scope.restricted && !scope.allows(customerId)) {
        scope.rejectCustomer(row, values, code);
        return;
      }
      const existing = await db
        .selectFrom('payments')
        .select(['id', 'import_run_id', 'customer_id'])
        .where('invoice_no', '=', invoiceNo)
        .executeTakeFirst();
      if (existing && existing.import_run_id === ac.runId) {
        ac.report.reject(row, values, [
          {
            row,
            field: 'invoiceNo',
            message: `invoice ${invoiceNo} appears more than once in this file`,
            value: invoiceNo,
            expected: 'each invoice once',
          },
        ]);
        return;
      }
      if (existing && scope.restricted && !scope.allows(Number(existing.customer_id))) {
        ac.report.reject(row, values, [
          {
            row,
            field: 'invoiceNo',
            message: `invoice ${invoiceNo} belongs to a customer outside your row scope`,
            value: invoiceNo,
            expected: 'an invoice of your customers, or a new one',
          },
        ]);
        return;
      }
      const values_ = {
        customer_id: customerId,
        amount_minor: cells.amount as number,
        due_on: dueOn,
        paid_on: paidOn,
        import_run_id: ac.runId,
      };
      ac.touched.add(customerId);
      if (existing) {
        // The invoice may move to another customer: both customers' rollups change.
        ac.touched.add(existing.customer_id);
        await db.updateTable('payments').set(values_).where('id', '=', existing.id).execute();
        ac.stats.updated++;
      } else {
        await db
          .insertInto('payments')
          .values({ ...values_, invoice_no: invoiceNo, created_at: ac.now })
          .execute();
        ac.stats.created++;
      }
    },
    async finish(): Promise<void> {},
  };
}
