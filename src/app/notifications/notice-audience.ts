import type { Kysely } from 'kysely';
import { customerFilterOf, filterAllows } from '../../domain/auth/customer-scope';
import { isRowScope } from '../../domain/auth/row-scope';
import type { DB } from '../../store/schema';

/**
 * Of the users to be told about a customer, those whose row scope includes the customer. A
 * notice names the customer (code, name, ticket subject), so a user who may not see the customer
 * is not told of it; unknown users and an unknown customer leave nobody but unscoped users.
 * One small query for the users; the customer is read only when a recipient is scoped.
 */
export async function usersWhoSeeCustomer(
  db: Kysely<DB>,
  userIds: readonly number[],
  customerId: number,
): Promise<number[]> {
  if (userIds.length === 0) return [];
  const users = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select(['u.id', 'u.region', 'u.team', 'r.row_scope'])
    .where('u.id', 'in', [...userIds])
    .execute();
  const scoped = users.filter((u) => u.row_scope !== 'all');
  if (scoped.length === 0) return users.map((u) => Number(u.id));
  const c = await db
    .selectFrom('customers as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .select(['c.owner_id', 'c.region', 'o.team as owner_team'])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  return users
    .filter((u) => {
      if (u.row_scope === 'all') return true;
      if (!c) return false;
      const filter = customerFilterOf({
        id: Number(u.id),
        // An unreadable scope narrows to the user's own customers, never widens.
        rowScope: isRowScope(u.row_scope) ? u.row_scope : 'own',
        team: u.team,
        region: u.region,
      });
      return filterAllows(filter, {
        ownerId: c.owner_id === null ? null : Number(c.owner_id),
        region: c.region,
        ownerTeam: c.owner_team,
      });
    })
    .map((u) => Number(u.id));
}
