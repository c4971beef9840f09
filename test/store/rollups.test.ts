import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createFact, deleteFact } from '../../src/app/facts/facts.service';
import { refreshRollups } from '../../src/store/metrics/rollups';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const sys = systemCtx();

describeEachEngine('monthly rollups', ({ deps, engine }) => {
  it('follow every fact write in the same transaction, and a full rebuild agrees', async () => {
    const a = await createCustomer(deps(), sys, customerInput());
    const b = await createCustomer(deps(), sys, customerInput());
    await createFact(deps(), sys, 'orders', a.id, {
      orderNo: `R-${a.id}-1`,
      orderedOn: '2026-01-05',
      amount: '100.00',
      cost: '60.00',
      quantity: 2,
    });
    await createFact(deps(), sys, 'orders', a.id, {
      orderNo: `R-${a.id}-2`,
      orderedOn: '2026-01-20',
      amount: '50.50',
    });
    const late = await createFact(deps(), sys, 'payments', a.id, {
      invoiceNo: `RI-${a.id}-1`,
      amount: '100',
      dueOn: '2026-02-01',
      paidOn: '2026-02-11',
    });
    await createFact(deps(), sys, 'payments', a.id, {
      invoiceNo: `RI-${a.id}-2`,
      amount: '50.5',
      dueOn: '2026-02-15',
    });
    await createFact(deps(), sys, 'feedback', a.id, {
      kind: 'complaint',
      content: '送货晚了',
      receivedOn: '2026-02-03',
    });
    await createFact(deps(), sys, 'surveys', a.id, { answeredOn: '2026-02-20', score: 4 });
    await createFact(deps(), sys, 'referrals', a.id, {
      referredCustomerId: b.id,
      referredOn: '2026-02-21',
    });

    const rows = async () =>
      deps()
        .store.db.selectFrom('customer_month_rollups')
        .selectAll()
        .where('customer_id', '=', a.id)
        .orderBy('month')
        .execute();
    const incremental = await rows();
    expect(incremental).toHaveLength(2);
    expect(incremental[0]).toMatchObject({
      month: '2026-01',
      order_count: 2,
      revenue_minor: 15050,
      costed_revenue_minor: 10000,
      cost_minor: 6000,
      quantity: 2,
      first_order_on: '2026-01-05',
      last_order_on: '2026-01-20',
    });
    expect(incremental[1]).toMatchObject({
      month: '2026-02',
      invoices_due: 2,
      invoices_late: 1,
      invoices_unpaid: 1,
      amount_due_minor: 15050,
      amount_paid_minor: 10000,
      days_late_sum: 10,
      complaints: 1,
      surveys: 1,
      survey_score_sum: 4,
      referrals: 1,
    });

    await refreshRollups(deps().store.db, engine);
    expect(await rows()).toEqual(incremental);

    await deleteFact(deps(), sys, 'payments', Number(late.id));
    const after = await rows();
    expect(after[1]).toMatchObject({ invoices_due: 1, invoices_late: 0, days_late_sum: 0 });
  });
});
