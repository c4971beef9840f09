import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import {
  listOverrides,
  revokeOverride,
  setOverride,
} from '../../src/app/tiering/overrides.service';
import { getCustomerResult } from '../../src/app/tiering/results.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { createScheme } from '../../src/app/tiering/schemes.service';
import { Flag } from '../../src/domain/evaluation/plan';
import { revenueScheme } from '../factories/schemes';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

const AS_OF = '2026-11-30';
const scheme = revenueScheme('override-abc', { thresholds: [80, 40] });

describeEachEngine('manual tier overrides', ({ deps }) => {
  // A clock inside the demo period, so "expires today or later" is judged against it.
  const ctx: Ctx = { ...systemCtx(), now: () => new Date('2026-11-20T04:00:00Z') };
  let schemeId = 0;
  let versionId = 0;
  let lowest: { customerId: number } = { customerId: 0 };

  beforeAll(async () => {
    await loadDemo(deps(), { customers: 80, seed: 21, asOf: AS_OF, ctx });
    const v = await createScheme(deps(), ctx, scheme);
    schemeId = v.schemeId;
    versionId = v.id;
    await runTiering(deps(), ctx, { schemeVersionId: versionId, asOf: AS_OF });
    const c = await deps()
      .store.db.selectFrom('tier_results')
      .select('customer_id')
      .where('tier', '=', 'C')
      .orderBy('customer_id')
      .executeTakeFirstOrThrow();
    lowest = { customerId: Number(c.customer_id) };
  }, 120_000);

  it('raises a customer by hand from the next run, with its reason, approver and expiry', async () => {
    const o = await setOverride(deps(), ctx, schemeId, {
      customerId: lowest.customerId,
      tier: 'A',
      reason: '战略客户：行业影响力大',
      expiresOn: '2027-06-30',
    });
    expect(o).toMatchObject({ tier: 'A', expiresOn: '2027-06-30', revokedAt: null });
    const s = await runTiering(deps(), ctx, { schemeVersionId: versionId, asOf: AS_OF });
    const { result } = await getCustomerResult(deps(), ctx, s.runId, lowest.customerId);
    expect(result.tier).toBe('A');
    expect(result.flags & Flag.override).toBe(Flag.override);

    // A second override replaces the first; revoking it restores the computed tier.
    const second = await setOverride(deps(), ctx, schemeId, {
      customerId: lowest.customerId,
      tier: 'B',
      reason: '降为 B：影响力评估调整',
    });
    const all = await listOverrides(deps(), ctx, { customerId: lowest.customerId });
    expect(all.map((x) => [x.tier, x.revokedAt === null])).toEqual([
      ['B', true],
      ['A', false],
    ]);
    await revokeOverride(deps(), ctx, second.id, '评估结束');
    const after = await runTiering(deps(), ctx, { schemeVersionId: versionId, asOf: AS_OF });
    const back = await getCustomerResult(deps(), ctx, after.runId, lowest.customerId);
    expect(back.result.tier).toBe('C');
    expect(back.result.flags & Flag.override).toBe(0);
    await expect(revokeOverride(deps(), ctx, second.id, 'again')).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'tier_override.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'tier_override.revoke',
      'tier_override.set',
      'tier_override.set',
    ]);
  });

  it('refuses an override without a reason, with an unknown tier or a past expiry', async () => {
    const base = { customerId: lowest.customerId, tier: 'A', reason: 'why' };
    for (const [input, field] of [
      [{ ...base, reason: '  ' }, 'reason'],
      [{ ...base, tier: 'Z' }, 'tier'],
      [{ ...base, expiresOn: '2026-11-19' }, 'expiresOn'],
    ] as const) {
      await expect(setOverride(deps(), ctx, schemeId, input)).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ field })] },
      });
    }
    await expect(
      setOverride(deps(), ctx, schemeId, { ...base, customerId: 999_999 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      setOverride(deps(), roleCtx('account_manager'), schemeId, base),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
