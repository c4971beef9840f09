/**
 * The eight RFM customer classes of Chinese CRM practice (RFM 模型八类客户, after Hughes'
 * RFM model, 1994): each of R, F and M is "high" or "low", giving 2³ classes. A score counts
 * as high when it is above the middle quintile (≥ 4), i.e. in the best 40% when values are
 * distinct. English names follow the nearest segment of the common 11-segment RFM map
 * (Champions, Loyal, At risk, Can't lose them, Lost, …).
 * Index bits: R high = 4, F high = 2, M high = 1.
 */
export const RFM_SEGMENTS = [
  {
    key: 'general_retain',
    zh: '一般挽留客户',
    en: 'Lost',
    action: {
      zh: '低成本唤醒(群发短信、优惠券),无回应则减少投入',
      en: 'Low-cost win-back (bulk message, coupon); stop spending if no response',
    },
  },
  {
    key: 'important_retain',
    zh: '重要挽留客户',
    en: 'Hibernating big spenders',
    action: {
      zh: '重点挽回:了解流失原因,专人回访并给出针对性方案',
      en: 'Win back: find out why they left, personal call with a tailored offer',
    },
  },
  {
    key: 'general_keep',
    zh: '一般保持客户',
    en: 'Need attention',
    action: {
      zh: '定期关怀提醒,推荐高价值产品以提升客单价',
      en: 'Regular reminders; recommend higher-value products',
    },
  },
  {
    key: 'important_keep',
    zh: '重要保持客户',
    en: "Can't lose them",
    action: {
      zh: '主动联系挽留,提供专属优惠,防止流失',
      en: 'Reach out now with an exclusive offer before they churn',
    },
  },
  {
    key: 'general_develop',
    zh: '一般发展客户',
    en: 'New customers',
    action: {
      zh: '新客引导与培育,提升复购和客单价',
      en: 'Onboard and nurture: second purchase, larger baskets',
    },
  },
  {
    key: 'important_develop',
    zh: '重要发展客户',
    en: 'Potential loyalists',
    action: {
      zh: '提高购买频次:会员计划、定期回购提醒',
      en: 'Raise frequency: membership, replenishment reminders',
    },
  },
  {
    key: 'general_value',
    zh: '一般价值客户',
    en: 'Loyal customers',
    action: {
      zh: '交叉销售与升级销售,提升消费金额',
      en: 'Cross-sell and upsell to raise spend',
    },
  },
  {
    key: 'important_value',
    zh: '重要价值客户',
    en: 'Champions',
    action: {
      zh: '保持VIP待遇与专属服务,优先资源投入',
      en: 'Keep VIP treatment and dedicated service; first call on resources',
    },
  },
] as const;

export type RfmSegmentKey = (typeof RFM_SEGMENTS)[number]['key'];

/** A score at or above this counts as high. */
export const RFM_HIGH_SCORE = 4;

/** Segment index (0…7, see RFM_SEGMENTS) from three 1…5 scores. */
export function rfmSegmentIndex(r: number, f: number, m: number): number {
  return (
    (r >= RFM_HIGH_SCORE ? 4 : 0) | (f >= RFM_HIGH_SCORE ? 2 : 0) | (m >= RFM_HIGH_SCORE ? 1 : 0)
  );
}
