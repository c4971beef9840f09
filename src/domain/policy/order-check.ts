import { addDays } from '../business-date';
import type { OrderInput } from './order-input.schema';
import { type PricedLine, type PricedTotals, priceLines } from './order-pricing';
import { queuePriority, type RushMode } from './order-queue';
import { termWithin } from './payment-terms';
import type { PaymentTerm, PolicyCatalog, TierPolicy } from './policy.schema';

export const ORDER_REASON_CODES = [
  'discount_above_cap',
  'terms_above_level',
  'delivery_before_lead_time',
  'rush_not_allowed',
  'no_tier',
] as const;
export type OrderReasonCode = (typeof ORDER_REASON_CODES)[number];

/** Why an order is refused: the field at fault, the limit, what was asked, in plain words. */
export interface OrderReason {
  code: OrderReasonCode;
  field: string;
  limit: string | number | null;
  requested: string | number | boolean | null;
  message: string;
}

export interface OrderCheckInput {
  /** The customer's tier, or null when it has none in the service-tier scheme. */
  tier: string | null;
  /** The tier's policy, or null without a tier. */
  policy: TierPolicy | null;
  catalog: PolicyCatalog;
  /** Tier ids of the scheme, best first (the queue's first key). */
  tierOrder: readonly string[];
  /** The most generous term the customer may have today (after late-payment adjustments). */
  effectiveTerm: PaymentTerm | null;
  /** The customer's score from the run that placed it (orders queue by it inside a tier). */
  score: number | null;
  today: string;
  order: OrderInput;
}

export interface OrderCheckResult {
  allowed: boolean;
  /** Every reason the order is refused; empty when allowed. */
  reasons: OrderReason[];
  lines: PricedLine[];
  totals: PricedTotals;
  /** The largest discount allowed, in percent (negative: a surcharge is required). */
  maxDiscountPct: number | null;
  /** The earliest delivery date the tier allows. */
  earliestDelivery: string;
  /** How strictly the order is reviewed (the tier's orderReview). */
  review: TierPolicy['orderReview'] | null;
  rushMode: RushMode | null;
  /** Position in the queue before score: lower goes first (see queuePriority). */
  priority: number;
}

// A discount of 3.0000000001% asked against a 3% cap is not worth a refusal.
const EPS = 1e-9;

/**
 * Checks an order against the customer's tier policy (seed 002: price floor, payment terms,
 * lead time). Pure: `today` is given. Every reason is listed, not only the first, so whoever
 * takes the order can fix everything at once.
 */
export function checkOrder(input: OrderCheckInput): OrderCheckResult {
  const { policy, order, catalog } = input;
  const reasons: OrderReason[] = [];
  const maxDiscountPct = policy ? -policy.priceFloorPct : null;
  if (!policy)
    reasons.push({
      code: 'no_tier',
      field: 'customerId',
      limit: null,
      requested: null,
      message: 'The customer has no tier in the service-tier scheme, so no policy applies',
    });
  if (maxDiscountPct !== null && order.requestedDiscountPct > maxDiscountPct + EPS)
    reasons.push({
      code: 'discount_above_cap',
      field: 'requestedDiscountPct',
      limit: maxDiscountPct,
      requested: order.requestedDiscountPct,
      message:
        maxDiscountPct >= 0
          ? `Tier ${input.tier} allows at most ${maxDiscountPct}% off the internal price; ${order.requestedDiscountPct}% was asked`
          : `Tier ${input.tier} pays at least ${-maxDiscountPct}% above the internal price; ${order.requestedDiscountPct}% off was asked`,
    });
  const allowedTerm = input.effectiveTerm;
  if (allowedTerm && !termWithin(catalog.paymentTerms, order.paymentTerm, allowedTerm.id))
    reasons.push({
      code: 'terms_above_level',
      field: 'paymentTerm',
      limit: allowedTerm.id,
      requested: order.paymentTerm,
      message: `The customer may have payment terms up to ${allowedTerm.id} (${allowedTerm.name.en}); ${order.paymentTerm} is more generous`,
    });
  const lead = policy?.leadTimeDays ?? 0;
  const earliestDelivery = addDays(input.today, lead);
  if (policy && order.deliveryDate < earliestDelivery)
    reasons.push({
      code: 'delivery_before_lead_time',
      field: 'deliveryDate',
      limit: earliestDelivery,
      requested: order.deliveryDate,
      message: `Tier ${input.tier} needs ${lead} days of lead time: the earliest delivery is ${earliestDelivery}`,
    });
  if (policy && order.rush && policy.rush === 'none')
    reasons.push({
      code: 'rush_not_allowed',
      field: 'rush',
      limit: 'none',
      requested: true,
      message: `Tier ${input.tier} has no rush orders`,
    });
  const priced = priceLines(order.lines, policy?.priceFloorPct ?? null, order.requestedDiscountPct);
  const position = input.tier === null ? -1 : input.tierOrder.indexOf(input.tier);
  return {
    allowed: reasons.length === 0,
    reasons,
    lines: priced.lines,
    totals: priced.totals,
    maxDiscountPct,
    earliestDelivery,
    review: policy?.orderReview ?? null,
    rushMode: policy?.rush ?? null,
    priority: queuePriority(position, policy?.rush ?? null, order.rush),
  };
}
