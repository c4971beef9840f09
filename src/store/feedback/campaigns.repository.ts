import type { Kysely } from 'kysely';
import type { CampaignAudience, CampaignStatus } from '../../domain/feedback/campaign-rules';
import { instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

/** Campaigns, newest first (at most 200), or the one with `id`. */
export async function listCampaigns(db: Kysely<DB>, id?: number) {
  let q = db.selectFrom('survey_campaigns').selectAll();
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    quarter: r.quarter,
    audience: JSON.parse(r.audience) as CampaignAudience,
    status: r.status as CampaignStatus,
    invited: Number(r.invited),
    createdBy: r.created_by == null ? null : Number(r.created_by),
    createdAt: instantText(r.created_at),
    sentAt: instantTextOrNull(r.sent_at),
    closedAt: instantTextOrNull(r.closed_at),
  }));
}

/** One campaign, or undefined. */
export async function findCampaign(db: Kysely<DB>, id: number) {
  return (await listCampaigns(db, id))[0];
}

/** Inserts a draft campaign and returns its id. */
export async function insertCampaign(
  db: Kysely<DB>,
  c: { name: string; quarter: string; audience: CampaignAudience; createdBy: number | null },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('survey_campaigns')
    .values({
      name: c.name,
      quarter: c.quarter,
      audience: JSON.stringify(c.audience),
      status: 'draft',
      invited: 0,
      created_by: c.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Moves a campaign from one status to the next only if it is still in `from`: two people
 * pressing "send" at once cannot both send. True when this call moved it.
 */
export async function moveCampaign(
  db: Kysely<DB>,
  id: number,
  from: CampaignStatus,
  set: { status: CampaignStatus; invited?: number; sentAt?: string; closedAt?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('survey_campaigns')
    .set({
      status: set.status,
      ...(set.invited !== undefined ? { invited: set.invited } : {}),
      ...(set.sentAt ? { sent_at: set.sentAt } : {}),
      ...(set.closedAt ? { closed_at: set.closedAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Per tier: invitations, answers and the sum of their scores (the summary is pure domain). */
export async function campaignTierRows(db: Kysely<DB>, campaignId: number) {
  const rows = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_responses as r', 'r.invitation_id', 'i.id')
    .select((eb) => [
      'i.tier',
      eb.fn.count<number>('i.id').as('invited'),
      eb.fn.count<number>('r.id').as('answered'),
      eb.fn.sum<number>('r.score').as('score_sum'),
    ])
    .where('i.campaign_id', '=', campaignId)
    .groupBy('i.tier')
    .execute();
  return rows.map((r) => ({
    tier: r.tier,
    invited: Number(r.invited),
    answered: Number(r.answered),
    scoreSum: Number(r.score_sum ?? 0),
  }));
}

/** Active customers (id only), for an audience of "everybody". */
export async function activeCustomerIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('status', '=', 'active')
    .where('lifecycle_stage', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}
