import { type Ctx, systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { createFact } from '../../src/app/facts/facts.service';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier, upsertSchemeDocument } from '../../src/app/tiering/schemes.service';
import { customerInput } from '../factories/customers';
import { revenueScheme } from '../factories/schemes';

/**
 * The data the report tests read, all in 2024–2025 so no figure depends on today:
 * - A (华东): 2025-03-10 ¥1000 (cost 600), 2025-06-03 ¥500 (cost 200), a repair ticket 2025-06-04;
 * - B (华东): 2025-05-28 ¥300 (cost 100), 2025-06-05 ¥200 (no cost);
 * - C (华北): 2025-06-04 ¥100 (cost 50), its first order; a complaint ticket 2025-06-06;
 * - D (华北): no order.
 * The week 2025-06-02…08 (reported on Monday 2025-06-09) has 3 orders, ¥800, profit ¥350,
 * one first-time buyer (C) and 2 tickets (1 complaint); the week before has B's ¥300 order.
 * Over 2024-07…2025-06 revenue is A 150000, B 50000, C 10000 fen (Gini 4/9, top 20 % = 5/7).
 * A revenue scheme (quotas 20/30/50, the service tier) is run as of 2025-05-31 and published
 * from 2025-06-01.
 */
export async function seedReportData(deps: Deps, ctx: Ctx = systemCtx()) {
  const mk = (region: string, code: string) =>
    createCustomer(deps, ctx, customerInput({ region, code, name: `报告客户${code}` }));
  const a = await mk('华东', 'RPT-A');
  const b = await mk('华东', 'RPT-B');
  const c = await mk('华北', 'RPT-C');
  const d = await mk('华北', 'RPT-D');
  const order = (id: number, no: string, on: string, amount: string, cost?: string) =>
    createFact(deps, ctx, 'orders', id, {
      orderNo: no,
      orderedOn: on,
      amount,
      ...(cost ? { cost } : {}),
    });
  await order(a.id, 'RPT-1', '2025-03-10', '1000', '600');
  await order(a.id, 'RPT-2', '2025-06-03', '500', '200');
  await order(b.id, 'RPT-3', '2025-05-28', '300', '100');
  await order(b.id, 'RPT-4', '2025-06-05', '200');
  await order(c.id, 'RPT-5', '2025-06-04', '100', '50');
  const ticket = (customerId: number, category: string, at: string) =>
    deps.store.db
      .insertInto('tickets')
      .values({
        customer_id: customerId,
        subject: `report ${category}`,
        category,
        level: 2,
        status: 'resolved',
        opened_at: at,
        created_at: at,
        first_replied_at: new Date(Date.parse(at) + 30 * 60_000).toISOString(),
        resolved_at: new Date(Date.parse(at) + 120 * 60_000).toISOString(),
      })
      .execute();
  await ticket(a.id, 'repair', '2025-06-04T02:00:00.000Z');
  await ticket(c.id, 'complaint', '2025-06-06T03:00:00.000Z');

  const version = await upsertSchemeDocument(deps, ctx, revenueScheme('report-service'));
  await markServiceTier(deps, ctx, version.schemeId);
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2025-05-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2025-06-01' });
  return { a, b, c, d, schemeId: version.schemeId, run };
}
