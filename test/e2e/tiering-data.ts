import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { createFact } from '../../src/app/facts/facts.service';
import { findRun } from '../../src/store/tiering/runs.repository';
import { lockVersion } from '../../src/store/tiering/schemes.repository';

/**
 * Last year's revenue per seeded customer (yuan), spread wide so a revenue ranking puts every
 * customer in a distinct place; KH-1007 (an individual) and KH-1010 (internal) buy nothing and
 * are outside the abcd template's segment anyway.
 */
const REVENUE: Record<string, number[]> = {
  'KH-1001': [480_000, 520_000],
  'KH-1002': [150_000, 90_000],
  'KH-1003': [900_000, 700_000, 400_000],
  'KH-1004': [45_000],
  'KH-1005': [220_000, 130_000],
  'KH-1006': [60_000, 35_000],
  'KH-1008': [610_000, 380_000],
  'KH-1009': [28_000],
  'KH-1011': [95_000, 75_000],
  'KH-1012': [330_000, 260_000],
};

/**
 * A day in December of last year: inside "the previous calendar year" (the abcd template's
 * window) and, for most of this year, inside the last 12 months (the money shares' window).
 */
function lastDecember(day: number): string {
  return `${new Date().getFullYear() - 1}-12-${String(day).padStart(2, '0')}`;
}

/**
 * Records last December's orders for the customers of seedWebData, so the abcd template's
 * scores (sales scale by revenue, ties by revenue) give them different tiers.
 */
export async function seedTieringOrders(deps: Deps, ids: Map<string, number>): Promise<void> {
  const ctx = systemCtx();
  let n = 0;
  for (const [code, amounts] of Object.entries(REVENUE)) {
    const customerId = ids.get(code);
    if (!customerId) throw new Error(`no customer ${code}`);
    for (const [i, amount] of amounts.entries()) {
      n += 1;
      await createFact(deps, ctx, 'orders', customerId, {
        orderNo: `SO-T${String(n).padStart(4, '0')}`,
        orderedOn: lastDecember(1 + i),
        amount: amount.toFixed(2),
        cost: (amount * 0.75).toFixed(2),
      });
    }
  }
}

/**
 * Stands in for the review step that is not built yet: locks the run's scheme version, as a
 * published result does, so the next edit of the scheme becomes a new version.
 */
export async function lockRunVersion(deps: Deps, runId: number): Promise<void> {
  const run = await findRun(deps.store.db, runId);
  if (!run) throw new Error(`no run ${runId}`);
  await lockVersion(deps.store.db, run.schemeVersionId);
}
