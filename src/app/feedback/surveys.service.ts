import type { Kysely } from 'kysely';
import { z } from 'zod';
import { businessDate } from '../../domain/business-date';
import { DomainError, notFound } from '../../domain/errors';
import { invitationState, TICKET_INVITATION_DAYS } from '../../domain/feedback/campaign-rules';
import { findCustomerById } from '../../store/customers.repository';
import { findCampaign } from '../../store/feedback/campaigns.repository';
import * as surveys from '../../store/feedback/surveys.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { addDays, hashSurveyToken, newSurveyToken, surveyLink } from './survey-tokens';

const score = z
  .number({ error: 'score must be a number from 1 to 5' })
  .int('score must be a whole number from 1 to 5')
  .min(1, 'score must be from 1 to 5')
  .max(5, 'score must be from 1 to 5');
const comment = z.string().trim().max(2000, 'comment is at most 2000 characters').optional();

export const answerInput = z.strictObject({ score, comment });
export const staffAnswerInput = z.strictObject({
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  ticketId: z.number().int().positive().optional(),
  score,
  comment,
});
export const inviteInput = z.strictObject({
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  ticketId: z.number().int().positive().optional(),
});

/**
 * Creates the satisfaction survey for a ticket that has just closed, inside the closing
 * transaction; a ticket closed again after a reopen keeps its first invitation. Returns the
 * one-time link to give the customer (null when one was already sent).
 */
export async function requestSurveyForTicket(trx: Kysely<DB>, ctx: Ctx, ticketId: number) {
  if (await surveys.findTicketInvitation(trx, ticketId)) return null;
  const t = await trx
    .selectFrom('tickets')
    .select(['id', 'customer_id'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!t) throw notFound('Ticket', ticketId);
  return invite(trx, ctx, Number(t.customer_id), ticketId);
}

async function invite(trx: Kysely<DB>, ctx: Ctx, customerId: number, ticketId: number | null) {
  const token = newSurveyToken();
  const now = ctx.now();
  const expiresAt = addDays(now, TICKET_INVITATION_DAYS).toISOString();
  await surveys.insertInvitations(trx, [
    {
      tokenHash: hashSurveyToken(token),
      customerId,
      ticketId,
      campaignId: null,
      tier: null,
      sentAt: now.toISOString(),
      expiresAt,
      createdBy: ctx.actor.id,
    },
  ]);
  await writeAudit(trx, ctx, {
    action: 'survey.invite',
    entity: 'customer',
    entityId: customerId,
    after: { ticketId, expiresAt },
  });
  return { token, link: surveyLink(token), expiresAt };
}

/** Staff create a one-time survey link for a customer (optionally about a ticket). */
export async function createInvitation(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(inviteInput, raw, 'Invalid survey invitation');
  if (!(await findCustomerById(deps.store.db, input.customerId)))
    throw notFound('Customer', input.customerId);
  return deps.store.db
    .transaction()
    .execute((trx) => invite(trx, ctx, input.customerId, input.ticketId ?? null));
}

/** The state of a token, for the public page before it shows the form. */
export async function surveyByToken(deps: Deps, token: string, now: Date) {
  const inv = await surveys.findInvitationByHash(deps.store.db, hashSurveyToken(token));
  if (!inv)
    throw new DomainError('NOT_FOUND', 'This survey link is not valid', { reason: 'unknown' });
  const c = await findCustomerById(deps.store.db, inv.customerId);
  return {
    state: invitationState(inv, now),
    customerName: c?.name ?? '',
    expiresAt: inv.expiresAt,
    about: inv.ticketId !== null ? ('ticket' as const) : ('campaign' as const),
  };
}

async function writeAnswer(
  deps: Deps,
  trx: Kysely<DB>,
  ctx: Ctx,
  a: {
    customerId: number;
    score: number;
    comment: string | undefined;
    ticketId: number | null;
    campaignId: number | null;
    invitationId: number | null;
  },
) {
  const now = ctx.now();
  const id = await surveys.insertResponse(trx, {
    ...a,
    comment: a.comment || null,
    answeredOn: businessDate(now, deps.config.timeZone),
    createdAt: now.toISOString(),
  });
  // The answer counts in the satisfaction metric and the early-warning rule at once.
  await refreshRollups(trx, deps.store.engine, [a.customerId]);
  await writeAudit(trx, ctx, {
    action: 'survey.answer',
    entity: 'customer',
    entityId: a.customerId,
    after: { responseId: id, ...a },
  });
  return id;
}

/**
 * The customer answers through the public page: the token is spent, the answer written and
 * the customer's rollups refreshed in one transaction. Unknown, used and expired tokens get
 * distinct errors so the page can say what happened.
 */
export async function answerByToken(
  deps: Deps,
  token: string,
  raw: unknown,
  meta: { now: Date; requestId?: string },
) {
  const input = parseInput(answerInput, raw, 'Invalid survey answer');
  const ctx: Ctx = {
    actor: {
      id: null,
      name: 'survey respondent',
      roleId: 'public',
      permissions: [],
      region: null,
      rowScope: 'all',
      team: null,
    },
    now: () => meta.now,
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
  };
  return deps.store.db.transaction().execute(async (trx) => {
    const inv = await surveys.findInvitationByHash(trx, hashSurveyToken(token));
    if (!inv)
      throw new DomainError('NOT_FOUND', 'This survey link is not valid', { reason: 'unknown' });
    // A closed campaign takes no more answers, whatever its invitations' expiry says.
    const campaignClosed =
      inv.campaignId !== null && (await findCampaign(trx, inv.campaignId))?.status === 'closed';
    const state = campaignClosed ? 'expired' : invitationState(inv, meta.now);
    if (state === 'answered')
      throw new DomainError('CONFLICT', 'This survey has already been answered', {
        reason: 'answered',
      });
    if (state === 'expired')
      throw new DomainError('INVALID_STATE', 'This survey link has expired', { reason: 'expired' });
    // Conditional update: of two answers racing on one token only one spends it.
    if (!(await surveys.spendInvitation(trx, inv.id, meta.now.toISOString())))
      throw new DomainError('CONFLICT', 'This survey has already been answered', {
        reason: 'answered',
      });
    const responseId = await writeAnswer(deps, trx, ctx, {
      customerId: inv.customerId,
      score: input.score,
      comment: input.comment,
      ticketId: inv.ticketId,
      campaignId: inv.campaignId,
      invitationId: inv.id,
    });
    return { responseId };
  });
}

/** Staff enter an answer taken by phone or at the counter (no invitation). */
export async function recordStaffAnswer(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(staffAnswerInput, raw, 'Invalid survey answer');
  if (!(await findCustomerById(deps.store.db, input.customerId)))
    throw notFound('Customer', input.customerId);
  return deps.store.db.transaction().execute(async (trx) => ({
    responseId: await writeAnswer(deps, trx, ctx, {
      customerId: input.customerId,
      score: input.score,
      comment: input.comment,
      ticketId: input.ticketId ?? null,
      campaignId: null,
      invitationId: null,
    }),
  }));
}
