import { expect, it } from 'vitest';
import { customerColumns } from '../../src/app/analytics/customer-columns';
import { drillExport, drillPage } from '../../src/app/analytics/drill';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createFact } from '../../src/app/facts/facts.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const PERIOD = { from: '2026-01', to: '2026-12', months: 12 };

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describeEachEngine('analytics customer columns', ({ deps }) => {
  it('sums the period from the rollups, spans orders to its end, and filters who counts', async () => {
    const sys = systemCtx();
    const mk = (over: Parameters<typeof customerInput>[0]) =>
      createCustomer(deps(), sys, customerInput({ region: '西北测试', ...over }));
    const a = await mk({ industry: '零售' });
    const b = await mk({ industry: '制造业' });
    const other = await mk({ region: '东北测试' });
    const order = (id: number, no: string, on: string, amount: string, cost?: string) =>
      createFact(deps(), sys, 'orders', id, {
        orderNo: no,
        orderedOn: on,
        amount,
        ...(cost ? { cost } : {}),
      });
    await order(a.id, 'AC-1', '2025-12-20', '100');
    await order(a.id, 'AC-2', '2026-03-01', '1000', '600');
    await order(a.id, 'AC-3', '2026-07-15', '500');
    await order(a.id, 'AC-4', '2027-01-05', '9999');
    await order(b.id, 'AC-5', '2026-02-02', '300', '100');
    await order(other.id, 'AC-6', '2026-02-02', '7000');

    const cols = await customerColumns(deps(), systemCtx(), { region: '西北测试' }, PERIOD);
    expect([...cols.ids]).toEqual([a.id, b.id]);
    expect([...cols.revenue]).toEqual([150_000, 30_000]);
    // Profit counts only the orders whose cost is known: 1000 − 600 and 300 − 100.
    expect([...cols.profit]).toEqual([40_000, 20_000]);
    expect([...cols.orders]).toEqual([2, 1]);
    // The 2027 order is after the period: not in the span, not in lifetime orders.
    expect([...cols.lifetimeOrders]).toEqual([3, 1]);
    expect(cols.firstOrderOn).toEqual(['2025-12-20', '2026-02-02']);
    expect(cols.lastOrderOn).toEqual(['2026-07-15', '2026-02-02']);

    const retail = await customerColumns(
      deps(),
      systemCtx(),
      { region: '西北测试', industry: '零售' },
      PERIOD,
    );
    expect([...retail.ids]).toEqual([a.id]);
    const none = await customerColumns(deps(), systemCtx(), { region: '没有这个区域' }, PERIOD);
    expect(none.n).toBe(0);
    const picked = await customerColumns(deps(), systemCtx(), {}, PERIOD, [b.id, other.id]);
    expect([...picked.ids]).toEqual([b.id, other.id]);

    const page = await drillPage(deps(), cols, [0, 1], {
      page: 1,
      pageSize: 1,
      sort: 'revenue',
      order: 'asc',
    });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.code, r.revenueMinor, r.orders])).toEqual([[b.code, 30_000, 1]]);

    const csv = await text(
      await drillExport(deps(), cols, [0, 1], { sort: 'code', order: 'asc' }, 'csv', 'en', {
        columns: [{ key: 'seg', header: { 'zh-CN': '分群', en: 'Segment' } }],
        values: (i) => ({ seg: i === 0 ? 'champions' : 'lost' }),
      }),
    );
    const lines = csv.replace('\uFEFF', '').trim().split('\n');
    expect(lines[0]).toBe(
      'Code,Name,Region,Industry,Type,Owner,Revenue,Profit,Orders,Last order,Segment',
    );
    expect(
      lines.slice(1).map((l) => [l.split(',')[0], l.split(',')[6], l.split(',').at(-1)]),
    ).toEqual([
      [a.code, '1500', 'champions'],
      [b.code, '300', 'lost'],
    ]);
  }, 60_000);

  it('filters on the tier a scheme published, and refuses a tier filter without any scheme', async () => {
    await expect(customerColumns(deps(), systemCtx(), { tier: 'A' }, PERIOD)).rejects.toMatchObject(
      {
        code: 'VALIDATION',
        details: { issues: [{ field: 'schemeId' }] },
      },
    );
  });
});
