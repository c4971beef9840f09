import { DomainError } from '../errors';

export type CampaignStatus = 'draft' | 'sent' | 'closed';

/** Who a campaign goes to: customers in the listed tiers, and/or every active customer. */
export interface CampaignAudience {
  tiers: string[];
  allActive: boolean;
}

/** Days an invitation stays answerable. */
export const CAMPAIGN_INVITATION_DAYS = 30;
export const TICKET_INVITATION_DAYS = 14;

/** A quarter label such as 2026-Q4. */
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** Throws INVALID_STATE unless the campaign may move from `from` to `to` (draft → sent → closed). */
export function assertCampaignTransition(from: CampaignStatus, to: CampaignStatus): void {
  const ok = (from === 'draft' && to === 'sent') || (from === 'sent' && to === 'closed');
  if (!ok)
    throw new DomainError('INVALID_STATE', `A ${from} campaign cannot become ${to}`, { from, to });
}

/**
 * The customers a campaign invites, from the active customers and their tier in force
 * (null when not tiered): everybody when allActive, otherwise those whose tier is listed.
 */
export function selectAudience(
  customers: readonly { id: number; tier: string | null }[],
  audience: CampaignAudience,
): { id: number; tier: string | null }[] {
  if (audience.allActive) return [...customers];
  const wanted = new Set(audience.tiers);
  return customers.filter((c) => c.tier !== null && wanted.has(c.tier));
}

export interface TierResult {
  tier: string | null;
  invited: number;
  answered: number;
  /** answered / invited, 0..1. */
  responseRate: number;
  /** Mean score of the answers, null when none. */
  average: number | null;
}

/** Response rate and average score per tier, and over the whole campaign (tier 'all'). */
export function summarizeByTier(
  rows: readonly { tier: string | null; invited: number; answered: number; scoreSum: number }[],
): { byTier: TierResult[]; total: TierResult } {
  const one = (tier: string | null, invited: number, answered: number, sum: number) => ({
    tier,
    invited,
    answered,
    responseRate: invited === 0 ? 0 : answered / invited,
    average: answered === 0 ? null : sum / answered,
  });
  const byTier = [...rows]
    .sort((a, b) => (a.tier ?? '\uffff').localeCompare(b.tier ?? '\uffff'))
    .map((r) => one(r.tier, r.invited, r.answered, r.scoreSum));
  const t = rows.reduce(
    (acc, r) => ({
      invited: acc.invited + r.invited,
      answered: acc.answered + r.answered,
      sum: acc.sum + r.scoreSum,
    }),
    { invited: 0, answered: 0, sum: 0 },
  );
  return { byTier, total: one('all', t.invited, t.answered, t.sum) };
}

/**
 * Whether an invitation can still be answered at `now`: answered ones are spent (single use),
 * expired ones are refused.
 */
export function invitationState(
  inv: { answeredAt: string | null; expiresAt: string },
  now: Date,
): 'open' | 'answered' | 'expired' {
  if (inv.answeredAt) return 'answered';
  if (new Date(inv.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'open';
}
