import { z } from 'zod';
import { notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import { findCustomerById } from '../../store/customers.repository';
import { dateText, instantText } from '../../store/row-values';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { requireMarketable } from './terminations.service';

export const MARKETING_KINDS = ['campaign', 'coupon', 'event', 'gift', 'call'] as const;

export const createMarketingInput = z.strictObject({
  kind: z.enum(MARKETING_KINDS, { error: `kind must be one of ${MARKETING_KINDS.join(', ')}` }),
  title: z.string({ error: 'title is required' }).trim().min(1, 'title is required').max(200),
  plannedOn: dateSchema('plannedOn'),
});

/**
 * Plans a marketing activity for a customer (coupon, event, gift …). Refused for customers in
 * the terminating or terminated stage, whoever asks.
 */
export async function createMarketingActivity(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  raw: unknown,
) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(createMarketingInput, raw, 'Invalid marketing activity');
  const c = await findCustomerById(deps.store.db, customerId);
  if (!c) throw notFound('Customer', customerId);
  requireMarketable(c);
  const now = ctx.now().toISOString();
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('marketing_activities')
      .values({
        customer_id: customerId,
        kind: input.kind,
        title: input.title,
        planned_on: input.plannedOn,
        created_by: ctx.actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'marketing.create',
      entity: 'customer',
      entityId: customerId,
      after: { activityId: Number(r.id), ...input },
    });
    return Number(r.id);
  });
  return { id, customerId, ...input, createdAt: now };
}

/** A customer's marketing activities, newest first. */
export async function listMarketingActivities(deps: Deps, ctx: Ctx, customerId: number) {
  requirePermission(ctx, 'customers.read');
  const rows = await deps.store.db
    .selectFrom('marketing_activities')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    customerId: Number(r.customer_id),
    kind: r.kind as (typeof MARKETING_KINDS)[number],
    title: r.title,
    plannedOn: dateText(r.planned_on),
    createdAt: instantText(r.created_at),
  }));
}
