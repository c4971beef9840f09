import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { loadDemo } from '../../src/app/demo/demo.service';
import { createFact } from '../../src/app/facts/facts.service';
import { loadMetricTable, metricKey } from '../../src/app/metrics/metric-table';
import { resolveWindow } from '../../src/domain/metrics/window-range';
import { windowSumsFromFacts, windowSumsFromRollups } from '../../src/store/metrics/window-sums';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

describeEachEngine('metric sums', ({ deps, engine }) => {
  it('rollups and a rescan of the raw facts agree on every window', async () => {
    await loadDemo(deps(), { customers: 400, seed: 7, asOf: '2026-11-30', ctx: systemCtx() });
    for (const window of [
      { kind: 'last_n_months', months: 12 } as const,
      { kind: 'last_n_months', months: 3 } as const,
      { kind: 'calendar_year', offset: -1 } as const,
      { kind: 'all_time' } as const,
    ]) {
      const r = resolveWindow(window, '2026-11-30');
      const fromRollups = await windowSumsFromRollups(deps().store.db, r.fromMonth, r.toMonth);
      const fromFacts = await windowSumsFromFacts(deps().store.db, engine, r.fromMonth, r.toMonth);
      expect(fromRollups.length).toBeGreaterThan(100);
      expect(fromRollups).toEqual(fromFacts);
    }
  }, 120_000);

  it('computes catalog metrics per customer at an as-of date', async () => {
    const sys = systemCtx();
    const c = await createCustomer(deps(), sys, customerInput({ tags: ['战略'] }));
    await createFact(deps(), sys, 'orders', c.id, {
      orderNo: `MT-${c.id}-1`,
      orderedOn: '2026-03-10',
      amount: '1000',
      cost: '700',
    });
    await createFact(deps(), sys, 'orders', c.id, {
      orderNo: `MT-${c.id}-2`,
      orderedOn: '2026-09-10',
      amount: '500',
    });
    await createFact(deps(), sys, 'orders', c.id, {
      orderNo: `MT-${c.id}-0`,
      orderedOn: '2025-06-01',
      amount: '750',
    });
    await createFact(deps(), sys, 'payments', c.id, {
      invoiceNo: `MT-I-${c.id}-1`,
      amount: '1000',
      dueOn: '2026-04-10',
      paidOn: '2026-04-01',
    });
    await createFact(deps(), sys, 'payments', c.id, {
      invoiceNo: `MT-I-${c.id}-2`,
      amount: '500',
      dueOn: '2026-10-10',
    });
    await createFact(deps(), sys, 'surveys', c.id, { answeredOn: '2026-05-01', score: 4 });
    await createFact(deps(), sys, 'surveys', c.id, { answeredOn: '2026-06-01', score: 5 });
    const w = { kind: 'last_n_months', months: 12 } as const;
    const req = (metric: string, window?: typeof w) => ({
      key: metricKey(metric, window),
      metric,
      ...(window ? { window } : {}),
    });
    const table = await loadMetricTable(
      deps(),
      [
        req('revenue', w),
        req('profit', w),
        req('margin_rate', w),
        req('order_count', w),
        req('avg_order_value', w),
        req('growth_rate', w),
        req('on_time_payment_rate', w),
        req('collection_rate', w),
        req('avg_satisfaction', w),
        req('days_since_last_order'),
        req('days_overdue'),
        req('tag:战略'),
      ],
      '2026-11-30',
    );
    const i = [...table.ids].indexOf(c.id);
    const v = (metric: string, window?: typeof w) =>
      table.values.get(metricKey(metric, window))![i];
    expect(v('revenue', w)).toBe(1500);
    expect(v('profit', w)).toBe(300);
    expect(v('margin_rate', w)).toBeCloseTo(30);
    expect(v('order_count', w)).toBe(2);
    expect(v('avg_order_value', w)).toBe(750);
    expect(v('growth_rate', w)).toBeCloseTo(100);
    expect(v('on_time_payment_rate', w)).toBe(50);
    expect(v('collection_rate', w)).toBeCloseTo(66.667, 2);
    expect(v('avg_satisfaction', w)).toBe(4.5);
    expect(v('days_since_last_order')).toBe(81);
    expect(v('days_overdue')).toBe(51);
    expect(v('tag:战略')).toBe(1);
  });
});
