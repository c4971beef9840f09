import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { createCycle } from '../../src/app/review/cycles.service';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { Flag } from '../../src/domain/evaluation/plan';
import { revenueScheme } from '../factories/schemes';
import { describeEachEngine } from '../support/engines';

const scheme = revenueScheme('provisional-abc', {
  thresholds: [80, 40],
  extra: { provisional: { minTenureMonths: 6 } },
});

describeEachEngine('provisional tiers in the next interim review', ({ deps }) => {
  const ctx: Ctx = { ...systemCtx(), now: () => new Date('2026-11-25T04:00:00Z') };
  let schemeId = 0;
  let provisional = new Set<number>();

  beforeAll(async () => {
    await loadDemo(deps(), { customers: 200, seed: 13, asOf: '2026-11-30', ctx });
    const v = await createScheme(deps(), ctx, scheme);
    schemeId = v.schemeId;
    // Early in the demo period many customers are under six months old: provisional.
    const first = await runTiering(deps(), ctx, { schemeVersionId: v.id, asOf: '2024-03-31' });
    await publishRun(deps(), ctx, first.runId, { effectiveFrom: '2024-04-01' });
    const rows = await deps()
      .store.db.selectFrom('tier_results')
      .select(['customer_id', 'flags'])
      .where('run_id', '=', first.runId)
      .execute();
    provisional = new Set(
      rows
        .filter((r) => (Number(r.flags) & Flag.provisional) !== 0)
        .map((r) => Number(r.customer_id)),
    );
  }, 120_000);

  it('puts customers whose provisional period ended into an interim cycle, whatever its scope', async () => {
    expect(provisional.size).toBeGreaterThan(0);
    const cycle = await createCycle(deps(), ctx, {
      name: '2026 临时评审',
      kind: 'interim',
      schemeId,
      asOf: '2026-11-20',
      deadline: '2026-12-31',
      // A scope that selects nobody: only the customers come due are in the cycle.
      scope: { region: '无此区域' },
    });
    const rows = await deps()
      .store.db.selectFrom('review_proposals')
      .select('customer_id')
      .where('cycle_id', '=', cycle.id)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(provisional.has(Number(r.customer_id))).toBe(true);

    // An annual cycle with the same scope takes no one in.
    const annual = await createCycle(deps(), ctx, {
      name: '2026 年度评审',
      kind: 'annual',
      schemeId,
      asOf: '2026-11-20',
      deadline: '2026-12-31',
      scope: { region: '无此区域' },
    });
    expect(annual.progress.total).toBe(0);
  });
});
