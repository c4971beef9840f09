import type { Entitlement, PaymentTerm, PolicyCatalog, TierPolicy } from './policy.schema';

/** Seed 002's payment-terms ladder, most generous first. */
export const DEFAULT_PAYMENT_TERMS: PaymentTerm[] = [
  {
    id: 'deferred_90',
    name: { zh: '货到三个月内付款', en: 'Up to 3 months after delivery' },
    creditDays: 90,
  },
  {
    id: 'cod_or_30',
    name: { zh: '货到付款或 30 天', en: 'Cash on delivery or 30 days' },
    creditDays: 30,
  },
  { id: 'no_credit', name: { zh: '不赊账', en: 'No deferred payment' }, creditDays: 0 },
  { id: 'prepay', name: { zh: '款到发货', en: 'Payment before shipment' }, creditDays: -1 },
];

const lounge: Entitlement = {
  key: 'airport_lounge',
  name: { zh: '机场贵宾厅', en: 'Airport lounge' },
  quantity: 4,
  period: 'year',
  minBatch: null,
  choices: [],
  noRepeat: false,
};
const sim: Entitlement = {
  key: 'free_sim_replacement',
  name: { zh: '免费补换卡', en: 'Free SIM replacement' },
  quantity: 2,
  period: 'year',
  minBatch: null,
  choices: [],
  noRepeat: false,
};
const greenChannel: Entitlement = {
  key: 'batch_green_channel',
  name: { zh: '批量业务绿色通道', en: 'Green channel for batches' },
  quantity: null,
  period: 'year',
  minBatch: 30,
  choices: [],
  noRepeat: false,
};
const gift: Entitlement = {
  key: 'delivery_gift',
  name: { zh: '交付礼品（三选一，不重复）', en: 'Delivery gift (one of three, never repeated)' },
  quantity: 1,
  period: 'year',
  minBatch: null,
  choices: [
    { key: 'flowers', name: { zh: '鲜花', en: 'Flowers' } },
    { key: 'cushion', name: { zh: '靠垫', en: 'Cushion' } },
    { key: 'blessing_paper', name: { zh: '祝福纸', en: 'Blessing paper' } },
  ],
  noRepeat: true,
};
const techSupport: Entitlement = {
  key: 'pre_order_tech_support',
  name: { zh: '订货前技术支持', en: 'Technical support before ordering' },
  quantity: null,
  period: 'month',
  minBatch: null,
  choices: [],
  noRepeat: false,
};

/** The seed values (002, 000, 004) for a four-tier scheme A, B, C, D, best first. */
const SEED_TIERS: Omit<TierPolicy, 'tier'>[] = [
  {
    priceFloorPct: -5,
    paymentTerm: 'deferred_90',
    leadTimeDays: 20,
    rush: 'jump_queue',
    orderReview: 'light',
    inquiryReplyHours: 24,
    visits: { minPerMonth: 4, maxPerMonth: 6, groupEveryMonths: 1 },
    accountModel: 'dedicated',
    executiveSponsor: true,
    entitlements: [lounge, sim, greenChannel, gift, techSupport],
  },
  {
    priceFloorPct: -3,
    paymentTerm: 'cod_or_30',
    leadTimeDays: 30,
    rush: 'by_capacity',
    orderReview: 'standard',
    inquiryReplyHours: 24,
    visits: { minPerMonth: 2, maxPerMonth: 4, groupEveryMonths: 2 },
    accountModel: 'team',
    executiveSponsor: false,
    entitlements: [{ ...lounge, quantity: 2 }, { ...sim, quantity: 1 }, greenChannel, techSupport],
  },
  {
    priceFloorPct: 0,
    paymentTerm: 'no_credit',
    leadTimeDays: 40,
    rush: 'none',
    orderReview: 'standard',
    inquiryReplyHours: 24,
    visits: { minPerMonth: 0, maxPerMonth: 2, groupEveryMonths: 2 },
    accountModel: 'pooled',
    executiveSponsor: false,
    entitlements: [],
  },
  {
    priceFloorPct: 5,
    paymentTerm: 'prepay',
    leadTimeDays: 40,
    rush: 'none',
    orderReview: 'strict',
    inquiryReplyHours: 24,
    visits: { minPerMonth: 0, maxPerMonth: 0, groupEveryMonths: null },
    accountModel: 'pooled',
    executiveSponsor: false,
    entitlements: [],
  },
];

/**
 * The default catalog for a scheme's tiers (best first): the seed's A–D policies given in rank
 * order, the last seed policy repeated for any further tiers, so a three- or five-tier scheme
 * still starts from sensible values.
 */
export function defaultCatalog(tierIdsBestFirst: readonly string[]): PolicyCatalog {
  const last = SEED_TIERS[SEED_TIERS.length - 1] as Omit<TierPolicy, 'tier'>;
  return {
    paymentTerms: DEFAULT_PAYMENT_TERMS.map((t) => ({ ...t, name: { ...t.name } })),
    tiers: tierIdsBestFirst.map((tier, i) => {
      const seed = SEED_TIERS[i] ?? last;
      return structuredClone({ ...seed, tier });
    }),
  };
}
