import { beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { usersWhoSeeCustomer } from '../../src/app/notifications/notice-audience';
import { describeEachEngine } from '../support/engines';
import { SCOPED_ROLE, type ScopeCast, seedScopeCast, setRowScope } from '../support/row-scopes';

describeEachEngine('who is told of a customer under row scopes', ({ deps }) => {
  let cast: ScopeCast;
  let everyone: number[];

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    cast = await seedScopeCast(deps(), 'NA');
    const u = cast.users;
    everyone = [u.a, u.b, u.c, u.sm, u.gm];
  });

  const told = async (code: keyof ScopeCast['customers']) =>
    (await usersWhoSeeCustomer(deps().store.db, everyone, cast.customers[code])).sort(
      (x, y) => x - y,
    );
  const sorted = (...ids: number[]) => [...ids].sort((x, y) => x - y);

  it('tells each user only of customers in their scope', async () => {
    const u = cast.users;
    // B1: am-b's, 华东. am-a (own) is not told; the 华东 sales manager and the GM are.
    expect(await told('B1')).toEqual(sorted(u.b, u.sm, u.gm));
    // C1: am-c's, 华南: only its owner and the GM.
    expect(await told('C1')).toEqual(sorted(u.c, u.gm));
    // N1: no owner, 华南: only the GM.
    expect(await told('N1')).toEqual([u.gm]);
    expect(await usersWhoSeeCustomer(deps().store.db, [], cast.customers.A1)).toEqual([]);
  });

  it('follows a team scope and leaves out everyone scoped for an unknown customer', async () => {
    const u = cast.users;
    await setRowScope(deps(), SCOPED_ROLE, 'team');
    try {
      // am-a is in team north with am-b: B1 is now theirs to hear of.
      expect(await told('B1')).toEqual(sorted(u.a, u.b, u.sm, u.gm));
      expect(await told('C1')).toEqual(sorted(u.c, u.gm));
    } finally {
      await setRowScope(deps(), SCOPED_ROLE, 'own');
    }
    expect(await usersWhoSeeCustomer(deps().store.db, everyone, 999_999)).toEqual([u.gm]);
  });
});
