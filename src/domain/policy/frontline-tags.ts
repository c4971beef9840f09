/**
 * The identification tags of the front-line card (seed 004: "对六类客户加入七类识别标签"):
 * what each tag means, the rule that derives it when it is not set by hand, and the action the
 * person at the counter, on the hotline or in the account team should take.
 */

export const FRONTLINE_TAGS = [
  'blacklist',
  'complaint_history',
  'high_end',
  'key_person',
  'value_added_potential',
  'e_channel_potential',
] as const;
export type FrontlineTag = (typeof FRONTLINE_TAGS)[number];

export interface LocalText {
  zh: string;
  en: string;
}

/** Name and suggested action of each tag (seed 004 §"客户需求标签", §"投诉", §"电渠", §"增值"). */
export const TAG_TEXT: Record<FrontlineTag, { name: LocalText; action: LocalText }> = {
  blacklist: {
    name: { zh: '投诉专业户（黑名单）', en: 'Habitual complainant (blacklist)' },
    action: {
      zh: '按规范办理，全程留痕，不做额外承诺；疑难问题转主管处理',
      en: 'Follow procedure strictly, keep a record of everything, promise nothing extra; hand disputes to a supervisor',
    },
  },
  complaint_history: {
    name: { zh: '近期有投诉', en: 'Recent complaints' },
    action: {
      zh: '先查看投诉详情及解决情况，主动回访确认问题已解决',
      en: 'Read the complaints and how they were resolved first; follow up to confirm they are settled',
    },
  },
  high_end: {
    name: { zh: '高端客户', en: 'High-end customer' },
    action: {
      zh: '专区专柜、业务优先办理，可主动进行有计划的关怀与营销',
      en: 'Serve at the VIP counter with priority handling; plan proactive care and offers',
    },
  },
  key_person: {
    name: { zh: '集团关键人', en: 'Key person of a group customer' },
    action: {
      zh: '享受专区专柜与优先办理，手续从简；通过其挖掘集团成员需求',
      en: 'VIP counter and priority handling with simplified formalities; explore the group members’ needs through them',
    },
  },
  value_added_potential: {
    name: { zh: '增值业务潜在客户', en: 'Value-added service prospect' },
    action: {
      zh: '推荐适合的增值业务，说明具体内容及注意事项',
      en: 'Recommend a suitable value-added service with its details and caveats',
    },
  },
  e_channel_potential: {
    name: { zh: '电子渠道潜在客户', en: 'E-channel prospect' },
    action: {
      zh: '介绍并推荐电子渠道（电商平台、在线下单），协助首次使用',
      en: 'Introduce the electronic channels (online shop, web orders) and help with the first use',
    },
  },
};

/** True when `tag` is one of the card's known tags. */
export function isFrontlineTag(tag: string): tag is FrontlineTag {
  return (FRONTLINE_TAGS as readonly string[]).includes(tag);
}

/** Channel names that count as electronic (case-insensitive substrings). */
const ELECTRONIC = [
  '电商',
  '线上',
  '网上',
  '网店',
  '在线',
  '小程序',
  '微信',
  'app',
  'online',
  'web',
  'e-commerce',
  'ecommerce',
  'edi',
];

/** True when an order channel is electronic (online shop, web, app, EDI …). */
export function isElectronicChannel(channel: string): boolean {
  const c = channel.toLowerCase();
  return ELECTRONIC.some((e) => c.includes(e));
}

/** The cheap facts the derivation rules read, gathered by a few indexed queries. */
export interface TagFacts {
  /** The customer's tier in force and the scheme's tiers best first. */
  tier: string | null;
  tierOrder: readonly string[];
  /** Complaints in the last 12 months (monthly rollups). */
  complaints12m: number;
  /** Months of the last 12 with at least one order. */
  orderMonths12m: number;
  /** Distinct order channels of the last 12 months (null channels left out). */
  channels12m: readonly string[];
  /** A contact of the customer has the role key_person. */
  keyPersonContact: boolean;
}

/**
 * Tags derived from facts, each by a documented rule:
 * - high_end: the customer is in the best tier of the service-tier scheme;
 * - complaint_history: at least one complaint in the last 12 months;
 * - value_added_potential: a regular buyer (orders in 6 or more of the last 12 months) — an
 *   engaged customer is the best prospect for value-added services;
 * - e_channel_potential: bought in the last 12 months, but never through an electronic channel;
 * - key_person: a contact of the customer is recorded with the role key_person.
 * blacklist (a habitual complainant) is a judgement only people or automation rules make: a
 * stored tag only.
 */
export function deriveTags(f: TagFacts): FrontlineTag[] {
  const out: FrontlineTag[] = [];
  if (f.tier !== null && f.tierOrder.length > 0 && f.tier === f.tierOrder[0]) out.push('high_end');
  if (f.complaints12m > 0) out.push('complaint_history');
  if (f.keyPersonContact) out.push('key_person');
  if (f.orderMonths12m >= 6) out.push('value_added_potential');
  if (f.channels12m.length > 0 && !f.channels12m.some(isElectronicChannel))
    out.push('e_channel_potential');
  return out;
}

/** One tag on the card: where it comes from and what to do. */
export interface CardTag {
  key: string;
  source: 'stored' | 'derived';
  name: LocalText | null;
  /** Suggested action; null for a free-form stored tag the card does not know. */
  action: LocalText | null;
}

/**
 * Stored and derived tags merged, known tags first in the order of {@link FRONTLINE_TAGS}
 * (blacklist first: it changes how everything else is handled), then free-form stored tags. A
 * tag both stored and derived counts as stored (a person said so).
 */
export function cardTags(stored: readonly string[], derived: readonly FrontlineTag[]): CardTag[] {
  const storedSet = new Set(stored);
  const known: CardTag[] = [];
  for (const key of FRONTLINE_TAGS) {
    const isStored = storedSet.has(key);
    if (!isStored && !derived.includes(key)) continue;
    known.push({
      key,
      source: isStored ? 'stored' : 'derived',
      name: TAG_TEXT[key].name,
      action: TAG_TEXT[key].action,
    });
  }
  const other: CardTag[] = [...storedSet]
    .filter((t) => !isFrontlineTag(t))
    .sort()
    .map((key) => ({ key, source: 'stored', name: null, action: null }));
  return [...known, ...other];
}
