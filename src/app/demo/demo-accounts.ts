import { monthOf, monthStart } from '../../domain/accounts/month';
import { hasMonthPlan, monthPlan } from '../../store/accounts/visit-plans.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import { generateVisitPlans } from '../accounts/visit-plans.service';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import { systemCtx } from '../context';
import type { Deps } from '../deps';

/** A fixed scramble of the customer id, so the demo visits the same customers every time. */
function draw(customerId: number): number {
  return ((customerId * 2654435761) >>> 0) % 100;
}

/**
 * Gives the demo's account dashboard something to show on first start: this month's visit
 * plans and visits to about two thirds of the priority customers, dated between the 1st and
 * today. Deterministic, and idempotent: a month that already has a plan is left alone. Needs
 * the demo tiers published first (returns null without a service-tier scheme).
 */
export async function seedDemoAccounts(
  deps: Deps,
  log: (msg: string) => void = () => {},
): Promise<{ month: string; lines: number; visits: number } | null> {
  const ctx = systemCtx('demo');
  if ((await serviceTierSchemeId(deps.store.db)) === undefined) return null;
  const today = businessToday(deps, ctx);
  const month = monthOf(today);
  if (await hasMonthPlan(deps.store.db, month)) return null;
  const plan = await generateVisitPlans(deps, ctx, { month });
  const lines = (await monthPlan(deps.store.db, month)).filter(
    (l) => l.priority && l.ownerId !== null && draw(l.customerId) < 66,
  );
  const days = Number(today.slice(8, 10));
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < lines.length; i += 500) {
      await trx
        .insertInto('visits')
        .values(
          lines.slice(i, i + 500).map((l) => ({
            customer_id: l.customerId,
            user_id: l.ownerId,
            visited_on: `${monthStart(month).slice(0, 8)}${String((l.customerId % days) + 1).padStart(2, '0')}`,
            purpose: '例行拜访',
            notes: null,
            created_at: now,
          })),
        )
        .execute();
    }
    await refreshRollups(
      trx,
      deps.store.engine,
      lines.map((l) => l.customerId),
    );
    await writeAudit(trx, ctx, {
      action: 'demo.visits',
      entity: 'visit_plans',
      entityId: month,
      after: { month, visits: lines.length },
    });
  });
  log(`  Demo visit plans for ${month}: ${plan.lines} lines, ${lines.length} visits logged.`);
  return { month, lines: plan.lines, visits: lines.length };
}
