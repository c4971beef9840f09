import { describe, expect, it } from 'vitest';
import { customerFilterOf, filterAllows } from '../../src/domain/auth/customer-scope';

describe('customer filter of an actor', () => {
  const user = { id: 7, team: 'north', region: '华东' };

  it('follows the role’s scope, and narrows to own when the team or region is missing', () => {
    expect(customerFilterOf({ ...user, rowScope: 'all' })).toEqual({ kind: 'all' });
    expect(customerFilterOf({ ...user, rowScope: 'own' })).toEqual({ kind: 'own', userId: 7 });
    expect(customerFilterOf({ ...user, rowScope: 'team' })).toEqual({
      kind: 'team',
      team: 'north',
      userId: 7,
    });
    expect(customerFilterOf({ ...user, rowScope: 'region' })).toEqual({
      kind: 'region',
      region: '华东',
      userId: 7,
    });
    expect(customerFilterOf({ ...user, team: ' ', rowScope: 'team' })).toEqual({
      kind: 'own',
      userId: 7,
    });
    expect(customerFilterOf({ ...user, region: null, rowScope: 'region' })).toEqual({
      kind: 'own',
      userId: 7,
    });
    // A scoped actor without a user id sees nothing rather than everything.
    expect(customerFilterOf({ id: null, team: null, region: null, rowScope: 'own' })).toEqual({
      kind: 'none',
    });
  });

  it('lets through exactly the customers of the scope', () => {
    const mine = { ownerId: 7, region: '华南', ownerTeam: 'north' };
    const teammate = { ownerId: 8, region: '华南', ownerTeam: 'north' };
    const east = { ownerId: 9, region: '华东', ownerTeam: 'south' };
    const own = customerFilterOf({ ...user, rowScope: 'own' });
    const team = customerFilterOf({ ...user, rowScope: 'team' });
    const region = customerFilterOf({ ...user, rowScope: 'region' });
    expect([mine, teammate, east].map((c) => filterAllows(own, c))).toEqual([true, false, false]);
    expect([mine, teammate, east].map((c) => filterAllows(team, c))).toEqual([true, true, false]);
    expect([mine, teammate, east].map((c) => filterAllows(region, c))).toEqual([true, false, true]);
  });
});
