import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import {
  releaseUses,
  reserveUses,
  usedInPeriods,
} from '../../src/store/entitlements/entitlement-balances.repository';
import { insertUse, markVoided } from '../../src/store/entitlements/entitlement-uses.repository';
import { isUniqueViolation } from '../../src/store/errors';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const NOW = '2026-11-27T02:00:00.000Z';

describeEachEngine('entitlement quota in the store', ({ deps }) => {
  let customerId = 0;
  beforeAll(async () => {
    customerId = (await createCustomer(deps(), systemCtx(), customerInput())).id;
  });

  /** One use the way the service records it: reserve, then insert, in one transaction. */
  const take = (key: string, quota: number | null, quantity = 1) =>
    deps()
      .store.db.transaction()
      .execute(async (trx) => {
        const used = await reserveUses(trx, {
          customerId,
          key,
          periodKey: '2026',
          quantity,
          quota,
          now: NOW,
        });
        if (used === null) return null;
        await insertUse(trx, {
          customer_id: customerId,
          entitlement_key: key,
          period_key: '2026',
          quantity,
          used_at: NOW,
        });
        return used;
      });

  it('gives exactly the quota to 20 transactions racing for 5 uses', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => take('lounge', 5)));
    expect(results.filter((r) => r !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    const used = await usedInPeriods(deps().store.db, customerId, [
      { key: 'lounge', periodKey: '2026' },
    ]);
    expect(used.get('lounge')).toBe(5);
    const rows = await deps()
      .store.db.selectFrom('entitlement_uses')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('entitlement_key', '=', 'lounge')
      .execute();
    expect(rows).toHaveLength(5);
  });

  it('refuses a quantity beyond the balance, counts unlimited ones, and never releases below zero', async () => {
    expect(await take('sim', 2, 3)).toBeNull();
    expect(await take('sim', 2, 2)).toBe(2);
    expect(await take('support', null, 1000)).toBe(1000);
    await releaseUses(deps().store.db, {
      customerId,
      key: 'sim',
      periodKey: '2026',
      quantity: 5,
      now: NOW,
    });
    const used = await usedInPeriods(deps().store.db, customerId, [
      { key: 'sim', periodKey: '2026' },
      { key: 'support', periodKey: '2026' },
    ]);
    expect(Object.fromEntries(used)).toEqual({ sim: 0, support: 1000 });
  });

  it('refuses a second use of a never-repeated choice until the first is voided', async () => {
    const gift = (choice: string) =>
      insertUse(deps().store.db, {
        customer_id: customerId,
        entitlement_key: 'gift',
        period_key: '2026',
        quantity: 1,
        choice,
        repeat_guard: choice,
        used_at: NOW,
      });
    const first = await gift('flowers');
    const again = await gift('flowers').catch((e: unknown) => e);
    expect(isUniqueViolation(again)).toBe(true);
    expect(await gift('cushion')).toBeGreaterThan(first);
    expect(
      await markVoided(deps().store.db, first, { by: null, reason: 'wrong customer', now: NOW }),
    ).toBe(true);
    expect(await markVoided(deps().store.db, first, { by: null, reason: 'twice', now: NOW })).toBe(
      false,
    );
    expect(await gift('flowers')).toBeGreaterThan(first);
  });
});
