import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { BUILTIN_ROLES } from '../../src/domain/auth/permissions';
import type { RowScope } from '../../src/domain/auth/row-scope';
import { customerInput } from '../factories/customers';

export const SCOPE_PASSWORD = 'Scope-pass-1234';

/** A custom role: the account manager's permissions plus export and analytics, scope `own`. */
export const SCOPED_ROLE = 'scoped_am';

/** Sets a role's row scope directly in the database (the role editor is tested elsewhere). */
export async function setRowScope(deps: Deps, roleId: string, scope: RowScope): Promise<void> {
  await deps.store.db
    .updateTable('roles')
    .set({ row_scope: scope })
    .where('id', '=', roleId)
    .execute();
}

/**
 * Adds a custom role with the permissions of a built-in one and the given row scope, for tests
 * about something else that act on customers the user does not own. Returns the role id.
 */
export async function roleLike(
  deps: Deps,
  builtinId: string,
  rowScope: RowScope,
  id = `${builtinId}_${rowScope}`,
): Promise<string> {
  const base = BUILTIN_ROLES.find((r) => r.id === builtinId);
  if (!base) throw new Error(`no role ${builtinId}`);
  const now = new Date().toISOString();
  await deps.store.db
    .insertInto('roles')
    .values({
      id,
      name_zh: `${base.nameZh}（${rowScope}）`,
      name_en: `${base.nameEn} (${rowScope})`,
      permissions: JSON.stringify(base.permissions),
      builtin: 0,
      row_scope: rowScope,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/** The cast of a row-scope test: ids of users and customers by name. */
export interface ScopeCast {
  users: { a: number; b: number; c: number; sm: number; gm: number };
  /** Customer ids by code. */
  customers: Record<'A1' | 'A2' | 'B1' | 'C1' | 'N1', number>;
}

/**
 * Seeds owners am-a and am-b (team north, region 华东), am-c (team south, region 华南), a sales
 * manager sm-east of 华东 and a general manager gm-all; customers A1, A2 (am-a's, 华东), B1
 * (am-b's, 华东), C1 (am-c's, 华南) and N1 (no owner, 华南). am-a holds SCOPED_ROLE; am-b and am-c
 * are account managers.
 * Codes carry a prefix so several casts can share a database.
 */
export async function seedScopeCast(deps: Deps, prefix = 'RS'): Promise<ScopeCast> {
  const sys = systemCtx();
  const am = BUILTIN_ROLES.find((r) => r.id === 'account_manager')!;
  const now = new Date().toISOString();
  await deps.store.db
    .insertInto('roles')
    .values({
      id: SCOPED_ROLE,
      name_zh: '客户经理（可导出）',
      name_en: 'Account manager with exports',
      permissions: JSON.stringify([...am.permissions, 'customers.export', 'analytics.read']),
      builtin: 0,
      row_scope: 'own',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const user = async (username: string, roleId: string, region: string, team: string | null) =>
    (
      await createUser(deps, sys, {
        username,
        displayName: username,
        password: SCOPE_PASSWORD,
        roleId,
        region,
        team,
      })
    ).id;
  const users = {
    a: await user('am-a', SCOPED_ROLE, '华东', 'north'),
    b: await user('am-b', 'account_manager', '华东', 'north'),
    c: await user('am-c', 'account_manager', '华南', 'south'),
    sm: await user('sm-east', 'sales_manager', '华东', null),
    gm: await user('gm-all', 'general_manager', '华东', null),
  };
  const customer = async (code: string, ownerId: number | null, region: string) =>
    (
      await createCustomer(
        deps,
        sys,
        customerInput({ code: `${prefix}-${code}`, name: `${code} 客户`, ownerId, region }),
      )
    ).id;
  const customers = {
    A1: await customer('A1', users.a, '华东'),
    A2: await customer('A2', users.a, '华东'),
    B1: await customer('B1', users.b, '华东'),
    C1: await customer('C1', users.c, '华南'),
    N1: await customer('N1', null, '华南'),
  };
  return { users, customers };
}
