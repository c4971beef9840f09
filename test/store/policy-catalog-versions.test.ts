import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { getCatalog, saveCatalog } from '../../src/app/policy/catalog.service';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { DomainError } from '../../src/domain/errors';
import {
  findOrderRequest,
  insertOrderRequest,
  updateOrderStatus,
} from '../../src/store/orders/order-requests.repository';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

describeEachEngine('policy catalog versions and the order queue store', ({ deps }) => {
  const ctx = systemCtx();
  let schemeId = 0;

  beforeAll(async () => {
    forgetCatalogs();
    schemeId = (await createFromTemplate(deps(), ctx, 'abcd')).version.schemeId;
  });

  it('lets exactly one of two saves racing from the same base win', async () => {
    const { catalog } = await getCatalog(deps(), ctx, schemeId);
    const results = await Promise.allSettled(
      [-4, -6].map((floor) => {
        const c = structuredClone(catalog);
        (c.tiers[0] as { priceFloorPct: number }).priceFloorPct = floor;
        return saveCatalog(deps(), ctx, schemeId, { catalog: c, baseVersion: null });
      }),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(DomainError);
    expect((reason as DomainError).code).toBe('CONFLICT');
    const rows = await deps()
      .store.db.selectFrom('tier_policy_versions')
      .select('version')
      .where('scheme_id', '=', schemeId)
      .execute();
    expect(rows.map((r) => Number(r.version))).toEqual([1]);
    const audits = await deps()
      .store.db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'policy.save')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('stores orders in minor units and moves them only from the version read', async () => {
    const c = await createCustomer(deps(), ctx, customerInput());
    const id = await insertOrderRequest(deps().store.db, {
      customerId: c.id,
      schemeId,
      catalogVersion: 1,
      lines: [{ product: 'P', quantity: 3, internalPriceMinor: 9_007_199_254 }],
      internalTotalMinor: 27_021_597_762,
      requestedTotalMinor: 27_021_597_762,
      floorTotalMinor: 25_670_517_874,
      discountPct: 0,
      paymentTerm: 'cod_or_30',
      deliveryDate: '2027-01-15',
      rush: true,
      tier: 'B',
      score: 71.5,
      priority: 4,
      review: 'standard',
      note: null,
      createdBy: null,
      now: '2026-11-27T08:00:00.000Z',
    });
    const o = await findOrderRequest(deps().store.db, id);
    expect(o).toMatchObject({
      internalTotalMinor: 27_021_597_762,
      deliveryDate: '2027-01-15',
      rush: true,
      score: 71.5,
      status: 'queued',
      version: 1,
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    const now = '2026-11-27T09:00:00.000Z';
    expect(await updateOrderStatus(deps().store.db, id, 1, 'in_production', now)).toBe(true);
    expect(await updateOrderStatus(deps().store.db, id, 1, 'done', now)).toBe(false);
    expect(await findOrderRequest(deps().store.db, id)).toMatchObject({
      status: 'in_production',
      version: 2,
    });
  });
});
