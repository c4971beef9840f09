import { describe, expect, it } from 'vitest';
import {
  type AssignCustomer,
  suggestAssignments,
  tierWeight,
} from '../../src/domain/accounts/assignment';

const cust = (
  customerId: number,
  model: AssignCustomer['model'],
  weight: number,
  region: string | null = '华东',
): AssignCustomer => ({ customerId, tier: null, region, model, weight });

describe('assignment suggestions by account model and load', () => {
  it('weighs customers by planned visits, at least one', () => {
    expect([tierWeight(4), tierWeight(2), tierWeight(0), tierWeight(undefined)]).toEqual([
      4, 2, 1, 1,
    ]);
  });

  it('balances by weighted load, heaviest first, in the customer’s region', () => {
    // am 1 carries 4 already, am 2 carries 0; the sales manager (3) leads the East team.
    const s = suggestAssignments(
      [
        cust(11, 'dedicated', 4),
        cust(12, 'dedicated', 4),
        cust(13, 'team', 2),
        cust(14, 'team', 2),
      ],
      [
        { userId: 1, roleId: 'account_manager', region: '华东', load: 4 },
        { userId: 2, roleId: 'account_manager', region: '华东', load: 0 },
        { userId: 3, roleId: 'sales_manager', region: '华东', load: 5 },
        { userId: 4, roleId: 'account_manager', region: '华南', load: 0 },
      ],
    );
    // 11 → 2 (0→4); 12 → 1 (4 vs 4, lower id → 1: 8); 13 (team) → 2 (4, vs 8 and 5 → 6);
    // 14 → 3 (loads 8, 6, 5 → sales manager at 5 → 7).
    expect(s.assignments).toEqual([
      { customerId: 11, ownerId: 2 },
      { customerId: 12, ownerId: 1 },
      { customerId: 13, ownerId: 2 },
      { customerId: 14, ownerId: 3 },
    ]);
    expect(s.loads.get(4)).toBe(0);
    expect(s.unassigned).toEqual([]);
  });

  it('keeps pooled customers in the pool and reports customers no one can take', () => {
    const s = suggestAssignments(
      [cust(21, 'pooled', 1), cust(22, 'dedicated', 4, '西北'), cust(23, null, 1)],
      [{ userId: 1, roleId: 'account_manager', region: '华东', load: 0 }],
    );
    expect(s.assignments).toEqual([]);
    expect(s.unassigned).toEqual([
      { customerId: 22, reason: 'no_candidate' },
      { customerId: 21, reason: 'pooled' },
      { customerId: 23, reason: 'pooled' },
    ]);
  });

  it('gives dedicated customers only account managers', () => {
    const s = suggestAssignments(
      [cust(31, 'dedicated', 4)],
      [{ userId: 3, roleId: 'sales_manager', region: '华东', load: 0 }],
    );
    expect(s.unassigned).toEqual([{ customerId: 31, reason: 'no_candidate' }]);
  });
});
