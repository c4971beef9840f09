import { logVisitInput } from '../../domain/accounts/accounts.schema';
import { OWNER_ROLES } from '../../domain/accounts/assignment';
import { allows } from '../../domain/auth/permissions';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { findCustomerById } from '../../store/customers.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { createFact, listFacts } from '../facts/facts.service';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { customerPolicy } from '../policy/policy-in-force';

/** A visit as the API shows it. */
export interface VisitView {
  id: number;
  visitedOn: string;
  userId: number | null;
  purpose: string | null;
  notes: string | null;
}

/**
 * Who may log a visit for a customer: its owner; for a team-model tier, any member of the
 * region's team; and holders of accounts.manage.
 */
async function mayLogVisit(deps: Deps, ctx: Ctx, customerId: number, today: string) {
  if (ctx.actor.id === null || allows(ctx.actor.permissions, 'accounts.manage')) return true;
  const c = await findCustomerById(deps.store.db, customerId);
  if (!c) throw notFound('Customer', customerId);
  if (c.ownerId === ctx.actor.id) return true;
  const p = await customerPolicy(deps.store.db, customerId, today);
  return (
    p?.policy?.accountModel === 'team' &&
    OWNER_ROLES.team.includes(ctx.actor.roleId) &&
    c.region !== null &&
    c.region === ctx.actor.region
  );
}

/**
 * Logs a visit made by the acting user (recorded as a visits fact, so the customer's monthly
 * rollups and timeline see it too). Visits cannot be dated in the future.
 */
export async function logVisit(deps: Deps, ctx: Ctx, customerId: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(logVisitInput, raw, 'Invalid visit');
  const today = businessToday(deps, ctx);
  if (input.visitedOn > today)
    throw validationError('Invalid visit', [
      {
        field: 'visitedOn',
        message: `visitedOn must be today (${today}) or earlier`,
        value: input.visitedOn,
      },
    ]);
  if (!(await mayLogVisit(deps, ctx, customerId, today)))
    throw new DomainError(
      'FORBIDDEN',
      'Only the customer’s owner, its team or accounts.manage may log a visit',
      { permission: 'accounts.manage' },
    );
  const made = await createFact(deps, ctx, 'visits', customerId, {
    visitedOn: input.visitedOn,
    userId: ctx.actor.id,
    purpose: input.purpose ?? null,
    notes: input.notes ?? null,
  });
  return { customerId, ...(made as unknown as VisitView) };
}

/** A customer's visits, newest first. */
export async function listVisits(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  page = 1,
  pageSize = 50,
) {
  const r = await listFacts(deps, ctx, 'visits', customerId, page, pageSize);
  return { ...r, items: r.items as unknown as VisitView[] };
}
