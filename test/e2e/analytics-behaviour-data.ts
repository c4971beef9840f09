import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { refreshRollups } from '../../src/store/metrics/rollups';
import { customerInput } from '../factories/customers';

/**
 * Period 2025-01…2025-06 (stages on 2025-06-30), previous period 2024-07…2024-12. Amounts in
 * fen. Axes in the thresholds tests: revenue (100 / 500 yuan) × orders (2 / 4).
 *
 *        previous period              this period                      cell then → now
 * c1  2024-08-15 600 yuan        5 × 200 yuan (Jan–May 10th)        A3 → A1   active
 * c2  Nov 1, Dec 1 × 100         Jan 1, Feb 1 × 100                 B2 → B2   at risk (149 d / 30.67)
 * c3  —                          Jun 20 50                          — → C3    new
 * c4  Sep 1/15, Oct 1/15 × 200   —                                  A1 → —    churned
 * c5  Oct/Nov/Dec 5th × 30       Mar 1/15, Apr 1/15 × 150           C2 → A1   silent (76 d / 32)
 * c6  —  (华北)                  Feb 20 1000                        — → A3    at risk (fallback)
 * c7  —                          —                                  not counted
 * c8  —                          Jan 5, Mar 5 × 80                  — → B2    active (117 d / 59)
 * c9  —                          Jan 20, Feb 20 × 40                — → C2    at risk (130 d / 31)
 */
export const BEHAVIOUR_ORDERS: Record<string, [string, number][]> = {
  c1: [
    ['2024-08-15', 60000],
    ['2025-01-10', 20000],
    ['2025-02-10', 20000],
    ['2025-03-10', 20000],
    ['2025-04-10', 20000],
    ['2025-05-10', 20000],
  ],
  c2: [
    ['2024-11-01', 10000],
    ['2024-12-01', 10000],
    ['2025-01-01', 10000],
    ['2025-02-01', 10000],
  ],
  c3: [['2025-06-20', 5000]],
  c4: [
    ['2024-09-01', 20000],
    ['2024-09-15', 20000],
    ['2024-10-01', 20000],
    ['2024-10-15', 20000],
  ],
  c5: [
    ['2024-10-05', 3000],
    ['2024-11-05', 3000],
    ['2024-12-05', 3000],
    ['2025-03-01', 15000],
    ['2025-03-15', 15000],
    ['2025-04-01', 15000],
    ['2025-04-15', 15000],
  ],
  c6: [['2025-02-20', 100000]],
  c7: [],
  c8: [
    ['2025-01-05', 8000],
    ['2025-03-05', 8000],
  ],
  c9: [
    ['2025-01-20', 4000],
    ['2025-02-20', 4000],
  ],
};

/**
 * Customers c1…c9 (codes NG-c1 …) with the orders above, their monthly rollups, four tickets
 * of tiers A and B in the period (one before it) and five survey answers. Returns the ids.
 */
export async function seedBehaviour(deps: Deps): Promise<Record<string, number>> {
  const db = deps.store.db;
  const ids: Record<string, number> = {};
  let no = 0;
  for (const [key, orders] of Object.entries(BEHAVIOUR_ORDERS)) {
    const c = await createCustomer(
      deps,
      systemCtx(),
      customerInput({ code: `NG-${key}`, region: key === 'c6' ? '华北' : '华东' }),
    );
    ids[key] = c.id;
    for (const [on, amount] of orders) {
      no++;
      await db
        .insertInto('orders')
        .values({
          customer_id: c.id,
          order_no: `SO-${no}`,
          ordered_on: on,
          amount_minor: amount,
          cost_minor: Math.round(amount * 0.75),
          currency: 'CNY',
          category: null,
          channel: null,
          rush: 0,
          created_at: `${on}T02:00:00.000Z`,
        })
        .execute();
    }
  }
  await refreshRollups(db, deps.store.engine);
  // Service: tickets with their SLA clock rows (tier A / B) and survey answers.
  const tickets: [string, string, string, number | null, number | null, number | null][] = [
    // customer, tier, opened, first reply after (min), resolved after (min), resolution met
    ['c1', 'A', '2025-02-03T02:00:00.000Z', 30, 120, 1],
    ['c2', 'A', '2025-03-10T02:00:00.000Z', 90, null, null],
    ['c5', 'B', '2025-03-12T02:00:00.000Z', 60, 300, 1],
    ['c6', 'B', '2025-05-02T02:00:00.000Z', 10, null, null],
    ['c1', 'A', '2024-12-15T02:00:00.000Z', 5, 10, 1],
  ];
  const plus = (at: string, min: number | null) =>
    min === null ? null : new Date(Date.parse(at) + min * 60_000).toISOString();
  for (const [key, tier, opened, reply, resolved, resMet] of tickets) {
    const row = await db
      .insertInto('tickets')
      .values({
        customer_id: ids[key]!,
        subject: 'analytics',
        category: 'repair',
        level: 2,
        status: resolved === null ? 'open' : 'resolved',
        opened_at: opened,
        created_at: opened,
        first_replied_at: plus(opened, reply),
        resolved_at: plus(opened, resolved),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('ticket_slas')
      .values({
        ticket_id: Number(row.id),
        tier,
        first_reply_met: key === 'c2' ? 0 : 1,
        resolution_met: resMet,
        recomputed_at: opened,
        reason: 'created',
      })
      .execute();
  }
  const surveys: [string, string, number][] = [
    ['c1', '2025-02-10', 5],
    ['c2', '2025-03-20', 3],
    ['c5', '2025-03-25', 4],
    ['c6', '2025-05-10', 2],
    ['c1', '2025-04-01', 4],
  ];
  for (const [key, on, score] of surveys) {
    await db
      .insertInto('survey_responses')
      .values({ customer_id: ids[key]!, answered_on: on, score, created_at: `${on}T08:00:00Z` })
      .execute();
  }
  return ids;
}
