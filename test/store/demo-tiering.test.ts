import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoFrontline } from '../../src/app/demo/demo-frontline';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import { frontlineCard } from '../../src/app/frontline/card.service';
import { getCycle } from '../../src/app/review/cycles.service';
import { backfillTicketClocks } from '../../src/app/sla/ticket-sla-backfill';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

describeEachEngine('demo tiers on first start', ({ deps }) => {
  const ctx: Ctx = systemCtx();
  let seeded: { schemeId: number; cycleId: number };
  beforeAll(async () => {
    await loadDemo(deps(), { customers: 300, seed: 3, asOf: '2026-11-30', ctx });
    seeded = await seedDemoTiering(deps(), '2026-11-30', () => {});
  }, 120_000);

  it('publishes last year’s ABCD tiers as the service tier and opens this year’s review', async () => {
    const db = deps().store.db;
    const scheme = await db
      .selectFrom('schemes')
      .select(['key', 'service_tier'])
      .where('id', '=', seeded.schemeId)
      .executeTakeFirstOrThrow();
    expect(scheme).toMatchObject({ key: 'abcd', service_tier: 1 });
    const tiers = await db
      .selectFrom('customer_tiers')
      .select(['tier', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('scheme_id', '=', seeded.schemeId)
      .groupBy('tier')
      .execute();
    expect(tiers.map((t) => t.tier).sort()).toEqual(['A', 'B', 'C', 'D']);
    const history = await db
      .selectFrom('tier_history')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(tiers.reduce((s, t) => s + Number(t.n), 0));
    const cycle = await getCycle(deps(), ctx, seeded.cycleId);
    expect(cycle).toMatchObject({ status: 'open', currentStep: 0, asOf: '2026-11-30' });
    expect(cycle.progress.total).toBeGreaterThan(0);
  });

  it('gives the front-line card contacts with phones and hand-set tags, once', async () => {
    expect(await seedDemoFrontline(deps())).toBe(60);
    expect(await seedDemoFrontline(deps())).toBe(0);
    const agent = roleCtx('service_agent');
    const card = await frontlineCard(deps(), agent, { phone: '138 0013 8000' });
    expect(card.tags.map((t) => t.key)).toContain('key_person');
    expect(card.tier?.tier).toMatch(/^[ABCD]$/);
    const blacklisted = await frontlineCard(deps(), agent, { phone: '13800138007' });
    expect(blacklisted.tags[0]?.key).toBe('blacklist');
  });

  it('gives the demo’s open tickets SLA clocks, once', async () => {
    const db = deps().store.db;
    // A ticket written the way bulk loads write them (no clock), opened on the as-of date.
    const customer = await db
      .selectFrom('customers')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('tickets')
      .values({
        customer_id: customer.id,
        subject: '报修：设备故障',
        category: 'repair',
        level: 2,
        status: 'open',
        opened_at: '2026-11-30T02:00:00.000Z',
        closed_at: null,
        created_at: '2026-11-30T02:00:00.000Z',
      })
      .execute();
    const open = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', 'not in', ['resolved', 'confirmed', 'closed'])
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBeGreaterThan(0);
    expect(await backfillTicketClocks(deps(), () => {}, 7)).toBe(Number(open.n));
    expect(await backfillTicketClocks(deps())).toBe(0);
    const clocks = await db
      .selectFrom('ticket_slas')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(clocks.n)).toBe(Number(open.n));
  });
});
