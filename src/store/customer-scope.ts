import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CustomerFilter } from '../domain/auth/customer-scope';
import type { DB } from './schema';

/**
 * The SQL condition of a customer filter on the customers table under `alias` (e.g. 'c'), or
 * undefined when the filter lets everything through. Plain SQL so both Kysely queries
 * (`.where(cond)`) and the analytics' raw statements can use it.
 */
export function scopeCondition(
  filter: CustomerFilter,
  alias: string,
): RawBuilder<SqlBool> | undefined {
  const owner = sql.ref(`${alias}.owner_id`);
  switch (filter.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql<SqlBool>`1 = 0`;
    case 'own':
      return sql<SqlBool>`${owner} = ${filter.userId}`;
    case 'team':
      return sql<SqlBool>`(${owner} = ${filter.userId} or ${owner} in (select tu.id from users tu where tu.team = ${filter.team}))`;
    case 'region':
      return sql<SqlBool>`(${owner} = ${filter.userId} or ${sql.ref(`${alias}.region`)} = ${filter.region})`;
  }
}

/** The condition of a filter, or an always-true one (for queries that always add a where). */
export function scopeConditionOrTrue(filter: CustomerFilter, alias: string): RawBuilder<SqlBool> {
  return scopeCondition(filter, alias) ?? sql<SqlBool>`1 = 1`;
}

/**
 * A customer-id condition for tables that only carry `customer_id` (tickets, facts, orders …):
 * `<column> in (select id from customers where <filter>)`, or undefined for everything.
 */
export function customerIdInScope(
  filter: CustomerFilter,
  column: string,
): RawBuilder<SqlBool> | undefined {
  const cond = scopeCondition(filter, 'sc');
  if (!cond) return undefined;
  return sql<SqlBool>`${sql.ref(column)} in (select sc.id from customers sc where ${cond})`;
}

/** Whether the customer with `id` exists and the filter lets it through. */
export async function customerInScope(
  db: Kysely<DB>,
  filter: CustomerFilter,
  id: number,
): Promise<boolean> {
  const cond = scopeConditionOrTrue(filter, 'c');
  const row = await db
    .selectFrom('customers as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(cond)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of the given customer ids, those the filter lets through (unknown ids are dropped). */
export async function idsInScope(
  db: Kysely<DB>,
  filter: CustomerFilter,
  ids: readonly number[],
): Promise<Set<number>> {
  if (filter.kind === 'all') return new Set(ids);
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.id', 'in', chunk)
      .where(scopeConditionOrTrue(filter, 'c'))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}
