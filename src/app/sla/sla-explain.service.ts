import { z } from 'zod';
import { businessDate } from '../../domain/business-date';
import { notFound } from '../../domain/errors';
import { CATEGORY_CODE, type SlaCandidate } from '../../domain/sla';
import { findCustomerById } from '../../store/customers.repository';
import { customerTierInForce } from '../../store/policy/service-tier.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { requireSlaRead } from './sla-access';
import { serviceTiers } from './sla-in-force';
import { ticketSla } from './ticket-sla';

export const explainInput = z.strictObject({
  /** The tier to assume; wins over the customer's tier when both are given. */
  tier: z.string().trim().min(1, 'tier must not be empty').max(100).nullable().optional(),
  /** A customer whose service tier in force on the opening day is used. */
  customerId: z.number({ error: 'customerId must be a number' }).int().positive().optional(),
  level: z
    .number({ error: 'level must be a service level 1–4' })
    .int()
    .min(1, 'level must be 1–4')
    .max(4, 'level must be 1–4'),
  category: z
    .string({ error: 'category is required' })
    .trim()
    .regex(CATEGORY_CODE, 'category must be a code like complaint or complaint.billing'),
  openedAt: z.iso
    .datetime({
      offset: true,
      error: 'openedAt must be an ISO instant, e.g. 2026-02-13T16:00:00+08:00',
    })
    .optional(),
});

function candidateView(c: SlaCandidate) {
  return {
    key: c.policy.key,
    name: c.policy.name,
    match: c.policy.match,
    calendar: c.policy.calendar,
    outcome: c.outcome,
    specificity: c.specificity,
    mismatches: c.mismatches,
    lostOn: c.lostOn,
    beatenBy: c.beatenBy,
  };
}

/**
 * "Which policy applies?": for a tier (given, or the customer's tier in force on the opening
 * day), a level and a category, the winning policy, every candidate with why it lost, and the
 * due, warning and escalation instants of each target on its policy's calendar. A calendar
 * without holidays for the dates reached refuses with CALENDAR_NOT_COVERED.
 */
export async function explainSla(deps: Deps, ctx: Ctx, raw: unknown) {
  requireSlaRead(ctx);
  const input = parseInput(explainInput, raw, 'Invalid SLA question');
  const db = deps.store.db;
  const openedAt = input.openedAt ? new Date(input.openedAt) : ctx.now();
  const { schemeId } = await serviceTiers(db);
  let tier = input.tier ?? null;
  let tierSource: 'given' | 'customer' | 'none' = tier === null ? 'none' : 'given';
  if (input.customerId !== undefined) {
    if (!(await findCustomerById(db, input.customerId)))
      throw notFound('Customer', input.customerId);
    if (tier === null && schemeId !== null) {
      const day = businessDate(openedAt, deps.config.timeZone);
      const t = await customerTierInForce(db, schemeId, input.customerId, day);
      if (t) {
        tier = t.tier;
        tierSource = 'customer';
      }
    }
  }
  const facts = { tier, level: input.level, category: input.category };
  const { version, selection: s, deadlines } = await ticketSla(db, facts, openedAt);
  return {
    version,
    facts: {
      ...facts,
      tierSource,
      customerId: input.customerId ?? null,
      openedAt: openedAt.toISOString(),
    },
    winner: s.winner,
    candidates: s.candidates.map(candidateView),
    targets: deadlines.map((d) => ({
      key: d.key,
      amount: d.target.amount,
      unit: d.target.unit,
      policyKey: d.policyKey,
      calendar: d.calendar,
      inherited: s.targets[d.key]?.inherited ?? false,
      budgetMinutes: Math.round(d.budgetMs / 60_000),
      dueAt: d.dueAt?.toISOString() ?? null,
      warnAt: d.warnAt?.toISOString() ?? null,
      escalations: d.escalations.map((e) => ({
        role: e.role,
        afterFraction: e.afterFraction,
        afterMinutes: e.afterMinutes,
        at: e.at?.toISOString() ?? null,
      })),
    })),
  };
}
