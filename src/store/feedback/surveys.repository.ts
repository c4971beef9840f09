import type { Kysely } from 'kysely';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export interface NewInvitation {
  tokenHash: string;
  customerId: number;
  ticketId: number | null;
  campaignId: number | null;
  tier: string | null;
  sentAt: string;
  expiresAt: string;
  createdBy: number | null;
}

/** Rows a multi-row insert carries at once: keeps statements under both engines' limits. */
export const INVITATION_BATCH = 500;

/**
 * Inserts invitations in batches. Call it inside a transaction: a failing batch fails the
 * whole send, and the transaction rolls back the batches already written.
 */
export async function insertInvitations(
  db: Kysely<DB>,
  rows: readonly NewInvitation[],
  batchSize = INVITATION_BATCH,
): Promise<number> {
  for (let i = 0; i < rows.length; i += batchSize) {
    await db
      .insertInto('survey_invitations')
      .values(
        rows.slice(i, i + batchSize).map((r) => ({
          token_hash: r.tokenHash,
          customer_id: r.customerId,
          ticket_id: r.ticketId,
          campaign_id: r.campaignId,
          tier: r.tier,
          sent_at: r.sentAt,
          expires_at: r.expiresAt,
          answered_at: null,
          created_by: r.createdBy,
        })),
      )
      .execute();
  }
  return rows.length;
}

function toInvitation(r: {
  id: number;
  customer_id: number;
  ticket_id: number | null;
  campaign_id: number | null;
  tier: string | null;
  sent_at: unknown;
  expires_at: unknown;
  answered_at: unknown;
}) {
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    ticketId: r.ticket_id == null ? null : Number(r.ticket_id),
    campaignId: r.campaign_id == null ? null : Number(r.campaign_id),
    tier: r.tier,
    sentAt: instantText(r.sent_at),
    expiresAt: instantText(r.expires_at),
    answeredAt: instantTextOrNull(r.answered_at),
  };
}

/** The invitation whose token hashes to `tokenHash`, or undefined. */
export async function findInvitationByHash(db: Kysely<DB>, tokenHash: string) {
  const r = await db
    .selectFrom('survey_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? toInvitation(r) : undefined;
}

/** The invitation of a ticket's survey, if one was sent. */
export async function findTicketInvitation(db: Kysely<DB>, ticketId: number) {
  const r = await db
    .selectFrom('survey_invitations')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return r ? toInvitation(r) : undefined;
}

/**
 * Marks an invitation answered only if it still is not: the conditional update is what makes
 * a token single-use when two answers race. True when this call spent it.
 */
export async function spendInvitation(db: Kysely<DB>, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ answered_at: at })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NewResponse {
  customerId: number;
  answeredOn: string;
  score: number;
  comment: string | null;
  ticketId: number | null;
  campaignId: number | null;
  invitationId: number | null;
  createdAt: string;
}

/** Writes one survey answer (the fact the rollups and the satisfaction rule read). */
export async function insertResponse(db: Kysely<DB>, r: NewResponse): Promise<number> {
  const row = await db
    .insertInto('survey_responses')
    .values({
      customer_id: r.customerId,
      answered_on: r.answeredOn,
      score: r.score,
      comment: r.comment,
      ticket_id: r.ticketId,
      campaign_id: r.campaignId,
      invitation_id: r.invitationId,
      created_at: r.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}
