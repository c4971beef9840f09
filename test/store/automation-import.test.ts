import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listFirings } from '../../src/app/automation/firings.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { runImport } from '../../src/app/import/run-import';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const mapping = {
  target: 'payments',
  columns: [
    { header: '客户编码', field: 'code' },
    { header: '发票号', field: 'invoiceNo' },
    { header: '金额', field: 'amount' },
    { header: '到期日', field: 'dueOn' },
    { header: '回款日期', field: 'paidOn' },
  ],
};

describeEachEngine('automation after a payments import', ({ deps }) => {
  const ctx: Ctx = { ...systemCtx('import-test'), now: () => new Date('2026-11-27T04:00:00Z') };

  it('fires late payments in the import commit, and not for a dry run', async () => {
    const c = await createCustomer(deps(), ctx, customerInput({ code: 'IMP-LATE' }));
    const file = join(mkdtempSync(join(tmpdir(), 'automation-import-')), 'late-payments.csv');
    writeFileSync(
      file,
      '客户编码,发票号,金额,到期日,回款日期\n' +
        'IMP-LATE,IMP-1,100.00,2026-10-05,2026-10-15\n' +
        'IMP-LATE,IMP-2,200.00,2026-10-20,\n' +
        'IMP-LATE,IMP-3,300.00,2026-11-01,2026-11-01\n',
    );
    const input = { target: 'payments' as const, path: file, fileName: 'late.csv', mapping };
    const dry = await runImport(deps(), ctx, { ...input, mode: 'dry_run' });
    expect(dry.status).toBe('dry_run');
    expect((await listFirings(deps(), ctx, { customerId: c.id })).total).toBe(0);

    const r = await runImport(deps(), ctx, { ...input, mode: 'all_or_nothing' });
    expect(r).toMatchObject({ status: 'committed', created: 3 });
    const { items } = await listFirings(deps(), ctx, { customerId: c.id });
    expect(items.map((f) => [f.dedupeKey, f.source])).toEqual([
      [`late_payments:${c.id}:2026-Q4`, 'event'],
    ]);
    // IMP-2 is unpaid and 38 days past due on 2026-11-27.
    const invoices = (items[0]?.evidence.invoices ?? []) as {
      invoiceNo: string;
      daysLate: number;
    }[];
    expect(invoices.map((i) => [i.invoiceNo, i.daysLate])).toEqual([
      ['IMP-1', 10],
      ['IMP-2', 38],
    ]);
  });
});
