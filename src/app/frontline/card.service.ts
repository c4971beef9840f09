import { allows } from '../../domain/auth/permissions';
import { addDays } from '../../domain/business-date';
import { type CardTag, cardTags, deriveTags } from '../../domain/policy/frontline-tags';
import type { TierPolicy } from '../../domain/policy/policy.schema';
import {
  type CardCustomer,
  cardContacts,
  type OpenTicket,
  openTickets,
} from '../../store/frontline/card.repository';
import { cardFacts } from '../../store/frontline/card-facts.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { balancesFrom, type EntitlementBalance } from '../entitlements/entitlement-balances';
import { requirePermission } from '../guard';
import { customerPolicy } from '../policy/policy-in-force';
import { maskPersonal } from '../security/personal-data';
import { lookupCustomer } from './card-lookup';
import { monthsBack, periodKeysOn } from './card-today';
import { tierNames } from './tier-names';

/** What the person at the counter, on the hotline or in the account team sees at once. */
export interface FrontlineCard {
  customer: CardCustomer;
  otherMatches: { id: number; code: string; name: string }[];
  tier: {
    tier: string;
    name: { zh: string; en: string };
    since: string | null;
    score: number | null;
  } | null;
  policy: {
    paymentTerm: { id: string; name: { zh: string; en: string }; creditDays: number } | null;
    paymentTermAdjusted: boolean;
    leadTimeDays: number | null;
    inquiryReplyHours: number;
    accountModel: TierPolicy['accountModel'];
    rush: TierPolicy['rush'];
    orderReview: TierPolicy['orderReview'];
    executiveSponsor: boolean;
  } | null;
  tags: CardTag[];
  entitlements: EntitlementBalance[];
  openTickets: OpenTicket[];
  contacts: {
    name: string;
    title: string | null;
    role: string | null;
    isPrimary: boolean;
    phone: string | null;
  }[];
  contactsMasked: boolean;
}

/**
 * The front-line card of a customer found by code or phone (seed 004 §9): tier, tags with their
 * suggested actions, policy highlights, entitlement balances, open tickets and contacts. Built
 * from a handful of indexed queries run in parallel and the cached policy catalog; phones are
 * masked unless the reader holds customers.pii.
 */
export async function frontlineCard(deps: Deps, ctx: Ctx, query: unknown): Promise<FrontlineCard> {
  requirePermission(ctx, 'frontline.read');
  const db = deps.store.db;
  const today = businessToday(deps, ctx);
  const { customer, otherMatches } = await lookupCustomer(deps, ctx, query);
  const id = customer.id;
  // Balances of every period today falls in are read up front, so nothing waits for the policy.
  const [policy, facts, tickets, contactRows] = await Promise.all([
    customerPolicy(db, id, today),
    cardFacts(db, id, {
      fromMonth: monthsBack(today, 11),
      fromDate: addDays(today, -365),
      periodKeys: periodKeysOn(today),
    }),
    openTickets(db, id),
    cardContacts(db, id),
  ]);
  const tp = policy?.policy ?? null;
  const names = policy?.tier ? await tierNames(db, policy.schemeId, policy.catalog) : undefined;
  const entitlements = balancesFrom(
    tp?.entitlements ?? [],
    today,
    (key, period) => facts.used.get(`${key}\u0000${period}`) ?? 0,
    facts.received,
  );
  const full = ctx.actor.id === null || allows(ctx.actor.permissions, 'customers.pii');
  const derived = deriveTags({
    tier: policy?.tier ?? null,
    tierOrder: policy?.tierOrder ?? [],
    complaints12m: facts.complaints,
    orderMonths12m: facts.orderMonths,
    channels12m: facts.channels,
    // Key persons sort right after the primary contact, so the five read are enough to tell.
    keyPersonContact: contactRows.some((r) => r.role === 'key_person'),
  });
  return {
    customer,
    otherMatches,
    tier: policy?.tier
      ? {
          tier: policy.tier,
          name: names?.get(policy.tier) ?? { zh: policy.tier, en: policy.tier },
          since: policy.since,
          score: policy.score,
        }
      : null,
    policy: tp
      ? {
          paymentTerm: policy?.paymentTerm ?? null,
          paymentTermAdjusted: (policy?.termAdjustments.length ?? 0) > 0,
          leadTimeDays: tp.leadTimeDays,
          inquiryReplyHours: tp.inquiryReplyHours,
          accountModel: tp.accountModel,
          rush: tp.rush,
          orderReview: tp.orderReview,
          executiveSponsor: tp.executiveSponsor,
        }
      : null,
    tags: cardTags(facts.storedTags, derived),
    entitlements,
    openTickets: tickets,
    contacts: contactRows.map((r) => {
      const plain = r.phone_enc ? deps.keyring.decrypt(r.phone_enc, 'contact.phone') : null;
      return {
        name: r.name,
        title: r.title,
        role: r.role,
        isPrimary: r.is_primary === 1,
        phone: plain === null ? null : full ? plain : maskPersonal('phone', plain),
      };
    }),
    contactsMasked: !full,
  };
}
