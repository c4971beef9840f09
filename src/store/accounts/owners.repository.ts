import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { instantText } from '../row-values';
import type { DB } from '../schema';

/** A customer as the account views need it. */
export interface AccountCustomerRow {
  id: number;
  code: string;
  name: string;
  type: string;
  region: string | null;
  ownerId: number | null;
}

/**
 * Customers the business serves: not merged away, not terminated (prospects and customers
 * being terminated are still served), within the reader's row scope when given. Ordered by id.
 */
export async function servedCustomers(
  db: Kysely<DB>,
  f: { ownerId?: number; ids?: readonly number[]; rows?: CustomerFilter } = {},
): Promise<AccountCustomerRow[]> {
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  let q = db
    .selectFrom('customers as c')
    .select(['c.id', 'c.code', 'c.name', 'c.type', 'c.region', 'c.owner_id'])
    .where('c.status', '=', 'active')
    .where('c.lifecycle_stage', '!=', 'terminated');
  if (f.ownerId !== undefined) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? [...f.ids] : [-1]);
  if (inScope) q = q.where(inScope);
  const rows = await q.orderBy('c.id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    type: r.type,
    region: r.region,
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
  }));
}

/** A user who owns customers or may own them. */
export interface OwnerUserRow {
  id: number;
  username: string;
  displayName: string;
  roleId: string;
  region: string | null;
  active: boolean;
}

/**
 * Users who may own customers (account and sales managers) plus anyone who owns some now,
 * active or not (an inactive owner's customers need a new one).
 */
export async function ownerUsers(db: Kysely<DB>): Promise<OwnerUserRow[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role_id', 'region', 'active'])
    .where((eb) =>
      eb.or([
        eb('role_id', 'in', ['account_manager', 'sales_manager']),
        eb(
          'id',
          'in',
          eb.selectFrom('customers').select('owner_id').where('owner_id', 'is not', null),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    roleId: r.role_id,
    region: r.region,
    active: Number(r.active) === 1,
  }));
}

/** One user by id or username, for owner checks. */
export async function findOwnerUser(
  db: Kysely<DB>,
  key: { id: number } | { username: string },
): Promise<OwnerUserRow | undefined> {
  let q = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role_id', 'region', 'active']);
  q = 'id' in key ? q.where('id', '=', key.id) : q.where('username', '=', key.username);
  const r = await q.executeTakeFirst();
  return r
    ? {
        id: Number(r.id),
        username: r.username,
        displayName: r.display_name,
        roleId: r.role_id,
        region: r.region,
        active: Number(r.active) === 1,
      }
    : undefined;
}

export interface OwnerChange {
  customerId: number;
  fromOwner: number | null;
  toOwner: number | null;
}

/**
 * Moves customers to new owners and records each move in the owner history. Each customer's
 * version goes up so edits made on a stale copy are refused. Call inside a transaction.
 */
export async function applyOwnerChanges(
  trx: Kysely<DB>,
  changes: readonly OwnerChange[],
  meta: { reason: string; changedBy: number | null; now: string },
): Promise<void> {
  // Customers moving to the same owner are updated in one statement.
  const byTarget = new Map<number | null, number[]>();
  for (const c of changes)
    byTarget.set(c.toOwner, [...(byTarget.get(c.toOwner) ?? []), c.customerId]);
  for (const [to, ids] of byTarget) {
    for (let i = 0; i < ids.length; i += 1000) {
      await trx
        .updateTable('customers')
        .set((eb) => ({ owner_id: to, updated_at: meta.now, version: eb('version', '+', 1) }))
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
    }
  }
  for (let i = 0; i < changes.length; i += 500) {
    const part = changes.slice(i, i + 500);
    if (!part.length) continue;
    await trx
      .insertInto('owner_changes')
      .values(
        part.map((c) => ({
          customer_id: c.customerId,
          from_owner: c.fromOwner,
          to_owner: c.toOwner,
          reason: meta.reason,
          changed_by: meta.changedBy,
          changed_at: meta.now,
        })),
      )
      .execute();
  }
}

/** A customer's owner history, newest first. */
export async function ownerHistory(db: Kysely<DB>, customerId: number) {
  const rows = await db
    .selectFrom('owner_changes')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    fromOwner: r.from_owner === null ? null : Number(r.from_owner),
    toOwner: r.to_owner === null ? null : Number(r.to_owner),
    reason: r.reason,
    changedBy: r.changed_by === null ? null : Number(r.changed_by),
    changedAt: instantText(r.changed_at),
  }));
}
