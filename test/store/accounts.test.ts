import { beforeAll, expect, it } from 'vitest';
import { autoAssign, reassignOnDeactivation } from '../../src/app/accounts/assign.service';
import { listOwners, listPool } from '../../src/app/accounts/owners.service';
import {
  generateVisitPlans,
  listVisitPlans,
  visitCoverage,
} from '../../src/app/accounts/visit-plans.service';
import { businessToday } from '../../src/app/business-today';
import { type Ctx, systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoAccounts } from '../../src/app/demo/demo-accounts';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import { monthEnd, monthOf, monthStart } from '../../src/domain/accounts/month';
import { ownerHistory } from '../../src/store/accounts/owners.repository';
import { monthPlan, visitCounts } from '../../src/store/accounts/visit-plans.repository';
import { describeEachEngine } from '../support/engines';

describeEachEngine('account managers and visits', ({ deps }) => {
  const ctx: Ctx = systemCtx();
  let month = '';
  beforeAll(async () => {
    await loadDemo(deps(), { customers: 300, seed: 5, asOf: '2026-11-30', ctx });
    await seedDemoTiering(deps(), '2026-11-30', () => {});
    month = monthOf(businessToday(deps(), ctx));
  }, 180_000);

  it('seeds the demo month once: plans, visits and a coverage near two thirds', async () => {
    const first = await seedDemoAccounts(deps());
    expect(first?.month).toBe(month);
    expect(first?.lines).toBeGreaterThan(0);
    expect(first?.visits).toBeGreaterThan(0);
    expect(await seedDemoAccounts(deps())).toBeNull();
    const cov = await visitCoverage(deps(), ctx, { month });
    expect(cov.planGenerated).toBe(true);
    expect(cov.overall.priority).toBeGreaterThan(0);
    // Every seeded visit is to a priority customer with an owner.
    expect(cov.overall.visited).toBe(first?.visits);
    expect(cov.notVisitedTotal).toBe(cov.overall.priority - cov.overall.visited);
    const counts = await visitCounts(deps().store.db, monthStart(month), monthEnd(month));
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(first?.visits);
  });

  it('regenerates a month idempotently, planning A at 4 and B at 2 visits', async () => {
    const a = await generateVisitPlans(deps(), ctx, { month: '2026-12' });
    const b = await generateVisitPlans(deps(), ctx, { month: '2026-12' });
    expect(b).toEqual({ ...a, replaced: a.lines });
    const lines = await monthPlan(deps().store.db, '2026-12');
    expect(lines).toHaveLength(a.lines);
    for (const l of lines) {
      if (l.tier === 'A') expect([1, 4]).toContain(l.planned);
      if (l.tier === 'B') expect(l.planned).toBe(2);
      expect(['A', 'B']).toContain(l.tier);
    }
    const listed = await listVisitPlans(deps(), ctx, { month: '2026-12' });
    expect(listed.items).toHaveLength(a.lines);
    expect(listed.planned).toBe(a.planned);
  });

  it('balances customers needing an owner, all or nothing, with owner history', async () => {
    const dry = await autoAssign(deps(), ctx, { dryRun: true });
    const before = await listOwners(deps(), ctx);
    expect(before.needingOwner.total).toBe(dry.changed.length + dry.unassigned.length);
    const done = await autoAssign(deps(), ctx, {});
    expect(done.changed).toEqual(dry.changed);
    const after = await listOwners(deps(), ctx);
    expect(after.needingOwner.total).toBe(done.unassigned.length);
    const moved = done.changed[0];
    if (moved) {
      const h = await ownerHistory(deps().store.db, moved.customerId);
      expect(h[0]).toMatchObject({ toOwner: moved.toOwnerId, reason: 'auto-assigned by load' });
    }
    const pool = await listPool(deps(), ctx, { needsOwner: true });
    expect(pool.total).toBe(done.unassigned.length);
  });

  it('moves a deactivated owner’s customers and their open plans', async () => {
    const owners = await listOwners(deps(), ctx);
    const busiest = [...owners.owners]
      .filter((o) => o.roleId === 'account_manager')
      .sort((x, y) => y.customers - x.customers)[0];
    expect(busiest?.customers).toBeGreaterThan(0);
    if (!busiest) return;
    await deps()
      .store.db.updateTable('users')
      .set({ active: 0 })
      .where('id', '=', busiest.id)
      .execute();
    const r = await reassignOnDeactivation(deps(), ctx, busiest.id);
    expect(r.changed).toHaveLength(busiest.customers);
    expect(r.changed.every((c) => c.toOwnerId !== busiest.id)).toBe(true);
    const left = await deps()
      .store.db.selectFrom('customers')
      .select('id')
      .where('owner_id', '=', busiest.id)
      .execute();
    expect(left).toHaveLength(0);
    expect(await monthPlan(deps().store.db, '2026-12', busiest.id)).toHaveLength(0);
  });
});
