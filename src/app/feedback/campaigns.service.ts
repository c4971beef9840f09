import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  assertCampaignTransition,
  CAMPAIGN_INVITATION_DAYS,
  QUARTER_PATTERN,
  selectAudience,
  summarizeByTier,
} from '../../domain/feedback/campaign-rules';
import * as campaigns from '../../store/feedback/campaigns.repository';
import { INVITATION_BATCH, insertInvitations } from '../../store/feedback/surveys.repository';
import { serviceTierSchemeId, tiersInForce } from '../../store/policy/service-tier.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { addDays, hashSurveyToken, newSurveyToken, surveyLink } from './survey-tokens';

export const campaignInput = z
  .strictObject({
    name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200),
    quarter: z
      .string({ error: 'quarter is required' })
      .regex(QUARTER_PATTERN, 'quarter must look like 2026-Q4'),
    tiers: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    allActive: z.boolean().default(false),
  })
  .refine((c) => c.allActive || c.tiers.length > 0, {
    message: 'choose at least one tier, or all active customers',
    path: ['tiers'],
  });

/** A campaign with its response rate and average score, by tier and overall. */
export async function getCampaign(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'tickets.work');
  const c = await campaigns.findCampaign(deps.store.db, id);
  if (!c) throw notFound('Survey campaign', id);
  return { ...c, results: summarizeByTier(await campaigns.campaignTierRows(deps.store.db, id)) };
}

/** Every campaign, newest first, with its results. */
export async function listCampaigns(deps: Deps, ctx: Ctx) {
  requirePermission(ctx, 'tickets.work');
  const list = await campaigns.listCampaigns(deps.store.db);
  return Promise.all(
    list.map(async (c) => ({
      ...c,
      results: summarizeByTier(await campaigns.campaignTierRows(deps.store.db, c.id)),
    })),
  );
}

/** A service manager drafts a quarterly campaign for some tiers or all active customers. */
export async function createCampaign(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(campaignInput, raw, 'Invalid survey campaign');
  const audience = { tiers: input.tiers, allActive: input.allActive };
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const id = await campaigns.insertCampaign(
      trx,
      { name: input.name, quarter: input.quarter, audience, createdBy: ctx.actor.id },
      ctx.now().toISOString(),
    );
    await writeAudit(trx, ctx, {
      action: 'survey_campaign.create',
      entity: 'survey_campaign',
      entityId: id,
      after: input,
    });
    return id;
  });
  return getCampaign(deps, ctx, id);
}

/**
 * Sends a draft campaign: one invitation for every customer of the audience (active customers,
 * tier in force today on the service-tier scheme), written in batches inside one transaction,
 * so a failure leaves no invitation and the campaign still a draft. The links are returned
 * once — only their hashes are kept — for the mail merge.
 */
export async function sendCampaign(
  deps: Deps,
  ctx: Ctx,
  id: number,
  opts: { batchSize?: number } = {},
) {
  requirePermission(ctx, 'service.manage');
  const db = deps.store.db;
  const c = await campaigns.findCampaign(db, id);
  if (!c) throw notFound('Survey campaign', id);
  assertCampaignTransition(c.status, 'sent');
  const schemeId = await serviceTierSchemeId(db);
  const tiers = schemeId ? await tiersInForce(db, schemeId, businessToday(deps, ctx)) : new Map();
  const active = await campaigns.activeCustomerIds(db);
  const audience = selectAudience(
    active.map((cid) => ({ id: cid, tier: tiers.get(cid) ?? null })),
    c.audience,
  );
  if (audience.length === 0)
    throw new DomainError('VALIDATION', 'The campaign’s audience is empty', {
      issues: [{ field: 'tiers', message: 'no active customer is in the chosen tiers' }],
    });
  const now = ctx.now();
  const expiresAt = addDays(now, CAMPAIGN_INVITATION_DAYS).toISOString();
  const links = audience.map((a) => ({ customerId: a.id, tier: a.tier, token: newSurveyToken() }));
  await db.transaction().execute(async (trx) => {
    if (
      !(await campaigns.moveCampaign(trx, id, 'draft', {
        status: 'sent',
        invited: links.length,
        sentAt: now.toISOString(),
      }))
    )
      throw new DomainError('INVALID_STATE', 'The campaign was sent meanwhile');
    await insertInvitations(
      trx,
      links.map((l) => ({
        tokenHash: hashSurveyToken(l.token),
        customerId: l.customerId,
        ticketId: null,
        campaignId: id,
        tier: l.tier,
        sentAt: now.toISOString(),
        expiresAt,
        createdBy: ctx.actor.id,
      })),
      opts.batchSize ?? INVITATION_BATCH,
    );
    await writeAudit(trx, ctx, {
      action: 'survey_campaign.send',
      entity: 'survey_campaign',
      entityId: id,
      after: { invited: links.length, expiresAt },
    });
  });
  return {
    campaign: await getCampaign(deps, ctx, id),
    links: links.map((l) => ({
      customerId: l.customerId,
      tier: l.tier,
      link: surveyLink(l.token),
    })),
  };
}

/** Closes a sent campaign: its results stay, nothing more is sent. */
export async function closeCampaign(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'service.manage');
  const c = await campaigns.findCampaign(deps.store.db, id);
  if (!c) throw notFound('Survey campaign', id);
  assertCampaignTransition(c.status, 'closed');
  await deps.store.db.transaction().execute(async (trx) => {
    if (
      !(await campaigns.moveCampaign(trx, id, 'sent', {
        status: 'closed',
        closedAt: ctx.now().toISOString(),
      }))
    )
      throw new DomainError('INVALID_STATE', 'The campaign changed meanwhile');
    await writeAudit(trx, ctx, {
      action: 'survey_campaign.close',
      entity: 'survey_campaign',
      entityId: id,
    });
  });
  return getCampaign(deps, ctx, id);
}
